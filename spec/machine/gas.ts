/**
 * Dynamic gas: the named cost functions the rules charge after the static price (Yellow Paper,
 * Appendix G and H; EIP-150, EIP-2929). Gas is always a concrete quantity.
 */
import { ExceptionalHalt } from "./exceptions.js";
import type { Frame } from "./frame.js";

/** Takes gas from the frame, or halts with `out of gas` (naming the amount unpaid) if there is not enough. */
export function charge<W, B>(frame: Frame<W, B>, amount: bigint): void {
  if (amount > frame.gas) throw new ExceptionalHalt("out of gas", undefined, amount);
  frame.gas -= amount;
}

const wordsFor = (size: bigint): bigint => (size + 31n) / 32n;

/** C_mem(a) = G_memory·a + a²/512 for a words of memory (Yellow Paper, eq. 326). */
export function memoryCost<W, B>(frame: Frame<W, B>, words: bigint): bigint {
  const s = frame.host.schedule;
  return s.gasMemoryWord * words + (words * words) / s.memoryQuadraticDivisor;
}

/**
 * Charges the expansion for touching [offset, offset + size) and grows memory; returns the range as
 * numbers. A zero size touches nothing, whatever the offset. Ranges too large to pay for halt with
 * OutOfGas before anything is allocated.
 */
export function useMemory<W, B>(frame: Frame<W, B>, offset: bigint, size: bigint): [offset: number, size: number] {
  if (size === 0n) return [0, 0];
  const end = offset + size;
  // 2^32 bytes of memory would cost over 2^47 gas: more than any gas limit can pay.
  if (end > 0xffffffffn) throw new ExceptionalHalt("out of gas", "memory range too large");
  const current = BigInt(frame.memory.size / 32);
  const needed = wordsFor(end);
  if (needed > current) {
    charge(frame, memoryCost(frame, needed) - memoryCost(frame, current));
    frame.memory.expandTo(Number(needed) * 32);
  }
  return [Number(offset), Number(size)];
}

/** Per-word cost of copying `size` bytes (CALLDATACOPY, CODECOPY, MCOPY, ...). */
export function copyCost<W, B>(frame: Frame<W, B>, size: bigint): bigint {
  return frame.host.schedule.gasCopyWord * wordsFor(size);
}

/** Per-word cost of hashing `size` bytes. */
export function keccakWordCost<W, B>(frame: Frame<W, B>, size: bigint): bigint {
  return frame.host.schedule.gasKeccak256Word * wordsFor(size);
}

/** EIP-3860: per-word cost of initcode. */
export function initcodeCost<W, B>(frame: Frame<W, B>, size: bigint): bigint {
  return frame.host.schedule.gasInitcodeWord * wordsFor(size);
}

/**
 * The cost of touching an account: the opcode's fixed price before Berlin, and from EIP-2929 on
 * the warm price, or the cold price on first touch in the transaction.
 */
export function accountAccessCost<W, B>(frame: Frame<W, B>, address: bigint, fixedCost: bigint): bigint {
  const s = frame.host.schedule;
  if (s.accessRule === "fixed") return fixedCost;
  return frame.host.touchAccount(address) ? s.gasColdAccountAccess : s.gasWarmAccess;
}

/** EIP-150: all but one 64th of the gas left, the most a frame may pass on. */
export function allButOne64th(gas: bigint): bigint {
  return gas - gas / 64n;
}
