/**
 * Recursive Length Prefix encoding (Yellow Paper, Appendix B).
 *
 * Decoding is strict: it rejects non-canonical forms (a single byte below 0x80 wrapped in a
 * string header, long headers for short payloads, leading zeros in lengths) and trailing bytes,
 * because transaction validity depends on the exact encoding.
 */
import { VmError } from "./errors.js";

export type RlpItem = Uint8Array | RlpItem[];

function encodeLength(length: number, offset: number): Uint8Array {
  if (length < 56) return Uint8Array.of(offset + length);
  const digits: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) digits.unshift(n % 256);
  return Uint8Array.of(offset + 55 + digits.length, ...digits);
}

export function rlpEncode(item: RlpItem): Uint8Array {
  if (item instanceof Uint8Array) {
    if (item.length === 1 && item[0]! < 0x80) return item;
    const header = encodeLength(item.length, 0x80);
    const out = new Uint8Array(header.length + item.length);
    out.set(header);
    out.set(item, header.length);
    return out;
  }
  const parts = item.map(rlpEncode);
  let total = 0;
  for (const p of parts) total += p.length;
  const header = encodeLength(total, 0xc0);
  const out = new Uint8Array(header.length + total);
  out.set(header);
  let at = header.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function fail(message: string): never {
  throw new VmError("RLP", message);
}

/** Reads a big-endian length of `size` bytes at `at`, rejecting leading zeros and lengths below 56. */
function readLongLength(data: Uint8Array, at: number, size: number): number {
  if (at + size > data.length) fail("length prefix runs past the end of the input");
  if (data[at] === 0) fail("length prefix has a leading zero");
  let length = 0;
  for (let i = 0; i < size; i++) length = length * 256 + data[at + i]!;
  if (length < 56) fail("long length prefix used for a short payload");
  return length;
}

/** Decodes the item starting at `at`; returns it with the offset just past it. */
function decodeAt(data: Uint8Array, at: number): [RlpItem, number] {
  if (at >= data.length) fail("unexpected end of input");
  const first = data[at]!;
  if (first < 0x80) return [data.subarray(at, at + 1), at + 1];
  if (first < 0xb8) {
    const length = first - 0x80;
    const end = at + 1 + length;
    if (end > data.length) fail("string runs past the end of the input");
    if (length === 1 && data[at + 1]! < 0x80) fail("single byte below 0x80 must not have a string header");
    return [data.subarray(at + 1, end), end];
  }
  if (first < 0xc0) {
    const size = first - 0xb7;
    const length = readLongLength(data, at + 1, size);
    const start = at + 1 + size;
    if (start + length > data.length) fail("string runs past the end of the input");
    return [data.subarray(start, start + length), start + length];
  }
  let start: number;
  let length: number;
  if (first < 0xf8) {
    length = first - 0xc0;
    start = at + 1;
  } else {
    const size = first - 0xf7;
    length = readLongLength(data, at + 1, size);
    start = at + 1 + size;
  }
  const end = start + length;
  if (end > data.length) fail("list runs past the end of the input");
  const items: RlpItem[] = [];
  let cursor = start;
  while (cursor < end) {
    const [item, next] = decodeAt(data, cursor);
    if (next > end) fail("list item runs past the end of its list");
    items.push(item);
    cursor = next;
  }
  return [items, end];
}

/** Decodes exactly one item; trailing bytes are an error. */
export function rlpDecode(data: Uint8Array): RlpItem {
  const [item, end] = decodeAt(data, 0);
  if (end !== data.length) fail(`${data.length - end} trailing bytes after the item`);
  return item;
}

/** Decodes an RLP scalar: big-endian bytes without leading zeros (EIP-2718 transactions require canonical integers). */
export function rlpToBigInt(item: RlpItem, what: string): bigint {
  if (!(item instanceof Uint8Array)) fail(`${what} must be a byte string, got a list`);
  if (item.length > 0 && item[0] === 0) fail(`${what} has leading zero bytes`);
  let value = 0n;
  for (const b of item) value = (value << 8n) | BigInt(b);
  return value;
}

export function rlpToBytes(item: RlpItem, what: string): Uint8Array {
  if (!(item instanceof Uint8Array)) fail(`${what} must be a byte string, got a list`);
  return item;
}

export function rlpToList(item: RlpItem, what: string): RlpItem[] {
  if (item instanceof Uint8Array) fail(`${what} must be a list, got a byte string`);
  return item;
}
