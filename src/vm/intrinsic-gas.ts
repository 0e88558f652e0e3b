/** Intrinsic gas g0 (Yellow Paper eq. 60) with EIP-2 creation, EIP-2028 calldata, EIP-2930 access lists, EIP-3860 initcode. */
import type { ForkSchedule } from "./forks.js";
import type { Transaction } from "./transaction.js";

const TX_BASE = 21000n;
const TX_DATA_ZERO = 4n;

export function intrinsicGas(tx: Transaction, fork: ForkSchedule): bigint {
  let zeros = 0;
  for (const byte of tx.data) if (byte === 0) zeros++;
  const nonZeros = tx.data.length - zeros;
  let gas = TX_BASE + TX_DATA_ZERO * BigInt(zeros) + BigInt(fork.gasTxDataNonZero) * BigInt(nonZeros);
  if (tx.to === null) {
    gas += BigInt(fork.gasTxCreate);
    gas += BigInt(fork.gasInitcodeWord) * BigInt(Math.ceil(tx.data.length / 32));
  }
  for (const entry of tx.accessList) {
    gas += BigInt(fork.gasAccessListAddress) + BigInt(fork.gasAccessListStorageKey) * BigInt(entry.storageKeys.length);
  }
  return gas;
}
