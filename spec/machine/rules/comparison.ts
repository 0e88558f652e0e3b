/** Comparison and bitwise logic operations, 0x10-0x1e (Yellow Paper, Appendix H.2; EIP-145 shifts, EIP-7939 CLZ). */
import type { Frame } from "../frame.js";
import type { BinaryOp } from "../../word/words.js";

function binary<W, B>(f: Frame<W, B>, op: BinaryOp): void {
  // stack
  const a = f.pop();
  const b = f.pop();
  // gas: static only
  // operation
  f.push(f.words[op](a, b));
  // program counter
  f.pc += 1;
}

function unary<W, B>(f: Frame<W, B>, op: "iszero" | "not"): void {
  // stack
  const a = f.pop();
  // gas: static only
  // operation
  f.push(f.words[op](a));
  // program counter
  f.pc += 1;
}

export const LT = <W, B>(f: Frame<W, B>): void => binary(f, "lt");
export const GT = <W, B>(f: Frame<W, B>): void => binary(f, "gt");
export const SLT = <W, B>(f: Frame<W, B>): void => binary(f, "slt");
export const SGT = <W, B>(f: Frame<W, B>): void => binary(f, "sgt");
export const EQ = <W, B>(f: Frame<W, B>): void => binary(f, "eq");
export const ISZERO = <W, B>(f: Frame<W, B>): void => unary(f, "iszero");
export const AND = <W, B>(f: Frame<W, B>): void => binary(f, "and");
export const OR = <W, B>(f: Frame<W, B>): void => binary(f, "or");
export const XOR = <W, B>(f: Frame<W, B>): void => binary(f, "xor");
export const NOT = <W, B>(f: Frame<W, B>): void => unary(f, "not");
export const BYTE = <W, B>(f: Frame<W, B>): void => binary(f, "byte");
export const SHL = <W, B>(f: Frame<W, B>): void => binary(f, "shl");
export const SHR = <W, B>(f: Frame<W, B>): void => binary(f, "shr");
export const SAR = <W, B>(f: Frame<W, B>): void => binary(f, "sar");

/** The halving steps of CLZ's binary search: 128, 64, …, 1 bits. */
const CLZ_STEPS = [128n, 64n, 32n, 16n, 8n, 4n, 2n, 1n];

/**
 * CLZ (EIP-7939, Osaka): the number of leading zero bits of the word, 256 for zero. Written with
 * the word operations only, so that a symbolic domain gets a term rather than a refusal: a binary
 * search that, for k = 128, 64, …, 1, adds k and shifts the word left by k when its top k bits
 * are zero; the word is then zero only if it was, which adds the last 1.
 */
export function CLZ<W, B>(f: Frame<W, B>): void {
  const w = f.words;
  // stack
  let value = f.pop();
  // gas: static only
  // operation
  let count = w.constant(0n);
  for (const step of CLZ_STEPS) {
    const topIsZero = w.iszero(w.shr(w.constant(256n - step), value));
    const shift = w.mul(topIsZero, w.constant(step));
    count = w.add(count, shift);
    value = w.shl(shift, value);
  }
  f.push(w.add(count, w.iszero(value)));
  // program counter
  f.pc += 1;
}
