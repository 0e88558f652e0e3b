/** Gas charging and memory expansion shared by opcode bodies that run outside the hot loop. */
import { type Frame, growMemory, MAX_MEMORY, memoryCost, refillGas } from "./frame.js";

const MAX_MEMORY_BIG = BigInt(MAX_MEMORY);

/** Deducts `cost` from the frame; false when it has run out of gas. */
export function useGas(frame: Frame, cost: number): boolean {
  frame.gas -= cost;
  if (frame.gas < 0) frame.gas = refillGas(frame, frame.gas);
  return frame.gas >= 0;
}

/**
 * Charges the expansion of memory to cover `size` bytes at `offset` (Yellow Paper eq. 324: a
 * zero-size access never expands) and grows it; false when out of gas.
 */
export function touchMemory(frame: Frame, offset: bigint, size: bigint): boolean {
  if (size === 0n) return true;
  if (offset > MAX_MEMORY_BIG || size > MAX_MEMORY_BIG) return false;
  const end = Number(offset) + Number(size);
  if (end <= frame.memSize) return true;
  if (end > MAX_MEMORY) return false;
  frame.gas = expandMemory(frame, end, frame.gas);
  return frame.gas >= 0;
}

/**
 * Charges `gas` for growing memory to `end` bytes (end > current size, at most MAX_MEMORY) and
 * grows it; returns the gas left, negative when it does not cover the expansion (Yellow Paper
 * eq. 326: the cost is the difference of C_mem before and after).
 */
export function expandMemory(frame: Frame, end: number, gas: number): number {
  let left = gas - (memoryCost(Math.ceil(end / 32)) - memoryCost(frame.memSize / 32));
  if (left < 0 && (left = refillGas(frame, left)) < 0) return left;
  growMemory(frame, end);
  return left;
}

/** Word count for per-word charges (copies, hashing, initcode). */
export function wordCount(size: number): number {
  return Math.ceil(size / 32);
}

/** A copy of `size` bytes of memory at `offset` (after touchMemory); empty when size is 0. */
export function readMemory(frame: Frame, offset: bigint, size: bigint): Uint8Array {
  if (size === 0n) return new Uint8Array(0);
  const start = Number(offset);
  return frame.memory.slice(start, start + Number(size));
}

/** Writes `data` zero-extended to `size` bytes at `offset` (after touchMemory): the *COPY opcodes. */
export function copyToMemory(frame: Frame, offset: number, data: Uint8Array, dataOffset: bigint, size: number): void {
  if (size === 0) return;
  const memory = frame.memory;
  const available = dataOffset >= BigInt(data.length) ? 0 : Math.min(size, data.length - Number(dataOffset));
  if (available > 0) memory.set(data.subarray(Number(dataOffset), Number(dataOffset) + available), offset);
  if (available < size) memory.fill(0, offset + available, offset + size);
}
