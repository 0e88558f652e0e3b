/**
 * Precompiles called with symbolic input (issue 11): the output is an uninterpreted function of the
 * input, per precompile and input length (as `../domain/keccak.ts` does for keccak256), shaped by
 * the precompile's row of `precompile-models.ts`; the price is the spec's own, computed from the
 * concrete bytes it reads. Concrete input never comes here: the spec's precompile runs for real.
 *
 * An uninterpreted function may answer what the real precompile never does (a valid signature, a
 * chosen digest), so a failure found through one is only reported once the concrete replay fails
 * too; when it does not, the result is unknown and names the precompile (`unreplayedReason`).
 * A property that holds for every interpretation holds for the real precompile: a pass is a pass.
 */
import type { FrameResult, Message } from "../../spec/machine/frame.js";
import type { World } from "../../spec/machine/world.js";
import { PrecompileFailure, precompileAt, type Precompile } from "../../spec/precompiles/index.js";
import { UnsupportedSymbolic } from "../../spec/word/words.js";
import type { FuncDecl } from "z3-solver";
import { cellsToTerm, resolveCells, wordCells, type Cell, type Z3Bytes, type Z3Word } from "../domain/terms.js";
import type { Path } from "../explore/path.js";
import { z3Runtime, type Bv, type Z3Bool } from "../z3/context.js";
import { PRECOMPILE_MODELS, type ConcreteReader, type PrecompileModel } from "./precompile-models.js";

/** "0x2 (SHA256)": how a report names a precompile. */
export function precompileLabel(precompile: Precompile): string {
  return `0x${precompile.address.toString(16)} (${precompile.name})`;
}

/** The precompiles each path answered through an uninterpreted function. */
const uninterpretedUses = new WeakMap<Path, Set<string>>();

/** How `explore/confirm.ts` says a model's replay did not fail (not a solver that gave no answer). */
const NOT_REPLAYED = /did not replay concretely/;

/**
 * Why a failing path that did not replay concretely gives `unknown`: when the path went through a
 * precompile's uninterpreted function, the solver's answer may be one the real precompile never gives.
 */
export function unreplayedReason(path: Path, reason: string): string {
  const used = uninterpretedUses.get(path);
  if (used === undefined || used.size === 0 || !NOT_REPLAYED.test(reason)) return reason;
  return `depends on precompile ${[...used].join(", ")}: ${reason}`;
}

const declared = new Map<string, FuncDecl<"svm">>();

/** The function `name` from bit-vectors of `inputBits` to `range` bits (or to booleans), declared once. */
function uninterpreted(name: string, inputBits: number, range: number | "bool"): FuncDecl<"svm"> {
  const key = `${name}_${inputBits}`;
  let decl = declared.get(key);
  if (decl === undefined) {
    const { ctx } = z3Runtime();
    decl = ctx.Function.declare(key, ctx.BitVec.sort(inputBits), range === "bool" ? ctx.Bool.sort() : ctx.BitVec.sort(range));
    declared.set(key, decl);
  }
  return decl;
}

/** `size` bytes of a fresh application of the precompile's output function, as cells of 256-bit words. */
function outputCells(prefix: string, input: Bv, size: number): Cell[] {
  const words = Math.ceil(size / 32);
  if (words === 0) return [];
  const whole = uninterpreted(`${prefix}_output${size}`, input.size(), 256 * words).call(input) as Bv;
  const cells: Cell[] = [];
  for (let i = 0; i < words; i++) {
    const high = 256 * (words - i) - 1;
    cells.push(...wordCells(words === 1 ? whole : whole.extract(high, high - 255)));
  }
  return cells.slice(0, size);
}

/** Reads concrete input bytes, zero past the end; a symbolic byte is refused, naming `what` of `label`. */
function readerOf(cells: Z3Bytes, label: string): ConcreteReader {
  return (start, size, what) => {
    let value = 0n;
    for (let i = start; i < start + size; i++) {
      const cell = i < cells.length ? cells[i]! : 0;
      if (typeof cell !== "number") throw new UnsupportedSymbolic(`precompile ${label} called with a symbolic ${what}`);
      value = (value << 8n) | BigInt(cell);
    }
    return value;
  };
}

/**
 * The price of the call: the spec's price of an input of the same length holding the bytes the
 * row says the price reads (which must be concrete) and zeros elsewhere; a refused input
 * (MODEXP's EIP-7823 bound) is a failure.
 */
