/**
 * 0x05 MODEXP (EIP-198): base^exponent mod modulus over arbitrary-length big-endian integers.
 *
 * Input: three 32-byte lengths (of the base, the exponent and the modulus), then the three
 * numbers back to back; everything past the end of the input reads as zero. The output is the
 * result as exactly `modulus length` bytes (all zeros when the modulus is 0).
 *
 * The lengths are 256-bit numbers, so nothing is read before the price is known: the price grows
 * with the lengths, and an input that names enormous numbers fails for want of gas before any of
 * them is allocated.
 */
import type { Schedule } from "../fork/schedule.js";
import { bigIntToBytes } from "../primitives/bytes.js";
import { PrecompileFailure } from "./failure.js";
import { readUint, readWord } from "./input.js";
import type { Precompile } from "./precompile.js";

/** The three lengths of the header and where each number starts. */
interface ModexpLayout {
  readonly baseLength: bigint;
  readonly exponentLength: bigint;
  readonly modulusLength: bigint;
  readonly baseStart: bigint;
  readonly exponentStart: bigint;
  readonly modulusStart: bigint;
}

const HEADER_LENGTH = 96n;

function layoutOf(input: Uint8Array): ModexpLayout {
  const baseLength = readWord(input, 0n);
  const exponentLength = readWord(input, 32n);
  const modulusLength = readWord(input, 64n);
  const baseStart = HEADER_LENGTH;
  const exponentStart = baseStart + baseLength;
  const modulusStart = exponentStart + exponentLength;
  return { baseLength, exponentLength, modulusLength, baseStart, exponentStart, modulusStart };
}

/** EIP-198's divisor of the price. */
const EIP198_QUADRATIC_DIVISOR = 20n;
/** EIP-2565's divisor of the price, and its floor. */
const EIP2565_DIVISOR = 3n;
const EIP2565_MINIMUM_GAS = 200n;
/** EIP-7883's floor, the multiplication complexity of operands up to 32 bytes, and its factor above. */
const EIP7883_MINIMUM_GAS = 500n;
const EIP7883_SMALL_COMPLEXITY = 16n;
const EIP7883_WORDS_FACTOR = 2n;
/** Iterations counted per exponent byte beyond the first 32: 8 (EIP-198, EIP-2565), 16 (EIP-7883). */
const BITS_PER_EXPONENT_BYTE = 8n;
const EIP7883_ITERATIONS_PER_EXPONENT_BYTE = 16n;

/**
 * The price: the cost of one multiplication of numbers the size of the larger of base and
 * modulus, times the number of squarings the exponent asks for. EIP-2565 (Berlin) replaced
 * EIP-198's piecewise multiplication cost with the square of the 64-bit word count; EIP-7883
 * (Osaka) drops EIP-2565's division by 3, prices operands up to 32 bytes as 16, doubles the
 * square above, counts 16 iterations per exponent byte beyond 32 and raises the floor to 500.
 */
export function modexpGasCost(input: Uint8Array, schedule: Schedule): bigint {
  const layout = layoutOf(input);
  const operandLength = layout.baseLength > layout.modulusLength ? layout.baseLength : layout.modulusLength;
  const words = (operandLength + 7n) / 8n;
  switch (schedule.modexpPricing) {
    case "eip198":
      return (eip198MultiplicationComplexity(operandLength) * iterationCount(input, layout, BITS_PER_EXPONENT_BYTE)) / EIP198_QUADRATIC_DIVISOR;
    case "eip2565": {
      const gas = (words * words * iterationCount(input, layout, BITS_PER_EXPONENT_BYTE)) / EIP2565_DIVISOR;
      return gas > EIP2565_MINIMUM_GAS ? gas : EIP2565_MINIMUM_GAS;
    }
    case "eip7883": {
      const complexity = operandLength > 32n ? EIP7883_WORDS_FACTOR * words * words : EIP7883_SMALL_COMPLEXITY;
      const gas = complexity * iterationCount(input, layout, EIP7883_ITERATIONS_PER_EXPONENT_BYTE);
      return gas > EIP7883_MINIMUM_GAS ? gas : EIP7883_MINIMUM_GAS;
    }
  }
}

/** EIP-198's `mult_complexity`: the cost of Karatsuba-style multiplication of x-byte numbers. */
function eip198MultiplicationComplexity(x: bigint): bigint {
  if (x <= 64n) return x * x;
  if (x <= 1024n) return (x * x) / 4n + 96n * x - 3072n;
  return (x * x) / 16n + 480n * x - 199680n;
}

/**
 * EIP-198's `adjusted_exponent_length` (EIP-2565's `iteration_count`), at least 1: the index of
 * the exponent's highest set bit, where only its first 32 bytes are looked at and each byte
 * beyond them counts as `perByte` (8 bits; 16 under EIP-7883).
 */
function iterationCount(input: Uint8Array, layout: ModexpLayout, perByte: bigint): bigint {
  const headLength = layout.exponentLength < 32n ? Number(layout.exponentLength) : 32;
  const head = readUint(input, layout.exponentStart, headLength);
  const highestBit = head === 0n ? 0n : BigInt(head.toString(2).length - 1);
  const beyondHead = layout.exponentLength > 32n ? perByte * (layout.exponentLength - 32n) : 0n;
  const count = beyondHead + highestBit;
  return count > 1n ? count : 1n;
}

export const modexp: Precompile = {
  address: 0x05n,
  name: "MODEXP",
  // EIP-7823: each length at most 1024 bytes, else the call fails and consumes all its gas. The
  // lengths are checked before the price (as execution-specs' Osaka MODEXP does), so a length
  // past the bound is a refused input even when its price would exceed the gas.
  refuseBeforePricing(input, schedule) {
    const layout = layoutOf(input);
    const bound = schedule.modexpMaxLength;
    if (bound !== null && (layout.baseLength > bound || layout.exponentLength > bound || layout.modulusLength > bound)) {
      throw new PrecompileFailure("input-too-long", `a MODEXP length exceeds ${bound} bytes (EIP-7823)`);
    }
  },
  gasCost: modexpGasCost,
  run(input) {
    const layout = layoutOf(input);
    // The output has the modulus's length, so an empty modulus needs none of the numbers read.
    if (layout.modulusLength === 0n) return new Uint8Array(0);
    const modulusLength = allocatableLength(layout.modulusLength);
    const modulus = readUint(input, layout.modulusStart, modulusLength);
    if (modulus === 0n) return new Uint8Array(modulusLength);
    const base = readUint(input, layout.baseStart, allocatableLength(layout.baseLength));
    const exponent = readUint(input, layout.exponentStart, allocatableLength(layout.exponentLength));
    return bigIntToBytes(modularPower(base, exponent, modulus), modulusLength);
  },
};

/** A length the price has already bounded, as a number of bytes to read. */
function allocatableLength(length: bigint): number {
  if (length > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`MODEXP operand of ${length} bytes cannot be read`);
  return Number(length);
}

/**
 * base^exponent mod modulus (modulus > 0) by left-to-right square-and-multiply: for each bit of
 * the exponent from the highest, square the running result, and multiply by the base if it is set.
 */
function modularPower(base: bigint, exponent: bigint, modulus: bigint): bigint {
  const reducedBase = base % modulus;
  let result = 1n % modulus;
  for (const bit of exponent.toString(2)) {
    result = (result * result) % modulus;
    if (bit === "1") result = (result * reducedBase) % modulus;
  }
  return result;
}
