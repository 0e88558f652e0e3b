/**
 * The ethereum/tests TrieTests JSON format, as io-ts codecs.
 *
 * A root test gives `in` — a list of [key, value] updates applied in order (trietest*), or an
 * object whose order does not matter (trieanyorder*, hex_encoded_securetrie_test) — and the
 * expected `root`. Keys and values are hex when they start with 0x, else UTF-8 text; a null
 * value deletes the key. An iteration test (trietestnextprev) gives keys and, for probe keys,
 * the expected previous and next keys in order.
 */
import * as t from "io-ts";
import { bytesToHex, hexToBytes } from "../../spec/primitives/bytes.js";
import { Hash32 } from "./state-tests.js";
import { type TestFileResult, decodeTestFile } from "./test-file.js";

const HEX_TEXT = /^0x(?:[0-9a-fA-F]{2})*$/;

/** Key or value text: "0x..." is hex bytes, anything else its UTF-8 bytes. */
export const TrieText = new t.Type<Uint8Array, string, unknown>(
  "trie key or value (0x-hex or text)",
  (u): u is Uint8Array => u instanceof Uint8Array,
  (u, c) => {
    if (typeof u !== "string") return t.failure(u, c);
    if (!u.startsWith("0x")) return t.success(new TextEncoder().encode(u));
    return HEX_TEXT.test(u) ? t.success(hexToBytes(u)) : t.failure(u, c, "expected an even number of hex digits after 0x");
  },
  bytesToHex,
);

/** A value, where null (deletion) becomes the empty value, which the trie treats as absent. */
const TrieValue = new t.Type<Uint8Array, string | null, unknown>(
  "trie value or null",
  (u): u is Uint8Array => u instanceof Uint8Array,
  (u, c) => (u === null ? t.success(new Uint8Array(0)) : TrieText.validate(u, c)),
  (bytes) => TrieText.encode(bytes),
);

type Update = readonly [Uint8Array, Uint8Array];

/** `in` as ordered updates, whether the file gives a list of pairs or an object. */
const TrieUpdates = new t.Type<Update[], unknown, unknown>(
  "list of [key, value] pairs or object of key: value",
  (u): u is Update[] => Array.isArray(u),
  (u, c) => {
    if (Array.isArray(u)) return t.array(t.tuple([TrieText, TrieValue])).validate(u, c);
    if (typeof u !== "object" || u === null) return t.failure(u, c);
    const updates: Update[] = [];
    for (const [keyText, valueJson] of Object.entries(u)) {
      const entryContext = t.appendContext(c, keyText, TrieValue, valueJson);
      const key = TrieText.validate(keyText, entryContext);
      if (key._tag === "Left") return key;
      const value = TrieValue.validate(valueJson, entryContext);
      if (value._tag === "Left") return value;
      updates.push([key.right, value.right]);
    }
    return t.success(updates);
  },
  (updates) => updates,
);

export const TrieRootTest = t.type({ in: TrieUpdates, root: Hash32 }, "trie root test");

export const TrieIterationTest = t.type(
  { in: t.array(t.string), tests: t.array(t.tuple([t.string, t.string, t.string])) },
  "trie iteration test",
);

export const TrieTest = t.union([TrieRootTest, TrieIterationTest], "trie test");

export type TrieRootTest = t.TypeOf<typeof TrieRootTest>;
export type TrieIterationTest = t.TypeOf<typeof TrieIterationTest>;
export type TrieTest = t.TypeOf<typeof TrieTest>;

export function decodeTrieTestFile(text: string): TestFileResult<TrieTest> {
  return decodeTestFile(text, TrieTest);
}
