/**
 * The Merkle-Patricia trie root (Yellow Paper, Appendix D) of a set of key/value pairs.
 *
 * State tests need only the root after one transaction, so the trie is built in one pass from
 * the sorted keys rather than maintained node by node: each node is RLP-encoded bottom-up, and
 * nodes whose encoding is shorter than 32 bytes are inlined in their parent instead of hashed.
 */
import { EMPTY_TRIE_ROOT, keccak256 } from "./keccak.js";
import { type RlpItem, rlpEncode } from "./rlp.js";

interface Entry {
  readonly nibbles: Uint8Array;
  readonly value: Uint8Array;
}

function toNibbles(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length * 2);
  for (let i = 0; i < key.length; i++) {
    out[2 * i] = key[i]! >> 4;
    out[2 * i + 1] = key[i]! & 15;
  }
  return out;
}

/** Hex-prefix encoding (Appendix C): the flag nibble says leaf-or-extension and odd-or-even length. */
function hexPrefix(nibbles: Uint8Array, leaf: boolean): Uint8Array {
  const odd = nibbles.length % 2;
  const flag = (leaf ? 2 : 0) + odd;
  const out = new Uint8Array(1 + (nibbles.length >> 1));
  let i = 0;
  if (odd === 1) {
    out[0] = (flag << 4) | nibbles[0]!;
    i = 1;
  } else {
    out[0] = flag << 4;
  }
  for (let j = 1; i < nibbles.length; i += 2, j++) out[j] = (nibbles[i]! << 4) | nibbles[i + 1]!;
  return out;
}

/** A child reference: the node's RLP itself when shorter than 32 bytes, otherwise its hash. */
function reference(node: RlpItem): RlpItem {
  const encoded = rlpEncode(node);
  return encoded.length < 32 ? node : keccak256(encoded);
}

/** Builds the node for entries[from, to) which all share the first `depth` nibbles. */
function buildNode(entries: readonly Entry[], from: number, to: number, depth: number): RlpItem {
  if (to - from === 1) {
    const entry = entries[from]!;
    return [hexPrefix(entry.nibbles.subarray(depth), true), entry.value];
  }
  const first = entries[from]!.nibbles;
  const last = entries[to - 1]!.nibbles;
  let common = depth;
  while (common < first.length && first[common] === last[common]) common++;
  if (common > depth) {
    const child = buildNode(entries, from, to, common);
    return [hexPrefix(first.subarray(depth, common), false), reference(child)];
  }
  const branch: RlpItem[] = new Array(17);
  let value: Uint8Array = new Uint8Array(0);
  let i = from;
  if (entries[i]!.nibbles.length === depth) {
    value = entries[i]!.value;
    i++;
  }
  for (let nibble = 0; nibble < 16; nibble++) {
    const start = i;
    while (i < to && entries[i]!.nibbles[depth] === nibble) i++;
    branch[nibble] = start === i ? new Uint8Array(0) : reference(buildNode(entries, start, i, depth + 1));
  }
  branch[16] = value;
  return branch;
}

function compareNibbles(a: Entry, b: Entry): number {
  const n = Math.min(a.nibbles.length, b.nibbles.length);
  for (let i = 0; i < n; i++) if (a.nibbles[i] !== b.nibbles[i]) return a.nibbles[i]! - b.nibbles[i]!;
  return a.nibbles.length - b.nibbles.length;
}

/** The root hash of the trie holding `pairs` (keys unique; empty values mean absent and are skipped). */
export function trieRoot(pairs: Iterable<readonly [Uint8Array, Uint8Array]>): Uint8Array {
  const entries: Entry[] = [];
  for (const [key, value] of pairs) if (value.length > 0) entries.push({ nibbles: toNibbles(key), value });
  if (entries.length === 0) return EMPTY_TRIE_ROOT;
  entries.sort(compareNibbles);
  const root = rlpEncode(buildNode(entries, 0, entries.length, 0));
  return keccak256(root);
}
