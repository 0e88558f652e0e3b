/**
 * The benchmark report: a plain-text table for people (and docs/performance.md) and a JSON
 * document for tools. Speed is given three ways: median milliseconds per run, million gas per
 * second (gas used / median time), and the speed-up over ethereumjs (its median time divided
 * by the implementation's, so 2.0× means twice as fast).
 */
import { geometricMean, mgasPerSecond } from "./statistics.js";
import type { BenchmarkResult } from "./measure.js";

export const REFERENCE_IMPLEMENTATION = "ethereumjs";

/** Peak resident set size of a child process that ran one benchmark on one implementation. */
export interface PeakMemory {
  readonly benchmark: string;
  readonly implementation: string;
  /** RSS after loading the implementation and the case, before running it. */
  readonly baselineMiB: number;
  /** The child's RSS high-water mark (getrusage ru_maxrss). */
  readonly peakMiB: number;
}

/** The compile tier's translation of one adversarial code (src/bench/compile-benchmarks.ts measures it). */
export interface CompileCase {
  readonly name: string;
  readonly codeBytes: number;
  readonly compiled: boolean;
  readonly medianMs: number;
  readonly maxMs: number;
  /** The cache's estimate of the entry's memory (src/vm/compile/cache.ts). */
  readonly cacheBytes: number;
}

export interface BenchReport {
  readonly config: {
    readonly implementations: readonly string[];
    readonly runs: number;
    readonly warmup: number;
    readonly gcBetweenRuns: boolean;
    readonly node: string;
    readonly cpu: string;
    readonly date: string;
  };
  readonly results: readonly BenchmarkResult[];
  readonly peakMemory: readonly PeakMemory[];
  /** The compile tier's translation of adversarial code (time, memory, verdict), when measured. */
  readonly compileWorstCases?: readonly CompileCase[];
}

function speedup(result: BenchmarkResult, implementation: string): number | undefined {
  const reference = result.timings.get(REFERENCE_IMPLEMENTATION);
  const own = result.timings.get(implementation);
  return reference === undefined || own === undefined ? undefined : reference.medianMs / own.medianMs;
}

/** A Markdown table: the first `textColumns` columns left-aligned, the numbers after them right-aligned. */
export function padTable(rows: readonly (readonly string[])[], textColumns: number): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const isText = (column: number) => column < textColumns;
  const line = (row: readonly string[]) => `| ${row.map((cell, i) => (isText(i) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (isText(i) ? ":" + "-".repeat(w + 1) : "-".repeat(w + 1) + ":")).join("|")}|`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join("\n");
}

/** The results as a Markdown table (readable as plain text too). */
export function resultsTable(report: BenchReport): string {
  const impls = report.config.implementations;
  const compared = impls.includes(REFERENCE_IMPLEMENTATION) ? impls.filter((name) => name !== REFERENCE_IMPLEMENTATION) : [];
  const header = [
    "benchmark",
    "gas used",
    ...impls.map((name) => `${name} ms`),
    ...impls.map((name) => `${name} Mgas/s`),
    ...compared.map((name) => `${name} vs ${REFERENCE_IMPLEMENTATION}`),
  ];
  const rows = report.results.map((result) => [
    result.problems.length === 0 ? result.benchmark : `${result.benchmark} (DISAGREE)`,
    result.gasUsed.toString(),
    ...impls.map((name) => result.timings.get(name)!.medianMs.toFixed(2)),
    ...impls.map((name) => mgasPerSecond(result.gasUsed, result.timings.get(name)!.medianMs).toFixed(1)),
    ...compared.map((name) => `${speedup(result, name)!.toFixed(2)}×`),
  ]);
  return padTable([header, ...rows], 1);
}

/** The suites of evm-benchmarks, as the first part of a benchmark's name (`main/…`, `micro/…`). */
function suiteOf(benchmark: string): string {
  return benchmark.split("/")[0]!;
}

/**
 * The geometric mean of each implementation's speed-up over ethereumjs, per suite: the figure the
 * issue's target (at least 10× over the main suite) is stated in.
 */
export function speedupSummary(report: BenchReport): { suite: string; implementation: string; benchmarks: number; geometricMean: number }[] {
  const impls = report.config.implementations.filter((name) => name !== REFERENCE_IMPLEMENTATION);
  if (!report.config.implementations.includes(REFERENCE_IMPLEMENTATION)) return [];
  const suites = [...new Set(report.results.map((result) => suiteOf(result.benchmark)))];
  return suites.flatMap((suite) => {
    const results = report.results.filter((result) => suiteOf(result.benchmark) === suite);
    return impls.map((implementation) => {
      const ratios = results.map((result) => speedup(result, implementation)!);
      return { suite, implementation, benchmarks: ratios.length, geometricMean: geometricMean(ratios) };
    });
  });
}

