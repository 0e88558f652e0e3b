/**
 * The opcodes the hot loop does not inline, as a table of small functions indexed by opcode.
 *
 * Keeping them out of the loop keeps the loop small, so V8 optimises it sooner and recompiles it
 * faster; each handler is optimised (and, if need be, deoptimised) on its own. A handler sees the
 * frame with pc, gas and sp stored, leaves pc at the instruction (the loop advances it), and
 * returns Halt.Running, a halt reason, or SUSPEND.
 */
import { callOp, createOp } from "./calls.js";
import type { ExecutionContext } from "./context.js";
import { type Frame, Halt } from "./frame.js";
import { touchMemory } from "./memory.js";
import {
  accountQueryOp,
  blobHash,
  blockHash,
  copyOp,
  expOp,
  extCodeCopyOp,
  keccakOp,
  logOp,
  mcopyOp,
  returnOp,
  selfdestructOp,
  sloadOp,
  sstoreOp,
  tstoreOp,
} from "./operations.js";

export type Handler = (ctx: ExecutionContext, frame: Frame, op: number) => number;

/** Pops a (top) and replaces b with f(a, b). */
function binary(f: (a: bigint, b: bigint) => bigint): Handler {
  return (_ctx, frame) => {
    const stack = frame.stack;
    const a = stack[--frame.sp]!;
    stack[frame.sp - 1] = f(a, stack[frame.sp - 1]!);
    return Halt.Running;
  };
}

/** Pushes a value read from the context or frame. */
function pushing(f: (ctx: ExecutionContext, frame: Frame) => bigint): Handler {
  return (ctx, frame) => {
    frame.stack[frame.sp++] = f(ctx, frame);
    return Halt.Running;
  };
}

const signed = (a: bigint): bigint => BigInt.asIntN(256, a);
const unsigned = (a: bigint): bigint => BigInt.asUintN(256, a);

const invalid: Handler = () => Halt.InvalidOpcode;

/** Pops a (top) and b and replaces n with f(a, b, n). */
function ternary(f: (a: bigint, b: bigint, n: bigint) => bigint): Handler {
  return (_ctx, frame) => {
    const stack = frame.stack;
    const a = stack[--frame.sp]!;
    const b = stack[--frame.sp]!;
    stack[frame.sp - 1] = f(a, b, stack[frame.sp - 1]!);
    return Halt.Running;
  };
}

/**
 * The word operations the loop leaves to handlers that only compute: a is the top of the stack.
 * The compile tier calls the same functions (compile/runtime.ts), so each has one definition.
 */
export const PURE_BINARY: ReadonlyMap<number, (a: bigint, b: bigint) => bigint> = new Map([
  [0x07, (a: bigint, b: bigint) => (b === 0n ? 0n : unsigned(signed(a) % signed(b)))],
  [0x0b, (b: bigint, x: bigint) => (b < 31n ? unsigned(BigInt.asIntN(Number(b) * 8 + 8, x)) : x)],
  [0x1a, (i: bigint, x: bigint) => (i < 32n ? (x >> (8n * (31n - i))) & 0xffn : 0n)],
  [0x1d, (shift: bigint, x: bigint) => unsigned(signed(x) >> (shift < 256n ? shift : 256n))],
]);

/** ADDMOD and MULMOD: the sum or product is taken before the reduction, at full width (Yellow Paper appendix H). */
export const PURE_TERNARY: ReadonlyMap<number, (a: bigint, b: bigint, n: bigint) => bigint> = new Map([
  [0x08, (a: bigint, b: bigint, n: bigint) => (n === 0n ? 0n : (a + b) % n)],
  [0x09, (a: bigint, b: bigint, n: bigint) => (n === 0n ? 0n : (a * b) % n)],
]);

const handlers: Handler[] = new Array<Handler>(256).fill(invalid);

