/**
 * The compile tier against the interpreter on one program: run on both tiers with the same gas,
 * and compared on status, output, gas used and storage.
 */
import { expect } from "vitest";
import { setTier, type TierMode } from "../../src/vm/compile/tier.js";
import { runCode, type CodeRunResult } from "../../src/vm/run-code.js";

export function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));
}

function runIn(tier: TierMode, code: Uint8Array, gas: bigint, input?: Uint8Array): CodeRunResult {
  setTier(tier);
  return runCode({ code, gas, ...(input !== undefined && { input }) });
}

export function expectSame(code: Uint8Array, gas: bigint, input?: Uint8Array): CodeRunResult {
  const interpreted = runIn("never", code, gas, input);
  const compiled = runIn("always", code, gas, input);
  expect({ ...compiled, storage: [...compiled.storage] }, `gas ${gas}`).toEqual({ ...interpreted, storage: [...interpreted.storage] });
  return interpreted;
}

/**
 * Runs `code` with enough gas, then with gas limits from 0 to what it used plus a few: every one
 * for small programs; for larger ones a stride of about 2 000 limits, and every one of the last 300.
 */
export function sweepGas(code: Uint8Array, input?: Uint8Array): CodeRunResult {
  const full = expectSame(code, 10_000_000n, input);
  const stride = full.gasUsed > 3_000n ? full.gasUsed / 2_000n : 1n;
  for (let gas = 0n; gas <= full.gasUsed + 3n; gas += gas + 300n >= full.gasUsed ? 1n : stride) expectSame(code, gas, input);
  return full;
}
