/**
 * The world-state root, Yellow Paper section 4.1: a secure trie of accounts, each account's leaf
 * holding the root of its own secure storage trie.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bigIntToBytes } from "../primitives/bytes.js";
import { rlpEncode, rlpEncodeUint } from "../primitives/rlp.js";
import { secureTrieRoot } from "./trie-root.js";

/** What the state root needs to know about one account. */
export interface AccountForRoot {
  /** 160-bit address. */
  readonly address: bigint;
  readonly nonce: bigint;
  readonly balance: bigint;
  /** keccak256 of the account's code (keccak256 of the empty string when it has none). */
  readonly codeHash: Uint8Array;
  /** Slot → value (256-bit each); zero values are treated as absent. */
  readonly storage: Iterable<readonly [bigint, bigint]>;
}

const ADDRESS_BYTES = 20;
const WORD_BYTES = 32;

/** The storage root: keccak256(slot as 32 bytes) → rlp(value as minimal bytes), zero slots omitted. */
export function storageRoot(storage: Iterable<readonly [bigint, bigint]>): Uint8Array {
  const entries: (readonly [Uint8Array, Uint8Array])[] = [];
  for (const [slot, value] of storage) {
    if (value === 0n) continue;
    entries.push([bigIntToBytes(slot, WORD_BYTES), rlpEncode(rlpEncodeUint(value))]);
  }
  return secureTrieRoot(entries);
}

/** The state root: keccak256(address as 20 bytes) → rlp([nonce, balance, storageRoot, codeHash]). */
export function stateRoot(accounts: Iterable<AccountForRoot>): Uint8Array {
  const entries: (readonly [Uint8Array, Uint8Array])[] = [];
  for (const account of accounts) {
    if (account.codeHash.length !== WORD_BYTES) {
      throw new RangeError(`code hash of account ${account.address.toString(16)} has ${account.codeHash.length} bytes, expected 32`);
    }
    const leaf = rlpEncode([
      rlpEncodeUint(account.nonce),
      rlpEncodeUint(account.balance),
      storageRoot(account.storage),
      account.codeHash,
    ]);
    entries.push([bigIntToBytes(account.address, ADDRESS_BYTES), leaf]);
  }
  return secureTrieRoot(entries);
}

/** keccak256 of the empty string: the code hash of an account without code. */
export const EMPTY_CODE_HASH: Uint8Array = keccak_256(new Uint8Array(0));
