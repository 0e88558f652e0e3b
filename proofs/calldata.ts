/**
 * Symbolic calldata for a function's parameters, ABI-encoded (Solidity ABI specification): every
 * static value is a fresh 256-bit variable constrained to its type's range, and every dynamic
 * value (bytes, string, T[]) has a concrete length from the bounds and symbolic contents, so the
 * offsets and lengths Solidity's decoder reads are concrete (halmos does the same).
 */
import { bigIntToBytes } from "../spec/primitives/bytes.js";
import { UnsupportedSymbolic } from "../spec/word/words.js";
import type { Bv, Z3Bool } from "./z3/context.js";
import { z3Runtime } from "./z3/context.js";
import { wordCells, type Cell } from "./domain/terms.js";

/** An ABI parameter as in a contract's JSON ABI. */
export interface ParamType {
  readonly type: string;
  readonly name?: string;
  readonly components?: readonly ParamType[];
}

export interface Bounds {
  /** Lengths tried for each `bytes` and `string` argument. */
  readonly bytesLengths: readonly number[];
  /** Lengths tried for each dynamic array argument. */
  readonly arrayLengths: readonly number[];
  /** At most this many combinations of lengths per function. */
  readonly maxVariants: number;
}

export const DEFAULT_BOUNDS: Bounds = { bytesLengths: [0, 1, 2, 3, 32, 65], arrayLengths: [0, 1, 2, 3], maxVariants: 36 };

/** A variable of the calldata and the ABI type whose range it has ("bytes"/"string" for a 32-byte chunk of contents). */
export interface InputWord {
  readonly word: Bv;
  readonly type: string;
}

export interface SymbolicCalldata {
  readonly cells: Cell[];
  /** The variables, in encoding order. */
  readonly inputs: readonly InputWord[];
  /** The ranges of the variables' types. */
  readonly constraints: Z3Bool[];
  /**
   * The bounds this encoding hit, for the report: the lengths of dynamic values are taken from a
   * finite set (empty when every parameter is static: then every input is covered).
   */
  readonly boundsUsed: string[];
}

/** Encodes `selector ‖ abi.encode(params)` with fresh variables named after `prefix`, every length the first of its bound. */
export function symbolicCalldata(selector: Uint8Array, params: readonly ParamType[], bounds: Bounds, prefix: string): SymbolicCalldata {
  return symbolicCalldataVariants(selector, params, bounds, prefix)[0]!;
}

/** Every combination of the bounds' lengths for the dynamic values (up to `bounds.maxVariants`). */
export function symbolicCalldataVariants(selector: Uint8Array, params: readonly ParamType[], bounds: Bounds, prefix: string): SymbolicCalldata[] {
  const variants: SymbolicCalldata[] = [];
  let choices: number[] = [];
  for (;;) {
    const encoder = new Encoder(bounds, prefix, choices);
    const body = encoder.tuple(params);
    variants.push({ cells: [...selector, ...body], inputs: encoder.inputs, constraints: encoder.constraints, boundsUsed: [...new Set(encoder.boundsUsed)] });
    // The next combination, odometer style over the choices this encoding made.
    const made = encoder.made;
    let i = made.length - 1;
    while (i >= 0 && made[i]!.choice + 1 >= made[i]!.options) i--;
    if (i < 0) return variants;
    if (variants.length >= bounds.maxVariants) {
      // Combinations of lengths are left out: a bound every variant's verdict shares.
      const cut = `at most ${bounds.maxVariants} combinations of lengths`;
      return variants.map((variant) => ({ ...variant, boundsUsed: [...variant.boundsUsed, cut] }));
    }
    choices = [...made.slice(0, i).map((m) => m.choice), made[i]!.choice + 1];
  }
}

const isDynamic = (param: ParamType): boolean => {
  if (param.type === "bytes" || param.type === "string" || param.type.endsWith("[]")) return true;
  const fixed = /^(.*)\[(\d+)\]$/.exec(param.type);
  if (fixed !== null) return isDynamic({ ...param, type: fixed[1]! });
  if (param.type === "tuple") return (param.components ?? []).some(isDynamic);
  return false;
};