export function speedupSummaryTable(report: BenchReport): string {
  const rows = speedupSummary(report).map((s) => [s.suite, s.implementation, s.benchmarks.toString(), `${s.geometricMean.toFixed(2)}×`]);
  return padTable([["suite", "implementation", "benchmarks", `geometric mean speed-up vs ${REFERENCE_IMPLEMENTATION}`], ...rows], 2);
}

/** The peer the speed targets are stated against (revm, through anvil). */
export const TARGET_PEER = "anvil";
/** Benchmarks below this much gas mostly time the fixed cost of a run (pre-state, sender, root), not execution. */
export const TARGET_MIN_GAS = 100_000n;

/**
 * Each implementation's time as a multiple of the peer's (1.50× means it takes half as long again):
 * per benchmark, and the geometric mean over the main suite's benchmarks of at least
 * TARGET_MIN_GAS gas. Empty when the peer was not run.
 */
export function peerRatioSummary(report: BenchReport, peer = TARGET_PEER): { implementation: string; benchmarks: number; geometricMean: number }[] {
  if (!report.config.implementations.includes(peer)) return [];
  const results = report.results.filter((result) => suiteOf(result.benchmark) === "main" && result.gasUsed >= TARGET_MIN_GAS);
  if (results.length === 0) return [];
  return report.config.implementations
    .filter((name) => name !== peer)
    .map((implementation) => ({
      implementation,
      benchmarks: results.length,
      geometricMean: geometricMean(results.map((result) => result.timings.get(implementation)!.medianMs / result.timings.get(peer)!.medianMs)),
    }));
}

export function peerRatioTable(report: BenchReport, peer = TARGET_PEER): string {
  const impls = report.config.implementations.filter((name) => name !== peer);
  const rows = report.results.map((result) => [
    result.benchmark,
    result.gasUsed.toString(),
    ...impls.map((name) => `${(result.timings.get(name)!.medianMs / result.timings.get(peer)!.medianMs).toFixed(2)}×`),
  ]);
  const summary = peerRatioSummary(report, peer).map((s) => `${s.geometricMean.toFixed(2)}×`);
  const footer = summary.length > 0 ? [[`geometric mean, main ≥ ${TARGET_MIN_GAS} gas (${peerRatioSummary(report, peer)[0]!.benchmarks})`, "", ...summary]] : [];
  return padTable([["benchmark", "gas used", ...impls.map((name) => `${name} time ÷ ${peer}`)], ...rows, ...footer], 1);
}

/** What a cold start costs: the compile tier's own translation time per benchmark, and each implementation's first run. */
export function coldStartTable(report: BenchReport): string {
  const impls = report.config.implementations;
  const rows = report.results.map((result) => [
    result.benchmark,
    result.compileMs === undefined ? "–" : result.compileMs.toFixed(1),
    ...impls.map((name) => result.timings.get(name)!.firstMs.toFixed(2)),
  ]);
  return padTable([["benchmark", "compile ms", ...impls.map((name) => `${name} first run ms`)], ...rows], 1);
}

export function memoryTable(report: BenchReport): string {
  const rows = report.peakMemory.map((m) => [m.benchmark, m.implementation, m.baselineMiB.toFixed(0), m.peakMiB.toFixed(0)]);
  return padTable([["benchmark", "implementation", "RSS before run (MiB)", "peak RSS (MiB)"], ...rows], 2);
}

/** The report as JSON (bigints as decimal strings). */
export function reportJson(report: BenchReport): string {
  return JSON.stringify(
    {
      config: report.config,
      results: report.results.map((result) => ({
        benchmark: result.benchmark,
        gasUsed: result.gasUsed.toString(),
        agree: result.problems.length === 0,
        problems: result.problems,
        ...(result.compileMs !== undefined && { compileMs: result.compileMs }),
        implementations: Object.fromEntries(
          [...result.timings].map(([name, timing]) => [
            name,
            {
              medianMs: timing.medianMs,
              runsMs: timing.runsMs,
              firstMs: timing.firstMs,
              mgasPerSecond: mgasPerSecond(result.gasUsed, timing.medianMs),
              ...(name !== REFERENCE_IMPLEMENTATION && speedup(result, name) !== undefined && { speedupVsEthereumjs: speedup(result, name) }),
            },
          ]),
        ),
      })),
      speedupGeometricMeans: speedupSummary(report),
      timeRelativeToPeer: peerRatioSummary(report),
      peakMemory: report.peakMemory,
      ...(report.compileWorstCases !== undefined && { compileWorstCases: report.compileWorstCases }),
    },
    null,
    2,
  );
}
