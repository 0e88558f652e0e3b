/**
 * EIP-3155 trace lines. The interpreter calls the recorder only when a tracer is attached.
 *
 * A step is reported before its instruction runs (pc, gas, stack, memory as they were), but its
 * gasCost is known only afterwards, so each step is held until the next step of the same frame,
 * the frame's suspension for a call (the cost then includes the gas passed on, as go-ethereum
 * reports it) or the frame's halt (when an exceptional halt also names the error).
 */
import type { HaltReason, Tracer, TraceStep } from "../../interface/implementation.js";
import type { Frame } from "./frame.js";


interface PendingStep {
  pc: number;
  op: number;
  gas: bigint;
  stack: readonly bigint[];
  depth: number;
  refund: bigint;
  memSize: number;
  returnData: Uint8Array;
}

export class StepRecorder {
  private pending: PendingStep | null = null;

  constructor(
    private readonly sink: Tracer,
    /** The fork's opcode names (0x44 is named by fork, EIP-4399). */
    private readonly names: readonly string[],
  ) {}

  /** Records the step about to run, completing the previous one with the gas now left. */
  before(frame: Frame, pc: number, gas: number, sp: number, op: number, refund: number): void {
    const gasNow = BigInt(gas) + frame.gasReserve;
    this.complete(gasNow);
    this.pending = {
      pc,
      op,
      gas: gasNow,
      stack: frame.stack.slice(0, sp),
      depth: frame.depth + 1,
      refund: BigInt(refund),
      memSize: frame.memSize,
      returnData: frame.returnData,
    };
  }

  /** Completes the held step with the gas left after it, and the error if it halted the frame exceptionally. */
  complete(gasAfter: bigint, error?: HaltReason): void {
    const step = this.pending;
    if (step === null) return;
    this.pending = null;
    // After running out of gas the frame's gas is negative by the shortfall, so this is the attempted cost.
    const cost = step.gas - gasAfter;
    const line: TraceStep = {
      pc: step.pc,
      op: step.op,
      opName: this.names[step.op]!,
      gas: step.gas,
      gasCost: cost > 0n ? cost : 0n,
      stack: step.stack,
      depth: step.depth,
      refund: step.refund,
      memSize: step.memSize,
      returnData: step.returnData,
      ...(error !== undefined && { error }),
    };
    this.sink.step(line);
  }
}
