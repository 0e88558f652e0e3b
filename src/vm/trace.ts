/**
 * EIP-3155 trace lines. The interpreter calls traceStep before each instruction only when a
 * tracer is attached. gasCost is the instruction's static cost; dynamic parts (memory, access,
 * forwarded call gas) show up in the next line's `gas`.
 */
import type { ExecutionContext } from "./context.js";
import type { Frame } from "./frame.js";
import { OPCODE_NAMES } from "./opcodes.js";

export function traceStep(ctx: ExecutionContext, frame: Frame, pc: number, gas: number, sp: number, op: number, cost: number): void {
  ctx.tracer!.step({
    pc,
    op,
    opName: OPCODE_NAMES[op]!,
    gas: BigInt(gas) + frame.gasReserve,
    gasCost: BigInt(Math.max(cost, 0)),
    stack: frame.stack.slice(0, sp),
    depth: frame.depth + 1,
    refund: BigInt(ctx.state.refund),
    memSize: frame.memSize,
    returnData: frame.returnData,
  });
}
