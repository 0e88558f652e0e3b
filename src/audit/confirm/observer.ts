/**
 * Watches one transaction step by step (an EIP-3155 tracer on src/vm) and records what the
 * oracles ask about the target contract: which frames ran whose code for whom, whether the target
 * was re-entered, calls that failed and whether their result was ever looked at, arithmetic that
 * wrapped and was stored, SELFDESTRUCT, reads of the clock, the pcs reached.
 *
 * Values are followed through the stack with labels: every stack slot of a frame carries one, moved
 * by DUP/SWAP and consumed by the opcode that pops it (arity from src/vm's opcode table). A call's
 * success flag is *used* when it reaches a JUMPI condition or any opcode other than POP and pure
 * arithmetic (which passes the label on); a flag that is only ever popped was ignored. The result
 * of ADD/SUB/MUL carries its unbounded value, so a wrap is seen at 256 bits or, for narrower types
 * whose solc code cleans a sum with a low mask (AND 0xff…), when the mask cuts the unbounded value.
 * Values derived from TIMESTAMP/NUMBER are labelled too, also through aligned memory words (solc
 * builds structs in memory), so that a slot that merely records the time can be told from one the
 * time decided.
 */
import type { Tracer, TraceStep } from "../../../interface/implementation.js";
import { stackArity } from "../../vm/opcodes.js";
import { TARGET } from "./actors.js";

const WORD = 1n << 256n;
const ADDRESS_MASK = (1n << 160n) - 1n;
const MAX_EXCERPT = 40;

export interface FrameRecord {
  readonly depth: number;
  /** Whose storage and balance the code acts on; null while creating a contract. */
  readonly context: bigint | null;
  /** Whose code runs; null for init code. */
  readonly code: bigint | null;
  readonly caller: bigint;
  /** Known when the frame has ended (from the caller's status word, or the receipt for the top frame). */
  succeeded: boolean | null;
}

export interface CallRecord {
  readonly frame: FrameRecord;
  readonly pc: number;
  readonly opName: string;
  readonly to: bigint;
  readonly value: bigint;
  success: boolean | null;
  /** The success flag reached a branch or was otherwise inspected. */
  used: boolean;
}

export interface WrapRecord {
  readonly frame: FrameRecord;
  readonly pc: number;
  readonly opName: "ADD" | "SUB" | "MUL";
  readonly a: bigint;
  readonly b: bigint;
  /** The result without bounds. */
  readonly exact: bigint;
  /** The width it wrapped at: 256, or that of the mask that cut it. */
  readonly bits: number;
}

export interface StoredWrap {
  readonly wrap: WrapRecord;
  readonly slot: bigint;
  readonly value: bigint;
  readonly frame: FrameRecord;
}

export interface SelfdestructRecord {
  readonly frame: FrameRecord;
  readonly pc: number;
  readonly beneficiary: bigint;
}

type Label =
  | null
  | { readonly kind: "flag"; readonly call: CallRecord }
  /** Derived from TIMESTAMP or NUMBER. */
  | { readonly kind: "clock" }
  | { readonly kind: "arith"; readonly op: WrapRecord["opName"]; readonly pc: number; readonly a: bigint; readonly b: bigint; readonly exact: bigint; readonly wrapped: WrapRecord | null };

interface PendingCall {
  readonly record: FrameRecord;
  readonly call: CallRecord | null;
}

interface FrameState {
  readonly record: FrameRecord;
  labels: Label[];
  /** Memory words holding a value derived from the clock, by offset (solc builds structs in memory). */
  readonly clockWords: Set<bigint>;
  pending: PendingCall | null;
}

/** Stack order in a TraceStep is bottom first; `top(s, 0)` is the top. */
function top(step: TraceStep, n: number): bigint {
  return step.stack[step.stack.length - 1 - n] ?? 0n;
}

const CLOCK: Label = { kind: "clock" };

function lowMaskBits(value: bigint): number {
  if (value === 0n || value >= WORD - 1n || (value & (value + 1n)) !== 0n) return 0;
  return value.toString(2).length;
}

export class TransactionObserver implements Tracer {
  readonly frames: FrameRecord[] = [];
  readonly calls: CallRecord[] = [];
  readonly storedWraps: StoredWrap[] = [];
  readonly selfdestructs: SelfdestructRecord[] = [];
  /** pcs of the target's code that ran. */
  readonly reached = new Set<number>();
  readonly excerpt: string[] = [];
  reentered = false;
  readsClock = false;
  /** pc of the target's first TIMESTAMP or NUMBER. */
  clockPc = -1;
  /** Last pc of the target that wrote each slot. */
  readonly writes = new Map<bigint, number>();
  /** Slots of the target written with a value derived from the clock (recording it, e.g. `last = now`). */
  readonly clockSlots = new Set<bigint>();
  private readonly stack: FrameState[] = [];
  private omitted = 0;

