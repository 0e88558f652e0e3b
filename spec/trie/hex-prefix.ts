/**
 * Nibble paths and their hex-prefix encoding, Yellow Paper Appendix C.
 *
 * Trie keys are walked four bits at a time; a leaf or extension node stores the remaining path
 * packed back into bytes, with a first nibble that says whether the path has odd length and
 * whether the node is a leaf (flag 2) or an extension (flag 0).
 */

/** The key as nibbles, high half of each byte first. */
export function toNibbles(key: Uint8Array): Uint8Array {
  const nibbles = new Uint8Array(key.length * 2);
  for (let i = 0; i < key.length; i++) {
    nibbles[2 * i] = key[i]! >> 4;
    nibbles[2 * i + 1] = key[i]! & 0x0f;
  }
  return nibbles;
}

/** HP(path, isLeaf): a flag nibble (2 for leaf, +1 when odd), a padding nibble when even, then the path. */
export function hexPrefixEncode(path: Uint8Array, isLeaf: boolean): Uint8Array {
  const odd = path.length % 2 === 1;
  const flag = (isLeaf ? 2 : 0) + (odd ? 1 : 0);
  const padded = odd ? [flag, ...path] : [flag, 0, ...path];
  const out = new Uint8Array(padded.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = (padded[2 * i]! << 4) | padded[2 * i + 1]!;
  return out;
}
