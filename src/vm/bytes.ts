/** Byte, hex and 256-bit word conversions used throughout the interpreter; inputs are validated. */
import { VmError } from "./errors.js";

export const EMPTY_BYTES = new Uint8Array(0);

const HEX_DIGITS = /^[0-9a-fA-F]*$/;

/** Parses hex with or without a 0x prefix; an odd digit count or a non-hex character is an error. */
export function hexToBytes(hex: string): Uint8Array {
  const digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.slice(2) : hex;
  if (digits.length % 2 !== 0 || !HEX_DIGITS.test(digits)) {
    throw new VmError("HEX", `not an even-length hex string: ${JSON.stringify(hex.slice(0, 40))}`);
  }
  return Uint8Array.from(Buffer.from(digits, "hex"));
}

export function bytesToHex(bytes: Uint8Array): string {
  return "0x" + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

/** Big-endian unsigned integer of the bytes (empty → 0). */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  return BigInt(bytesToHex(bytes));
}

/** The value as exactly `length` big-endian bytes (the value must be non-negative and fit). */
export function bigIntToBytes(value: bigint, length: number): Uint8Array {
  if (value < 0n) throw new VmError("INPUT", `negative value ${value}`);
  const hex = value.toString(16);
  if (hex.length > length * 2) throw new VmError("INPUT", `value ${value} does not fit in ${length} bytes`);
  return Uint8Array.from(Buffer.from(hex.padStart(length * 2, "0"), "hex"));
}

/** Minimal big-endian bytes of an unsigned integer, as RLP encodes scalars (0 → empty). */
export function bigIntToMinimalBytes(value: bigint): Uint8Array {
  if (value === 0n) return EMPTY_BYTES;
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = "0" + hex;
  return Uint8Array.from(Buffer.from(hex, "hex"));
}

/** Reads `length` (≤ 32) big-endian bytes from `source` at `offset` as an unsigned integer. */
export function readWord(source: Uint8Array, offset: number, length: number): bigint {
  let hi = 0;
  let value = 0n;
  let i = offset;
  const end = offset + length;
  // Accumulate 6 bytes at a time in a Number to keep BigInt operations few.
  while (i < end) {
    const chunk = Math.min(6, end - i);
    hi = 0;
    for (let j = 0; j < chunk; j++) hi = hi * 256 + source[i + j]!;
    value = (value << BigInt(chunk * 8)) | BigInt(hi);
    i += chunk;
  }
  return value;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `length` bytes of `data` from `offset`, zero-filled past the end (calldata/code/returndata copies). */
export function sliceZeroPadded(data: Uint8Array, offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  if (offset < data.length) out.set(data.subarray(offset, Math.min(data.length, offset + length)));
  return out;
}
