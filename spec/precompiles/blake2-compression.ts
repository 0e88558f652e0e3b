/**
 * BLAKE2b's compression function F (RFC 7693, §3.2) with the number of rounds as a parameter,
 * as EIP-152 exposes it. BLAKE2b proper runs 12 rounds; EIP-152 allows any count from 0 to
 * 2³² − 1, cycling through the ten message schedules.
 *
 * The RFC's words are unsigned 64-bit integers (w = 64, §2.1). Here each word is held as its two
 * 32-bit halves, low then high, in a Uint32Array: a call may ask for 2³² − 1 rounds, and 64-bit
 * BigInt arithmetic allocates on every operation, which makes such a call take hours, where
 * 32-bit arithmetic on JavaScript numbers takes minutes. Every operation F needs, addition
 * modulo 2⁶⁴, exclusive or and rotation, is one small function below, so G reads line by line
 * as §3.1 writes it.
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

/**
 * The words each of a round's eight G calls mixes (RFC 7693, §3.2): the four columns of v seen
 * as a 4 × 4 matrix, then its four diagonals. The i-th call takes message words s[2i], s[2i + 1].
 */
const G_WORDS = [
  [0, 4, 8, 12], [1, 5, 9, 13], [2, 6, 10, 14], [3, 7, 11, 15],
  [0, 5, 10, 15], [1, 6, 11, 12], [2, 7, 8, 13], [3, 4, 9, 14],
] as const;

/** G's rotation distances for BLAKE2b (RFC 7693, §2.1): R1, R2, R3, R4. */
const R1 = 32;
const R2 = 24;
const R3 = 16;
const R4 = 63;

/** The inputs of F: state h (8 words), message block m (16 words), offset counter t (2 words). */
export interface CompressionInput {
  readonly rounds: number;
  readonly h: BigUint64Array;
  readonly m: BigUint64Array;
  readonly t: BigUint64Array;
  /** Whether this is the final block. */
  readonly final: boolean;
}

/**
 * 64-bit words as 32-bit halves: word i's low half at index 2i, its high half at 2i + 1. Stores
 * into a Uint32Array keep the low 32 bits, which is what arithmetic modulo 2³² needs.
 */
type Words = Uint32Array;

const TWO_TO_THE_32 = 2 ** 32;

function low(words: Words, i: number): number {
  return words[2 * i]!;
}

function high(words: Words, i: number): number {
  return words[2 * i + 1]!;
}

function setWord(words: Words, i: number, lowHalf: number, highHalf: number): void {
  words[2 * i] = lowHalf;
  words[2 * i + 1] = highHalf;
}

/** target[i] := (target[i] + source[j]) mod 2⁶⁴: the low halves' carry (0 or 1) goes into the high halves' sum. */
function add(target: Words, i: number, source: Words, j: number): void {
  const lowSum = target[2 * i]! + source[2 * j]!;
  const carry = lowSum >= TWO_TO_THE_32 ? 1 : 0;
  target[2 * i + 1] = target[2 * i + 1]! + source[2 * j + 1]! + carry;
  target[2 * i] = lowSum;
}

/** v[i] := (v[i] ^ v[j]) >>> n, the RFC's rotation of a 64-bit word right by n bits (0 < n < 64). */
function xorRotateRight(v: Words, i: number, j: number, n: number): void {
  let lowHalf = v[2 * i]! ^ v[2 * j]!;
  let highHalf = v[2 * i + 1]! ^ v[2 * j + 1]!;
  // Rotating by 32 swaps the halves; what is left is a rotation by n mod 32.
  if (n >= 32) {
    const swapped = lowHalf;
    lowHalf = highHalf;
    highHalf = swapped;
  }
  const k = n % 32;
  // Each half shifts right by k and takes the other half's low k bits as its top k bits.
  v[2 * i] = k === 0 ? lowHalf : (lowHalf >>> k) | (highHalf << (32 - k));
  v[2 * i + 1] = k === 0 ? highHalf : (highHalf >>> k) | (lowHalf << (32 - k));
}

/** The mixing function G (RFC 7693, §3.1): mixes message words m[x] and m[y] into v[a], v[b], v[c], v[d]. */
function mix(v: Words, a: number, b: number, c: number, d: number, m: Words, x: number, y: number): void {
  add(v, a, v, b); add(v, a, m, x); //  v[a] := (v[a] + v[b] + x) mod 2**w
  xorRotateRight(v, d, a, R1); //       v[d] := (v[d] ^ v[a]) >>> R1
  add(v, c, v, d); //                   v[c] := (v[c] + v[d])     mod 2**w
  xorRotateRight(v, b, c, R2); //       v[b] := (v[b] ^ v[c]) >>> R2
  add(v, a, v, b); add(v, a, m, y); //  v[a] := (v[a] + v[b] + y) mod 2**w
  xorRotateRight(v, d, a, R3); //       v[d] := (v[d] ^ v[a]) >>> R3
  add(v, c, v, d); //                   v[c] := (v[c] + v[d])     mod 2**w
  xorRotateRight(v, b, c, R4); //       v[b] := (v[b] ^ v[c]) >>> R4
}

/** 64-bit words into halves (only at F's boundary, never in the round loop). */
function toHalves(words: readonly bigint[] | BigUint64Array): Words {
  const halves = new Uint32Array(2 * words.length);
  words.forEach((word, i) => setWord(halves, i, Number(word & 0xffffffffn), Number(word >> 32n)));
  return halves;
}

/** F(h, m, t, f) with the given number of rounds: the new state h (RFC 7693, §3.2). */
export function compress({ rounds, h, m, t, final }: CompressionInput): BigUint64Array {
  if (h.length !== 8 || m.length !== 16 || t.length !== 2) throw new RangeError("BLAKE2b F takes 8 state, 16 message and 2 counter words");
  if (!Number.isInteger(rounds) || rounds < 0 || rounds > 0xffffffff) throw new RangeError(`invalid BLAKE2b round count ${rounds}`);
  const message = toHalves(m);
  // Initialize local work vector v[0..15]: v[0..7] := h[0..7], v[8..15] := IV[0..7].
  const v = toHalves([...h, ...IV]);
  const counter = toHalves(t);
  // v[12] := v[12] ^ (t mod 2**w); v[13] := v[13] ^ (t >> w).
  setWord(v, 12, low(v, 12) ^ low(counter, 0), high(v, 12) ^ high(counter, 0));
  setWord(v, 13, low(v, 13) ^ low(counter, 1), high(v, 13) ^ high(counter, 1));
  // IF f = TRUE THEN v[14] := v[14] ^ 0xFF..FF (invert all bits).
  if (final) setWord(v, 14, ~low(v, 14), ~high(v, 14));
  // Cryptographic mixing: FOR i = 0 TO r - 1, s[0..15] := SIGMA[i mod 10][0..15].
  for (let round = 0; round < rounds; round++) {
    const s = SIGMA[round % 10]!;
    for (let g = 0; g < 8; g++) {
      const [a, b, c, d] = G_WORDS[g]!;
      mix(v, a, b, c, d, message, s[2 * g]!, s[2 * g + 1]!);
    }
  }
  // FOR i = 0 TO 7: h[i] := h[i] ^ v[i] ^ v[i + 8].
  const out = new BigUint64Array(8);
  for (let i = 0; i < 8; i++) {
    const lowHalf = (low(v, i) ^ low(v, i + 8)) >>> 0;
    const highHalf = (high(v, i) ^ high(v, i + 8)) >>> 0;
    out[i] = h[i]! ^ ((BigInt(highHalf) << 32n) | BigInt(lowHalf));
  }
  return out;
}
