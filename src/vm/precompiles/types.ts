/** The shape of a precompiled contract (Yellow Paper Appendix E). */
import type { ForkSchedule } from "../forks.js";

/**
 * What a precompile returns: the gas it used and its output, or why it failed (all forwarded gas
 * is consumed either way): "out of gas" when its price exceeds the gas, checked first as the
 * price never depends on whether the input is valid; "failure" when it refuses the input.
 */
export type PrecompileResult = { readonly gasUsed: number; readonly output: Uint8Array } | "out of gas" | "failure";

export type Precompile = (input: Uint8Array, gas: number, fork: ForkSchedule) => PrecompileResult;

/** Charges a fixed-plus-per-word price, failing when `gas` does not cover it. */
export function charge(cost: number, gas: number, output: () => Uint8Array): PrecompileResult {
  if (cost > gas) return "out of gas";
  return { gasUsed: cost, output: output() };
}
