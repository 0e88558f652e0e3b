/**
 * One small step of a frame (Yellow Paper 9.4, the function O): fetch the instruction, check what
 * the instruction table says about it — that it exists in the fork, the stack arity — charge its
 * static price, then run its rule. A rule that changes state checks the static context once it is
 * priced (static-context.ts).
 */
import { UnsupportedSymbolic } from "../word/words.js";
import { ExceptionalHalt } from "./exceptions.js";
import { type Control, type Frame, STACK_LIMIT } from "./frame.js";
import { charge } from "./gas.js";
import { RULES } from "./instructions.js";
import { OPCODES, staticGas } from "./opcodes.js";

/** Reading past the end of the code yields STOP (Yellow Paper 9.4.1). */
const STOP = 0x00;

export function step<W, B>(f: Frame<W, B>): Control<B> | void {
  const opcode = f.pc < f.message.code.length ? f.message.code[f.pc]! : STOP;
  const info = OPCODES.get(opcode);
  const rule = RULES.get(opcode);
  if (info === undefined || rule === undefined || !f.host.schedule.opcodes.has(opcode)) {
    throw new ExceptionalHalt("invalid opcode", `0x${opcode.toString(16).padStart(2, "0")}`);
  }
  const price = staticGas(info, f.host.schedule);
  if (f.stack.length < info.pops) throw new ExceptionalHalt("stack underflow", info.name, price);
  if (f.stack.length - info.pops + info.pushes > STACK_LIMIT) throw new ExceptionalHalt("stack limit reached 1024 (1023)", info.name, price);
  charge(f, price);
  return rule(f);
}

/**
 * `step` for initcode whose bytes from `from` on are symbolic (`Message.symbolicTail`): they hold
 * zeros in the code and must never run. Kept apart so that concrete code pays nothing for it.
 */
export function stepBefore<W, B>(from: number): (f: Frame<W, B>) => Control<B> | void {
  return (f) => {
    if (f.pc >= from) throw new UnsupportedSymbolic(`executing symbolic code at pc ${f.pc}`);
    return step(f);
  };
}
