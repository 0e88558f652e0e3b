/**
 * Turns the `step` events of @ethereumjs/evm into EIP-3155 trace steps. ethereumjs emits a step
 * before each opcode runs, with the gas left and the opcode's full cost (static plus dynamic) as
 * `dynamicFee`; its call depth counts from 0 where EIP-3155 counts from 1. For the CALL and
 * CREATE families that cost excludes the gas handed to the new frame (go-ethereum's includes it),
 * which is one reason trace comparisons use goevmlab's canonical fields, where gasCost is not one.
 */
import type { InterpreterStep } from "@ethereumjs/evm";
import type { TraceStep } from "../implementation.js";

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
