/**
 * The TrieTests runner: the spec's Merkle-Patricia root of each test's updates must equal `root`.
 *
 * Files whose name says "securetrie" (trietest_secureTrie, trieanyorder_secureTrie,
 * hex_encoded_securetrie_test) hash every key with keccak-256 first, as account and storage
 * tries do. Updates apply in order, so a later value for a key replaces an earlier one and a
 * null (empty) value deletes it.
 *
 * trietestnextprev is an iteration test: it asks a trie implementation for the keys before and
 * after a probe key. The spec's trie is a function from a complete mapping to its root and has
 * no ordered key iteration (nothing in the EVM's semantics needs one), so those tests are
 * skipped with that reason rather than answered by a sorted list that would test nothing.
 */
import { secureTrieRoot, trieRoot } from "../../spec/trie/index.js";
import { bytesEqual, bytesToHex } from "../../spec/primitives/bytes.js";
import { decodeTrieTestFile } from "../formats/trie-tests.js";
import type { CaseResult } from "../state-tests/result.js";
import { guarded, malformedFile } from "./vector-run.js";

const SECURE_FILE = /securetrie/i;

const ITERATION_SKIP_REASON =
  "iteration (next/previous key) test: the spec's trie computes roots of complete mappings and has no key iteration";

export function runTrieTestFile(text: string, fileId: string): CaseResult[] {
  const decoded = decodeTrieTestFile(text);
  if (!decoded.ok) return [malformedFile(fileId, decoded.error)];
  const fileName = fileId.split("/").pop() ?? fileId;
  const root = SECURE_FILE.test(fileName) ? secureTrieRoot : trieRoot;
  const results: CaseResult[] = [];
  for (const [name, test] of decoded.tests) {
    const id = `${fileId}::${name}`;
    if (!("root" in test)) {
      results.push({ id, status: "skip", reason: ITERATION_SKIP_REASON });
      continue;
    }
    results.push({
      id,
      ...guarded(() => {
        const actual = root(test.in);
        return bytesEqual(actual, test.root)
          ? { status: "pass" }
          : { status: "fail", reason: `root ${bytesToHex(actual)}, expected ${bytesToHex(test.root)}` };
      }),
    });
  }
  return results;
}
