/**
 * The hot loop: runs one frame until it halts or suspends for a child call.
 *
 * pc, gas and the stack pointer live in locals and are written back to the frame around any
 * call into an opcode body outside the loop. Words are BigInts kept in [0, 2^256); stack arity
 * and static gas come from the fork's opcode table and are checked once before each opcode.
 */
import { callOp, createOp, SUSPEND } from "./calls.js";
import type { ExecutionContext } from "./context.js";
import { type Frame, growMemory, Halt, MAX_MEMORY, memoryCost, refillGas } from "./frame.js";
import { opcodeTable } from "./opcodes.js";
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
import { traceStep } from "./trace.js";

const MAX_MEMORY_BIG = BigInt(MAX_MEMORY);
const UINT256_MAX = (1n << 256n) - 1n;

/**
 * 2^k → k. Compilers long emitted shifts as DIV by a power of two (before EIP-145), and BigInt
 * division is several times slower than a shift, so DIV looks the divisor up here first.
 */
const POWERS_OF_TWO = new Map<bigint, bigint>();
for (let k = 0n; k < 256n; k++) POWERS_OF_TWO.set(1n << k, k);

/** Runs `frame` from its pc. Returns SUSPEND when a child frame was pushed, else the halt reason (also stored in frame.status). */
export function run(ctx: ExecutionContext, f: Frame): number {
  const table = opcodeTable(ctx.fork);
  const staticGas = table.gas;
  const stackMin = table.stackMin;
  const stackMax = table.stackMax;
  const code = f.code.padded;
  const codeSize = f.code.size;
  const codeSizeWord = BigInt(codeSize);
  const jumpdests = f.code.jumpdests;
  const pushValues = f.code.pushValues;
  const stack = f.stack;
  const tracer = ctx.tracer;
  let pc = f.pc;
  let gas = f.gas;
  let sp = f.sp;
  let halt: number = Halt.Running;

  loop: for (;;) {
    const op = code[pc]!;
    const cost = staticGas[op]!;
    if (tracer !== null) traceStep(ctx, f, pc, gas, sp, op, cost);
    if (cost < 0) {
      halt = Halt.InvalidOpcode;
      break;
    }
    if (sp < stackMin[op]!) {
      halt = Halt.StackUnderflow;
      break;
    }
    if (sp > stackMax[op]!) {
      halt = Halt.StackOverflow;
      break;
    }
    gas -= cost;
    if (gas < 0 && (gas = refillGas(f, gas)) < 0) {
      halt = Halt.OutOfGas;
      break;
    }
    switch (op) {
      case 0x00:
        halt = Halt.Success;
        break loop;
      case 0x01: {
        const a = stack[--sp]!;
        stack[sp - 1] = BigInt.asUintN(256, a + stack[sp - 1]!);
        break;
      }
      case 0x02: {
        const a = stack[--sp]!;
        stack[sp - 1] = BigInt.asUintN(256, a * stack[sp - 1]!);
        break;
      }
      case 0x03: {
        const a = stack[--sp]!;
        stack[sp - 1] = BigInt.asUintN(256, a - stack[sp - 1]!);
        break;
      }
      case 0x04: {
        const a = stack[--sp]!;
        const b = stack[sp - 1]!;
        const shift = POWERS_OF_TWO.get(b);
        stack[sp - 1] = shift !== undefined ? a >> shift : b === 0n ? 0n : a / b;
        break;
      }
      case 0x05: {
        const a = BigInt.asIntN(256, stack[--sp]!);
        const b = BigInt.asIntN(256, stack[sp - 1]!);
        stack[sp - 1] = b === 0n ? 0n : BigInt.asUintN(256, a / b);
        break;
      }
      case 0x06: {
        const a = stack[--sp]!;
        const b = stack[sp - 1]!;
        stack[sp - 1] = b === 0n ? 0n : a % b;
        break;
      }
      case 0x07: {
        const a = BigInt.asIntN(256, stack[--sp]!);
        const b = BigInt.asIntN(256, stack[sp - 1]!);
        stack[sp - 1] = b === 0n ? 0n : BigInt.asUintN(256, a % b);
        break;
      }
      case 0x08: {
        const a = stack[--sp]!;
        const b = stack[--sp]!;
        const n = stack[sp - 1]!;
        stack[sp - 1] = n === 0n ? 0n : (a + b) % n;
        break;
      }
      case 0x09: {
        const a = stack[--sp]!;
        const b = stack[--sp]!;
        const n = stack[sp - 1]!;
        stack[sp - 1] = n === 0n ? 0n : (a * b) % n;
        break;
      }
      case 0x0a: {
        f.gas = gas;
        f.sp = sp;
        halt = expOp(ctx, f);
        gas = f.gas;
        sp = f.sp;
        if (halt !== Halt.Running) break loop;
        break;
      }
      case 0x0b: {
        const b = stack[--sp]!;
        if (b < 31n) stack[sp - 1] = BigInt.asUintN(256, BigInt.asIntN(Number(b) * 8 + 8, stack[sp - 1]!));
        break;
      }
      case 0x10: {
        const a = stack[--sp]!;
        stack[sp - 1] = a < stack[sp - 1]! ? 1n : 0n;
        break;
      }
      case 0x11: {
        const a = stack[--sp]!;
        stack[sp - 1] = a > stack[sp - 1]! ? 1n : 0n;
        break;
      }
      case 0x12: {
        const a = BigInt.asIntN(256, stack[--sp]!);
        stack[sp - 1] = a < BigInt.asIntN(256, stack[sp - 1]!) ? 1n : 0n;
        break;
      }
      case 0x13: {
        const a = BigInt.asIntN(256, stack[--sp]!);
        stack[sp - 1] = a > BigInt.asIntN(256, stack[sp - 1]!) ? 1n : 0n;
        break;
      }
      case 0x14: {
        const a = stack[--sp]!;
        stack[sp - 1] = a === stack[sp - 1]! ? 1n : 0n;
        break;
      }
      case 0x15:
        stack[sp - 1] = stack[sp - 1] === 0n ? 1n : 0n;
        break;
      case 0x16: {
        const a = stack[--sp]!;
        stack[sp - 1] = a & stack[sp - 1]!;
        break;
      }
      case 0x17: {
        const a = stack[--sp]!;
        stack[sp - 1] = a | stack[sp - 1]!;
        break;
      }
      case 0x18: {
        const a = stack[--sp]!;
        stack[sp - 1] = a ^ stack[sp - 1]!;
        break;
      }
      case 0x19:
        stack[sp - 1] = UINT256_MAX ^ stack[sp - 1]!;
        break;
      case 0x1a: {
        const i = stack[--sp]!;
        stack[sp - 1] = i < 32n ? (stack[sp - 1]! >> (8n * (31n - i))) & 0xffn : 0n;
        break;
      }
      case 0x1b: {
        const shift = stack[--sp]!;
        stack[sp - 1] = shift < 256n ? BigInt.asUintN(256, stack[sp - 1]! << shift) : 0n;
        break;
      }
      case 0x1c: {
        const shift = stack[--sp]!;
        stack[sp - 1] = shift < 256n ? stack[sp - 1]! >> shift : 0n;
        break;
      }
      case 0x1d: {
        const shift = stack[--sp]!;
        const value = BigInt.asIntN(256, stack[sp - 1]!);
        stack[sp - 1] = BigInt.asUintN(256, value >> (shift < 256n ? shift : 256n));
        break;
      }
      case 0x20:
      case 0x37:
      case 0x39:
      case 0x3e:
      case 0x5e: {
        f.gas = gas;
        f.sp = sp;
        if (op === 0x20) halt = keccakOp(f);
        else if (op === 0x37) halt = copyOp(f, f.input, false);
        else if (op === 0x39) halt = copyOp(f, f.code.padded.subarray(0, codeSize), false);
        else if (op === 0x3e) halt = copyOp(f, f.returnData, true);
        else halt = mcopyOp(f);
        gas = f.gas;
        sp = f.sp;
        if (halt !== Halt.Running) break loop;
        break;
      }
      case 0x30:
        stack[sp++] = f.address;
        break;
      case 0x31:
      case 0x3b:
      case 0x3f: {
        f.gas = gas;
        f.sp = sp;
        halt = accountQueryOp(ctx, f, op);
        gas = f.gas;
        if (halt !== Halt.Running) break loop;
        break;
      }
      case 0x32:
        stack[sp++] = ctx.origin;
        break;
      case 0x33:
        stack[sp++] = f.caller;
        break;
      case 0x34:
        stack[sp++] = f.value;
        break;
      case 0x35: {
        const offset = stack[sp - 1]!;
        const input = f.input;
        if (offset >= BigInt(input.length)) {
          stack[sp - 1] = 0n;
        } else {
          const start = Number(offset);
          let value = 0n;
          for (let i = 0; i < 32; i++) value = (value << 8n) | BigInt(input[start + i] ?? 0);
          stack[sp - 1] = value;
        }
        break;
      }
      case 0x36:
        stack[sp++] = BigInt(f.input.length);
        break;
      case 0x38:
        stack[sp++] = BigInt(codeSize);
        break;
      case 0x3a:
        stack[sp++] = ctx.gasPrice;
        break;
      case 0x3c: {
        f.gas = gas;
        f.sp = sp;
        halt = extCodeCopyOp(ctx, f);
        gas = f.gas;
        sp = f.sp;
        if (halt !== Halt.Running) break loop;
        break;
      }
      case 0x3d:
        stack[sp++] = BigInt(f.returnData.length);
        break;
      case 0x40:
        stack[sp - 1] = blockHash(ctx, stack[sp - 1]!);
        break;
      case 0x41:
        stack[sp++] = ctx.block.coinbase;
        break;
      case 0x42:
        stack[sp++] = ctx.block.timestamp;
        break;
      case 0x43:
        stack[sp++] = ctx.block.number;
        break;
      case 0x44:
        stack[sp++] = ctx.block.difficultyOrRandao;
        break;
      case 0x45:
        stack[sp++] = ctx.block.gasLimit;
        break;
      case 0x46:
        stack[sp++] = ctx.block.chainId;
        break;
      case 0x47:
        stack[sp++] = ctx.state.balanceOf(f.address);
        break;
      case 0x48:
        stack[sp++] = ctx.block.baseFee;
        break;
      case 0x49:
        stack[sp - 1] = blobHash(ctx, stack[sp - 1]!);
        break;
      case 0x4a:
        stack[sp++] = ctx.block.blobBaseFee;
        break;
      case 0x50:
        sp--;
        break;
      case 0x51: {
        const offset = stack[sp - 1]!;
        if (offset > MAX_MEMORY_BIG) {
          halt = Halt.OutOfGas;
          break loop;
        }
        const start = Number(offset);
        const end = start + 32;
        if (end > f.memSize) {
          gas -= memoryCost(Math.ceil(end / 32)) - memoryCost(f.memSize / 32);
          if (gas < 0 && (gas = refillGas(f, gas)) < 0) {
            halt = Halt.OutOfGas;
            break loop;
          }
          growMemory(f, end);
        }
        const view = f.memView;
        stack[sp - 1] =
          (view.getBigUint64(start) << 192n) |
          (view.getBigUint64(start + 8) << 128n) |
          (view.getBigUint64(start + 16) << 64n) |
          view.getBigUint64(start + 24);
        break;
      }
      case 0x52:
      case 0x53: {
        const offset = stack[--sp]!;
        const value = stack[--sp]!;
        if (offset > MAX_MEMORY_BIG) {
          halt = Halt.OutOfGas;
          break loop;
        }
        const start = Number(offset);
        const end = start + (op === 0x52 ? 32 : 1);
        if (end > f.memSize) {
          gas -= memoryCost(Math.ceil(end / 32)) - memoryCost(f.memSize / 32);
          if (gas < 0 && (gas = refillGas(f, gas)) < 0) {
            halt = Halt.OutOfGas;
            break loop;
          }
          growMemory(f, end);
        }
        if (op === 0x52) {
          const view = f.memView;
          view.setBigUint64(start, value >> 192n);
          view.setBigUint64(start + 8, value >> 128n);
          view.setBigUint64(start + 16, value >> 64n);
          view.setBigUint64(start + 24, value);
        } else {
          f.memory[start] = Number(value & 0xffn);
        }
        break;
      }
      case 0x54: {
        f.gas = gas;
        f.sp = sp;
        halt = sloadOp(ctx, f);
        gas = f.gas;
        if (halt !== Halt.Running) break loop;
        break;
      }
      case 0x55: {
        f.gas = gas;
        f.sp = sp;
        halt = sstoreOp(ctx, f);
        gas = f.gas;
        sp = f.sp;
        if (halt !== Halt.Running) break loop;
        break;
      }
      case 0x56: {
        const dest = stack[--sp]!;
        if (dest >= codeSizeWord || jumpdests[Number(dest)] !== 1) {
          halt = Halt.InvalidJump;
          break loop;
        }
        pc = Number(dest);
        continue;
      }
      case 0x57: {
        const dest = stack[--sp]!;
        const condition = stack[--sp]!;
        if (condition !== 0n) {
          if (dest >= codeSizeWord || jumpdests[Number(dest)] !== 1) {
            halt = Halt.InvalidJump;
            break loop;
          }
          pc = Number(dest);
          continue;
        }
        break;
      }
      case 0x58:
        stack[sp++] = BigInt(pc);
        break;
      case 0x59:
        stack[sp++] = BigInt(f.memSize);
        break;
      case 0x5a:
        stack[sp++] = BigInt(gas) + f.gasReserve;
        break;
      case 0x5b:
        break;
      case 0x5c:
        stack[sp - 1] = ctx.state.getTransient(f.address, stack[sp - 1]!);
        break;
      case 0x5d: {
        f.sp = sp;
        halt = tstoreOp(ctx, f);
        sp = f.sp;
        if (halt !== Halt.Running) break loop;
        break;
      }
      case 0x5f:
        stack[sp++] = 0n;
        break;
      case 0xf0:
      case 0xf5:
      case 0xf1:
      case 0xf2:
      case 0xf4:
      case 0xfa: {
        f.gas = gas;
        f.sp = sp;
        f.pc = pc + 1;
        halt = op === 0xf0 || op === 0xf5 ? createOp(ctx, f, op) : callOp(ctx, f, op);
        if (halt === SUSPEND) return SUSPEND;
        gas = f.gas;
        sp = f.sp;
        if (halt !== Halt.Running) break loop;
        break;
      }
      case 0xf3:
      case 0xfd: {
        f.gas = gas;
        f.sp = sp;
        halt = returnOp(f);
        gas = f.gas;
        sp = f.sp;
        if (halt === Halt.Running) halt = op === 0xf3 ? Halt.Success : Halt.Revert;
        break loop;
      }
      case 0xff: {
        f.gas = gas;
        f.sp = sp;
        halt = selfdestructOp(ctx, f);
        gas = f.gas;
        sp = f.sp;
        break loop;
      }
      default: {
        if (op >= 0x60 && op <= 0x7f) {
          stack[sp++] = pushValues[pc]!;
          pc += op - 0x5e;
          continue;
        }
        if (op >= 0x80 && op <= 0x8f) {
          stack[sp] = stack[sp - (op - 0x7f)]!;
          sp++;
          break;
        }
        if (op >= 0x90 && op <= 0x9f) {
          const other = sp - (op - 0x8e);
          const top = stack[sp - 1]!;
          stack[sp - 1] = stack[other]!;
          stack[other] = top;
          break;
        }
        if (op >= 0xa0 && op <= 0xa4) {
          f.gas = gas;
          f.sp = sp;
          halt = logOp(ctx, f, op - 0xa0);
          gas = f.gas;
          sp = f.sp;
          if (halt !== Halt.Running) break loop;
          break;
        }
        halt = Halt.InvalidOpcode;
        break loop;
      }
    }
    pc++;
  }
  f.pc = pc;
  f.gas = gas;
  f.sp = sp;
  f.status = halt;
  return halt;
}
