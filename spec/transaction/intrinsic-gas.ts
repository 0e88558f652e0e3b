/**
 * Intrinsic gas g0 (Yellow Paper 6.2): what a transaction costs before its first instruction runs.
 *
 * g0 = G_transaction
 *    + G_txcreate                                    for a creation (0 in Frontier, 32000 from EIP-2)
 *    + G_txdatazero / G_txdatanonzero per data byte  (68 → 16 for non-zero bytes in EIP-2028)
 *    + G_accesslistaddress / G_accessliststorage     per access-list entry and key (EIP-2930)
 *    + G_initcodeword per 32-byte word of initcode   for a creation (EIP-3860)
 *    + PER_EMPTY_ACCOUNT_COST per authorization       (EIP-7702)
 *
 * From Prague a transaction also pays at least its calldata floor (EIP-7623).
 */
import type { Schedule } from "../fork/schedule.js";
import type { Transaction } from "./types.js";

const WORD_BYTES = 32n;
/** EIP-7702: what each authorization costs up front (refunded down to PER_AUTH_BASE_COST if the authority exists). */
export const PER_EMPTY_ACCOUNT_COST = 25000n;
export const PER_AUTH_BASE_COST = 12500n;
/** EIP-7623: calldata tokens per non-zero byte (a zero byte is one token). */
const TOKENS_PER_NONZERO_BYTE = 4n;

export function intrinsicGas(tx: Transaction, schedule: Schedule): bigint {
  const isCreation = tx.to === null;
  let gas = schedule.gasTransaction;
  if (isCreation) gas += schedule.gasTransactionCreate;
  gas += dataCost(tx.data, schedule);
  gas += accessListCost(tx, schedule);
  if (isCreation) gas += schedule.gasInitcodeWord * words(tx.data.length);
  if (tx.type === 4) gas += PER_EMPTY_ACCOUNT_COST * BigInt(tx.authorizationList.length);
  return gas;
}

/**
 * EIP-7623's floor: G_transaction plus the floor price per calldata token (10 per token, tokens
 * = zero bytes + 4 × other bytes), or 0 before Prague. Gas used is at least this.
 */
export function calldataFloorGas(tx: Transaction, schedule: Schedule): bigint {
  if (schedule.gasTxDataFloorPerToken === null) return 0n;
  let zeros = 0n;
  for (const byte of tx.data) if (byte === 0) zeros++;
  const tokens = zeros + (BigInt(tx.data.length) - zeros) * TOKENS_PER_NONZERO_BYTE;
  return schedule.gasTransaction + tokens * schedule.gasTxDataFloorPerToken;
}

export function dataCost(data: Uint8Array, schedule: Schedule): bigint {
  let zeros = 0n;
  for (const byte of data) if (byte === 0) zeros++;
  const nonZeros = BigInt(data.length) - zeros;
  return zeros * schedule.gasTxDataZero + nonZeros * schedule.gasTxDataNonZero;
}

export function accessListCost(tx: Transaction, schedule: Schedule): bigint {
  let gas = 0n;
  for (const entry of tx.accessList) {
    gas += schedule.gasAccessListAddress + BigInt(entry.storageKeys.length) * schedule.gasAccessListStorageKey;
  }
  return gas;
}

/** Number of 32-byte words needed to hold `length` bytes. */
function words(length: number): bigint {
  return (BigInt(length) + WORD_BYTES - 1n) / WORD_BYTES;
}
