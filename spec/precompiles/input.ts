/**
 * Reading a precompile's input the way the Yellow Paper does: bytes past the end of the call data
 * read as zero, so a short input behaves as if right-padded with zeros.
 */
import { bytesToBigInt } from "../primitives/bytes.js";

/** `size` bytes of `input` starting at `start`, zero where the input ends (execution-specs' `buffer_read`). */
export function readPadded(input: Uint8Array, start: bigint, size: number): Uint8Array {
  if (start < 0n) throw new RangeError(`negative input offset ${start}`);
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`invalid read size ${size}`);
  const out = new Uint8Array(size);
  if (start >= BigInt(input.length)) return out;
  const from = Number(start);
  out.set(input.subarray(from, Math.min(from + size, input.length)));
  return out;
}

/** The big-endian unsigned integer in `size` bytes at `start`, zero-padded like `readPadded`. */
export function readUint(input: Uint8Array, start: bigint, size: number): bigint {
  return bytesToBigInt(readPadded(input, start, size));
}

/** The 32-byte word at `start`, zero-padded. */
export function readWord(input: Uint8Array, start: bigint): bigint {
  return readUint(input, start, 32);
}

/** How many 32-byte words `length` bytes occupy, rounding up (the Yellow Paper's ⌈|I|/32⌉). */
export function wordCount(length: number): bigint {
  return (BigInt(length) + 31n) / 32n;
}
