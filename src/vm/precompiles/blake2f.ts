/**
 * 0x09: the BLAKE2b compression function F (EIP-152, RFC 7693 §3.2), one gas per round.
 * Input: rounds (4 bytes BE) ‖ h (64) ‖ m (128) ‖ t (16) ‖ final flag (1) = 213 bytes.
 *
 * EIP-152 lets a call ask for up to 2³² − 1 rounds (ethereum/tests' stTimeConsuming makes such a
 * call), so the round loop is the hot path. Every 64-bit word is held as two 32-bit halves, and
 * inside the loop the sixteen words of the working vector live in 32 local variables (`v5l`,
 * `v5h`: word 5's low and high half), which V8 keeps in registers: no BigInt, no allocation, no
 * array traffic but the message words. A call allocates only its 64-byte output. docs/performance.md
 * gives the rounds per second.
 */
import type { Precompile } from "./types.js";

const INPUT_LENGTH = 213;
const H_AT = 4;
const M_AT = 68;
const T_AT = 196;
const FLAG_AT = 212;

/** RFC 7693 §2.6's IV as (low, high) 32-bit halves. */
const IV = Uint32Array.of(
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a,
  0xade682d1, 0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
);

/**
 * RFC 7693 §2.7's SIGMA, ten rounds of sixteen message-word indexes, flattened and doubled so
 * that an entry is the index of the word's low half in `m`.
 */
const SIGMA_HALVES = Uint8Array.from(
  [
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
  ].flat(),
  (word) => 2 * word,
);

/** Where round r's schedule starts in SIGMA_HALVES is 16 · (r mod 10); the last one starts here. */
const LAST_SCHEDULE = 144;

/** The working vector v (16 words) and the message block m (16 words) as halves, reused by every call. */
const workingVector = new Uint32Array(32);
const messageBlock = new Uint32Array(32);

/**
 * `rounds` rounds of F's loop (RFC 7693 §3.2) on v. Each G (§3.1) is written out with its four
 * words' halves:
 *   v[a] = v[a] + v[b] + x         low halves added, the carry goes into the high halves' sum
 *   v[d] = (v[d] ^ v[a]) >>> 32    the halves swap
 *   v[c] = v[c] + v[d]
 *   v[b] = (v[b] ^ v[c]) >>> 24    each half takes the other's low 24 bits as its top
 *   v[a] = v[a] + v[b] + y
 *   v[d] = (v[d] ^ v[a]) >>> 16
 *   v[c] = v[c] + v[d]
 *   v[b] = (v[b] ^ v[c]) >>> 63    a rotation left by one bit
 * Locals hold signed 32-bit values (`| 0`); `>>> 0` reads them unsigned where they are summed. A
 * low-half sum adds at most three unsigned halves, so it is exact in a double and its carry is
 * `(sum / 2³²) | 0`; it is written out rather than called, as V8 does not inline a helper into a
 * function this large.
 */
