/**
 * The hot loop: runs one frame until it halts or suspends for a child call.
 *
 * pc, gas and the stack pointer live in locals. Stack arity and static gas come from the fork's
 * opcode table and are checked once before each opcode. The most frequent opcodes (arithmetic,
 * comparison, stack, memory words, jumps) are inlined in the switch; the rest run as handlers
 * (handlers.ts) with pc, gas and sp stored in the frame around the call. Words are BigInts
 * kept in [0, 2^256).
 */
import { readWord, sliceZeroPadded } from "./bytes.js";
import { SUSPEND } from "./calls.js";
import type { ExecutionContext } from "./context.js";
import { type Frame, Halt, haltReason, MAX_MEMORY, refillGas } from "./frame.js";
import { HANDLERS } from "./handlers.js";
import { expandMemory } from "./memory.js";

const MAX_MEMORY_BIG = BigInt(MAX_MEMORY);
const UINT256_MAX = (1n << 256n) - 1n;
const SIGN_BIT = 1n << 255n;

/**
 * 2^k and k as words. Compilers long emitted shifts as DIV by a power of two (before EIP-145),
 * and BigInt division is several times slower than a shift, so DIV recognises such divisors:
 * log2 of the divisor as a double is an integer k for every power of two, and the candidate is
 * confirmed by comparing with 2^k (the double may round other values to a power of two).
 */
const POWER_OF_TWO: bigint[] = [];
const SHIFT_OF_POWER: bigint[] = [];
for (let k = 0; k < 256; k++) {
  POWER_OF_TWO.push(1n << BigInt(k));
  SHIFT_OF_POWER.push(BigInt(k));
}

