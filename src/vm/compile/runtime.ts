/**
 * What compiled code calls at run time: the interpreter's own helpers (handlers, gas refills,
 * memory expansion, word reads) and the few word operations compiled code uses as functions,
 * small enough for V8 to inline. Compiled code receives them as arguments of its factory, so the
 * generated text names nothing outside this object.
 */
import { readWord, sliceZeroPadded } from "../bytes.js";
import { SUSPEND } from "../calls.js";
import { type Frame, refillGas } from "../frame.js";
import { HANDLERS, PURE_BINARY, PURE_TERNARY } from "../handlers.js";
import { expandMemory } from "../memory.js";

/** Returned by compiled code that hands the frame to the interpreter at frame.pc, with identical state. */
export const EXIT = 101;

const SIGN_BIT = 1n << 255n;
const POWER_OF_TWO: bigint[] = [];
const SHIFT_OF_POWER: bigint[] = [];
for (let k = 0; k < 256; k++) {
  POWER_OF_TWO.push(1n << BigInt(k));
  SHIFT_OF_POWER.push(BigInt(k));
}

/** DIV; a divisor that is a power of two is a shift (the interpreter's fast path, same result). */
function div(a: bigint, b: bigint): bigint {
  const k = Math.log2(Number(b));
  if (k === (k | 0) && POWER_OF_TWO[k] === b) return a >> SHIFT_OF_POWER[k]!;
  return b === 0n ? 0n : a / b;
}

function sdiv(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  if (a < SIGN_BIT && b < SIGN_BIT) return a / b;
  return BigInt.asUintN(256, BigInt.asIntN(256, a) / BigInt.asIntN(256, b));
}

/** SLT as a boolean: words on the same side of 2^255 compare as unsigned; otherwise the one with the sign bit is smaller. */
function slt(a: bigint, b: bigint): boolean {
  return (a < SIGN_BIT) === (b < SIGN_BIT) ? a < b : a >= SIGN_BIT;
}

function sgt(a: bigint, b: bigint): boolean {
  return (a < SIGN_BIT) === (b < SIGN_BIT) ? a > b : a < SIGN_BIT;
}

const TWO_64 = 1n << 64n;
const TWO_128 = 1n << 128n;

/**
 * The word at `start` of memory, big-endian (after any expansion, so memView is current). Most
 * words Solidity keeps in memory are pointers, lengths and small integers: when the high bytes are
 * zero (read as 32-bit numbers, which allocate nothing) fewer 64-bit BigInts are made and joined.
 */
function mload(f: Frame, start: number): bigint {
  const m = f.memView;
  if ((m.getUint32(start + 8) | m.getUint32(start + 12)) === 0 && (m.getUint32(start) | m.getUint32(start + 4)) === 0) {
    if ((m.getUint32(start + 16) | m.getUint32(start + 20)) === 0) return m.getBigUint64(start + 24);
    return (m.getBigUint64(start + 16) << 64n) | m.getBigUint64(start + 24);
  }
  return (m.getBigUint64(start) << 192n) | (m.getBigUint64(start + 8) << 128n) | (m.getBigUint64(start + 16) << 64n) | m.getBigUint64(start + 24);
}

/** MSTORE's write; a word below 2^64 or 2^128 needs fewer shifts (each shift makes a BigInt). */
function mstore(f: Frame, start: number, value: bigint): void {
  const m = f.memView;
  if (value < TWO_128) {
    m.setUint32(start, 0);
    m.setUint32(start + 4, 0);
    m.setUint32(start + 8, 0);
    m.setUint32(start + 12, 0);
    if (value < TWO_64) {
      m.setUint32(start + 16, 0);
      m.setUint32(start + 20, 0);
    } else {
      m.setBigUint64(start + 16, value >> 64n);
    }
    m.setBigUint64(start + 24, value);
    return;
  }
  m.setBigUint64(start, value >> 192n);
  m.setBigUint64(start + 8, value >> 128n);
  m.setBigUint64(start + 16, value >> 64n);
  m.setBigUint64(start + 24, value);
}

/** A halt: the frame's pc, gas and status as the interpreter leaves them; compiled code returns the result. */
function ended(f: Frame, pc: number, gas: number, status: number): number {
  f.pc = pc;
  f.gas = gas;
  f.status = status;
  return ~status;
}

/** Hands the frame to the interpreter at `pc` with this gas and stack height (nothing else changed since). */
function bail(f: Frame, pc: number, gas: number, sp: number): number {
  f.pc = pc;
  f.gas = gas;
  f.sp = sp;
  return ~EXIT;
}

/** After a handler that did not return Running: a call suspends the frame (resuming at `next`), anything else halts it. */
function settled(f: Frame, result: number, next: number): number {
  if (result === SUSPEND) {
    f.pc = next;
    return ~SUSPEND;
  }
  f.status = result;
  return ~result;
}

export const RUNTIME = {
  /** Chunks return a pc (>= 0) to continue at, or ~result: these are ~EXIT and ~SUSPEND. */
  X_EXIT: ~EXIT,
  UINT256_MAX: (1n << 256n) - 1n,
  HANDLERS,
  PURE_BINARY,
  PURE_TERNARY,
  refillGas,
  expandMemory,
  readWord,
  sliceZeroPadded,
  div,
  sdiv,
  slt,
  sgt,
  mload,
  mstore,
  ended,
  bail,
  settled,
} as const;

export const RUNTIME_NAMES = Object.keys(RUNTIME) as (keyof typeof RUNTIME)[];

/** `body` (an expression over `a` and `b` and the runtime's names) as a function, for evaluation at compile time. */
export function runtimeFunction(body: string): (a: bigint, b: bigint) => unknown {
  return new Function(...RUNTIME_NAMES, `"use strict"; return (a, b) => ${body};`)(...RUNTIME_NAMES.map((name) => RUNTIME[name]));
}
