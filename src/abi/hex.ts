/** Hex conversions with the validation ABI inputs need (0x prefix optional, even length, hex digits only). */
import { AbiError, type AbiErrorCode } from "./errors.js";

const HEX_BODY = /^[0-9a-fA-F]*$/;

export function bytesToHex(bytes: Uint8Array): string {
  let out = "0x";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

/** Parses `0x…` or bare hex; `what` names the value in the error message. */
export function hexToBytes(hex: string, what: string, code: AbiErrorCode = "ABI_ENCODE"): Uint8Array {
  const body = hex.startsWith("0x") || hex.startsWith("0X") ? hex.slice(2) : hex;
  if (body.length % 2 !== 0) throw new AbiError(code, `${what}: hex string has an odd number of digits`);
  if (!HEX_BODY.test(body)) throw new AbiError(code, `${what}: '${hex}' is not a hex string`);
  const out = new Uint8Array(body.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(body.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Big-endian unsigned integer of a byte string. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/** The 32-byte big-endian word of a value already reduced to 0 ≤ value < 2^256. */
export function bigIntToWord(value: bigint): Uint8Array {
  const word = new Uint8Array(32);
  let rest = value;
  for (let i = 31; i >= 0; i--) {
    word[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return word;
}
