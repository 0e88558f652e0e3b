/**
 * Interesting operands: the values at which EVM rules change behaviour. Word edges (0, 1, 2^255,
 * 2^256-1) for signed and modular arithmetic; byte and shift counts around 31/32/255/256; memory
 * offsets around 32-byte word boundaries (memory grows in words, Yellow Paper §9.1) and far beyond
 * (expansion cost overflow); addresses of accounts that exist in the generated pre-state.
 */
import fc from "fast-check";
import { KNOWN_ADDRESSES } from "./world.js";

const TWO_255 = 1n << 255n;
const MAX_WORD = (1n << 256n) - 1n;

export const WORD_EDGES: readonly bigint[] = [
  0n, 1n, 2n, 3n, 7n, 8n, 31n, 32n, 33n, 255n, 256n, 257n,
  (1n << 32n) - 1n, 1n << 32n, (1n << 63n) - 1n, (1n << 64n) - 1n, 1n << 64n, (1n << 160n) - 1n,
  TWO_255 - 1n, TWO_255, TWO_255 + 1n, MAX_WORD - 1n, MAX_WORD,
];

/** Offsets and lengths around word boundaries, then a few that make memory expansion unaffordable. */
export const SMALL_OFFSETS: readonly bigint[] = [0n, 1n, 2n, 31n, 32n, 33n, 63n, 64n, 65n, 95n, 96n, 127n, 128n, 224n, 255n, 256n, 1023n, 1024n];
export const LARGE_OFFSETS: readonly bigint[] = [0x10000n, 0xffffffffn, 1n << 32n, (1n << 64n) - 1n, MAX_WORD];
export const LENGTHS: readonly bigint[] = [0n, 1n, 20n, 31n, 32n, 33n, 64n, 65n, 96n, 128n, 200n];

/** Any 256-bit word, biased to the edges, small numbers and known addresses. */
export const wordArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORD_EDGES) },
  { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: 300n }) },
  { weight: 2, arbitrary: fc.constantFrom(...KNOWN_ADDRESSES) },
  { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: MAX_WORD }) },
);

/** A memory offset: usually small and near a word boundary, rarely huge. */
export const offsetArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 45, arbitrary: fc.constantFrom(...SMALL_OFFSETS) },
  { weight: 15, arbitrary: fc.bigInt({ min: 0n, max: 600n }) },
  { weight: 1, arbitrary: fc.constantFrom(...LARGE_OFFSETS) },
);

/** A byte count for copies, hashes, logs and call data. */
export const lengthArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 45, arbitrary: fc.constantFrom(...LENGTHS) },
  { weight: 15, arbitrary: fc.bigInt({ min: 0n, max: 300n }) },
  { weight: 1, arbitrary: fc.constantFrom(...LARGE_OFFSETS) },
);

/** A storage slot: a few small ones collide often, so SSTORE meets earlier writes and SLOADs. */
export const slotArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 6, arbitrary: fc.bigInt({ min: 0n, max: 4n }) },
  { weight: 1, arbitrary: wordArb },
);

/** An address a program aims at: a known account, or any word (only its low 160 bits name an account, Yellow Paper Appendix H). */
export const addressArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KNOWN_ADDRESSES) },
  { weight: 1, arbitrary: wordArb },
);

/** Bytes of any value, short. */
export const bytesArb = (maxLength: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ maxLength });
