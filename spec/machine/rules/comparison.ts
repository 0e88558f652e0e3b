/** Comparison and bitwise logic operations, 0x10-0x1d (Yellow Paper, Appendix H.2; EIP-145 shifts). */
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