handlers[0x00] = () => Halt.Success;
for (const [op, f] of PURE_BINARY) handlers[op] = binary(f);
for (const [op, f] of PURE_TERNARY) handlers[op] = ternary(f);
handlers[0x0a] = expOp;
// EIP-7939 CLZ: the number of zero bits above the highest set bit; 256 for zero.
handlers[0x1e] = (_ctx, frame) => {
  const x = frame.stack[frame.sp - 1]!;
  frame.stack[frame.sp - 1] = x === 0n ? 256n : BigInt(256 - x.toString(2).length);
  return Halt.Running;
};
handlers[0x20] = (_ctx, frame) => keccakOp(frame);
handlers[0x30] = pushing((_ctx, frame) => frame.address);
handlers[0x31] = accountQueryOp;
handlers[0x32] = pushing((ctx) => ctx.origin);
handlers[0x33] = pushing((_ctx, frame) => frame.caller);
handlers[0x34] = pushing((_ctx, frame) => frame.value);
handlers[0x36] = pushing((_ctx, frame) => BigInt(frame.input.length));
handlers[0x37] = (_ctx, frame) => copyOp(frame, frame.input, false);
handlers[0x38] = pushing((_ctx, frame) => BigInt(frame.code.size));
handlers[0x39] = (_ctx, frame) => copyOp(frame, frame.code.padded.subarray(0, frame.code.size), false);
handlers[0x3a] = pushing((ctx) => ctx.gasPrice);
handlers[0x3b] = accountQueryOp;
handlers[0x3c] = extCodeCopyOp;
handlers[0x3d] = pushing((_ctx, frame) => BigInt(frame.returnData.length));
handlers[0x3e] = (_ctx, frame) => copyOp(frame, frame.returnData, true);
handlers[0x3f] = accountQueryOp;
handlers[0x40] = (ctx, frame) => {
  frame.stack[frame.sp - 1] = blockHash(ctx, frame.stack[frame.sp - 1]!);
  return Halt.Running;
};
handlers[0x41] = pushing((ctx) => ctx.block.coinbase);
handlers[0x42] = pushing((ctx) => ctx.block.timestamp);
handlers[0x43] = pushing((ctx) => ctx.block.number);
handlers[0x44] = pushing((ctx) => ctx.block.difficultyOrRandao);
handlers[0x45] = pushing((ctx) => ctx.block.gasLimit);
handlers[0x46] = pushing((ctx) => ctx.block.chainId);
handlers[0x47] = pushing((ctx, frame) => ctx.state.balanceOf(frame.address));
handlers[0x48] = pushing((ctx) => ctx.block.baseFee);
handlers[0x49] = (ctx, frame) => {
  frame.stack[frame.sp - 1] = blobHash(ctx, frame.stack[frame.sp - 1]!);
  return Halt.Running;
};
handlers[0x4a] = pushing((ctx) => ctx.block.blobBaseFee);
handlers[0x53] = (_ctx, frame) => {
  const stack = frame.stack;
  const offset = stack[--frame.sp]!;
  const value = stack[--frame.sp]!;
  if (!touchMemory(frame, offset, 1n)) return Halt.OutOfGas;
  frame.memory[Number(offset)] = Number(value & 0xffn);
  return Halt.Running;
};
handlers[0x54] = sloadOp;
handlers[0x55] = sstoreOp;
handlers[0x58] = pushing((_ctx, frame) => BigInt(frame.pc));
handlers[0x59] = pushing((_ctx, frame) => BigInt(frame.memSize));
handlers[0x5a] = pushing((_ctx, frame) => frame.totalGas());
handlers[0x5c] = (ctx, frame) => {
  const stack = frame.stack;
  stack[frame.sp - 1] = ctx.state.getTransient(frame.address, stack[frame.sp - 1]!);
  return Halt.Running;
};
handlers[0x5d] = tstoreOp;
handlers[0x5e] = (_ctx, frame) => mcopyOp(frame);
for (let n = 0; n <= 4; n++) handlers[0xa0 + n] = (ctx, frame) => logOp(ctx, frame, n);
handlers[0xf0] = createOp;
handlers[0xf5] = createOp;
handlers[0xf1] = callOp;
handlers[0xf2] = callOp;
handlers[0xf4] = callOp;
handlers[0xfa] = callOp;
handlers[0xf3] = (_ctx, frame) => {
  const halt = returnOp(frame);
  return halt === Halt.Running ? Halt.Success : halt;
};
handlers[0xfd] = (_ctx, frame) => {
  const halt = returnOp(frame);
  return halt === Halt.Running ? Halt.Revert : halt;
};
handlers[0xff] = selfdestructOp;

export const HANDLERS: readonly Handler[] = handlers;
