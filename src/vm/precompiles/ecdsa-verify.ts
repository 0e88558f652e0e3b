/**
 * ECDSA verification of a raw 32-byte hash on a short-Weierstrass curve, with EIP-7951's input
 * h ‖ r ‖ s ‖ qx ‖ qy (32 bytes each) and its checks: r and s in [1, n), both coordinates below p,
 * the point on the curve (so not infinity, which has no affine encoding), high s accepted.
 * P256VERIFY (0x100) uses it on P-256; the SVM fork's HYBRID_VERIFY on P-256 and secp256k1.
 */
import type { ECDSA } from "@noble/curves/abstract/weierstrass.js";
import { bytesToBigInt, concatBytes } from "../bytes.js";

const INPUT_LENGTH = 160;

export function ecdsaVerifies(curve: ECDSA, input: Uint8Array): boolean {
  if (input.length !== INPUT_LENGTH) return false;
  const { p, n } = curve.Point.CURVE();
  const r = bytesToBigInt(input.subarray(32, 64));
  const s = bytesToBigInt(input.subarray(64, 96));
  const qx = bytesToBigInt(input.subarray(96, 128));
  const qy = bytesToBigInt(input.subarray(128, 160));
  if (r === 0n || r >= n || s === 0n || s >= n) return false;
  if (qx >= p || qy >= p) return false;
  try {
    // fromBytes rejects a point off the curve; (0, 0) is not on it, so infinity cannot be encoded.
    const publicKey = concatBytes(Uint8Array.of(0x04), input.subarray(96, 160));
    return curve.verify(input.subarray(32, 96), input.subarray(0, 32), publicKey, { prehash: false, lowS: false });
  } catch {
    return false;
  }
}
