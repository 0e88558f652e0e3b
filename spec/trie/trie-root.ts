/**
 * The root hash of a Merkle-Patricia trie, Yellow Paper Appendix D.
 *
 * The trie is built afresh from the complete key → value mapping (no incremental updates): the
 * keys are sorted by nibble path and each node is the structural function `c(I, i)` of the
 * Yellow Paper applied to the keys that share the first `i` nibbles. A node whose RLP is shorter
 * than 32 bytes is embedded in its parent; a longer one is referenced by its keccak-256 hash.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex } from "../primitives/bytes.js";
import { type RlpItem, rlpEncode } from "../primitives/rlp.js";
import { hexPrefixEncode, toNibbles } from "./hex-prefix.js";

/** keccak256(rlp("")): the root of the trie with no entries. */
export const EMPTY_TRIE_ROOT: Uint8Array = keccak_256(rlpEncode(new Uint8Array(0)));

/** Nodes at least this long are stored by hash rather than inline (Appendix D, n(I, i)). */
const INLINE_LIMIT = 32;
const BRANCH_WIDTH = 16;

interface Entry {
  readonly path: Uint8Array;
  readonly value: Uint8Array;
}

/**
 * The root of the trie mapping each key to its value. An empty value means the key is absent;
 * when a key appears more than once, the last value given wins.
 */
export function trieRoot(entries: Iterable<readonly [Uint8Array, Uint8Array]>): Uint8Array {
  const byKey = new Map<string, Entry>();
  for (const [key, value] of entries) {
    const id = bytesToHex(key);
    if (value.length === 0) byKey.delete(id);
    else byKey.set(id, { path: toNibbles(key), value });
  }
  if (byKey.size === 0) return EMPTY_TRIE_ROOT;
  const sorted = [...byKey.values()].sort((a, b) => comparePaths(a.path, b.path));
  return keccak_256(rlpEncode(node(sorted, 0)));
}

/** The root of the "secure" trie, whose keys are hashed with keccak-256 before insertion. */
export function secureTrieRoot(entries: Iterable<readonly [Uint8Array, Uint8Array]>): Uint8Array {
  const hashed: (readonly [Uint8Array, Uint8Array])[] = [];
  for (const [key, value] of entries) hashed.push([keccak_256(key), value]);
  return trieRoot(hashed);
}

function comparePaths(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** c(I, i): the node for the sorted entries, all of which share their first `depth` nibbles. */
function node(entries: readonly Entry[], depth: number): RlpItem {
  if (entries.length === 1) {
    const only = entries[0]!;
    return [hexPrefixEncode(only.path.subarray(depth), true), only.value];
  }
  const shared = sharedPrefixLength(entries, depth);
  if (shared > 0) {
    const path = entries[0]!.path.subarray(depth, depth + shared);
    return [hexPrefixEncode(path, false), reference(node(entries, depth + shared))];
  }
  return branch(entries, depth);
}

/** A branch: one slot per next nibble, plus the value of the key that ends exactly here (if any). */
function branch(entries: readonly Entry[], depth: number): RlpItem {
  const children: Entry[][] = Array.from({ length: BRANCH_WIDTH }, () => []);
  let value: Uint8Array = new Uint8Array(0);
  for (const entry of entries) {
    if (entry.path.length === depth) value = entry.value;
    else children[entry.path[depth]!]!.push(entry);
  }
  const slots = children.map((group) => (group.length === 0 ? new Uint8Array(0) : reference(node(group, depth + 1))));
  return [...slots, value];
}

/** How many nibbles after `depth` every entry has in common (entries are sorted, so first and last decide). */
function sharedPrefixLength(entries: readonly Entry[], depth: number): number {
  const first = entries[0]!.path;
  const last = entries[entries.length - 1]!.path;
  let length = 0;
  while (depth + length < first.length && depth + length < last.length && first[depth + length] === last[depth + length]) {
    length++;
  }
  return length;
}

/** n(I, i): a child node inline when its encoding is short, else the hash of its encoding. */
function reference(child: RlpItem): RlpItem {
  const encoded = rlpEncode(child);
  return encoded.length < INLINE_LIMIT ? child : keccak_256(encoded);
}