/** Runs `frame` from its pc. Returns SUSPEND when a child frame was pushed, else the halt reason (also stored in frame.status). */
export function run(ctx: ExecutionContext, f: Frame): number {
  const table = ctx.opcodes;
  const staticGas = table.gas;
  const stackMin = table.stackMin;
  const stackMax = table.stackMax;
  const code = f.code.padded;
  const codeSizeWord = BigInt(f.code.size);
  const jumpdests = f.code.jumpdests;
  const pushValues = f.code.pushValues;
  const stack = f.stack;
  const tracer = ctx.tracer;
  const progress = ctx.progress;
  let pc = f.pc;
  let gas = f.gas;
  let sp = f.sp;
  let halt: number = Halt.Running;

  loop: for (;;) {
    const op = code[pc]!;
    const cost = staticGas[op]!;
    if (tracer !== null) tracer.before(f, pc, gas, sp, op, ctx.state.refund);
    if (progress !== null) progress.step(pc, f.depth + 1);
    if (cost < 0) {
      halt = Halt.InvalidOpcode;
      break;
    }
    // A failed stack check still prices the instruction (gas -= cost), so its trace step reports
    // the static cost as go-ethereum's does; the frame's gas is forfeit either way.
    if (sp < stackMin[op]!) {
      gas -= cost;
      halt = Halt.StackUnderflow;
      break;
    }
    if (sp > stackMax[op]!) {
      gas -= cost;
      halt = Halt.StackOverflow;
      break;
    }
    gas -= cost;
    if (gas < 0 && (gas = refillGas(f, gas)) < 0) {
      halt = Halt.OutOfGas;
      break;
    }
    switch (op) {
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
        const k = Math.log2(Number(b));
        if (k === (k | 0) && POWER_OF_TWO[k] === b) stack[sp - 1] = a >> SHIFT_OF_POWER[k]!;
        else stack[sp - 1] = b === 0n ? 0n : a / b;
        break;
      }
      case 0x05: {
        const a = stack[--sp]!;
        const b = stack[sp - 1]!;
        if (b === 0n) stack[sp - 1] = 0n;
        else if (a < SIGN_BIT && b < SIGN_BIT) stack[sp - 1] = a / b;
        else stack[sp - 1] = BigInt.asUintN(256, BigInt.asIntN(256, a) / BigInt.asIntN(256, b));
        break;
      }
      case 0x06: {
        const a = stack[--sp]!;
        const b = stack[sp - 1]!;
        stack[sp - 1] = b === 0n ? 0n : a % b;
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
        const a = stack[--sp]!;
        const b = stack[sp - 1]!;
        // Words on the same side of 2^255 compare as unsigned; otherwise the one with the sign bit is smaller.
        stack[sp - 1] = (a < SIGN_BIT) === (b < SIGN_BIT) ? (a < b ? 1n : 0n) : a >= SIGN_BIT ? 1n : 0n;
        break;
      }
      case 0x13: {
        const a = stack[--sp]!;
        const b = stack[sp - 1]!;
        stack[sp - 1] = (a < SIGN_BIT) === (b < SIGN_BIT) ? (a > b ? 1n : 0n) : a < SIGN_BIT ? 1n : 0n;
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
      case 0x35: {
        const offset = stack[sp - 1]!;
        const input = f.input;
        if (offset >= BigInt(input.length)) {
          stack[sp - 1] = 0n;
        } else {
          const start = Number(offset);
          stack[sp - 1] =
            start + 32 <= input.length ? readWord(input, start, 32) : readWord(sliceZeroPadded(input, start, 32), 0, 32);
        }
        break;
      }
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
        if (end > f.memSize && (gas = expandMemory(f, end, gas)) < 0) {
          halt = Halt.OutOfGas;
          break loop;
        }
        const view = f.memView;
        stack[sp - 1] =
          (view.getBigUint64(start) << 192n) |
          (view.getBigUint64(start + 8) << 128n) |
          (view.getBigUint64(start + 16) << 64n) |
          view.getBigUint64(start + 24);
        break;
      }
      case 0x52: {
        const offset = stack[--sp]!;
        const value = stack[--sp]!;
        if (offset > MAX_MEMORY_BIG) {
          halt = Halt.OutOfGas;
          break loop;
        }
        const start = Number(offset);
        const end = start + 32;
        if (end > f.memSize && (gas = expandMemory(f, end, gas)) < 0) {
          halt = Halt.OutOfGas;
          break loop;
        }
        const view = f.memView;
        view.setBigUint64(start, value >> 192n);
        view.setBigUint64(start + 8, value >> 128n);
        view.setBigUint64(start + 16, value >> 64n);
        view.setBigUint64(start + 24, value);
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
      case 0x5b:
        break;
      case 0x5f:
        stack[sp++] = 0n;
        break;
      case 0x60:
      case 0x61:
      case 0x62:
      case 0x63:
      case 0x64:
      case 0x65:
      case 0x66:
      case 0x67:
      case 0x68:
      case 0x69:
      case 0x6a:
      case 0x6b:
      case 0x6c:
      case 0x6d:
      case 0x6e:
      case 0x6f:
      case 0x70:
      case 0x71:
      case 0x72:
      case 0x73:
      case 0x74:
      case 0x75:
      case 0x76:
      case 0x77:
      case 0x78:
      case 0x79:
      case 0x7a:
      case 0x7b:
      case 0x7c:
      case 0x7d:
      case 0x7e:
      case 0x7f:
        stack[sp++] = pushValues[pc]!;
        pc += op - 0x5e;
        continue;
      case 0x80:
      case 0x81:
      case 0x82:
      case 0x83:
      case 0x84:
      case 0x85:
      case 0x86:
      case 0x87:
      case 0x88:
      case 0x89:
      case 0x8a:
      case 0x8b:
      case 0x8c:
      case 0x8d:
      case 0x8e:
      case 0x8f:
        stack[sp] = stack[sp - (op - 0x7f)]!;
        sp++;
        break;
      case 0x90:
      case 0x91:
      case 0x92:
      case 0x93:
      case 0x94:
      case 0x95:
      case 0x96:
      case 0x97:
      case 0x98:
      case 0x99:
      case 0x9a:
      case 0x9b:
      case 0x9c:
      case 0x9d:
      case 0x9e:
      case 0x9f: {
        const other = sp - (op - 0x8e);
        const top = stack[sp - 1]!;
        stack[sp - 1] = stack[other]!;
        stack[other] = top;
        break;
      }
      default: {
        f.pc = pc;
        f.gas = gas;
        f.sp = sp;
        halt = HANDLERS[op]!(ctx, f, op);
        if (halt === SUSPEND) {
          f.pc = pc + 1;
          if (tracer !== null) tracer.complete(f.totalGas());
          return SUSPEND;
        }
        gas = f.gas;
        sp = f.sp;
        if (halt !== Halt.Running) break loop;
      }
    }
    pc++;
  }
  f.pc = pc;
  f.gas = gas;
  f.sp = sp;
  f.status = halt;
  if (tracer !== null) tracer.complete(f.totalGas(), halt >= Halt.Exceptional ? haltReason(halt) : undefined);
  return halt;
}
