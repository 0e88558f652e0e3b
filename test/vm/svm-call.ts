/** Calls an SVM-fork precompile of src/vm directly, for the test/vm/svm-precompiles-*.test.ts files. */
import { expect } from "vitest";
import { bytesToHex } from "../../src/vm/bytes.js";
import { scheduleOf } from "../../src/vm/forks.js";
import { precompileAt, type PrecompileResult } from "../../src/vm/precompiles/index.js";

export const svm = scheduleOf("SVM");

export function callSvm(address: number, input: Uint8Array, gas = 100_000_000): PrecompileResult {
  const precompile = precompileAt(BigInt(address), svm);
  if (precompile === undefined) throw new Error(`no precompile at 0x${address.toString(16)} in SVM`);
  return precompile(input, gas, svm);
}

const WORD_ONE = `0x${"00".repeat(31)}01`;
const WORD_ZERO = `0x${"00".repeat(32)}`;

/** Asserts rule V: the call succeeds at `gas` exactly, answers with the 1/0 word, and runs out of gas one gas short. */
export function expectVerdict(address: number, input: Uint8Array, valid: boolean, gas?: number): void {
  const result = callSvm(address, input);
  expect(typeof result, `the call ended with ${String(result)}`).toBe("object");
  if (typeof result === "string") return;
  expect(bytesToHex(result.output)).toBe(valid ? WORD_ONE : WORD_ZERO);
  if (gas !== undefined) expect(result.gasUsed).toBe(gas);
  expect(callSvm(address, input, result.gasUsed - 1)).toBe("out of gas");
}

/** A copy of `bytes` with one bit of byte `at` flipped. */
export function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at]! ^= 1;
  return copy;
}
