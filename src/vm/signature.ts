/** secp256k1 public-key recovery, shared by transaction sender recovery and the ECRECOVER precompile. */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { bigIntToBytes, bytesToBigInt } from "./bytes.js";
import { keccak256 } from "./keccak.js";

/** The curve order n. */
export const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/**
 * The address (keccak256 of the uncompressed public key, last 20 bytes) that signed `hash`,
 * or null when (r, s, recovery) is not a valid recoverable signature.
 */
export function recoverAddress(hash: Uint8Array, r: bigint, s: bigint, recovery: number): bigint | null {
  if (r <= 0n || r >= SECP256K1_N || s <= 0n || s >= SECP256K1_N) return null;
  if (recovery !== 0 && recovery !== 1) return null;
  try {
    const point = new secp256k1.Signature(r, s, recovery).recoverPublicKey(hash);
    const publicKey = point.toBytes(false).subarray(1);
    return bytesToBigInt(keccak256(publicKey).subarray(12));
  } catch {
    return null;
  }
}

export function addressToBytes(address: bigint): Uint8Array {
  return bigIntToBytes(address, 20);
}
