/** KECCAK256, 0x20 (Yellow Paper, Appendix H.2). */
import { charge, keccakWordCost, useMemory } from "../gas.js";
import type { Frame } from "../frame.js";

export function KECCAK256<W, B>(f: Frame<W, B>): void {
  // stack
  const offset = f.words.need(f.pop(), "KECCAK256 offset");
  const size = f.words.need(f.pop(), "KECCAK256 size");
  // gas
  const [start, length] = useMemory(f, offset, size);
  charge(f, keccakWordCost(f, size));
  // operation
  f.push(f.words.keccak256(f.memory.read(start, length)));
  // program counter
  f.pc += 1;
}
