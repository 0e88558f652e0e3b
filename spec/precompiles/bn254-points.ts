/**
 * The encoding of bn254 (alt_bn128) points shared by ECADD, ECMUL and ECPAIRING (EIP-196, EIP-197).
 *
 * A base-field element is a 32-byte big-endian integer that must be below the field modulus p.
 * A G1 point is (x, y); a G2 point is (x, y) over F_p² = F_p[i]/(i² + 1), where each coordinate
 * a·i + b is written imaginary part first, as a ‖ b. The all-zero encoding is the point at
 * infinity. Any other encoding must satisfy the curve's equation, and a G2 point must also lie
 * in the subgroup of prime order (G1 is the whole curve, so it needs no such check).
 */
import { bn254 } from "@noble/curves/bn254.js";
import type { WeierstrassPoint, WeierstrassPointCons } from "@noble/curves/abstract/weierstrass.js";
import type { Fp2 } from "@noble/curves/abstract/tower.js";
import { bigIntToBytes, bytesToBigInt, concatBytes } from "../primitives/bytes.js";
import { PrecompileFailure } from "./failure.js";

export type G1Point = WeierstrassPoint<bigint>;
export type G2Point = WeierstrassPoint<Fp2>;

export const G1 = bn254.G1.Point;
export const G2 = bn254.G2.Point;

/** The base field's modulus p (EIP-196). */
export const BN254_FIELD_MODULUS = 21888242871839275222246405745257275088696311157297823662689037894645226208583n;
/** The order r of G1 and G2 (EIP-196's q), which scalars of ECMUL are reduced by. */
export const BN254_GROUP_ORDER = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

export const G1_ENCODED_LENGTH = 64;
export const G2_ENCODED_LENGTH = 128;

/** The G1 point encoded in the first 64 bytes of `bytes`. */
export function decodeG1(bytes: Uint8Array): G1Point {
  const x = decodeFieldElement(bytes.subarray(0, 32));
  const y = decodeFieldElement(bytes.subarray(32, 64));
  if (x === 0n && y === 0n) return G1.ZERO;
  if (!isOnCurve(G1, x, y)) throw new PrecompileFailure("point-not-on-curve", `bn254: (${x}, ${y}) is not on G1`);
  return G1.fromAffine({ x, y });
}

/** The G2 point encoded in the first 128 bytes of `bytes`. */
export function decodeG2(bytes: Uint8Array): G2Point {
  const x = decodeFp2(bytes.subarray(0, 64));
  const y = decodeFp2(bytes.subarray(64, 128));
  const Fp2 = G2.Fp;
  if (Fp2.is0(x) && Fp2.is0(y)) return G2.ZERO;
  if (!isOnCurve(G2, x, y)) throw new PrecompileFailure("point-not-on-curve", "bn254: point is not on the G2 twist");
  const point = G2.fromAffine({ x, y });
  if (!point.isTorsionFree()) {
    throw new PrecompileFailure("point-not-in-subgroup", "bn254: G2 point is not in the subgroup of order r");
  }
  return point;
}

/** The 64-byte encoding of a G1 point; infinity encodes as zeros. */
export function encodeG1(point: G1Point): Uint8Array {
  if (point.is0()) return new Uint8Array(G1_ENCODED_LENGTH);
  const { x, y } = point.toAffine();
  return concatBytes(bigIntToBytes(x, 32), bigIntToBytes(y, 32));
}

function decodeFieldElement(bytes: Uint8Array): bigint {
  const value = bytesToBigInt(bytes);
  if (value >= BN254_FIELD_MODULUS) {
    throw new PrecompileFailure("invalid-field-element", `bn254: coordinate ${value} is not below the field modulus`);
  }
  return value;
}

/** An F_p² element a·i + b encoded as a ‖ b. */
function decodeFp2(bytes: Uint8Array): Fp2 {
  const imaginary = decodeFieldElement(bytes.subarray(0, 32));
  const real = decodeFieldElement(bytes.subarray(32, 64));
  return bn254.fields.Fp2.fromBigTuple([real, imaginary]);
}

/** Whether (x, y) satisfies the curve's equation y² = x³ + b (b = 3 on G1, 3/(i + 9) on G2). */
function isOnCurve<T>(curve: WeierstrassPointCons<T>, x: T, y: T): boolean {
  const F = curve.Fp;
  const { b } = curve.CURVE();
  return F.eql(F.sqr(y), F.add(F.mul(F.sqr(x), x), b));
}