  constructor(
    private readonly from: bigint,
    private readonly to: bigint | null,
    private readonly nameOf: (address: bigint) => string,
  ) {}

  step(s: TraceStep): void {
    let frame = this.stack[this.stack.length - 1];
    if (frame === undefined) {
      frame = this.enter({ depth: 1, context: this.to, code: this.to, caller: this.from, succeeded: null });
    } else if (s.depth > frame.record.depth && frame.pending !== null) {
      frame = this.enter(frame.pending.record);
    } else {
      while (s.depth < frame.record.depth && this.stack.length > 1) {
        this.stack.pop();
        frame = this.stack[this.stack.length - 1]!;
      }
      if (frame.pending !== null) this.resolve(frame, s);
    }
    if (frame.labels.length !== s.stack.length) frame.labels = new Array<Label>(s.stack.length).fill(null);
    if (frame.record.code === TARGET) this.reached.add(s.pc);
    this.apply(frame, s);
  }

  /** The top frame's outcome is the transaction's. */
  finish(success: boolean): void {
    if (this.frames[0] !== undefined) this.frames[0].succeeded = success;
    if (this.omitted > 0) this.excerpt.push(`… ${this.omitted} more lines`);
  }

  private note(depth: number, text: string): void {
    if (this.excerpt.length < MAX_EXCERPT) this.excerpt.push(`${"  ".repeat(depth - 1)}[${depth}] ${text}`);
    else this.omitted++;
  }

  private enter(record: FrameRecord): FrameState {
    // Re-entered: called back by another contract while an outer frame of the target still runs
    // (the target calling itself, `this.f()`, is not a re-entrance).
    const reentry = record.context === TARGET && record.caller !== TARGET && this.stack.some((f) => f.record.context === TARGET);
    if (reentry) this.reentered = true;
    this.frames.push(record);
    const state: FrameState = { record, labels: [], clockWords: new Set(), pending: null };
    this.stack.push(state);
    const what = record.context === null ? "init code" : this.nameOf(record.context);
    this.note(record.depth, `${what} runs, called by ${this.nameOf(record.caller)}${reentry ? " (re-entered while still running)" : ""}`);
    return state;
  }

  /** The call or creation of `frame` has come back: its status word is on top of the stack. */
  private resolve(frame: FrameState, s: TraceStep): void {
    const pending = frame.pending!;
    frame.pending = null;
    const success = top(s, 0) !== 0n;
    pending.record.succeeded = success;
    if (pending.call !== null) {
      pending.call.success = success;
      if (!success) this.note(frame.record.depth, `${pending.call.opName} to ${this.nameOf(pending.call.to)} failed (returned 0)`);
    }
  }

  private apply(frame: FrameState, s: TraceStep): void {
    const labels = frame.labels;
    const op = s.op;
    const n = labels.length;
    if (op >= 0x80 && op <= 0x8f) {
      labels.push(labels[n - (op - 0x7f)] ?? null);
      return;
    }
    if (op >= 0x90 && op <= 0x9f) {
      const other = n - 1 - (op - 0x8f);
      const swapped = labels[other] ?? null;
      labels[other] = labels[n - 1] ?? null;
      labels[n - 1] = swapped;
      return;
    }
    const [pops] = stackArity(op);
    const popped = labels.slice(n - pops).reverse();
    labels.length = Math.max(0, n - pops);
    const record = frame.record;
    switch (op) {
      case 0x01:
      case 0x02:
      case 0x03:
        labels.push(this.arithmetic(record, s, popped));
        return;
      case 0x16:
        labels.push(this.mask(record, s, popped));
        return;
      case 0x50:
        return;
      case 0x57:
        this.use(popped[1] ?? null);
        return;
      case 0x51:
        labels.push(frame.clockWords.has(top(s, 0)) ? CLOCK : null);
        return;
      case 0x52:
        this.use(popped[1] ?? null);
        if (popped[1]?.kind === "clock") frame.clockWords.add(top(s, 0));
        else frame.clockWords.delete(top(s, 0));
        return;
      case 0x55:
        this.use(popped[1] ?? null);
        this.store(record, s, popped[1] ?? null);
        return;
      case 0x42:
      case 0x43:
        if (record.context === TARGET && !this.readsClock) {
          this.readsClock = true;
          this.clockPc = s.pc;
          this.note(record.depth, `${s.opName} read at pc ${s.pc}`);
        }
        labels.push(record.context === TARGET ? CLOCK : null);
        return;
      case 0xff:
        if (record.context === TARGET) {
          const beneficiary = top(s, 0) & ADDRESS_MASK;
          this.selfdestructs.push({ frame: record, pc: s.pc, beneficiary });
          this.note(record.depth, `SELFDESTRUCT at pc ${s.pc}, beneficiary ${this.nameOf(beneficiary)}`);
        }
        return;
      case 0xf0:
      case 0xf5:
        popped.forEach((l) => this.use(l));
        frame.pending = { record: { depth: record.depth + 1, context: null, code: null, caller: record.context ?? 0n, succeeded: null }, call: null };
        labels.push(null);
        return;
      case 0xf1:
      case 0xf2:
      case 0xf4:
      case 0xfa:
        popped.forEach((l) => this.use(l));
        labels.push(this.call(frame, s));
        return;
    }
    if ((op >= 0x04 && op <= 0x0b) || (op >= 0x10 && op <= 0x1d)) {
      labels.push(this.pass(popped, op >= 0x10 && op <= 0x15));
      return;
    }
    popped.forEach((l) => this.use(l));
    const [, pushes] = stackArity(op);
    for (let i = 0; i < pushes; i++) labels.push(null);
  }

