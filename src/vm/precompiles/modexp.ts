/**
 * 0x05: modular exponentiation (EIP-198), priced by EIP-198 before Berlin, EIP-2565 from Berlin and
 * EIP-7883 from Osaka, where EIP-7823 also bounds each length to 1024 bytes.
 * Lengths are arbitrary 256-bit words, so the price is computed in BigInt before any allocation.
 */
import { bigIntToBytes, bytesToBigInt, sliceZeroPadded } from "../bytes.js";
import type { ForkSchedule } from "../forks.js";
import type { Precompile } from "./types.js";

function bitLength(value: bigint): bigint {
  return value === 0n ? 0n : BigInt(value.toString(2).length);
}

/**
 * EIP-198 "adjusted exponent length": about log2 of the exponent; each exponent byte past the
 * first 32 counts `bitsPerTailByte` (8, and 16 from EIP-7883).
 */
function adjustedExponentLength(input: Uint8Array, baseLength: bigint, exponentLength: bigint, bitsPerTailByte: bigint): bigint {
  const headLength = exponentLength < 32n ? Number(exponentLength) : 32;
  const start = 96n + baseLength;
  const head =
    start > BigInt(input.length) ? 0n : bytesToBigInt(sliceZeroPadded(input, Number(start), headLength));
  const headBits = bitLength(head);
  const fromHead = headBits > 0n ? headBits - 1n : 0n;
  return exponentLength <= 32n ? fromHead : bitsPerTailByte * (exponentLength - 32n) + fromHead;
}

function eip198Complexity(x: bigint): bigint {
  if (x <= 64n) return x * x;
  if (x <= 1024n) return (x * x) / 4n + 96n * x - 3072n;
  return (x * x) / 16n + 480n * x - 199680n;
}

function price(fork: ForkSchedule, input: Uint8Array, b: bigint, e: bigint, m: bigint): bigint {
  const eip7883 = fork.modexpRule === "eip7883";
  const adjusted = adjustedExponentLength(input, b, e, eip7883 ? 16n : 8n);
  const iterations = adjusted > 1n ? adjusted : 1n;
  const longest = b > m ? b : m;
  if (fork.modexpRule === "eip198") return (eip198Complexity(longest) * iterations) / 20n;
  const wordCount = (longest + 7n) / 8n;
  if (eip7883) {
    // EIP-7883: complexity at least 16, doubled above 32 bytes; no divisor; at least 500.
    const complexity = longest > 32n ? 2n * wordCount * wordCount : 16n;
    const cost = complexity * iterations;
    return cost > 500n ? cost : 500n;
  }
  const cost = (wordCount * wordCount * iterations) / 3n;
  return cost > 200n ? cost : 200n;
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus === 0n) return 0n;
  let result = 1n % modulus;
  let b = base % modulus;
  if (exponent === 0n || b === 1n) return result;
  if (b === 0n) return 0n;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

export const modexp: Precompile = (input, gas, fork) => {
  const header = sliceZeroPadded(input, 0, 96);
  const baseLength = bytesToBigInt(header.subarray(0, 32));
  const exponentLength = bytesToBigInt(header.subarray(32, 64));
  const modulusLength = bytesToBigInt(header.subarray(64, 96));
  const bound = fork.modexpMaxLength === null ? null : BigInt(fork.modexpMaxLength);
  if (bound !== null && (baseLength > bound || exponentLength > bound || modulusLength > bound)) return "failure";
  // Before EIP-7823 only the price bounds the lengths: a huge exponent with an empty base and
  // modulus costs the minimum and returns nothing (EIP-198), and any huge base or modulus costs
  // more gas than exists, so past this check every length read below fits in memory.
  const cost = price(fork, input, baseLength, exponentLength, modulusLength);
  if (cost > BigInt(gas)) return "out of gas";
  const gasUsed = Number(cost);
  if (modulusLength === 0n) return { gasUsed, output: new Uint8Array(0) };
  // Base and modulus are affordable only when short (the price is quadratic in the longer one);
  // the exponent may be long but only its bytes inside the input can be non-zero.
  const b = Number(baseLength);
  const m = Number(modulusLength);
  const base = bytesToBigInt(sliceZeroPadded(input, 96, b));
  const modulus = bytesToBigInt(sliceZeroPadded(input, 96 + b + Number(exponentLength), m));
  const exponent = readExponent(input, 96 + b, exponentLength);
  return { gasUsed, output: bigIntToBytes(modPow(base, exponent, modulus), m) };
};

/** The exponent: its bytes present in the input, followed by as many zero bytes as are missing. */
function readExponent(input: Uint8Array, start: number, length: bigint): bigint {
  if (length === 0n) return 0n;
  const present = Math.max(0, Math.min(input.length - start, Number(length)));
  const value = present === 0 ? 0n : bytesToBigInt(input.subarray(start, start + present));
  return value === 0n ? 0n : value << (8n * (length - BigInt(present)));
}
