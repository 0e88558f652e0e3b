/**
 * The post state a precompile benchmark is checked against. The evm-benchmarks files record
 * theirs; the generated precompile transactions have none, so the executable spec (the
 * project's authority, spec/) computes it once, untimed, before the benchmark is measured. Every
 * measured implementation must then match it, as on the suite.
 */
import type { Benchmark } from "../../conformance/bench/suite.js";
import type { Implementation } from "../../interface/implementation.js";
import type { PrecompileBenchmark } from "./precompile-benchmarks.js";

/** The spec's outcome was not a successful run: the benchmark itself is broken. */
export class PrecompileBenchmarkError extends Error {
  readonly code = "PRECOMPILE_BENCHMARK";
}

export async function withReferencePostState(benchmark: PrecompileBenchmark, reference: Implementation): Promise<Benchmark> {
  const outcome = await reference.runStateTest(benchmark.testCase);
  if (outcome.kind !== "executed" || outcome.status !== "success" || outcome.logsHash === undefined) {
    const what = outcome.kind === "executed" ? `${outcome.status}` : `rejected (${outcome.error})`;
    throw new PrecompileBenchmarkError(`${benchmark.name}: ${reference.name} did not run it to success: ${what}`);
  }
  return { name: benchmark.name, testCase: benchmark.testCase, expected: { stateRoot: outcome.stateRoot, logsHash: outcome.logsHash } };
}
