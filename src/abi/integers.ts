/** Integer ranges and two's-complement words for uint<M>/int<M> (ABI spec: big-endian, sign-extended to 32 bytes). */
import { AbiError } from "./errors.js";

const WORD_MODULUS = 1n << 256n;

export function integerRange(kind: "uint" | "int", bits: number): { min: bigint; max: bigint } {
  if (kind === "uint") return { min: 0n, max: (1n << BigInt(bits)) - 1n };
  const half = 1n << BigInt(bits - 1);
  return { min: -half, max: half - 1n };
}

/** The 256-bit word holding `value`: negative numbers wrap to two's complement. */
export function toWordValue(value: bigint): bigint {
  return value < 0n ? value + WORD_MODULUS : value;
}

/** The signed reading of a 256-bit word. */
export function fromWordSigned(word: bigint): bigint {
  return word >= WORD_MODULUS / 2n ? word - WORD_MODULUS : word;
}

const DECIMAL = /^-?\d+$/;
const HEX = /^-?0x[0-9a-fA-F]+$/;

/** Accepts bigint, safe-integer number, or decimal / 0x-hex string; `path` names the value in errors. */
export function toBigInt(input: unknown, path: string): bigint {
  if (typeof input === "bigint") return input;
  if (typeof input === "number") {
    if (!Number.isSafeInteger(input)) {
      throw new AbiError("ABI_ENCODE", `${path}: ${input} is not a safe integer (pass a bigint or a string)`);
    }
    return BigInt(input);
  }
  if (typeof input === "string") {
    if (DECIMAL.test(input)) return BigInt(input);
    if (HEX.test(input)) return input.startsWith("-") ? -BigInt(input.slice(1)) : BigInt(input);
    throw new AbiError("ABI_ENCODE", `${path}: '${input}' is not a decimal or 0x integer`);
  }
  throw new AbiError("ABI_ENCODE", `${path}: expected an integer, got ${describe(input)}`);
}

export function describe(input: unknown): string {
  if (input instanceof Uint8Array) return "bytes";
  if (Array.isArray(input)) return "an array";
  if (input === null) return "null";
  return typeof input;
}
