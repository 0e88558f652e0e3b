/** Stack operations: POP, PUSH0-PUSH32, DUP1-DUP16, SWAP1-SWAP16 (Yellow Paper, Appendix H.2; EIP-3855). */
import { bytesToBigInt } from "../../primitives/bytes.js";
import type { Frame } from "../frame.js";

export function POP<W, B>(f: Frame<W, B>): void {
  // stack
  f.pop();
  // gas: static only; operation: none
  // program counter
  f.pc += 1;
}

/** PUSHn: the n bytes after the opcode, as a big-endian word; code past its end reads as zeros. */
export function push(n: number) {
  return function PUSH<W, B>(f: Frame<W, B>): void {
    // stack: nothing popped; gas: static only
    // operation
    const data = new Uint8Array(n);
    data.set(f.message.code.subarray(f.pc + 1, f.pc + 1 + n));
    f.push(f.words.constant(bytesToBigInt(data)));
    // program counter
    f.pc += 1 + n;
  };
}

/** DUPn: copies the n-th item (1 = top) to the top. */
export function dup(n: number) {
  return function DUP<W, B>(f: Frame<W, B>): void {
    // stack: the arity check guaranteed n items; gas: static only
    // operation
    f.push(f.stack[f.stack.length - n]!);
    // program counter
    f.pc += 1;
  };
}

/** SWAPn: exchanges the top with the (n+1)-th item. */
export function swap(n: number) {
  return function SWAP<W, B>(f: Frame<W, B>): void {
    // stack: the arity check guaranteed n + 1 items; gas: static only
    // operation
    const top = f.stack.length - 1;
    const other = top - n;
    const value = f.stack[top]!;
    f.stack[top] = f.stack[other]!;
    f.stack[other] = value;
    // program counter
    f.pc += 1;
  };
}
