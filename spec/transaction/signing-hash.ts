/**
 * The hash a transaction's sender signs: the transaction without its signature.
 *
 * - Legacy, unprotected (Yellow Paper 4.2): keccak256(rlp([nonce, gasPrice, gasLimit, to, value, data])).
 * - Legacy under EIP-155: the same list followed by [chainId, 0, 0].
 * - Typed (EIP-2718): keccak256(type || rlp(fields without yParity, r, s)), per EIP-2930, EIP-1559, EIP-4844.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { rlpEncodeUint } from "../primitives/rlp.js";
import { envelope, unsignedFields } from "./fields.js";
import type { Transaction } from "./types.js";

export function signingHash(tx: Transaction): Uint8Array {
  const fields = unsignedFields(tx);
  if (tx.type === 0 && tx.chainId !== null) fields.push(rlpEncodeUint(tx.chainId), rlpEncodeUint(0n), rlpEncodeUint(0n));
  return keccak_256(envelope(tx.type, fields));
}

/** The transaction hash: keccak256 of the signed transaction exactly as transmitted (envelope included). */
export function transactionHash(bytes: Uint8Array): Uint8Array {
  return keccak_256(bytes);
}
