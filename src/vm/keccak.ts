/** Keccak-256 (the pre-standard SHA-3 variant Ethereum uses) and the hashes of well-known empty values. */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { hexToBytes } from "./bytes.js";

export function keccak256(data: Uint8Array): Uint8Array {
  return keccak_256(data);
}

/** keccak256 of the empty string: the code hash of an account without code. */
export const KECCAK_EMPTY = hexToBytes("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

/** keccak256(rlp("")): the root of an empty Merkle-Patricia trie. */
export const EMPTY_TRIE_ROOT = hexToBytes("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
