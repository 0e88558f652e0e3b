/**
 * Which tier runs a frame. `adaptive` (the default): the interpreter first; once a code (by hash)
 * has burnt HOT_GAS_PER_BYTE gas per byte of its size in the interpreter, compiled code. `always`:
 * compiled code from the first frame of every code. `never`: the interpreter only.
 * SVM_TIER=always|never|adaptive sets the process default; setTier overrides it. Adaptive is the
 * default because compiled code pays off only once V8 has optimised it: compiled at once, large
 * code that runs each instruction a few dozen times is slower than the interpreter
 * (docs/performance.md, "The compile tier").
 *
 * A traced or probed run always interprets: the EIP-3155 trace is the interpreter's, step by step.
 * Compiled code that meets what it does not handle returns EXIT with the frame in the state the
 * interpreter expects at frame.pc, and the interpreter takes the frame from there.
 */
import type { CodeAnalysis } from "../analysis.js";
import type { ExecutionContext } from "../context.js";
import type { Frame } from "../frame.js";
import { run } from "../interpreter.js";
import { keccak256 } from "../keccak.js";
import type { OpcodeTable } from "../opcodes.js";
import { type CacheStats, type CompiledCode, CompiledCodeCache, DEFAULT_CACHE_BYTES } from "./cache.js";
import type { GenerationLimits } from "./codegen.js";
import { EXIT } from "./runtime.js";

export type TierMode = "always" | "never" | "adaptive";

export const TIER_MODES: readonly TierMode[] = ["always", "never", "adaptive"];

/**
 * Gas a code burns in the interpreter, per byte of code and summed over its frames, before it
 * counts as hot. Compiled code is fast only once V8 has optimised it, and V8 optimises a function
 * after it has executed its own bytecode a few hundred times over (its tiering budget grows with
 * the function's size). At a few gas per instruction, 1 000 gas per byte means the code's
 * instructions have run a few hundred times each on average: compiled earlier, large code that
 * runs each instruction only a few dozen times (unrolled Huff rounds) would run in V8's bytecode
 * interpreter, slower than this interpreter (docs/performance.md).
 */
export const HOT_GAS_PER_BYTE = 1_000;
/** Codes whose hotness is tracked; beyond it the counts start over (bounded memory). */
const MAX_TRACKED = 4096;

export class TierModeError extends Error {
  readonly code = "INPUT";
}

export function parseTierMode(value: string | undefined): TierMode {
  if (value === undefined || value === "") return "adaptive";
  if ((TIER_MODES as readonly string[]).includes(value)) return value as TierMode;
  throw new TierModeError(`SVM_TIER must be one of ${TIER_MODES.join(", ")}, not ${JSON.stringify(value)}`);
}

let mode: TierMode = parseTierMode(process.env.SVM_TIER);

export function setTier(next: TierMode): void {
  mode = next;
}

export function currentTier(): TierMode {
  return mode;
}

let cache = new CompiledCodeCache();

/**
 * Compiles from now on with these limits (codegen.ts), starting an empty cache. Tests use small
 * chunks to make small programs cross chunk boundaries; everything else runs with the defaults.
 */
export function setGenerationLimits(limits: GenerationLimits): void {
  cache = new CompiledCodeCache(DEFAULT_CACHE_BYTES, limits);
  slots = new WeakMap();
}

export function compileCacheStats(): CacheStats {
  return cache.stats();
}

let framesCompiled = 0;

/** How many frames (or resumptions of a frame) have entered compiled code in this process. */
export function compiledFrameCount(): number {
  return framesCompiled;
}

/** Per code object: its cache key under the table it last ran with, whether it is hot, and its compiled code once asked for. */
interface Slot {
  table: OpcodeTable;
  key: string;
  hot: boolean;
  compiled: CompiledCode | null;
}

let slots = new WeakMap<CodeAnalysis, Slot>();
const heat = new Map<string, { gas: number }>();

function slotOf(code: CodeAnalysis, table: OpcodeTable, forkName: string): Slot {
  let slot = slots.get(code);
  if (slot === undefined || slot.table !== table) {
    const hash = Buffer.from(keccak256(code.padded.subarray(0, code.size))).toString("hex");
    slot = { table, key: `${forkName}:${hash}`, hot: false, compiled: null };
    slots.set(code, slot);
  }
  return slot;
}

function compiledFor(ctx: ExecutionContext, f: Frame): CompiledCode | null {
  const slot = slotOf(f.code, ctx.opcodes, ctx.fork.name);
  // Adaptive waits for heat even when another tier (always, in the same process) compiled the code.
  if (mode === "adaptive" && !slot.hot) {
    let h = heat.get(slot.key);
    if (h === undefined) {
      if (heat.size >= MAX_TRACKED) heat.clear();
      h = { gas: 0 };
      heat.set(slot.key, h);
    }
    if (h.gas < HOT_GAS_PER_BYTE * Math.max(1, f.code.size)) return null;
    slot.hot = true;
  }
  if (slot.compiled === null) slot.compiled = cache.get(slot.key, f.code, ctx.opcodes);
  return slot.compiled;
}

function interpret(ctx: ExecutionContext, f: Frame): number {
  if (mode !== "adaptive") return run(ctx, f);
  const before = f.gas;
  const result = run(ctx, f);
  const h = heat.get(slots.get(f.code)?.key ?? "");
  if (h !== undefined) h.gas += Math.max(0, before - f.gas);
  return result;
}

/** Runs `f` from its pc in the tier the mode selects. Returns SUSPEND or the halt reason, as the interpreter's run does. */
export function runFrame(ctx: ExecutionContext, f: Frame): number {
  if (mode === "never" || ctx.tracer !== null || ctx.progress !== null) return run(ctx, f);
  const compiled = compiledFor(ctx, f);
  if (compiled === null) return interpret(ctx, f);
  framesCompiled++;
  const result = compiled(ctx, f);
  return result === EXIT ? run(ctx, f) : result;
}