class Encoder {
  readonly constraints: Z3Bool[] = [];
  readonly inputs: InputWord[] = [];
  readonly boundsUsed: string[] = [];
  private counter = 0;
  /** The length choices made, in encoding order: which option, of how many. */
  readonly made: { choice: number; options: number }[] = [];

  constructor(
    private readonly bounds: Bounds,
    private readonly prefix: string,
    private readonly choices: readonly number[],
  ) {}

  private length(options: readonly number[]): number {
    const choice = this.choices[this.made.length] ?? 0;
    this.made.push({ choice, options: options.length });
    return options[choice]!;
  }

  private fresh(type: string): Bv {
    const { ctx } = z3Runtime();
    const word = ctx.BitVec.const(`${this.prefix}_${type.replace(/\W/g, "")}_${this.counter++}`, 256);
    this.inputs.push({ word, type });
    return word;
  }

  /** Head/tail encoding of a tuple of values. */
  tuple(params: readonly ParamType[]): Cell[] {
    const heads: Cell[][] = [];
    const tails: Cell[][] = [];
    for (const param of params) {
      if (isDynamic(param)) {
        heads.push([]);
        tails.push(this.value(param));
      } else {
        heads.push(this.value(param));
        tails.push([]);
      }
    }
    const headSize = params.reduce((size, param, i) => size + (isDynamic(param) ? 32 : heads[i]!.length), 0);
    let offset = headSize;
    const out: Cell[] = [];
    params.forEach((param, i) => {
      if (isDynamic(param)) {
        out.push(...bigIntToBytes(BigInt(offset), 32));
        offset += tails[i]!.length;
      } else out.push(...heads[i]!);
    });
    for (const tail of tails) out.push(...tail);
    return out;
  }

  private value(param: ParamType): Cell[] {
    const { ctx } = z3Runtime();
    const type = param.type;
    const fixedArray = /^(.*)\[(\d+)\]$/.exec(type);
    if (fixedArray !== null) {
      return this.tuple(Array.from({ length: Number(fixedArray[2]) }, () => ({ ...param, type: fixedArray[1]! })));
    }
    if (type.endsWith("[]")) {
      const n = this.length(this.bounds.arrayLengths);
      this.boundsUsed.push(`${type} lengths ${this.bounds.arrayLengths.join("/")}`);
      const element = { ...param, type: type.slice(0, -2) };
      return [...bigIntToBytes(BigInt(n), 32), ...this.tuple(Array.from({ length: n }, () => element))];
    }
    if (type === "tuple") return this.tuple(param.components ?? []);
    if (type === "bytes" || type === "string") {
      const n = this.length(this.bounds.bytesLengths);
      this.boundsUsed.push(`${type} lengths ${this.bounds.bytesLengths.join("/")}`);
      const cells: Cell[] = [...bigIntToBytes(BigInt(n), 32)];
      for (let i = 0; i < n; i += 32) {
        const word = this.fresh(type);
        const chunk = wordCells(word).slice(0, Math.min(32, n - i));
        cells.push(...chunk);
      }
      while (cells.length % 32 !== 0) cells.push(0);
      return cells;
    }
    const word = this.fresh(type);
    const below = (bits: number) => word.ult(ctx.BitVec.val(1n << BigInt(bits), 256));
    const uint = /^uint(\d*)$/.exec(type);
    const int = /^int(\d*)$/.exec(type);
    const fixedBytes = /^bytes(\d+)$/.exec(type);
    if (uint !== null) {
      const bits = uint[1] === "" ? 256 : Number(uint[1]);
      if (bits < 256) this.constraints.push(below(bits));
    } else if (int !== null) {
      const bits = int[1] === "" ? 256 : Number(int[1]);
      if (bits < 256) this.constraints.push(word.eq(word.extract(bits - 1, 0).signExt(256 - bits)));
    } else if (type === "address") this.constraints.push(below(160));
    else if (type === "bool") this.constraints.push(below(1));
    else if (fixedBytes !== null) {
      const bits = 256 - 8 * Number(fixedBytes[1]);
      if (bits > 0) this.constraints.push(word.extract(bits - 1, 0).eq(ctx.BitVec.val(0n, bits)));
    } else throw new UnsupportedSymbolic(`parameter type ${type}`);
    return wordCells(word);
  }
}
