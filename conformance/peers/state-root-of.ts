/** The Merkle-Patricia root of a state given as the conformance contract's plain data (spec/'s trie). */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { stateRoot } from "../../spec/trie/index.js";
import type { PreState } from "../../interface/implementation.js";

export function stateRootOf(state: PreState): Uint8Array {
  return stateRoot(
    [...state].map(([address, account]) => ({
      address,
      nonce: account.nonce,
      balance: account.balance,
      codeHash: keccak_256(account.code),
      storage: account.storage,
    })),
  );
}
