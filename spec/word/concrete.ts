/**
 * The concrete word domain: words are bigints in [0, 2^256), byte strings are Uint8Arrays.
 * Each operation is the Yellow Paper's definition (Appendix H.2), written for clarity.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bigIntToBytes, bytesToBigInt } from "../primitives/bytes.js";
import type { Words } from "./words.js";

export type Word = bigint;

const BITS = 256n;
const MODULUS = 1n << BITS;
const MAX = MODULUS - 1n;
const SIGN_BIT = 1n << (BITS - 1n);

/** The two's-complement reading of a word. */
export function toSigned(word: bigint): bigint {
  return word >= SIGN_BIT ? word - MODULUS : word;
}

/** A signed integer in [-2^255, 2^255) back to its word. */
export function fromSigned(value: bigint): bigint {
  return value < 0n ? value + MODULUS : value;
}

const wrap = (value: bigint): bigint => value & MAX;
const bool = (condition: boolean): bigint => (condition ? 1n : 0n);

export const concreteWords: Words<bigint, Uint8Array> = {
  constant: (value) => wrap(value),
  concrete: (word) => word,
  need: (word) => word,

  add: (a, b) => wrap(a + b),
  sub: (a, b) => wrap(a - b),
  mul: (a, b) => wrap(a * b),
  div: (a, b) => (b === 0n ? 0n : a / b),
  // SDIV: truncating signed division; -2^255 / -1 overflows back to -2^255.
  sdiv: (a, b) => (b === 0n ? 0n : wrap(fromSigned(toSigned(a) / toSigned(b)))),
  mod: (a, b) => (b === 0n ? 0n : a % b),
  // SMOD: the result takes the sign of the dividend (JavaScript's % does the same).
  smod: (a, b) => (b === 0n ? 0n : fromSigned(toSigned(a) % toSigned(b))),
  // ADDMOD/MULMOD: the intermediate sum/product is not reduced modulo 2^256.
  addmod: (a, b, n) => (n === 0n ? 0n : (a + b) % n),
  mulmod: (a, b, n) => (n === 0n ? 0n : (a * b) % n),
  exp: (base, exponent) => {
    let result = 1n;
    let square = base;
    for (let e = exponent; e > 0n; e >>= 1n) {
      if (e & 1n) result = (result * square) & MAX;
      square = (square * square) & MAX;
    }
    return result;
  },
  // SIGNEXTEND: extend the sign of byte `b` (counting from the least significant) to the whole word.
  signextend: (b, x) => {
    if (b >= 31n) return x;
    const bit = 8n * b + 7n;
    const mask = (1n << bit) - 1n;
    return (x >> bit) & 1n ? wrap(x | ~mask) : x & mask;
  },

  lt: (a, b) => bool(a < b),
  gt: (a, b) => bool(a > b),
  slt: (a, b) => bool(toSigned(a) < toSigned(b)),
  sgt: (a, b) => bool(toSigned(a) > toSigned(b)),
  eq: (a, b) => bool(a === b),
  iszero: (a) => bool(a === 0n),
  and: (a, b) => a & b,
  or: (a, b) => a | b,
  xor: (a, b) => a ^ b,
  not: (a) => MAX ^ a,
  // BYTE: byte `i` counting from the most significant; 0 when i >= 32.
  byte: (i, x) => (i >= 32n ? 0n : (x >> (8n * (31n - i))) & 0xffn),
  shl: (shift, x) => (shift >= BITS ? 0n : wrap(x << shift)),
  shr: (shift, x) => (shift >= BITS ? 0n : x >> shift),
  // SAR: arithmetic shift; shifts of 256 or more leave only the sign.
  sar: (shift, x) => {
    const signed = toSigned(x);
    if (shift >= BITS) return signed < 0n ? MAX : 0n;
    return fromSigned(signed >> shift);
  },

  truthy: (word) => word !== 0n,

  bytes: (concrete) => concrete,
  length: (bytes) => bytes.length,
  size: (bytes) => BigInt(bytes.length),
  slice: (bytes, offset, size) => {
    const out = new Uint8Array(size);
    if (offset < BigInt(bytes.length)) out.set(bytes.subarray(Number(offset), Number(offset) + size));
    return out;
  },
  concreteBytes: (bytes) => bytes,
  toBytes: (word) => bigIntToBytes(word, 32),
  fromBytes: (bytes) => bytesToBigInt(bytes),
  keccak256: (bytes) => bytesToBigInt(keccak_256(bytes)),
};
