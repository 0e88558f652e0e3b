/**
 * Commitments of the post state: the state trie root (Yellow Paper §4.1: keccak256(address) →
 * rlp([nonce, balance, storageRoot, codeHash])) and the logs hash used by state tests.
 */
import { bigIntToBytes, bigIntToMinimalBytes } from "./bytes.js";
import { keccak256 } from "./keccak.js";
import { type RlpItem, rlpEncode } from "./rlp.js";
import { trieRoot } from "./trie.js";
import type { Account, Log } from "./world-state.js";

function* storageEntries(storage: ReadonlyMap<bigint, bigint>): Generator<[Uint8Array, Uint8Array]> {
  for (const [slot, value] of storage) {
    if (value !== 0n) yield [keccak256(bigIntToBytes(slot, 32)), rlpEncode(bigIntToMinimalBytes(value))];
  }
}

function* accountEntries(accounts: ReadonlyMap<bigint, Account>): Generator<[Uint8Array, Uint8Array]> {
  for (const [address, account] of accounts) {
    const body = rlpEncode([
      bigIntToMinimalBytes(account.nonce),
      bigIntToMinimalBytes(account.balance),
      trieRoot(storageEntries(account.storage)),
      account.codeHash,
    ]);
    yield [keccak256(bigIntToBytes(address, 20)), body];
  }
}

export function stateRoot(accounts: ReadonlyMap<bigint, Account>): Uint8Array {
  return trieRoot(accountEntries(accounts));
}

/** keccak256(rlp([[address, [topics...], data], ...])). */
export function logsHash(logs: readonly Log[]): Uint8Array {
  const items: RlpItem[] = logs.map((log) => [
    bigIntToBytes(log.address, 20),
    log.topics.map((t) => bigIntToBytes(t, 32)),
    log.data,
  ]);
  return keccak256(rlpEncode(items));
}
