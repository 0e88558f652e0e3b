/**
 * Intrinsic gas g0 (Yellow Paper 6.2): what a transaction costs before its first instruction runs.
 *
 * g0 = G_transaction
 *    + G_txcreate                                    for a creation (0 in Frontier, 32000 from EIP-2)
 *    + G_txdatazero / G_txdatanonzero per data byte  (68 → 16 for non-zero bytes in EIP-2028)
 *    + G_accesslistaddress / G_accessliststorage     per access-list entry and key (EIP-2930)
 *    + G_initcodeword per 32-byte word of initcode   for a creation (EIP-3860)
 */
import type { Schedule } from "../fork/schedule.js";
import type { Transaction } from "./types.js";

const WORD_BYTES = 32n;

export function intrinsicGas(tx: Transaction, schedule: Schedule): bigint {
  const isCreation = tx.to === null;
  let gas = schedule.gasTransaction;
  if (isCreation) gas += schedule.gasTransactionCreate;
  gas += dataCost(tx.data, schedule);
  gas += accessListCost(tx, schedule);
  if (isCreation) gas += schedule.gasInitcodeWord * words(tx.data.length);
  return gas;
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
