/**
 * 0x100: P256VERIFY (EIP-7951, Osaka): ECDSA verification over secp256r1 (NIST P-256).
 * Input h ‖ r ‖ s ‖ qx ‖ qy, 32 bytes each. Every invalid input (wrong length, r or s outside
 * [1, n), a coordinate ≥ p, a point off the curve or at infinity, a failed check) returns empty
 * output at the full price; only too little gas fails the call.
 */
import { p256 } from "@noble/curves/nist.js";
import { bigIntToBytes, bytesToBigInt, concatBytes } from "../bytes.js";
import type { Precompile } from "./types.js";

const INPUT_LENGTH = 160;
const P = p256.Point.CURVE().p;
const N = p256.Point.CURVE().n;
const VALID = bigIntToBytes(1n, 32);
const INVALID = new Uint8Array(0);

function verifies(input: Uint8Array): boolean {
  if (input.length !== INPUT_LENGTH) return false;
  const r = bytesToBigInt(input.subarray(32, 64));
  const s = bytesToBigInt(input.subarray(64, 96));
  const qx = bytesToBigInt(input.subarray(96, 128));
  const qy = bytesToBigInt(input.subarray(128, 160));
  if (r === 0n || r >= N || s === 0n || s >= N) return false;
  if (qx >= P || qy >= P) return false;
  try {
    // fromBytes rejects a point off the curve; (0, 0) is not on it, so infinity cannot be encoded.
    const publicKey = concatBytes(Uint8Array.of(0x04), input.subarray(96, 160));
    return p256.verify(input.subarray(32, 96), input.subarray(0, 32), publicKey, { prehash: false, lowS: false });
  } catch {
    return false;
  }
}

export const p256Verify: Precompile = (input, gas, fork) => {
  const cost = fork.p256VerifyGas;
  if (cost > gas) return "out of gas";
  return { gasUsed: cost, output: verifies(input) ? VALID.slice() : INVALID };
};
