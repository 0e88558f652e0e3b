/**
 * A point of BN254's twist (y² = x³ + b′ over Fp2) outside G2, the subgroup of order r that
 * EIP-197 requires of pairing inputs: the first such point with x = k + i, k = 1, 2, …
 */
import { bn254 } from "@noble/curves/bn254.js";

type Fp2 = { c0: bigint; c1: bigint };

export function twistPointOutsideG2(): { x: Fp2; y: Fp2 } {
  const Fp2 = bn254.fields.Fp2;
  const b = bn254.G2.Point.CURVE().b;
  for (let k = 1n; ; k++) {
    const x = Fp2.fromBigTuple([k, 1n]);
    const rhs = Fp2.add(Fp2.mul(Fp2.sqr(x), x), b);
    let y: Fp2;
    try {
      y = Fp2.sqrt(rhs);
    } catch {
      continue;
    }
    if (!Fp2.eql(Fp2.sqr(y), rhs)) continue;
    // r·Q ≠ O: Q is not in the subgroup of order r.
    const point = bn254.G2.Point.fromAffine({ x, y });
    if (!point.multiplyUnsafe(bn254.fields.Fr.ORDER - 1n).add(point).is0()) return { x, y };
  }
}
