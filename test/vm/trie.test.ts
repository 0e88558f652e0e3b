import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bytesToHex, hexToBytes } from "../../src/vm/bytes.js";
import { EMPTY_TRIE_ROOT, keccak256 } from "../../src/vm/keccak.js";
import { trieRoot } from "../../src/vm/trie.js";
import { ETHEREUM_TESTS, haveVectors } from "./vectors.js";

/** TrieTests strings: 0x-prefixed means hex, anything else is UTF-8 text. */
function bytes(value: string): Uint8Array {
  return value.startsWith("0x") ? hexToBytes(value) : new TextEncoder().encode(value);
}

function load(file: string): Record<string, { in: Record<string, string>; root: string }> {
  return JSON.parse(readFileSync(join(ETHEREUM_TESTS, "TrieTests", file), "utf8"));
}

describe("Merkle-Patricia trie root", () => {
  it("is the empty root for no entries, and skips empty values", () => {
    expect(trieRoot([])).toEqual(EMPTY_TRIE_ROOT);
    expect(trieRoot([[Uint8Array.of(1), new Uint8Array(0)]])).toEqual(EMPTY_TRIE_ROOT);
  });

  it("does not depend on insertion order", () => {
    const pairs: [Uint8Array, Uint8Array][] = [];
    for (let i = 0; i < 50; i++) pairs.push([keccak256(Uint8Array.of(i)), Uint8Array.of(i + 1)]);
    expect(trieRoot([...pairs].reverse())).toEqual(trieRoot(pairs));
  });

  it.runIf(haveVectors)("matches trieanyorder.json", () => {
    for (const [name, vector] of Object.entries(load("trieanyorder.json"))) {
      const pairs = Object.entries(vector.in).map(([k, v]) => [bytes(k), bytes(v)] as const);
      expect(bytesToHex(trieRoot(pairs)), name).toBe(vector.root);
    }
  });

  it.runIf(haveVectors)("matches trieanyorder_secureTrie.json (keys hashed)", () => {
    for (const [name, vector] of Object.entries(load("trieanyorder_secureTrie.json"))) {
      const pairs = Object.entries(vector.in).map(([k, v]) => [keccak256(bytes(k)), bytes(v)] as const);
      expect(bytesToHex(trieRoot(pairs)), name).toBe(vector.root);
    }
  });
});
