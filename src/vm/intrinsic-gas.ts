/**
 * Intrinsic gas g0 (Yellow Paper eq. 60) with EIP-2 creation, EIP-2028 calldata, EIP-2930 access
 * lists, EIP-3860 initcode, EIP-7702 authorizations; and the EIP-7623 calldata floor.
 */
import type { ForkSchedule } from "./forks.js";
import type { Transaction } from "./transaction.js";

const TX_BASE = 21000n;
const TX_DATA_ZERO = 4n;
/** EIP-7623 STANDARD_TOKEN_COST: a zero byte is one token, a non-zero byte four. */
const TOKENS_PER_NONZERO_BYTE = 4n;

function zeroBytes(data: Uint8Array): number {
  let zeros = 0;
  for (const byte of data) if (byte === 0) zeros++;
  return zeros;
}

export function intrinsicGas(tx: Transaction, fork: ForkSchedule): bigint {
  const zeros = zeroBytes(tx.data);
  const nonZeros = tx.data.length - zeros;
  let gas = TX_BASE + TX_DATA_ZERO * BigInt(zeros) + BigInt(fork.gasTxDataNonZero) * BigInt(nonZeros);
  if (tx.to === null) {
    gas += BigInt(fork.gasTxCreate);
    gas += BigInt(fork.gasInitcodeWord) * BigInt(Math.ceil(tx.data.length / 32));
  }
  for (const entry of tx.accessList) {
    gas += BigInt(fork.gasAccessListAddress) + BigInt(fork.gasAccessListStorageKey) * BigInt(entry.storageKeys.length);
  }
  gas += BigInt(fork.gasPerEmptyAccount) * BigInt(tx.authorizations.length);
  return gas;
}

/**
 * EIP-7623: the least gas a transaction may be charged, 21000 + 10 per calldata token (a zero
 * byte one token, any other byte four), whatever its execution used. 0 before Prague.
 */
export function calldataFloorGas(tx: Transaction, fork: ForkSchedule): bigint {
  if (fork.gasFloorPerToken === 0) return 0n;
  const zeros = zeroBytes(tx.data);
  const tokens = BigInt(zeros) + TOKENS_PER_NONZERO_BYTE * BigInt(tx.data.length - zeros);
  return TX_BASE + BigInt(fork.gasFloorPerToken) * tokens;
}
