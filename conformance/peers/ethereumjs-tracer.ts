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
import type { ProgressProbe, Tracer, TraceStep } from "../implementation.js";

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

/** A REVERT is an ordinary end of a frame, not an error of its last step. */
const REVERT = "revert";

export type EthereumjsEvents = NonNullable<EVMInterface["events"]>;

/** Feeds `tracer` from an EVM's events; call `flush` when the transaction is over. */
export function attachTracer(events: EthereumjsEvents, tracer: Tracer): { flush(): void } {
  let pending: TraceStep | undefined;
  /** EIP-3155 depths of the frames running now, innermost last. */
  const frames: number[] = [];
  const flush = (error?: string) => {
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
    flush(pending?.depth === depth && error !== undefined && error !== REVERT ? error : undefined);
  });
  return { flush: () => flush() };
}

/** Tells `probe` of each step as ethereumjs emits it, before the opcode runs. */
export function attachProgress(events: EthereumjsEvents, probe: ProgressProbe): void {
  events.on("step", (event: InterpreterStep) => probe.step(event.pc, event.depth + 1));
}
