/**
 * Interesting operands: the values at which EVM rules change behaviour, so that an off-by-one in
 * any instruction or precompile shows. The distribution is deliberate, not left to luck:
 *
 * - every generic word (`wordArb`) is a boundary 4 times in 11: 0, 1, 2, limits ±1 of every
 *   width an implementation might special-case (2^8, 2^16, 2^31, 2^32, 2^63, 2^64, 2^128, 2^160),
 *   2^255 − 1, 2^255 (the minimum signed integer), 2^255 + 1, 2^256 − 2, 2^256 − 1 (−1);
 * - each instruction whose rule has its own edges draws its operands from a table of them
 *   (`operandsFor`) half of the time, the other operands staying generic, so that pairs like
 *   SDIV(−2^255, −1) or SLT(−2^255, 1) come up in every few hundred runs rather than once in a
 *   million: shift amounts 0, 1, 254–257 and huge; SIGNEXTEND and BYTE indexes 0, 1, 29–33;
 *   divisors 0, 1, −1, 2^k and 2^k ± 1 (fast paths for powers of two), and 2^64 − 1, 2^160 − 1,
 *   whose doubles round to powers of two; EXP bases 0, 1, 2, −1 with exponents 0, 1, 255–257;
 *   moduli 0, 1, 2^256 − 1; words whose sign bit sits just above or below a byte edge;
 * - memory offsets and sizes around 32-byte words (memory grows in words, Yellow Paper §9.1) and
 *   4096-byte pages, and near 2^32, 2^63 and 2^64, where an implementation's native integers end
 *   (expansion then costs more gas than exists, which must halt, not wrap);
 * - block numbers 0, 1, 255 and 256 back from every generated block number (BLOCKHASH's window);
 * - the addresses of accounts that exist in the generated pre-state.
 *
 * Program blocks (program-arbitrary.ts) add the boundaries an operand cannot reach alone: the end
 * of the return data ±1 for RETURNDATACOPY, a stack of 1023–1025 items, and (scenario.ts) a call
 * chain 1024 frames deep.
 */
import fc from "fast-check";
import { KNOWN_ADDRESSES } from "./world.js";

const TWO_255 = 1n << 255n;
const MAX_WORD = (1n << 256n) - 1n;

/** 2^k − 1, 2^k and 2^k + 1. */
const around = (k: bigint): bigint[] => [(1n << k) - 1n, 1n << k, (1n << k) + 1n];

export const WORD_EDGES: readonly bigint[] = [
  0n, 1n, 2n, 3n, 7n, 8n, 31n, 32n, 33n, 255n, 256n, 257n,
  ...[16n, 31n, 32n, 63n, 64n, 128n, 160n].flatMap(around),
  TWO_255 - 1n, TWO_255, TWO_255 + 1n, MAX_WORD - 1n, MAX_WORD,
];

/** Signed edges (two's complement): 0, ±1, the largest and smallest signed integers and their neighbours. */
export const SIGNED_EDGES: readonly bigint[] = [0n, 1n, 2n, MAX_WORD, MAX_WORD - 1n, TWO_255 - 1n, TWO_255, TWO_255 + 1n];
/** Shift amounts: in range, at the width (255/256/257, EIP-145), and far beyond. */
export const SHIFT_AMOUNTS: readonly bigint[] = [0n, 1n, 8n, 254n, 255n, 256n, 257n, 1n << 64n, MAX_WORD];
/** SIGNEXTEND and BYTE indexes: the first bytes, the last ones (30, 31) and just past them (32, 33). */
export const BYTE_INDEXES: readonly bigint[] = [0n, 1n, 29n, 30n, 31n, 32n, 33n, 1n << 64n, MAX_WORD];
/** Values whose top bit sits at a byte edge: what SIGNEXTEND extends, BYTE extracts and CLZ counts. */
export const BYTE_EDGE_VALUES: readonly bigint[] = [0n, 0x7fn, 0x80n, 0xffn, 0x7fffn, 0x8000n, 1n << 247n, (1n << 247n) - 1n, (1n << 248n) - 1n, TWO_255, MAX_WORD];
/** Divisors and moduli: 0, 1, −1, powers of two with their neighbours (fast paths), and 2^64 − 1 / 2^160 − 1, whose doubles round to a power of two. */
export const DIVISORS: readonly bigint[] = [0n, 1n, 2n, 3n, MAX_WORD, MAX_WORD - 1n, TWO_255, TWO_255 - 1n, ...[8n, 64n, 128n, 160n, 255n].flatMap(around)];
/** EXP: bases that have fast paths, exponents at the word's width. */
export const EXP_BASES: readonly bigint[] = [0n, 1n, 2n, 3n, 256n, MAX_WORD, TWO_255];
export const EXP_EXPONENTS: readonly bigint[] = [0n, 1n, 2n, 31n, 32n, 127n, 128n, 255n, 256n, 257n, MAX_WORD];

/** Offsets and lengths around word boundaries, then a few that make memory expansion unaffordable. */
export const SMALL_OFFSETS: readonly bigint[] = [0n, 1n, 2n, 31n, 32n, 33n, 63n, 64n, 65n, 95n, 96n, 127n, 128n, 224n, 255n, 256n, 1023n, 1024n, 4095n, 4096n, 4097n];
export const LARGE_OFFSETS: readonly bigint[] = [0x10000n, ...around(32n), 1n << 63n, ...around(64n), MAX_WORD - 31n, MAX_WORD];
export const LENGTHS: readonly bigint[] = [0n, 1n, 20n, 31n, 32n, 33n, 63n, 64n, 65n, 96n, 128n, 200n, 4095n, 4096n, 4097n];

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

