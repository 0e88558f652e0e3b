/** The shape of a precompiled contract (Yellow Paper Appendix E). */
import type { ForkSchedule } from "../forks.js";

/** What a precompile returns: the gas it used and its output, or "failure" (all forwarded gas is consumed). */
export type PrecompileResult = { readonly gasUsed: number; readonly output: Uint8Array } | "failure";

export type Precompile = (input: Uint8Array, gas: number, fork: ForkSchedule) => PrecompileResult;

/** Charges a fixed-plus-per-word price, failing when `gas` does not cover it. */
export function charge(cost: number, gas: number, output: () => Uint8Array): PrecompileResult {
  if (cost > gas) return "failure";
  return { gasUsed: cost, output: output() };
}
