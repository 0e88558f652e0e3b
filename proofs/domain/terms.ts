/**
 * Symbolic words and byte strings.
 *
 * A word is a bigint while it is concrete and a 256-bit Z3 bit-vector once it depends on an
 * input, so concrete code (most of any contract) runs at bigint speed and builds no terms.
 * A byte string is a list of cells: a concrete byte, or byte `index` (big-endian) of a symbolic
 * word. Storing a word in memory and loading it back therefore gives back the very same term,
 * and CALLDATALOAD of a symbolic argument is the argument itself, without any solver work.
 */
import { z3Runtime, type Bv } from "../z3/context.js";

export type Z3Word = bigint | Bv;

export interface SymbolicByte {
  readonly word: Bv;
  /** 0 is the most significant byte. */
  readonly index: number;
}

export type Cell = number | SymbolicByte;
export type Z3Bytes = readonly Cell[];

export const WORD_BITS = 256;

/** The word as a Z3 bit-vector. */
export function toTerm(word: Z3Word): Bv {
  return typeof word === "bigint" ? z3Runtime().ctx.BitVec.val(word, WORD_BITS) : word;
}

/** The word as a bigint if Z3's simplifier reduces it to a numeral. */
export function simplifiedValue(word: Z3Word): bigint | undefined {
  if (typeof word === "bigint") return word;
  const { ctx, simplify } = z3Runtime();
  const simplified = simplify(word);
  return ctx.isBitVecVal(simplified) ? simplified.value() : undefined;
}

/**
 * The bit-vector of a run of cells, most significant first: adjacent bytes of one word merge into
 * a single extract, and a whole word in order is the word itself.
 */
export function cellsToTerm(cells: Z3Bytes): Bv {
  const { ctx } = z3Runtime();
  const parts: Bv[] = [];
  let i = 0;
  while (i < cells.length) {
    const cell = cells[i]!;
    if (typeof cell === "number") {
      let value = 0n;
      let j = i;
      for (; j < cells.length && typeof cells[j] === "number"; j++) value = (value << 8n) | BigInt(cells[j] as number);
      parts.push(ctx.BitVec.val(value, 8 * (j - i)));
      i = j;
      continue;
    }
    let j = i + 1;
    for (; j < cells.length; j++) {
      const next = cells[j]!;
      if (typeof next === "number" || next.word !== cell.word || next.index !== cell.index + (j - i)) break;
    }
    const first = cell.index;
    const last = cell.index + (j - i) - 1;
    parts.push(first === 0 && last === 31 ? cell.word : cell.word.extract(255 - 8 * first, 248 - 8 * last));
    i = j;
  }
  return parts.length === 1 ? parts[0]! : ctx.Concat(...parts);
}

/** The 32 cells of a word. */
export function wordCells(word: Z3Word): Cell[] {
  if (typeof word === "bigint") {
    const cells: number[] = new Array<number>(32);
    let rest = word;
    for (let i = 31; i >= 0; i--) {
      cells[i] = Number(rest & 0xffn);
      rest >>= 8n;
    }
    return cells;
  }
  return Array.from({ length: 32 }, (_, index) => ({ word, index }));
}

/** The word of 32 cells: a bigint if all are concrete, the word itself if they are one word in order. */
export function cellsToWord(cells: Z3Bytes): Z3Word {
  if (cells.every((cell) => typeof cell === "number")) {
    let value = 0n;
    for (const cell of cells as readonly number[]) value = (value << 8n) | BigInt(cell);
    return value;
  }
  return cellsToTerm(cells);
}

/** The cells as bytes, if all are concrete (symbolic words the simplifier reduces to numerals count as concrete). */
export function concreteCells(cells: Z3Bytes): Uint8Array | undefined {
  const resolved = resolveCells(cells);
  if (!resolved.every((cell) => typeof cell === "number")) return undefined;
  return Uint8Array.from(resolved as readonly number[]);
}

/** The cells with every symbolic word that simplifies to a numeral replaced by its bytes. */
export function resolveCells(cells: Z3Bytes): Z3Bytes {
  if (cells.every((cell) => typeof cell === "number")) return cells;
  const values = new Map<number, bigint | undefined>();
  return cells.map((cell) => {
    if (typeof cell === "number") return cell;
    const id = cell.word.id();
    if (!values.has(id)) values.set(id, simplifiedValue(cell.word));
    const value = values.get(id);
    return value === undefined ? cell : Number((value >> BigInt(8 * (31 - cell.index))) & 0xffn);
  });
}

/** The distinct symbolic words the cells take bytes of, in order of first use. */
export function wordsOfCells(cells: Z3Bytes): Bv[] {
  const words = new Map<number, Bv>();
  for (const cell of cells) if (typeof cell !== "number" && !words.has(cell.word.id())) words.set(cell.word.id(), cell.word);
  return [...words.values()];
}
