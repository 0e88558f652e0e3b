/**
 * EIP-214: an instruction that changes state (`writes` in the instruction table) halts in a
 * static context. Its rule calls this once the instruction is priced, as go-ethereum's
 * instructions and execution-specs' rules check it, so an instruction that cannot pay its price
 * runs out of gas first; the halt is the same either way, only its reason differs.
 */
import { ExceptionalHalt } from "./exceptions.js";
import type { Frame } from "./frame.js";
import { OPCODES } from "./opcodes.js";

export function forbidInStaticContext<W, B>(f: Frame<W, B>): void {
  if (!f.message.isStatic) return;
  const info = OPCODES.get(f.message.code[f.pc]!);
  if (info?.writes === true) throw new ExceptionalHalt("write protection", info.name);
}
