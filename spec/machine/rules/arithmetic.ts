/** Stop and arithmetic operations, 0x00-0x0b (Yellow Paper, Appendix H.2). */
import { charge } from "../gas.js";
import type { BinaryOp } from "../../word/words.js";
import type { Control, Frame } from "../frame.js";

export function STOP<W, B>(f: Frame<W, B>): Control<B> {
  return { kind: "stop", result: { kind: "success", output: f.words.bytes(new Uint8Array(0)), gasLeft: f.gas } };
}

/** The shape of every binary operation with no dynamic gas: a ← op(μ_s[0], μ_s[1]). */
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

function ternary<W, B>(f: Frame<W, B>, op: "addmod" | "mulmod"): void {
  // stack
  const a = f.pop();
  const b = f.pop();
  const n = f.pop();
  // gas: static only
  // operation
  f.push(f.words[op](a, b, n));
  // program counter
  f.pc += 1;
}

export const ADD = <W, B>(f: Frame<W, B>): void => binary(f, "add");
export const MUL = <W, B>(f: Frame<W, B>): void => binary(f, "mul");
export const SUB = <W, B>(f: Frame<W, B>): void => binary(f, "sub");
export const DIV = <W, B>(f: Frame<W, B>): void => binary(f, "div");
export const SDIV = <W, B>(f: Frame<W, B>): void => binary(f, "sdiv");
export const MOD = <W, B>(f: Frame<W, B>): void => binary(f, "mod");
export const SMOD = <W, B>(f: Frame<W, B>): void => binary(f, "smod");
export const ADDMOD = <W, B>(f: Frame<W, B>): void => ternary(f, "addmod");
export const MULMOD = <W, B>(f: Frame<W, B>): void => ternary(f, "mulmod");
export const SIGNEXTEND = <W, B>(f: Frame<W, B>): void => binary(f, "signextend");

/** EXP: the dynamic price is G_expbyte per byte of the exponent (EIP-160 raised it to 50). */
export function EXP<W, B>(f: Frame<W, B>): void {
  // stack
  const base = f.pop();
  const exponent = f.pop();
  // gas
  const e = f.words.need(exponent, "EXP exponent (its byte length prices the operation)");
  const exponentBytes = e === 0n ? 0n : BigInt(Math.ceil(e.toString(16).length / 2));
  charge(f, f.host.schedule.gasExpByte * exponentBytes);
  // operation
  f.push(f.words.exp(base, exponent));
  // program counter
  f.pc += 1;
}
