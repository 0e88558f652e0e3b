/**
 * What counts as a property failing, on either domain: a revert with Panic(code) for a code the
 * user asked about (0x01, a failed `assert`, by default), the designated INVALID instruction or
 * any undefined opcode, ds-test's `failed()` flag set after the call, or a failed vm.assert*
 * cheatcode (forge-std v1.8+ assertions) whose revert reaches the property call.
 */
import type { FrameResult } from "../spec/machine/frame.js";
import { bytesToBigInt } from "../spec/primitives/bytes.js";
import { ASSERTION_FAILED } from "./assertions.js";
import { FORGE_CHEATCODE_ERROR_SELECTOR } from "./cheatcode-values.js";

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
  return result.kind === "halt" && result.reason === "invalid opcode";
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

/**
 * A failed vm.assert* cheatcode: the property call reverted with forge's CheatcodeError(string),
 * which only a cheatcode raises. It fails the property in every convention (halmos' default too,
 * where other reverts are assumptions): it is an assertion, as ds-test's failed() is. Caught by
 * the test (try/catch, vm.expectRevert) it does not reach the property call and fails nothing, as
 * in forge. The result is the assertion's message, or undefined if this is no such failure;
 * `bytesOf` gives the output's bytes, undefined where one is symbolic.
 */
export function assertionFailure<B>(result: FrameResult<B>, bytesOf: (output: B) => readonly (number | undefined)[]): string | undefined {
  if (result.kind !== "revert") return undefined;
  const bytes = bytesOf(result.output);
  if (bytes.length < 4 || FORGE_CHEATCODE_ERROR_SELECTOR.some((b, i) => bytes[i] !== b)) return undefined;
  return abiStringAt(bytes.slice(4)) ?? ASSERTION_FAILED;
}

/** The string ABI-encoded as the only value of `data`, if it is concrete and well formed. */
function abiStringAt(data: readonly (number | undefined)[]): string | undefined {
  const word = (offset: number): bigint | undefined => {
    const slice = data.slice(offset, offset + 32);
    if (slice.length !== 32 || slice.some((b) => b === undefined)) return undefined;
    return bytesToBigInt(Uint8Array.from(slice as number[]));
  };
  const offset = word(0);
  const length = offset === undefined || offset > BigInt(data.length) ? undefined : word(Number(offset));
  if (offset === undefined || length === undefined || Number(offset) + 32 + Number(length) > data.length) return undefined;
  const text = data.slice(Number(offset) + 32, Number(offset) + 32 + Number(length));
  if (text.some((b) => b === undefined)) return undefined;
  return new TextDecoder().decode(Uint8Array.from(text as number[]));
}
