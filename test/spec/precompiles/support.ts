/** Shared helpers of the precompile tests: hex in, hex out, one fork's schedule. */
import { SCHEDULES } from "../../../spec/fork/forks.js";
import type { ForkName } from "../../../spec/fork/names.js";
import { runPrecompile, type PrecompileResult } from "../../../spec/precompiles/index.js";
import { bytesToHex, hexToBytes } from "../../../spec/primitives/bytes.js";

/** More gas than any test input needs. */
export const PLENTY = 10n ** 12n;

/** Runs a precompile on hex input (whitespace ignored) under a fork. */
export function run(address: bigint, inputHex: string, fork: ForkName = "Cancun", gas = PLENTY): PrecompileResult {
  return runPrecompile(address, hexToBytes(inputHex.replace(/\s+/g, "")), gas, SCHEDULES[fork]);
}

/** The output of a successful run as hex; fails the test if the run failed. */
export function outputHex(result: PrecompileResult): string {
  if (!result.ok) throw new Error(`precompile failed: ${result.reason}`);
  return bytesToHex(result.output);
}

export function word(value: bigint): string {
  return value.toString(16).padStart(64, "0");
}