  private use(label: Label): void {
    if (label !== null && label.kind === "flag") label.call.used = true;
  }

  /** Pure operations pass a flag on, arithmetic (not comparisons) a wrap, and both the clock. */
  private pass(popped: readonly Label[], comparison: boolean): Label {
    for (const l of popped) if (l !== null && l.kind === "flag") return l;
    if (!comparison) for (const l of popped) if (l !== null && l.kind === "arith" && l.wrapped !== null) return l;
    for (const l of popped) if (l !== null && l.kind === "clock") return l;
    return null;
  }

  private arithmetic(record: FrameRecord, s: TraceStep, popped: readonly Label[]): Label {
    const a = top(s, 0);
    const b = top(s, 1);
    const opName = s.op === 0x01 ? "ADD" : s.op === 0x02 ? "MUL" : "SUB";
    const exact = opName === "ADD" ? a + b : opName === "MUL" ? a * b : a - b;
    if (exact < 0n || exact >= WORD) {
      const wrap: WrapRecord = { frame: record, pc: s.pc, opName, a, b, exact, bits: 256 };
      return { kind: "arith", op: opName, pc: s.pc, a, b, exact, wrapped: wrap };
    }
    const inherited = this.pass(popped, false);
    if (inherited !== null) return inherited;
    return { kind: "arith", op: opName, pc: s.pc, a, b, exact, wrapped: null };
  }

  /** AND with 2^k-1 is how solc cleans a uint<k>: a sum it cuts had wrapped at k bits. */
  private mask(record: FrameRecord, s: TraceStep, popped: readonly Label[]): Label {
    for (const [i, j] of [
      [0, 1],
      [1, 0],
    ] as const) {
      const bits = lowMaskBits(top(s, i));
      const other = popped[j] ?? null;
      if (bits === 0 || other === null || other.kind !== "arith") continue;
      if (other.wrapped !== null) return other;
      if (other.exact >= 1n << BigInt(bits)) {
        const wrap: WrapRecord = { frame: record, pc: other.pc, opName: other.op, a: other.a, b: other.b, exact: other.exact, bits };
        return { ...other, wrapped: wrap };
      }
      return other;
    }
    return this.pass(popped, false);
  }

  private store(record: FrameRecord, s: TraceStep, label: Label): void {
    if (record.context === TARGET) {
      this.writes.set(top(s, 0), s.pc);
      if (label !== null && label.kind === "clock") this.clockSlots.add(top(s, 0));
      this.note(record.depth, `SSTORE slot ${top(s, 0)} := ${top(s, 1)}`);
    }
    if (record.context !== TARGET || label === null || label.kind !== "arith" || label.wrapped === null) return;
    const slot = top(s, 0);
    const value = top(s, 1);
    this.storedWraps.push({ wrap: label.wrapped, slot, value, frame: record });
    const w = label.wrapped;
    this.note(record.depth, `  the value stored is ${w.opName} of ${w.a} and ${w.b} (pc ${w.pc}), which wrapped at ${w.bits} bits: exact ${w.exact}`);
  }

  private call(frame: FrameState, s: TraceStep): Label {
    const record = frame.record;
    const target = top(s, 1) & ADDRESS_MASK;
    const op = s.op;
    const value = op === 0xf1 || op === 0xf2 ? top(s, 2) : 0n;
    const context = op === 0xf1 || op === 0xfa ? target : record.context;
    const caller = op === 0xf4 ? record.caller : (record.context ?? 0n);
    const callee: FrameRecord = { depth: record.depth + 1, context, code: target, caller, succeeded: null };
    const call: CallRecord = { frame: record, pc: s.pc, opName: s.opName, to: target, value, success: null, used: false };
    if (record.context === TARGET) this.calls.push(call);
    frame.pending = { record: callee, call };
    const valueText = value === 0n ? "" : ` with ${value} wei`;
    this.note(record.depth, `${this.nameOf(record.context ?? 0n)} pc ${s.pc}: ${s.opName} ${this.nameOf(target)}${valueText}`);
    return { kind: "flag", call };
  }
}
