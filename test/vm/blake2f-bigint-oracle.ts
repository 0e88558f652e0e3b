/**
 * A test oracle for BLAKE2F (EIP-152): F on 64-bit BigInts, written straight from RFC 7693
 * §3.1–3.2, slow but obviously right, for checking the 32-bit-halves implementations of src and
 * spec at round counts BLAKE2b itself never uses. Inputs use EIP-152's 213-byte layout.
 */

/** F on 64-bit BigInts, straight from RFC 7693 §3.1–3.2: the oracle for arbitrary round counts. */
export function referenceF(input: Uint8Array): Uint8Array {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const MASK = (1n << 64n) - 1n;
  const IV = [
    0x6a09e667f3bcc908n, 0xbb67ae8584caa73bn, 0x3c6ef372fe94f82bn, 0xa54ff53a5f1d36f1n,
    0x510e527fade682d1n, 0x9b05688c2b3e6c1fn, 0x1f83d9abfb41bd6bn, 0x5be0cd19137e2179n,
  ];
  const SIGMA = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4], [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13], [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11], [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5], [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
  ];
  const word = (at: number) => view.getBigUint64(at, true);
  const h = Array.from({ length: 8 }, (_, i) => word(4 + 8 * i));
  const m = Array.from({ length: 16 }, (_, i) => word(68 + 8 * i));
  const v = [...h, ...IV];
  v[12] = v[12]! ^ word(196);
  v[13] = v[13]! ^ word(204);
  if (input[212] === 1) v[14] = v[14]! ^ MASK;
  const rotr = (x: bigint, n: bigint) => ((x >> n) | (x << (64n - n))) & MASK;
  const g = (a: number, b: number, c: number, d: number, x: bigint, y: bigint) => {
    v[a] = (v[a]! + v[b]! + x) & MASK;
    v[d] = rotr(v[d]! ^ v[a]!, 32n);
    v[c] = (v[c]! + v[d]!) & MASK;
    v[b] = rotr(v[b]! ^ v[c]!, 24n);
    v[a] = (v[a]! + v[b]! + y) & MASK;
    v[d] = rotr(v[d]! ^ v[a]!, 16n);
    v[c] = (v[c]! + v[d]!) & MASK;
    v[b] = rotr(v[b]! ^ v[c]!, 63n);
  };
  for (let r = 0; r < view.getUint32(0); r++) {
    const s = SIGMA[r % 10]!;
    const x = (i: number) => m[s[i]!]!;
    g(0, 4, 8, 12, x(0), x(1));
    g(1, 5, 9, 13, x(2), x(3));
    g(2, 6, 10, 14, x(4), x(5));
    g(3, 7, 11, 15, x(6), x(7));
    g(0, 5, 10, 15, x(8), x(9));
    g(1, 6, 11, 12, x(10), x(11));
    g(2, 7, 8, 13, x(12), x(13));
    g(3, 4, 9, 14, x(14), x(15));
  }
  const out = new Uint8Array(64);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setBigUint64(8 * i, h[i]! ^ v[i]! ^ v[i + 8]!, true);
  return out;
}

/** A deterministic pseudo-random 213-byte input (xorshift32), with the given rounds and flag. */
export function pseudoRandomInput(seed: number, rounds: number, flag: number): Uint8Array {
  const input = new Uint8Array(213);
  let state = seed || 1;
  for (let i = 4; i < 212; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    input[i] = state & 0xff;
  }
  new DataView(input.buffer).setUint32(0, rounds);
  input[212] = flag;
  return input;
}
