/**
 * Merkle-Patricia roots (Yellow Paper Appendix D): against hand-derived nodes, against
 * @ethereumjs/mpt as an independent peer on random mappings, and the state root's account and
 * storage encoding.
 */
import { MerklePatriciaTrie } from "@ethereumjs/mpt";
import { keccak_256 } from "@noble/hashes/sha3.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bigIntToBytes, bytesToHex, hexToBytes } from "../../spec/primitives/bytes.js";
import { rlpEncode, rlpEncodeUint } from "../../spec/primitives/rlp.js";
import { hexPrefixEncode } from "../../spec/trie/hex-prefix.js";
import { EMPTY_CODE_HASH, EMPTY_TRIE_ROOT, secureTrieRoot, stateRoot, storageRoot, trieRoot } from "../../spec/trie/index.js";

const text = (s: string) => new TextEncoder().encode(s);

describe("hex-prefix encoding (Appendix C)", () => {
  it("sets the leaf and odd flags and pads even paths", () => {
    expect(bytesToHex(hexPrefixEncode(Uint8Array.of(1, 2, 3, 4, 5), false))).toBe("0x112345");
    expect(bytesToHex(hexPrefixEncode(Uint8Array.of(0, 1, 2, 3, 4, 5), false))).toBe("0x00012345");
    expect(bytesToHex(hexPrefixEncode(Uint8Array.of(0x0f, 1, 0x0c, 0x0b, 8), true))).toBe("0x3f1cb8");
    expect(bytesToHex(hexPrefixEncode(Uint8Array.of(0, 0x0f, 1, 0x0c, 0x0b, 8), true))).toBe("0x200f1cb8");
  });
});

describe("trieRoot", () => {
  it("of nothing is keccak256(rlp(''))", () => {
    expect(bytesToHex(EMPTY_TRIE_ROOT)).toBe("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    expect(trieRoot([])).toEqual(EMPTY_TRIE_ROOT);
  });

  it("of one entry is the hash of a single leaf", () => {
    const leaf = rlpEncode([hexPrefixEncode(Uint8Array.of(6, 1), true), text("b")]);
    expect(trieRoot([[text("a"), text("b")]])).toEqual(keccak_256(leaf));
  });

  it("treats an empty value as absent and lets a later value win", () => {
    const base = trieRoot([[text("do"), text("verb")]]);
    expect(trieRoot([[text("do"), text("verb")], [text("dog"), new Uint8Array(0)]])).toEqual(base);
    expect(trieRoot([[text("do"), text("noun")], [text("do"), text("verb")]])).toEqual(base);
    expect(trieRoot([[text("do"), text("verb")], [text("do"), new Uint8Array(0)]])).toEqual(EMPTY_TRIE_ROOT);
  });

  it("matches the Yellow Paper era 'puppy' example", () => {
    const entries = [
      ["do", "verb"],
      ["horse", "stallion"],
      ["doge", "coin"],
      ["dog", "puppy"],
    ].map(([k, v]) => [text(k!), text(v!)] as const);
    expect(bytesToHex(trieRoot(entries))).toBe("0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84");
  });

  const mapping = fc.uniqueArray(fc.tuple(fc.uint8Array({ minLength: 0, maxLength: 6 }), fc.uint8Array({ minLength: 1, maxLength: 40 })), {
    selector: ([key]) => bytesToHex(key),
    maxLength: 40,
  });

  it("does not depend on the order of the entries", () => {
    fc.assert(
      fc.property(mapping, (entries) => {
        expect(trieRoot([...entries].reverse())).toEqual(trieRoot(entries));
      }),
      { numRuns: 200 },
    );
  });

  it("agrees with @ethereumjs/mpt on random mappings (plain and secure)", async () => {
    await fc.assert(
      fc.asyncProperty(mapping, async (entries) => {
        const plain = new MerklePatriciaTrie();
        const secure = new MerklePatriciaTrie({ useKeyHashing: true });
        for (const [key, value] of entries) {
          await plain.put(key, value);
          await secure.put(key, value);
        }
        expect(bytesToHex(trieRoot(entries))).toBe(bytesToHex(plain.root()));
        expect(bytesToHex(secureTrieRoot(entries))).toBe(bytesToHex(secure.root()));
      }),
      { numRuns: 100 },
    );
  });

  it("handles a few thousand entries well under a second", () => {
    const entries = Array.from({ length: 3000 }, (_, i) => [keccak_256(bigIntToBytes(BigInt(i), 32)), rlpEncodeUint(BigInt(i + 1))] as const);
    const start = performance.now();
    trieRoot(entries);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe("stateRoot", () => {
  it("of no accounts is the empty root", () => {
    expect(stateRoot([])).toEqual(EMPTY_TRIE_ROOT);
  });

  it("omits zero storage values", () => {
    expect(storageRoot([[1n, 0n]])).toEqual(EMPTY_TRIE_ROOT);
    expect(storageRoot([[1n, 5n], [2n, 0n]])).toEqual(storageRoot([[1n, 5n]]));
  });

  it("keys accounts by keccak(address) and stores rlp([nonce, balance, storageRoot, codeHash])", () => {
    const address = 0xa94f5374fce5edbc8e2a8697c15331677e6ebf0bn;
    const storage = [[0n, 0x2an]] as const;
    const expectedStorage = secureTrieRoot([[new Uint8Array(32), rlpEncode(Uint8Array.of(0x2a))]]);
    const leaf = rlpEncode([rlpEncodeUint(1n), rlpEncodeUint(10n ** 18n), expectedStorage, EMPTY_CODE_HASH]);
    const expected = trieRoot([[keccak_256(hexToBytes("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b")), leaf]]);
    expect(stateRoot([{ address, nonce: 1n, balance: 10n ** 18n, codeHash: EMPTY_CODE_HASH, storage }])).toEqual(expected);
  });

  it("rejects a code hash that is not 32 bytes", () => {
    expect(() => stateRoot([{ address: 1n, nonce: 0n, balance: 0n, codeHash: new Uint8Array(31), storage: [] }])).toThrow(/32/);
  });
});
