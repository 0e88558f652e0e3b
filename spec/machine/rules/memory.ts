/** Memory operations: MLOAD, MSTORE, MSTORE8, MSIZE, MCOPY (Yellow Paper, Appendix H.2; EIP-5656). */
import { charge, copyCost, useMemory } from "../gas.js";
import type { Frame } from "../frame.js";

export function MLOAD<W, B>(f: Frame<W, B>): void {
  // stack
  const offset = f.words.need(f.pop(), "MLOAD offset");
  // gas
  const [start] = useMemory(f, offset, 32n);
  // operation
  f.push(f.memory.load(start));
  // program counter
  f.pc += 1;
}

export function MSTORE<W, B>(f: Frame<W, B>): void {
  // stack
  const offset = f.words.need(f.pop(), "MSTORE offset");
  const value = f.pop();
  // gas
  const [start] = useMemory(f, offset, 32n);
  // operation
  f.memory.store(start, value);
  // program counter
  f.pc += 1;
}

export function MSTORE8<W, B>(f: Frame<W, B>): void {
  // stack
  const offset = f.words.need(f.pop(), "MSTORE8 offset");
  const value = f.pop();
  // gas
  const [start] = useMemory(f, offset, 1n);
  // operation
  f.memory.store8(start, value);
  // program counter
  f.pc += 1;
}

export function MSIZE<W, B>(f: Frame<W, B>): void {
  // stack: nothing popped; gas: static only
  // operation
  f.push(f.words.constant(BigInt(f.memory.size)));
  // program counter
  f.pc += 1;
}

/** MCOPY: copies within memory as if through a buffer, so overlapping ranges are safe (EIP-5656). */
export function MCOPY<W, B>(f: Frame<W, B>): void {
  // stack
  const destination = f.words.need(f.pop(), "MCOPY destination");
  const source = f.words.need(f.pop(), "MCOPY source");
  const size = f.words.need(f.pop(), "MCOPY size");
  // gas: expansion covers the larger of the two ranges
  const furthest = size === 0n ? 0n : source > destination ? source : destination;
  useMemory(f, furthest, size);
  charge(f, copyCost(f, size));
  // operation
  if (size > 0n) f.memory.write(Number(destination), f.memory.read(Number(source), Number(size)));
  // program counter
  f.pc += 1;
}
