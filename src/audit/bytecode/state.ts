/**
 * The abstract machine state at a block's entry: the stack, memory words at constant offsets (solc
 * hashes mapping keys from scratch space 0x00–0x3f, and keeps its free memory pointer at 0x40), and
 * the path facts the detectors read. Joining two states is the least upper bound: may-facts add up,
 * must-facts (a caller check, a held lock) survive only when both paths have them.
 */
import { type AbstractValue, join, sameValue, UNKNOWN } from "./values.js";

/** Constant-offset memory words tracked per state; more are folded into `memoryRest`. */
export const MEMORY_WORDS = 32;

export interface PathState {
  /** Bottom first. Entries below a join's shorter stack are unknown. */
  readonly stack: readonly AbstractValue[];
  readonly memory: ReadonlyMap<bigint, AbstractValue>;
  /** Sources of every memory word not tracked by offset (copies, stores at computed offsets). */
  readonly memoryRest: number;
  /** Every path here passed a JUMPI whose condition checks the caller (must). */
  readonly guarded: boolean;
  /** Every path here holds a lock: a checked storage slot written before the calls (must). */
  readonly locked: boolean;
  /** Constant slots read in a branch condition on some path here (may): a write to one is a lock. */
  readonly checkedSlots: readonly bigint[];
  /** Program counters of gas-forwarding calls (without a lock held) on some path here (may). */
  readonly callsBefore: readonly number[];
  /** Indexes of the ABI functions (dispatcher order) on some path here, as bits (may). */
  readonly functions: bigint;
}

export const ENTRY_STATE: PathState = {
  stack: [],
  memory: new Map(),
  memoryRest: 0,
  guarded: false,
  locked: false,
  checkedSlots: [],
  callsBefore: [],
  functions: 0n,
};

function unionOf<T>(a: readonly T[], b: readonly T[]): readonly T[] {
  const extra = b.filter((x) => !a.includes(x));
  return extra.length === 0 ? a : [...a, ...extra];
}

/** The join of two states, and whether it differs from `a` (then the block is visited again). */
export function joinStates(a: PathState, b: PathState): { state: PathState; changed: boolean } {
  let changed = false;
  const depth = Math.min(a.stack.length, b.stack.length);
  const stack: AbstractValue[] = [];
  if (depth !== a.stack.length) changed = true;
  for (let i = 0; i < depth; i++) {
    const x = a.stack[a.stack.length - depth + i] as AbstractValue;
    const y = b.stack[b.stack.length - depth + i] as AbstractValue;
    const joined = join(x, y);
    if (!sameValue(joined, x)) changed = true;
    stack.push(joined);
  }
  const memory = new Map<bigint, AbstractValue>();
  let memoryRest = a.memoryRest | b.memoryRest;
  for (const [offset, x] of a.memory) {
    const y = b.memory.get(offset);
    if (y === undefined) {
      memoryRest |= x.taint;
      changed = true;
      continue;
    }
    const joined = join(x, y);
    if (!sameValue(joined, x)) changed = true;
    memory.set(offset, joined);
  }
  for (const [offset, y] of b.memory) if (!a.memory.has(offset)) memoryRest |= y.taint;
  if (memoryRest !== a.memoryRest) changed = true;
  const checkedSlots = unionOf(a.checkedSlots, b.checkedSlots);
  const callsBefore = unionOf(a.callsBefore, b.callsBefore);
  const functions = a.functions | b.functions;
  const guarded = a.guarded && b.guarded;
  const locked = a.locked && b.locked;
  changed ||=
    checkedSlots !== a.checkedSlots || callsBefore !== a.callsBefore || functions !== a.functions || guarded !== a.guarded || locked !== a.locked;
  return { state: { stack, memory, memoryRest, guarded, locked, checkedSlots, callsBefore, functions }, changed };
}

/** The value `depth` entries below the top (0 = top); unknown past the bottom of what is known. */
export function peek(stack: readonly AbstractValue[], depth: number): AbstractValue {
  return stack[stack.length - 1 - depth] ?? UNKNOWN;
}
