/**
 * Calldata of any length with any bytes (hevm's "abstract" calldata): a concrete prefix (a
 * selector, or nothing), then symbolic bytes, and a symbolic length. CALLDATASIZE gives the length
 * term; bytes at or past the length are zero, as CALLDATALOAD and CALLDATACOPY read past the end
 * of real calldata (Yellow Paper, Appendix H.2), so every read of the buffer is exact.
 *
 * The buffer is a list of cells that grows as reads reach further (each new word of it gets the
 * "zero past the length" constraint on the path that reads it); a read past `MAX_BUFFER` bytes
 * cuts the path at a bound, which the verdict reports.
 */
import type { Path } from "../explore/path.js";
import { BoundHit } from "../explore/path.js";
import { z3Runtime, type Bv, type Z3Bool } from "../z3/context.js";
import { wordCells, type Cell, type Z3Bytes } from "./terms.js";

/** Bytes of symbolic calldata a path may read before it is cut at a bound. */
export const MAX_BUFFER = 1 << 16;

/**
 * Calldata is shorter than this: a transaction pays at least 4 gas a byte (EIP-2028), so 2^32
 * bytes would cost more than 2^34 gas, far past any block's gas limit. An assumption, not a bound.
 */
export const LENGTH_LIMIT = 1n << 32n;
export const LENGTH_ASSUMPTION = "calldata is shorter than 2^32 bytes (no block's gas pays for more)";

const buffers = new WeakMap<Z3Bytes, AbstractCalldata>();

export class AbstractCalldata {
  /** The bytes read so far: the prefix, then bytes of the words `words`. */
  readonly cells: Cell[];
  /** The symbolic words after the prefix, in order (32 bytes of calldata each). */
  readonly words: Bv[] = [];
  readonly length: Bv;

  constructor(
    private readonly path: Path,
    readonly prefix: Uint8Array,
    private readonly name: string,
  ) {
    const { ctx } = z3Runtime();
    this.cells = Array.from(prefix);
    this.length = ctx.BitVec.const(`${name}_length`, 256);
    path.constraints.push(this.length.uge(ctx.BitVec.val(BigInt(prefix.length), 256)), this.length.ult(ctx.BitVec.val(LENGTH_LIMIT, 256)));
    path.assumptions.add(LENGTH_ASSUMPTION);
    buffers.set(this.cells, this);
  }

  /** Grows the buffer to at least `end` bytes; past `MAX_BUFFER` the path is cut at a bound. */
  reach(end: number): void {
    if (end <= this.cells.length) return;
    if (end > MAX_BUFFER) throw new BoundHit(`calldata read past ${MAX_BUFFER} bytes`, this.path.location);
    const { ctx } = z3Runtime();
    while (this.cells.length < end) {
      const start = this.cells.length;
      const word = ctx.BitVec.const(`${this.name}_${this.words.length}`, 256);
      this.words.push(word);
      this.cells.push(...wordCells(word));
      this.path.constraints.push(zeroPastLength(word, start, this.length));
    }
  }

  /** The calldata a model gives: the prefix, then `length` bytes in all (the unread ones zero). */
  concrete(length: bigint, valueOf: (word: Bv) => bigint): Uint8Array {
    const out = new Uint8Array(Number(length));
    out.set(this.prefix.subarray(0, out.length));
    this.words.forEach((word, j) => {
      const value = valueOf(word);
      for (let k = 0; k < 32; k++) {
        const at = this.prefix.length + 32 * j + k;
        if (at < out.length) out[at] = Number((value >> BigInt(8 * (31 - k))) & 0xffn);
      }
    });
    return out;
  }
}

/** Every byte of the word (at `start` in the calldata) that lies at or past `length` is zero. */
function zeroPastLength(word: Bv, start: number, length: Bv): Z3Bool {
  const { ctx } = z3Runtime();
  const at = (n: number) => ctx.BitVec.val(BigInt(n), 256);
  // How many of the word's bytes lie before the length: 0 to 32.
  const inside = ctx.If(length.ule(at(start)), at(0), ctx.If(length.uge(at(start + 32)), at(32), length.sub(at(start)))) as Bv;
  // The mask of the bytes past the length; a shift by 256 bits leaves none.
  const ones = ctx.BitVec.val((1n << 256n) - 1n, 256) as Bv;
  return word.and(ones.lshr(inside.mul(at(8)))).eq(at(0));
}

/** The abstract calldata these bytes are, if they are (for CALLDATASIZE and reads of the buffer). */
export function abstractCalldata(bytes: Z3Bytes): AbstractCalldata | undefined {
  return buffers.get(bytes);
}
