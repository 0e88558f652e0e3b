/**
 * The sender of a transaction: the address whose key produced its ECDSA signature over
 * secp256k1 (Yellow Paper Appendix F), found by public-key recovery.
 */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToBigInt } from "../primitives/bytes.js";
import type { Schedule } from "../fork/schedule.js";
import { TransactionError } from "./errors.js";
import { signingHash } from "./signing-hash.js";
import type { Transaction } from "./types.js";

/** The order n of the secp256k1 group. */
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
/** Unprotected legacy signatures use v = 27 + yParity (Yellow Paper Appendix F). */
const LEGACY_V_BASE = 27n;
/** EIP-155: v = chainId * 2 + 35 + yParity. */
const EIP155_V_OFFSET = 35n;

/**
 * Recovers the sender's 160-bit address.
 * Checks, in order: the chain id (typed: must equal `chainId`; legacy EIP-155: accepted only when
 * the fork has it, and must equal `chainId`), the recovery id, r and s in 1..n-1, s <= n/2 from
 * Homestead (EIP-2), and that recovery yields a point.
 */
export function recoverSender(tx: Transaction, schedule: Schedule, chainId: bigint): bigint {
  const yParity = recoveryId(tx, schedule, chainId);
  if (tx.r < 1n || tx.r >= SECP256K1_N) throw new TransactionError("INVALID_SIGNATURE", "signature r is not in 1..n-1");
  if (tx.s < 1n || tx.s >= SECP256K1_N) throw new TransactionError("INVALID_SIGNATURE", "signature s is not in 1..n-1");
  if (schedule.lowS && tx.s > SECP256K1_N / 2n) {
    throw new TransactionError("INVALID_SIGNATURE", "signature s is above n/2 (EIP-2 requires the low form)");
  }
  let publicKey: Uint8Array;
  try {
    const signature = new secp256k1.Signature(tx.r, tx.s, yParity);
    publicKey = signature.recoverPublicKey(signingHash(tx)).toBytes(false);
  } catch (error) {
    throw new TransactionError("INVALID_SIGNATURE", `public key recovery failed: ${(error as Error).message}`);
  }
  // The address is the last 20 bytes of keccak256 of the 64-byte public key (without the 0x04 prefix).
  return bytesToBigInt(keccak_256(publicKey.subarray(1)).subarray(12));
}

function recoveryId(tx: Transaction, schedule: Schedule, chainId: bigint): 0 | 1 {
  if (tx.type !== 0) {
    if (tx.chainId !== chainId) {
      throw new TransactionError("INVALID_CHAIN_ID", `transaction chain id ${tx.chainId}, the chain's is ${chainId}`);
    }
    return parity(tx.yParity, `yParity ${tx.yParity}`);
  }
  if (tx.chainId === null) {
    if (tx.v !== LEGACY_V_BASE && tx.v !== LEGACY_V_BASE + 1n) {
      throw new TransactionError("INVALID_SIGNATURE", `v = ${tx.v} is neither 27, 28 nor an EIP-155 value`);
    }
    return parity(tx.v - LEGACY_V_BASE, `v = ${tx.v}`);
  }
  if (!schedule.chainIdInSignature) {
    throw new TransactionError("INVALID_CHAIN_ID", `v = ${tx.v} carries a chain id, which ${schedule.fork} does not accept (EIP-155)`);
  }
  if (tx.chainId !== chainId) {
    throw new TransactionError("INVALID_CHAIN_ID", `v = ${tx.v} encodes chain id ${tx.chainId}, the chain's is ${chainId}`);
  }
  return parity(tx.v - EIP155_V_OFFSET - 2n * chainId, `v = ${tx.v}`);
}

function parity(value: bigint, what: string): 0 | 1 {
  if (value === 0n) return 0;
  if (value === 1n) return 1;
  throw new TransactionError("INVALID_SIGNATURE", `${what} is not a valid recovery id`);
}
