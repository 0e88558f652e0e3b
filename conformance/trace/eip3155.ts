/**
 * EIP-3155 trace lines: one JSON object per executed instruction, then one summary object.
 *
 * Field names and order follow go-ethereum's JSON logger (the de-facto reference tools such as
 * goevmlab compare against): numbers for pc, op, memSize, depth and refund; 0x-prefixed minimal
 * hex strings for gas, gasCost and stack words; `returnData` and `error` only when present. An
 * `error` is one of the contract's halt reasons (HALT_REASONS, go-ethereum's words).
 * Shared by `svm statetest --trace`, `svm run` and the fuzzer, so every trace SVM writes reads
 * the same.
 */
import { bytesToHex } from "../../spec/primitives/bytes.js";
import { type CaseOutcome, EXECUTION_REVERTED, type TraceStep, type Tracer } from "../../interface/implementation.js";

/** Minimal 0x-hex of an unsigned integer, as geth's hexutil prints it (`0x0`, `0x1f`). */
export function quantityHex(value: bigint): string {
  if (value < 0n) throw new RangeError(`trace values are unsigned, got ${value}`);
  return `0x${value.toString(16)}`;
}

/** One step as a JSON line (without the newline). */
export function encodeTraceStep(step: TraceStep): string {
  return JSON.stringify({
    pc: step.pc,
    op: step.op,
    gas: quantityHex(step.gas),
    gasCost: quantityHex(step.gasCost),
    memSize: step.memSize,
    stack: step.stack.map(quantityHex),
    depth: step.depth,
    refund: Number(step.refund),
    opName: step.opName,
    ...(step.returnData !== undefined && step.returnData.length > 0 && { returnData: bytesToHex(step.returnData) }),
    ...(step.error !== undefined && { error: step.error }),
  });
}

/** What EIP-3155 prints after the last step of a transaction. */
export interface TraceSummary {
  readonly stateRoot: Uint8Array;
  readonly output: Uint8Array;
  readonly gasUsed: bigint;
  /**
   * Why the transaction did not succeed, absent on success: the halt reason, `execution reverted`
   * (geth's words for a REVERT), or the rejection.
   */
  readonly error?: string;
}

export function encodeTraceSummary(summary: TraceSummary): string {
  return JSON.stringify({
    stateRoot: bytesToHex(summary.stateRoot),
    output: bytesToHex(summary.output),
    gasUsed: quantityHex(summary.gasUsed),
    ...(summary.error !== undefined && { error: summary.error }),
  });
}

/** The summary of a case's outcome: a rejected transaction used no gas and returned nothing. */
export function summaryOf(outcome: CaseOutcome): TraceSummary {
  if (outcome.kind === "rejected") {
    return { stateRoot: outcome.stateRoot, output: new Uint8Array(0), gasUsed: 0n, error: `${outcome.error}: ${outcome.message}` };
  }
  return {
    stateRoot: outcome.stateRoot,
    output: outcome.output,
    gasUsed: outcome.gasUsed,
    ...(outcome.status !== "success" && { error: outcome.status === "revert" ? EXECUTION_REVERTED : outcome.status }),
  };
}

/** A Tracer that writes each step as an EIP-3155 line to `writeLine`. */
export function eip3155Tracer(writeLine: (line: string) => void): Tracer {
  return { step: (step) => writeLine(encodeTraceStep(step)) };
}
