/**
 * What counts as a property failing, on either domain: a revert with Panic(code) for a code the
 * user asked about (0x01, a failed `assert`, by default), the designated INVALID instruction or
 * any undefined opcode, or ds-test's `failed()` flag set after the call.
 */
import type { FrameResult } from "../spec/machine/frame.js";

/** Solidity's Panic(uint256) error selector. */
export const PANIC_SELECTOR = 0x4e487b71;
export const PANIC_ASSERT = 0x01n;
/** Every Panic code solc emits (Solidity documentation, "Panic via assert and Error via require"). */
export const ALL_PANIC_CODES: readonly bigint[] = [0x01n, 0x11n, 0x12n, 0x21n, 0x22n, 0x31n, 0x32n, 0x41n, 0x51n];

/** The Panic code of a revert's output, if it is one (the word may be symbolic). */
export function panicCode<W, B>(
  result: FrameResult<B>,
  bytesOf: (output: B) => { length: number; head: number | undefined; code: W },
): W | undefined {
  if (result.kind !== "revert") return undefined;
  const output = bytesOf(result.output);
  if (output.length !== 36 || output.head !== PANIC_SELECTOR) return undefined;
  return output.code;
}

/** A halt that is a failure in itself. */
export function isInvalidHalt<B>(result: FrameResult<B>): boolean {
  return result.kind === "halt" && result.reason === "InvalidOpcode";
}

export function describePanic(code: bigint): string {
  const names: Record<string, string> = {
    "1": "assertion failed",
    "17": "arithmetic overflow or underflow",
    "18": "division or modulo by zero",
    "33": "invalid enum value",
    "34": "invalid storage byte array",
    "49": "pop on empty array",
    "50": "array index out of bounds",
    "65": "too much memory allocated",
    "81": "call to an uninitialised function",
  };
  return `Panic(0x${code.toString(16).padStart(2, "0")})${names[code.toString()] === undefined ? "" : `: ${names[code.toString()]}`}`;
}
