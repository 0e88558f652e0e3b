/**
 * Timing implementations on one benchmark, fairly: all in one process, interleaved run by run
 * (A, B, A, B, …) so that a slow phase of the machine (another process, thermal throttling)
 * hits every implementation alike; after warm-up runs that let V8 optimise each one's hot code;
 * with a garbage collection before each timed run when node was started with --expose-gc, so no
 * implementation pays for the garbage of the one before it. A run is one whole
 * `runStateTest` call: building the pre-state, executing the transaction, computing the root.
 */
import type { CaseOutcome, Implementation } from "../implementation.js";
import { disagreements } from "./agreement.js";
import { median } from "./statistics.js";
import type { Benchmark } from "./suite.js";

export interface MeasureOptions {
  /** Timed runs per implementation (the median of them is reported). */
  readonly runs: number;
  /** Untimed runs per implementation before the timed ones. */
  readonly warmup: number;
  /** Called after each timed run, e.g. to show progress. */
  readonly onRun?: (benchmark: string, implementation: string, milliseconds: number) => void;
}

export interface ImplementationTiming {
  readonly runsMs: readonly number[];
  readonly medianMs: number;
}

export interface BenchmarkResult {
  readonly benchmark: string;
  /** Gas used by the transaction, from the first implementation's outcome (0 when it was rejected). */
  readonly gasUsed: bigint;
  readonly timings: ReadonlyMap<string, ImplementationTiming>;
  /** Empty when every implementation matched the suite's post state and the others. */
  readonly problems: readonly string[];
}

const collectGarbage: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

async function timedRun(implementation: Implementation, benchmark: Benchmark): Promise<{ ms: number; outcome: CaseOutcome }> {
  collectGarbage?.();
  const start = process.hrtime.bigint();
  const outcome = await implementation.runStateTest(benchmark.testCase);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, outcome };
}

export async function measureBenchmark(
  benchmark: Benchmark,
  implementations: readonly Implementation[],
  options: MeasureOptions,
): Promise<BenchmarkResult> {
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new RangeError(`runs must be a positive integer, got ${options.runs}`);
  if (!Number.isInteger(options.warmup) || options.warmup < 0) throw new RangeError(`warmup must be a non-negative integer, got ${options.warmup}`);
  const outcomes = new Map<string, CaseOutcome>();
  const runs = new Map<string, number[]>(implementations.map((impl) => [impl.name, []]));
  for (let round = 0; round < options.warmup + options.runs; round++) {
    for (const implementation of implementations) {
      const { ms, outcome } = await timedRun(implementation, benchmark);
      if (!outcomes.has(implementation.name)) outcomes.set(implementation.name, outcome);
      if (round < options.warmup) continue;
      runs.get(implementation.name)!.push(ms);
      options.onRun?.(benchmark.name, implementation.name, ms);
    }
  }
  const first = outcomes.values().next().value;
  return {
    benchmark: benchmark.name,
    gasUsed: first?.kind === "executed" ? first.gasUsed : 0n,
    timings: new Map([...runs].map(([name, ms]) => [name, { runsMs: ms, medianMs: median(ms) }])),
    problems: disagreements(benchmark.expected, outcomes),
  };
}
