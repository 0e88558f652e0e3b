/**
 * Turns the events of @ethereumjs/evm into EIP-3155 trace steps.
 *
 * ethereumjs emits a `step` before each opcode runs, with the gas left and the opcode's full cost
 * (static plus dynamic) as `dynamicFee`; its call depth counts from 0 where EIP-3155 counts from 1.
 * For the CALL and CREATE families that cost excludes the gas handed to the new frame
 * (go-ethereum's includes it), which is one reason trace comparisons use goevmlab's canonical
 * fields, where gasCost is not one.
 *
 * An exceptional halt is only known after its step was emitted, when the frame ends: EIP-3155
 * puts the error on the step that failed, so each step is held back until the next step or the
 * end of its frame, whose `afterMessage` result says whether and why it halted.
 */
import type { EVMInterface, EVMResult, InterpreterStep, Message } from "@ethereumjs/evm";
import type { HaltReason, ProgressProbe, Tracer, TraceStep } from "../../interface/implementation.js";
import { ETHEREUMJS_REVERT, haltReasonOf } from "./ethereumjs-errors.js";

export function traceStepOf(event: InterpreterStep): TraceStep {
  return {
    pc: event.pc,
    op: event.opcode.code,
    opName: event.opcode.name,
    gas: event.gasLeft,
    gasCost: event.opcode.dynamicFee ?? BigInt(event.opcode.fee),
    stack: [...event.stack],
    depth: event.depth + 1,
    refund: event.gasRefund,
    memSize: Number(event.memoryWordCount) * 32,
  };
}

/** The halt reason of an ethereumjs EVMError; a text no entry knows is a gap in the mapping, not a result. */
function haltOf(error: string): HaltReason {
  const reason = haltReasonOf(error);
  if (reason === undefined) throw new EthereumjsErrorUnknown(error);
  return reason;
}

/** ethereumjs ended a frame with an EVMError text the adapter does not map (conformance/peers/ethereumjs-errors.ts). */
export class EthereumjsErrorUnknown extends Error {
  readonly code = "ETHEREUMJS_ERROR_UNKNOWN";
  constructor(readonly text: string) {
    super(`ethereumjs ended a frame with '${text}', which conformance/peers/ethereumjs-errors.ts does not map to a halt reason`);
  }
}

export type EthereumjsEvents = NonNullable<EVMInterface["events"]>;

/** Feeds `tracer` from an EVM's events; call `flush` when the transaction is over. */
export function attachTracer(events: EthereumjsEvents, tracer: Tracer): { flush(): void } {
  let pending: TraceStep | undefined;
  /** EIP-3155 depths of the frames running now, innermost last. */
  const frames: number[] = [];
  const flush = (error?: HaltReason) => {
    if (pending !== undefined) tracer.step(error === undefined ? pending : { ...pending, error });
    pending = undefined;
  };
  events.on("step", (event: InterpreterStep) => {
    flush();
    pending = traceStepOf(event);
  });
  events.on("beforeMessage", (message: Message) => frames.push(message.depth + 1));
  events.on("afterMessage", (result: EVMResult) => {
    const depth = frames.pop();
    const error = result.execResult.exceptionError?.error;
    // A REVERT is an ordinary end of a frame, not an error of its last step.
    flush(pending?.depth === depth && error !== undefined && error !== ETHEREUMJS_REVERT ? haltOf(error) : undefined);
  });
  return { flush: () => flush() };
}

/** Tells `probe` of each step as ethereumjs emits it, before the opcode runs. */
export function attachProgress(events: EthereumjsEvents, probe: ProgressProbe): void {
  events.on("step", (event: InterpreterStep) => probe.step(event.pc, event.depth + 1));
}
