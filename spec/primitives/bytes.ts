/** Byte, hex and integer conversions shared by every part of the spec. All inputs are validated. */

const HEX = /^(0x)?([0-9a-fA-F]*)$/;

/** Parses hex (with or without 0x) into bytes; an odd number of digits is an error. */
export function hexToBytes(hex: string): Uint8Array {
  const match = HEX.exec(hex);
  if (match === null) throw new TypeError(`not a hex string: ${JSON.stringify(hex.slice(0, 40))}`);
  const digits = match[2]!;
  if (digits.length % 2 !== 0) throw new TypeError(`odd number of hex digits in ${JSON.stringify(hex.slice(0, 40))}`);
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = "0x";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/** Big-endian unsigned integer of the bytes (empty → 0). */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return value;
}

/** The value as exactly `length` big-endian bytes; it must fit. */
export function bigIntToBytes(value: bigint, length: number): Uint8Array {
  if (value < 0n || value >> BigInt(8 * length) !== 0n) throw new RangeError(`${value} does not fit in ${length} bytes`);
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return out;
}

/** The shortest big-endian encoding (0 → empty), as RLP wants integers. */
export function bigIntToMinimalBytes(value: bigint): Uint8Array {
  if (value < 0n) throw new RangeError(`negative integer ${value}`);
  if (value === 0n) return new Uint8Array(0);
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = "0" + hex;
  return hexToBytes(hex);
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
