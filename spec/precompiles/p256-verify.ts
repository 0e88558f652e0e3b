/**
 * 0x100 P256VERIFY (EIP-7951, Osaka): ECDSA verification over secp256r1.
 *
 * Input: exactly 160 bytes, h ‖ r ‖ s ‖ qx ‖ qy (32 bytes each). Output: 32 bytes holding 1 for a
 * valid signature, and nothing for an invalid signature or input; the call itself always
 * succeeds once its 6900 gas is paid (the EIP's "failure" is the empty output, not a halt).
 */
import { p256 } from "@noble/curves/nist.js";
import { bytesToBigInt } from "../primitives/bytes.js";
import type { Precompile } from "./precompile.js";

export const P256VERIFY_GAS = 6900n;
const INPUT_LENGTH = 160;

const Point = p256.Point;
/** The base field modulus p and the group order n (EIP-7951, "Curve Parameters"). */
const FIELD_MODULUS = Point.Fp.ORDER;
const GROUP_ORDER = Point.Fn.ORDER;

const VALID = Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? 1 : 0));
const INVALID = new Uint8Array(0);

function word(input: Uint8Array, index: number): bigint {
  return bytesToBigInt(input.subarray(index * 32, index * 32 + 32));
}

function modInverse(value: bigint, modulus: bigint): bigint {
  return Point.Fn.inv(value % modulus);
}

/** Whether (x, y) satisfies y² = x³ + ax + b over the base field. */
function isOnCurve(x: bigint, y: bigint): boolean {
  const F = Point.Fp;
  const { a, b } = Point.CURVE();
  return F.eql(F.sqr(y), F.add(F.add(F.mul(F.sqr(x), x), F.mul(a, x)), b));
}

/** The EIP's verification algorithm, step by step: each failed check gives the empty output. */
export function p256VerifyOutput(input: Uint8Array): Uint8Array {
  if (input.length !== INPUT_LENGTH) return INVALID;
  const [h, r, s, qx, qy] = [0, 1, 2, 3, 4].map((i) => word(input, i)) as [bigint, bigint, bigint, bigint, bigint];
  if (!(r > 0n && r < GROUP_ORDER && s > 0n && s < GROUP_ORDER)) return INVALID;
  if (qx >= FIELD_MODULUS || qy >= FIELD_MODULUS) return INVALID;
  if (qx === 0n && qy === 0n) return INVALID;
  if (!isOnCurve(qx, qy)) return INVALID;
  const q = Point.fromAffine({ x: qx, y: qy });
  const sInverse = modInverse(s, GROUP_ORDER);
  const u1 = ((h % GROUP_ORDER) * sInverse) % GROUP_ORDER;
  const u2 = (r * sInverse) % GROUP_ORDER;
  const recovered = Point.BASE.multiplyUnsafe(u1).add(q.multiplyUnsafe(u2));
  if (recovered.is0()) return INVALID;
  return recovered.toAffine().x % GROUP_ORDER === r ? VALID : INVALID;
}

export const p256Verify: Precompile = {
  address: 0x100n,
  name: "P256VERIFY",
  gasCost: () => P256VERIFY_GAS,
  run: p256VerifyOutput,
};
