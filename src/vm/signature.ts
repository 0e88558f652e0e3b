/** secp256k1 public-key recovery, shared by transaction sender recovery and the ECRECOVER precompile. */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { bytesToBigInt } from "./bytes.js";
import { keccak256 } from "./keccak.js";

/** The curve order n. */
export const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** Bound on remembered recoveries; the oldest is forgotten first. */
const MEMO_LIMIT = 4096;
const memo = new Map<string, bigint | null>();

/**
 * The address (keccak256 of the uncompressed public key, last 20 bytes) that signed `hash`,
 * or null when (r, s, recovery) is not a valid recoverable signature.
 *
 * Recovery is a pure function and costs about a millisecond, more than executing most
 * transactions, so results are memoised (as clients cache a transaction's sender).
 */
export function recoverAddress(hash: Uint8Array, r: bigint, s: bigint, recovery: number): bigint | null {
  if (r <= 0n || r >= SECP256K1_N || s <= 0n || s >= SECP256K1_N) return null;
  if (recovery !== 0 && recovery !== 1) return null;
  const key = `${Buffer.from(hash).toString("hex")}:${r.toString(16)}:${s.toString(16)}:${recovery}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const address = recover(hash, r, s, recovery);
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(key, address);
  return address;
}

function recover(hash: Uint8Array, r: bigint, s: bigint, recovery: number): bigint | null {
  try {
    const point = new secp256k1.Signature(r, s, recovery).recoverPublicKey(hash);
    const publicKey = point.toBytes(false).subarray(1);
    return bytesToBigInt(keccak256(publicKey).subarray(12));
  } catch {
    return null;
  }
}
