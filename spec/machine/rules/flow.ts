/** Control flow and machine state: JUMP, JUMPI, PC, GAS, JUMPDEST, INVALID (Yellow Paper, Appendix H.2). */
import { ExceptionalHalt } from "../exceptions.js";
import type { Frame } from "../frame.js";

/** A jump must land on a JUMPDEST instruction (not inside push data). */
function jumpTo<W, B>(f: Frame<W, B>, destination: W): void {
  const target = f.words.need(destination, "jump destination");
  if (target >= BigInt(f.message.code.length) || !f.jumpdests.has(Number(target))) {
    throw new ExceptionalHalt("invalid jump destination", `to ${target}`);
  }
  f.pc = Number(target);
}

export function JUMP<W, B>(f: Frame<W, B>): void {
  // stack
  const destination = f.pop();
  // gas: static only; operation: none
  // program counter
  jumpTo(f, destination);
}

export function JUMPI<W, B>(f: Frame<W, B>): void {
  // stack
  const destination = f.pop();
  const condition = f.pop();
  // gas: static only; operation: none
  // program counter
  if (f.words.truthy(condition)) jumpTo(f, destination);
  else f.pc += 1;
}

export function PC<W, B>(f: Frame<W, B>): void {
  // stack: nothing popped; gas: static only
  // operation
  f.push(f.words.constant(BigInt(f.pc)));
  // program counter
  f.pc += 1;
}

/** GAS: the gas left after paying for this instruction. */
export function GAS<W, B>(f: Frame<W, B>): void {
  // stack: nothing popped; gas: static only
  // operation
  f.push(f.words.constant(f.gas));
  // program counter
  f.pc += 1;
}

export function JUMPDEST<W, B>(f: Frame<W, B>): void {
  // stack, gas, operation: none
  // program counter
  f.pc += 1;
}

/** INVALID (0xfe, EIP-141): the designated invalid instruction. */
export function INVALID<W, B>(_f: Frame<W, B>): never {
  throw new ExceptionalHalt("invalid opcode", "INVALID");
}