function runRounds(v: Uint32Array, m: Uint32Array, rounds: number): void {
  let v0l = v[0]! | 0, v0h = v[1]! | 0;
  let v1l = v[2]! | 0, v1h = v[3]! | 0;
  let v2l = v[4]! | 0, v2h = v[5]! | 0;
  let v3l = v[6]! | 0, v3h = v[7]! | 0;
  let v4l = v[8]! | 0, v4h = v[9]! | 0;
  let v5l = v[10]! | 0, v5h = v[11]! | 0;
  let v6l = v[12]! | 0, v6h = v[13]! | 0;
  let v7l = v[14]! | 0, v7h = v[15]! | 0;
  let v8l = v[16]! | 0, v8h = v[17]! | 0;
  let v9l = v[18]! | 0, v9h = v[19]! | 0;
  let v10l = v[20]! | 0, v10h = v[21]! | 0;
  let v11l = v[22]! | 0, v11h = v[23]! | 0;
  let v12l = v[24]! | 0, v12h = v[25]! | 0;
  let v13l = v[26]! | 0, v13h = v[27]! | 0;
  let v14l = v[28]! | 0, v14h = v[29]! | 0;
  let v15l = v[30]! | 0, v15h = v[31]! | 0;
  let t: number, u: number, x: number, y: number;
  for (let round = 0, s = 0; round < rounds; round++, s = s === LAST_SCHEDULE ? 0 : s + 16) {
    // G(v0, v4, v8, v12) with message words σ[0], σ[1] (column 1)
    x = SIGMA_HALVES[s]!;
    y = SIGMA_HALVES[s + 1]!;
    t = (v0l >>> 0) + (v4l >>> 0) + m[x]!;
    v0h = (v0h + v4h + m[x + 1]! + ((t / 0x100000000) | 0)) | 0;
    v0l = t | 0;
    t = v12l ^ v0l;
    v12l = v12h ^ v0h;
    v12h = t;
    t = (v8l >>> 0) + (v12l >>> 0);
    v8h = (v8h + v12h + ((t / 0x100000000) | 0)) | 0;
    v8l = t | 0;
    t = v4l ^ v8l;
    u = v4h ^ v8h;
    v4l = (t >>> 24) | (u << 8);
    v4h = (u >>> 24) | (t << 8);
    t = (v0l >>> 0) + (v4l >>> 0) + m[y]!;
    v0h = (v0h + v4h + m[y + 1]! + ((t / 0x100000000) | 0)) | 0;
    v0l = t | 0;
    t = v12l ^ v0l;
    u = v12h ^ v0h;
    v12l = (t >>> 16) | (u << 16);
    v12h = (u >>> 16) | (t << 16);
    t = (v8l >>> 0) + (v12l >>> 0);
    v8h = (v8h + v12h + ((t / 0x100000000) | 0)) | 0;
    v8l = t | 0;
    t = v4l ^ v8l;
    u = v4h ^ v8h;
    v4l = (t << 1) | (u >>> 31);
    v4h = (u << 1) | (t >>> 31);
    // G(v1, v5, v9, v13) with message words σ[2], σ[3] (column 2)
    x = SIGMA_HALVES[s + 2]!;
    y = SIGMA_HALVES[s + 3]!;
    t = (v1l >>> 0) + (v5l >>> 0) + m[x]!;
    v1h = (v1h + v5h + m[x + 1]! + ((t / 0x100000000) | 0)) | 0;
    v1l = t | 0;
    t = v13l ^ v1l;
    v13l = v13h ^ v1h;
    v13h = t;
    t = (v9l >>> 0) + (v13l >>> 0);
    v9h = (v9h + v13h + ((t / 0x100000000) | 0)) | 0;
    v9l = t | 0;
    t = v5l ^ v9l;
    u = v5h ^ v9h;
    v5l = (t >>> 24) | (u << 8);
    v5h = (u >>> 24) | (t << 8);
    t = (v1l >>> 0) + (v5l >>> 0) + m[y]!;
    v1h = (v1h + v5h + m[y + 1]! + ((t / 0x100000000) | 0)) | 0;
    v1l = t | 0;
    t = v13l ^ v1l;
    u = v13h ^ v1h;
    v13l = (t >>> 16) | (u << 16);
    v13h = (u >>> 16) | (t << 16);
    t = (v9l >>> 0) + (v13l >>> 0);
    v9h = (v9h + v13h + ((t / 0x100000000) | 0)) | 0;
    v9l = t | 0;
    t = v5l ^ v9l;
    u = v5h ^ v9h;
    v5l = (t << 1) | (u >>> 31);
    v5h = (u << 1) | (t >>> 31);
    // G(v2, v6, v10, v14) with message words σ[4], σ[5] (column 3)
    x = SIGMA_HALVES[s + 4]!;
    y = SIGMA_HALVES[s + 5]!;
    t = (v2l >>> 0) + (v6l >>> 0) + m[x]!;
    v2h = (v2h + v6h + m[x + 1]! + ((t / 0x100000000) | 0)) | 0;
    v2l = t | 0;
    t = v14l ^ v2l;
    v14l = v14h ^ v2h;
    v14h = t;
    t = (v10l >>> 0) + (v14l >>> 0);
    v10h = (v10h + v14h + ((t / 0x100000000) | 0)) | 0;
    v10l = t | 0;
    t = v6l ^ v10l;
    u = v6h ^ v10h;
    v6l = (t >>> 24) | (u << 8);
    v6h = (u >>> 24) | (t << 8);
    t = (v2l >>> 0) + (v6l >>> 0) + m[y]!;
    v2h = (v2h + v6h + m[y + 1]! + ((t / 0x100000000) | 0)) | 0;
    v2l = t | 0;
    t = v14l ^ v2l;
    u = v14h ^ v2h;
    v14l = (t >>> 16) | (u << 16);
    v14h = (u >>> 16) | (t << 16);
    t = (v10l >>> 0) + (v14l >>> 0);
    v10h = (v10h + v14h + ((t / 0x100000000) | 0)) | 0;
    v10l = t | 0;
    t = v6l ^ v10l;
    u = v6h ^ v10h;
    v6l = (t << 1) | (u >>> 31);
    v6h = (u << 1) | (t >>> 31);
    // G(v3, v7, v11, v15) with message words σ[6], σ[7] (column 4)
    x = SIGMA_HALVES[s + 6]!;
    y = SIGMA_HALVES[s + 7]!;
    t = (v3l >>> 0) + (v7l >>> 0) + m[x]!;
    v3h = (v3h + v7h + m[x + 1]! + ((t / 0x100000000) | 0)) | 0;
    v3l = t | 0;
    t = v15l ^ v3l;
    v15l = v15h ^ v3h;
    v15h = t;
    t = (v11l >>> 0) + (v15l >>> 0);
    v11h = (v11h + v15h + ((t / 0x100000000) | 0)) | 0;
    v11l = t | 0;
    t = v7l ^ v11l;
    u = v7h ^ v11h;
    v7l = (t >>> 24) | (u << 8);
    v7h = (u >>> 24) | (t << 8);
    t = (v3l >>> 0) + (v7l >>> 0) + m[y]!;
    v3h = (v3h + v7h + m[y + 1]! + ((t / 0x100000000) | 0)) | 0;
    v3l = t | 0;
    t = v15l ^ v3l;
    u = v15h ^ v3h;
    v15l = (t >>> 16) | (u << 16);
    v15h = (u >>> 16) | (t << 16);
    t = (v11l >>> 0) + (v15l >>> 0);
    v11h = (v11h + v15h + ((t / 0x100000000) | 0)) | 0;
    v11l = t | 0;
    t = v7l ^ v11l;
    u = v7h ^ v11h;
    v7l = (t << 1) | (u >>> 31);
    v7h = (u << 1) | (t >>> 31);
    // G(v0, v5, v10, v15) with message words σ[8], σ[9] (diagonal 1)
    x = SIGMA_HALVES[s + 8]!;
    y = SIGMA_HALVES[s + 9]!;
    t = (v0l >>> 0) + (v5l >>> 0) + m[x]!;
    v0h = (v0h + v5h + m[x + 1]! + ((t / 0x100000000) | 0)) | 0;
    v0l = t | 0;
    t = v15l ^ v0l;
    v15l = v15h ^ v0h;
    v15h = t;
    t = (v10l >>> 0) + (v15l >>> 0);
    v10h = (v10h + v15h + ((t / 0x100000000) | 0)) | 0;
    v10l = t | 0;
    t = v5l ^ v10l;
    u = v5h ^ v10h;
    v5l = (t >>> 24) | (u << 8);
    v5h = (u >>> 24) | (t << 8);
    t = (v0l >>> 0) + (v5l >>> 0) + m[y]!;
    v0h = (v0h + v5h + m[y + 1]! + ((t / 0x100000000) | 0)) | 0;
    v0l = t | 0;
    t = v15l ^ v0l;
    u = v15h ^ v0h;
    v15l = (t >>> 16) | (u << 16);
    v15h = (u >>> 16) | (t << 16);
    t = (v10l >>> 0) + (v15l >>> 0);
    v10h = (v10h + v15h + ((t / 0x100000000) | 0)) | 0;
    v10l = t | 0;
    t = v5l ^ v10l;
    u = v5h ^ v10h;
    v5l = (t << 1) | (u >>> 31);
    v5h = (u << 1) | (t >>> 31);
    // G(v1, v6, v11, v12) with message words σ[10], σ[11] (diagonal 2)
    x = SIGMA_HALVES[s + 10]!;
    y = SIGMA_HALVES[s + 11]!;
    t = (v1l >>> 0) + (v6l >>> 0) + m[x]!;
    v1h = (v1h + v6h + m[x + 1]! + ((t / 0x100000000) | 0)) | 0;
    v1l = t | 0;
    t = v12l ^ v1l;
    v12l = v12h ^ v1h;
    v12h = t;
    t = (v11l >>> 0) + (v12l >>> 0);
    v11h = (v11h + v12h + ((t / 0x100000000) | 0)) | 0;
    v11l = t | 0;
    t = v6l ^ v11l;
    u = v6h ^ v11h;
    v6l = (t >>> 24) | (u << 8);
    v6h = (u >>> 24) | (t << 8);
    t = (v1l >>> 0) + (v6l >>> 0) + m[y]!;
    v1h = (v1h + v6h + m[y + 1]! + ((t / 0x100000000) | 0)) | 0;
    v1l = t | 0;
    t = v12l ^ v1l;
    u = v12h ^ v1h;
    v12l = (t >>> 16) | (u << 16);
    v12h = (u >>> 16) | (t << 16);
    t = (v11l >>> 0) + (v12l >>> 0);
    v11h = (v11h + v12h + ((t / 0x100000000) | 0)) | 0;
    v11l = t | 0;
    t = v6l ^ v11l;
    u = v6h ^ v11h;
    v6l = (t << 1) | (u >>> 31);
    v6h = (u << 1) | (t >>> 31);
    // G(v2, v7, v8, v13) with message words σ[12], σ[13] (diagonal 3)
    x = SIGMA_HALVES[s + 12]!;
    y = SIGMA_HALVES[s + 13]!;
    t = (v2l >>> 0) + (v7l >>> 0) + m[x]!;
    v2h = (v2h + v7h + m[x + 1]! + ((t / 0x100000000) | 0)) | 0;
    v2l = t | 0;
    t = v13l ^ v2l;
    v13l = v13h ^ v2h;
    v13h = t;
    t = (v8l >>> 0) + (v13l >>> 0);
    v8h = (v8h + v13h + ((t / 0x100000000) | 0)) | 0;
    v8l = t | 0;
    t = v7l ^ v8l;
    u = v7h ^ v8h;
    v7l = (t >>> 24) | (u << 8);
    v7h = (u >>> 24) | (t << 8);
    t = (v2l >>> 0) + (v7l >>> 0) + m[y]!;
    v2h = (v2h + v7h + m[y + 1]! + ((t / 0x100000000) | 0)) | 0;
    v2l = t | 0;
    t = v13l ^ v2l;
    u = v13h ^ v2h;
    v13l = (t >>> 16) | (u << 16);
    v13h = (u >>> 16) | (t << 16);
    t = (v8l >>> 0) + (v13l >>> 0);
    v8h = (v8h + v13h + ((t / 0x100000000) | 0)) | 0;
    v8l = t | 0;
    t = v7l ^ v8l;
    u = v7h ^ v8h;
    v7l = (t << 1) | (u >>> 31);
    v7h = (u << 1) | (t >>> 31);
    // G(v3, v4, v9, v14) with message words σ[14], σ[15] (diagonal 4)
    x = SIGMA_HALVES[s + 14]!;
    y = SIGMA_HALVES[s + 15]!;
    t = (v3l >>> 0) + (v4l >>> 0) + m[x]!;
    v3h = (v3h + v4h + m[x + 1]! + ((t / 0x100000000) | 0)) | 0;
    v3l = t | 0;
    t = v14l ^ v3l;
    v14l = v14h ^ v3h;
    v14h = t;
    t = (v9l >>> 0) + (v14l >>> 0);
    v9h = (v9h + v14h + ((t / 0x100000000) | 0)) | 0;
    v9l = t | 0;
    t = v4l ^ v9l;
    u = v4h ^ v9h;
    v4l = (t >>> 24) | (u << 8);
    v4h = (u >>> 24) | (t << 8);
    t = (v3l >>> 0) + (v4l >>> 0) + m[y]!;
    v3h = (v3h + v4h + m[y + 1]! + ((t / 0x100000000) | 0)) | 0;
    v3l = t | 0;
    t = v14l ^ v3l;
    u = v14h ^ v3h;
    v14l = (t >>> 16) | (u << 16);
    v14h = (u >>> 16) | (t << 16);
    t = (v9l >>> 0) + (v14l >>> 0);
    v9h = (v9h + v14h + ((t / 0x100000000) | 0)) | 0;
    v9l = t | 0;
    t = v4l ^ v9l;
    u = v4h ^ v9h;
    v4l = (t << 1) | (u >>> 31);
    v4h = (u << 1) | (t >>> 31);
  }
  v[0] = v0l;
  v[1] = v0h;
  v[2] = v1l;
  v[3] = v1h;
  v[4] = v2l;
  v[5] = v2h;
  v[6] = v3l;
  v[7] = v3h;
  v[8] = v4l;
  v[9] = v4h;
  v[10] = v5l;
  v[11] = v5h;
  v[12] = v6l;
  v[13] = v6h;
  v[14] = v7l;
  v[15] = v7h;
  v[16] = v8l;
  v[17] = v8h;
  v[18] = v9l;
  v[19] = v9h;
  v[20] = v10l;
  v[21] = v10h;
  v[22] = v11l;
  v[23] = v11h;
  v[24] = v12l;
  v[25] = v12h;
  v[26] = v13l;
  v[27] = v13h;
  v[28] = v14l;
  v[29] = v14h;
  v[30] = v15l;
  v[31] = v15h;
}

