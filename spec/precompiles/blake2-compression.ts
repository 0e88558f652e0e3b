/**
 * BLAKE2b's compression function F (RFC 7693, §3.2) with the number of rounds as a parameter,
 * as EIP-152 exposes it. BLAKE2b proper runs 12 rounds; EIP-152 allows any count from 0 to
 * 2³² − 1, cycling through the ten message schedules.
 *
 * Words are unsigned 64-bit integers kept in BigUint64Arrays, whose stores wrap modulo 2⁶⁴ as
 * the RFC's additions do.
 */

/** The initialization vector (RFC 7693, §2.6): the first 64 bits of the fractional parts of √2, √3, …, √19. */
const IV = [
  0x6a09e667f3bcc908n, 0xbb67ae8584caa73bn, 0x3c6ef372fe94f82bn, 0xa54ff53a5f1d36f1n,
  0x510e527fade682d1n, 0x9b05688c2b3e6c1fn, 0x1f83d9abfb41bd6bn, 0x5be0cd19137e2179n,
] as const;

/** The message word schedule of each round (RFC 7693, §2.7); round i uses SIGMA[i mod 10]. */
const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
] as const;

/** The inputs of F: state h (8 words), message block m (16 words), offset counter t (2 words). */
export interface CompressionInput {
  readonly rounds: number;
  readonly h: BigUint64Array;
  readonly m: BigUint64Array;
  readonly t: BigUint64Array;
  /** Whether this is the final block. */
  readonly final: boolean;
}

/** F(h, m, t, f) with the given number of rounds: the new state h (RFC 7693, §3.2). */
export function compress({ rounds, h, m, t, final }: CompressionInput): BigUint64Array {
  if (h.length !== 8 || m.length !== 16 || t.length !== 2) throw new RangeError("BLAKE2b F takes 8 state, 16 message and 2 counter words");
  if (!Number.isInteger(rounds) || rounds < 0 || rounds > 0xffffffff) throw new RangeError(`invalid BLAKE2b round count ${rounds}`);
  const v = new BigUint64Array(16);
  v.set(h, 0);
  v.set(IV, 8);
  v[12] = v[12]! ^ t[0]!;
  v[13] = v[13]! ^ t[1]!;
  if (final) v[14] = ~v[14]!;
  for (let round = 0; round < rounds; round++) {
    const s = SIGMA[round % 10]!;
    mix(v, 0, 4, 8, 12, m[s[0]]!, m[s[1]]!);
    mix(v, 1, 5, 9, 13, m[s[2]]!, m[s[3]]!);
    mix(v, 2, 6, 10, 14, m[s[4]]!, m[s[5]]!);
    mix(v, 3, 7, 11, 15, m[s[6]]!, m[s[7]]!);
    mix(v, 0, 5, 10, 15, m[s[8]]!, m[s[9]]!);
    mix(v, 1, 6, 11, 12, m[s[10]]!, m[s[11]]!);
    mix(v, 2, 7, 8, 13, m[s[12]]!, m[s[13]]!);
    mix(v, 3, 4, 9, 14, m[s[14]]!, m[s[15]]!);
  }
  const out = new BigUint64Array(8);
  for (let i = 0; i < 8; i++) out[i] = h[i]! ^ v[i]! ^ v[i + 8]!;
  return out;
}

/** The mixing function G (RFC 7693, §3.1): mixes two message words into four state words. */
function mix(v: BigUint64Array, a: number, b: number, c: number, d: number, x: bigint, y: bigint): void {
  v[a] = v[a]! + v[b]! + x;
  v[d] = rotateRight(v[d]! ^ v[a]!, 32n);
  v[c] = v[c]! + v[d]!;
  v[b] = rotateRight(v[b]! ^ v[c]!, 24n);
  v[a] = v[a]! + v[b]! + y;
  v[d] = rotateRight(v[d]! ^ v[a]!, 16n);
  v[c] = v[c]! + v[d]!;
  v[b] = rotateRight(v[b]! ^ v[c]!, 63n);
}

/** Rotation of a 64-bit word right by n bits; the store into a BigUint64Array drops the high bits. */
function rotateRight(word: bigint, n: bigint): bigint {
  return (word >> n) | (word << (64n - n));
}
