/**
 * Canonical traces: the per-step fields goevmlab compares across clients — depth, pc, gas, op,
 * opName, the top of the stack and the error — recorded through the Tracer of RunOptions.
 *
 * A byte that is not an instruction is named `opcode 0xNN` whatever the implementation calls it
 * (SVM's implementations print go-ethereum's `opcode 0xc not defined`, a peer may not), so the
 * comparison is about behaviour rather than spelling. An `error` is one of the contract's
 * halt reasons (HALT_REASONS), so it is compared exactly, but only when both implementations
 * report errors in their traces at all (EIP-3155 makes the field optional).
 */
import type { HaltReason, TraceStep, Tracer } from "../../interface/implementation.js";

export interface CanonicalStep {
  readonly depth: number;
  readonly pc: number;
  readonly gas: bigint;
  readonly op: number;
  readonly opName: string;
  /** The top of the stack before the step, absent on an empty stack. */
  readonly top?: bigint;
  readonly error?: HaltReason;
}

const MNEMONIC = /^[A-Z][A-Z0-9]*$/;

function canonicalName(op: number, name: string): string {
  return MNEMONIC.test(name) ? name : `opcode 0x${op.toString(16).padStart(2, "0")}`;
}

/** A Tracer that keeps the canonical fields of every step. */
export class CanonicalTraceRecorder implements Tracer {
  readonly steps: CanonicalStep[] = [];

  step(step: TraceStep): void {
    const top = step.stack.length > 0 ? step.stack[step.stack.length - 1] : undefined;
    this.steps.push({
      depth: step.depth,
      pc: step.pc,
      gas: step.gas,
      op: step.op,
      opName: canonicalName(step.op, step.opName),
      ...(top !== undefined && { top }),
      ...(step.error !== undefined && { error: step.error }),
    });
  }

  /** Whether this implementation reported any error in the trace. */
  get reportsErrors(): boolean {
    return this.steps.some((step) => step.error !== undefined);
  }
}

/** One canonical step as a JSON line, in goevmlab's field order. */
export function canonicalLine(step: CanonicalStep): string {
  return JSON.stringify({
    depth: step.depth,
    pc: step.pc,
    gas: `0x${step.gas.toString(16)}`,
    op: step.op,
    opName: step.opName,
    ...(step.top !== undefined && { top: `0x${step.top.toString(16)}` }),
    ...(step.error !== undefined && { error: step.error }),
  });
}

export function sameStep(a: CanonicalStep, b: CanonicalStep, compareErrors: boolean): boolean {
  return (
    a.depth === b.depth &&
    a.pc === b.pc &&
    a.gas === b.gas &&
    a.op === b.op &&
    a.opName === b.opName &&
    a.top === b.top &&
    (!compareErrors || a.error === b.error)
  );
}

/** Where two traces first differ: the step index and each side's line there (absent past its end). */
export interface TraceDivergence {
  readonly index: number;
  readonly a?: string;
  readonly b?: string;
}

export function firstTraceDivergence(a: CanonicalTraceRecorder, b: CanonicalTraceRecorder): TraceDivergence | undefined {
  return firstStepDivergence(a.steps, b.steps, a.reportsErrors && b.reportsErrors);
}

/** firstTraceDivergence over step lists (e.g. after a peer's known trace differences are normalised). */
export function firstStepDivergence(a: readonly CanonicalStep[], b: readonly CanonicalStep[], compareErrors: boolean): TraceDivergence | undefined {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const stepA = a[i];
    const stepB = b[i];
    if (stepA !== undefined && stepB !== undefined && sameStep(stepA, stepB, compareErrors)) continue;
    return {
      index: i,
      ...(stepA !== undefined && { a: canonicalLine(stepA) }),
      ...(stepB !== undefined && { b: canonicalLine(stepB) }),
    };
  }
  return undefined;
}