/** F (RFC 7693 §3.2) with `rounds` rounds; `bytes` holds h, m, t at EIP-152's offsets, little-endian. */
function compress(rounds: number, bytes: DataView, final: boolean): Uint8Array {
  const v = workingVector;
  const m = messageBlock;
  for (let i = 0; i < 16; i++) {
    v[i] = bytes.getUint32(H_AT + 4 * i, true);
    v[16 + i] = IV[i]!;
  }
  for (let i = 0; i < 32; i++) m[i] = bytes.getUint32(M_AT + 4 * i, true);
  // v[12..13] ^= t, the 128-bit offset counter.
  for (let i = 0; i < 4; i++) v[24 + i] = v[24 + i]! ^ bytes.getUint32(T_AT + 4 * i, true);
  // The final block inverts all bits of v[14].
  if (final) {
    v[28] = ~v[28]!;
    v[29] = ~v[29]!;
  }
  runRounds(v, m, rounds);
  // h' = h ^ v[0..7] ^ v[8..15]
  const output = new Uint8Array(64);
  const out = new DataView(output.buffer);
  for (let i = 0; i < 16; i++) out.setUint32(4 * i, bytes.getUint32(H_AT + 4 * i, true) ^ v[i]! ^ v[16 + i]!, true);
  return output;
}

export const blake2f: Precompile = (input, gas) => {
  // EIP-152: the price is the rounds count, and an input of the wrong length costs nothing.
  if (input.length !== INPUT_LENGTH) return "failure";
  const bytes = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const rounds = bytes.getUint32(0);
  if (rounds > gas) return "out of gas";
  const flag = input[FLAG_AT]!;
  if (flag > 1) return "failure";
  return { gasUsed: rounds, output: compress(rounds, bytes, flag === 1) };
};