/** A generic word half of the time, else one of `edges`. */
const edged = (edges: readonly bigint[]): fc.Arbitrary<bigint> => fc.oneof(fc.constantFrom(...edges), wordArb);

/**
 * The operands of `mnemonic` (µs[0] first): for instructions with edges of their own, drawn from
 * the tables above half of the time; for the others, generic words.
 */
export function operandsFor(mnemonic: string, count: number): fc.Arbitrary<bigint>[] {
  const generic = Array.from({ length: count }, () => wordArb);
  switch (mnemonic) {
    case "SHL":
    case "SHR":
    case "SAR":
      return [edged(SHIFT_AMOUNTS), edged([...SIGNED_EDGES, ...BYTE_EDGE_VALUES])];
    case "SIGNEXTEND":
    case "BYTE":
      return [edged(BYTE_INDEXES), edged(BYTE_EDGE_VALUES)];
    case "DIV":
    case "SDIV":
    case "MOD":
    case "SMOD":
      return [edged(SIGNED_EDGES), edged(DIVISORS)];
    case "SLT":
    case "SGT":
    case "LT":
    case "GT":
    case "EQ":
      return [edged(SIGNED_EDGES), edged(SIGNED_EDGES)];
    case "EXP":
      return [edged(EXP_BASES), edged(EXP_EXPONENTS)];
    case "ADDMOD":
    case "MULMOD":
      return [edged(SIGNED_EDGES), edged(SIGNED_EDGES), edged(DIVISORS)];
    case "CLZ":
    case "ISZERO":
    case "NOT":
      return [edged([...BYTE_EDGE_VALUES, ...DIVISORS])];
    default:
      return generic;
  }
}

/** The block numbers env generation uses (scenario.ts), so BLOCKHASH can aim 1, 256 and 257 back from each. */
export const BLOCK_NUMBERS: readonly bigint[] = [1n, 255n, 256n, 257n, 1000n];
export const BLOCKHASH_EDGES: readonly bigint[] = [
  0n,
  ...BLOCK_NUMBERS.flatMap((n) => [n, n - 1n, n - 256n, n - 257n]).filter((n) => n >= 0n),
];

/** Every tuple of one operand from each table (µs[0] from the first). */
function product(tables: readonly (readonly bigint[])[]): bigint[][] {
  return tables.reduce<bigint[][]>((tuples, table) => tuples.flatMap((tuple) => table.map((value) => [...tuple, value])), [[]]);
}

const SWEEP_SIGNED = [0n, 1n, MAX_WORD, TWO_255 - 1n, TWO_255, TWO_255 + 1n];
const SWEEP_SHIFTS = [0n, 1n, 254n, 255n, 256n, 257n, MAX_WORD];
const SWEEP_SHIFTED = [1n, 0x80n, TWO_255, TWO_255 - 1n, MAX_WORD];
const SWEEP_INDEXES = [0n, 1n, 29n, 30n, 31n, 32n, 33n, MAX_WORD];
const SWEEP_EXTENDED = [0x80n, 0x7fn, 0xffn, 1n << 239n, 1n << 247n, (1n << 248n) - 1n, TWO_255 - 1n, MAX_WORD];
const SWEEP_DIVIDENDS = [0n, 1n, 7n, TWO_255, TWO_255 - 1n, TWO_255 + 1n, MAX_WORD, 1n << 64n, (1n << 64n) + 5n];
const SWEEP_DIVISORS = [0n, 1n, 2n, 3n, MAX_WORD, TWO_255, (1n << 64n) - 1n, 1n << 64n, (1n << 160n) - 1n, 1n << 128n];

/**
 * For a sweep block: the boundary tuples of each instruction that has them, the cross product of
 * small per-operand tables, so that one block tries every combination of edges (SDIV(−2^255, −1),
 * SHL(256, 1), SIGNEXTEND(30, 2^247) …). Each tuple costs a few gas and 20 for folding its result (program.ts), EXP's up to 1630.
 */
export const SWEEP_TUPLES: ReadonlyMap<string, readonly (readonly bigint[])[]> = new Map<string, bigint[][]>([
  ...["SHL", "SHR", "SAR"].map((m): [string, bigint[][]] => [m, product([SWEEP_SHIFTS, SWEEP_SHIFTED])]),
  ...["SIGNEXTEND", "BYTE"].map((m): [string, bigint[][]] => [m, product([SWEEP_INDEXES, SWEEP_EXTENDED])]),
  ...["DIV", "SDIV", "MOD", "SMOD"].map((m): [string, bigint[][]] => [m, product([SWEEP_DIVIDENDS, SWEEP_DIVISORS])]),
  ...["SLT", "SGT", "LT", "GT", "EQ"].map((m): [string, bigint[][]] => [m, product([SWEEP_SIGNED, SWEEP_SIGNED])]),
  ["EXP", product([[0n, 1n, 2n, 3n, MAX_WORD, TWO_255], [0n, 1n, 2n, 255n, 256n, 257n, MAX_WORD]])],
  ...["ADDMOD", "MULMOD"].map((m): [string, bigint[][]] => [m, product([[1n, MAX_WORD, TWO_255], [1n, MAX_WORD, TWO_255], [0n, 1n, 2n, MAX_WORD]])]),
  ...["CLZ", "ISZERO", "NOT"].map((m): [string, bigint[][]] => [m, product([[...BYTE_EDGE_VALUES, 1n, 2n, (1n << 64n) - 1n, 1n << 64n]])]),
  ["BLOCKHASH", product([BLOCKHASH_EDGES])],
]);
