/**
 * What a block commits to besides the state: the logs bloom (Yellow Paper §4.3.1, M3:2048), the
 * receipts (EIP-658 status, cumulative gas, bloom, logs; typed ones behind their type byte,
 * EIP-2718) and the roots of the ordered tries of transactions, receipts and withdrawals
 * (EIP-4895), keyed by rlp(index).
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bigIntToBytes, concatBytes } from "../../spec/primitives/bytes.js";
import { rlpEncode, rlpEncodeUint, type RlpItem } from "../../spec/primitives/rlp.js";
import type { Log } from "../../spec/state/world-state.js";
import { trieRoot } from "../../spec/trie/index.js";
import type { Withdrawal } from "./inputs.js";

export const BLOOM_BYTES = 256;

function addToBloom(bloom: Uint8Array, value: Uint8Array): void {
  const hash = keccak_256(value);
  for (let i = 0; i < 6; i += 2) {
    const bit = ((hash[i]! << 8) | hash[i + 1]!) & 2047;
    bloom[BLOOM_BYTES - 1 - (bit >> 3)]! |= 1 << (bit & 7);
  }
}

export function logsBloom(logs: readonly Log[]): Uint8Array {
  const bloom = new Uint8Array(BLOOM_BYTES);
  for (const log of logs) {
    addToBloom(bloom, bigIntToBytes(log.address, 20));
    for (const topic of log.topics) addToBloom(bloom, bigIntToBytes(topic, 32));
  }
  return bloom;
}

export function logItems(logs: readonly Log[]): RlpItem {
  return logs.map((log) => [bigIntToBytes(log.address, 20), log.topics.map((topic) => bigIntToBytes(topic, 32)), log.data]);
}

export interface Receipt {
  readonly type: number;
  readonly success: boolean;
  readonly cumulativeGasUsed: bigint;
  readonly logs: readonly Log[];
}

/** The receipt as the receipts trie stores it. */
export function encodeReceipt(receipt: Receipt): Uint8Array {
  const body = rlpEncode([rlpEncodeUint(receipt.success ? 1n : 0n), rlpEncodeUint(receipt.cumulativeGasUsed), logsBloom(receipt.logs), logItems(receipt.logs)]);
  return receipt.type === 0 ? body : concatBytes(Uint8Array.of(receipt.type), body);
}

/** The root of the trie mapping rlp(i) to the i-th item. */
export function orderedTrieRoot(items: readonly Uint8Array[]): Uint8Array {
  return trieRoot(items.map((item, i) => [rlpEncode(rlpEncodeUint(BigInt(i))), item] as const));
}

export function encodeWithdrawal(w: Withdrawal): Uint8Array {
  return rlpEncode([rlpEncodeUint(w.index), rlpEncodeUint(w.validatorIndex), bigIntToBytes(w.address, 20), rlpEncodeUint(w.amount)]);
}