function priceOf(precompile: Precompile, model: PrecompileModel, cells: Z3Bytes, read: ConcreteReader, world: World<Z3Word, Z3Bytes>): bigint | "refused" {
  const probe = new Uint8Array(cells.length);
  if (model.price.kind === "reads") {
    for (const [start, end] of model.price.ranges(cells.length, read)) {
      for (let i = start; i < end; i++) {
        const cell = cells[i]!;
        if (typeof cell !== "number") {
          throw new UnsupportedSymbolic(`the price of precompile ${precompileLabel(precompile)} depends on input bytes ${start}..${end}, which are symbolic`);
        }
        probe[i] = cell;
      }
    }
  }
  try {
    precompile.refuseBeforePricing?.(probe, world.schedule);
    return precompile.gasCost(probe, world.schedule);
  } catch (error) {
    if (error instanceof PrecompileFailure) return "refused";
    throw error;
  }
}

const FAILED: FrameResult<Z3Bytes> = { kind: "halt", reason: "precompile failed" };

/**
 * The outcome of a call to a precompile whose input is symbolic (its length is concrete: the
 * machine concretises memory sizes). Touches the account and moves the value as the spec's
 * `enter` does; the driver reverts both if the call fails.
 */
export function symbolicPrecompileCall(path: Path, world: World<Z3Word, Z3Bytes>, message: Message<Z3Bytes>): FrameResult<Z3Bytes> {
  const precompile = precompileAt(message.codeAddress, world.schedule);
  const model = PRECOMPILE_MODELS[precompile.name];
  if (model === undefined) throw new RangeError(`no symbolic model of precompile ${precompileLabel(precompile)}`);
  world.touch(message.address);
  if (message.transfer !== 0n) world.transfer(message.caller, message.address, message.transfer);
  const cells = resolveCells(message.data);
  const label = precompileLabel(precompile);
  const read = readerOf(cells, label);
  const price = priceOf(precompile, model, cells, read, world);
  if (price === "refused") return FAILED;
  if (price > message.gas) return { kind: "halt", reason: "out of gas" };
  const success = (output: Z3Bytes): FrameResult<Z3Bytes> => ({ kind: "success", output, gasLeft: message.gas - price });
  const output = model.output;
  if (output.kind === "input") return success(cells);

  const { ctx } = z3Runtime();
  const input = cellsToTerm(cells);
  const prefix = `precompile_0x${precompile.address.toString(16)}`;
  const used = uninterpretedUses.get(path) ?? new Set<string>();
  uninterpretedUses.set(path, used);
  used.add(label);
  /** A branch on an uninterpreted condition of the input (succeeds, recovers, verifies). */
  const holds = (what: string): Z3Bool => uninterpreted(`${prefix}_${what}`, input.size(), "bool").call(input) as Z3Bool;

  switch (output.kind) {
    case "bytes": {
      const size = typeof output.size === "number" ? output.size : output.size(cells.length, read);
      if (size === "fails") return FAILED;
      if (output.mayFail && !path.decide(holds("succeeds"), false)) return FAILED;
      const zeros = output.zeros ?? 0;
      return success([...new Array<Cell>(zeros).fill(0), ...outputCells(prefix, input, size).slice(zeros)]);
    }
    case "verdict": {
      if (output.mayFail && !path.decide(holds("succeeds"), false)) return FAILED;
      // The word is 1 or 0 by construction: the verdict is a boolean function of the input.
      return success(wordCells(ctx.If(holds("verifies"), ctx.BitVec.val(1n, 256), ctx.BitVec.val(0n, 256)) as Bv));
    }
    case "address-or-empty": {
      const recovers = holds("recovers");
      // Yellow Paper, Appendix E: only v = 27 or 28 (the second word, zero-padded) recovers an address.
      const padded = [...cells, ...new Array<Cell>(Math.max(0, 64 - cells.length)).fill(0)];
      const v = cellsToTerm(padded.slice(32, 64));
      path.constraints.push(ctx.Implies(recovers, ctx.Or(v.eq(ctx.BitVec.val(27n, 256)), v.eq(ctx.BitVec.val(28n, 256)))));
      if (!path.decide(recovers, false)) return success([]);
      return success([...new Array<Cell>(12).fill(0), ...outputCells(prefix, input, 32).slice(12)]);
    }
    case "one-or-empty":
      return success(path.decide(holds("verifies"), false) ? wordCells(1n) : []);
  }
}
