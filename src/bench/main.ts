/**
 * `npm run bench`: the evm-benchmarks suite and the precompile benchmarks
 * (precompile-benchmarks.ts) on several implementations in one process.
 *
 *   node --expose-gc dist/src/bench/main.js [--impl src-interpreter,src-adaptive,src-compiled,ethereumjs] [--filter REGEX] [--runs N]
 *        [--warmup N] [--json FILE] [--benchmarks DIR] [--peer anvil] [--no-memory]
 *
 * Prints a table (median ms, Mgas/s, speed-up over ethereumjs) and, when snailtracer is among
 * the benchmarks, each implementation's peak RSS on it, measured in a child process per
 * implementation. Exits 1 when the implementations disagree with the suite or with each other.
 */
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { BenchmarksNotFoundError, benchmarksRoot } from "../../conformance/bench/benchmarks-location.js";
import { AnvilPeer, AnvilUnavailableError } from "../../conformance/bench/anvil.js";
import type { CallPeer } from "../../conformance/bench/call-peer.js";
import { measureBenchmark, type BenchmarkResult } from "../../conformance/bench/measure.js";
import { measurePeakMemory } from "../../conformance/bench/peak-memory.js";
import {
  coldStartTable,
  memoryTable,
  peerRatioTable,
  reportJson,
  resultsTable,
  speedupSummaryTable,
  TARGET_PEER,
  type BenchReport,
  type PeakMemory,
} from "../../conformance/bench/report.js";
import { loadBenchmarks, type Benchmark } from "../../conformance/bench/suite.js";
import type { Implementation } from "../../interface/implementation.js";
import { loadFromRegistry } from "../../conformance/state-tests/load-implementation.js";
import { implementations as registry } from "../cli/implementations.js";
import { compileCacheStats } from "../vm/compile/tier.js";
import { BenchUsageError, DEFAULT_IMPLEMENTATIONS, DEFAULT_RUNS, DEFAULT_WARMUP, parseBenchArgs } from "./args.js";
import { ADVERSARIAL_CODES } from "./adversarial-code.js";
import { compileBenchmarks, compileBenchmarksTable } from "./compile-benchmarks.js";
import { precompileBenchmarks } from "./precompile-benchmarks.js";
import { PrecompileBenchmarkError, withReferencePostState } from "./precompile-expected.js";

/** The benchmark whose peak memory is reported: the largest of the suite (161 Mgas). */
const MEMORY_BENCHMARK = "main/snailtracer";
const REGISTRY_MODULE = fileURLToPath(new URL("../cli/implementations.js", import.meta.url));

async function availableImplementations(names: readonly string[]): Promise<Implementation[]> {
  const loaded: Implementation[] = [];
  for (const name of names) {
    try {
      loaded.push(await loadFromRegistry(registry, name));
    } catch (error) {
      console.error(`bench: skipping ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return loaded;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseBenchArgs(argv);
  const root = benchmarksRoot(args.benchmarks);
  const suite = loadBenchmarks(root, args.filter);
  const precompiles = precompileBenchmarks(args.filter);
  const benchmarks = [...suite, ...precompiles];
  const compiles = ADVERSARIAL_CODES.some((c) => args.filter === undefined || args.filter.test(c.name));
  if (benchmarks.length === 0 && !compiles) {
    console.error(`bench: no benchmark under ${root}, among the precompile benchmarks or the compile-tier worst cases matches ${args.filter}`);
    return 2;
  }
  const impls = await availableImplementations(args.implementations);
  if (impls.length === 0) {
    console.error("bench: none of the requested implementations is available");
    return 2;
  }
  const gcBetweenRuns = typeof (globalThis as { gc?: unknown }).gc === "function";
  if (!gcBetweenRuns) console.error("bench: node was started without --expose-gc; runs may pay for each other's garbage");

  const peers: CallPeer[] = [];
  const results: BenchmarkResult[] = [];
  try {
    if (args.peers.includes("anvil")) peers.push(await AnvilPeer.start());
    const measure = async (benchmark: Benchmark) => {
      const compiledBefore = compileCacheStats().compileMs;
      const measured = await measureBenchmark(benchmark, impls, { runs: args.runs, warmup: args.warmup, peers });
      const result = { ...measured, compileMs: compileCacheStats().compileMs - compiledBefore };
      const medians = [...result.timings].map(([name, t]) => `${name} ${t.medianMs.toFixed(1)} ms`).join(", ");
      console.error(`bench: ${benchmark.name}: ${medians}${result.problems.length > 0 ? "  DISAGREE" : ""}`);
      results.push(result);
    };
    for (const benchmark of suite) await measure(benchmark);
    if (precompiles.length > 0) {
      const spec = await loadFromRegistry(registry, "spec");
      for (const precompile of precompiles) await measure(await withReferencePostState(precompile, spec));
    }
  } finally {
    for (const peer of peers) await peer.close();
  }

  const peakMemory: PeakMemory[] = [];
  if (args.memory && benchmarks.some((b) => b.name === MEMORY_BENCHMARK)) {
    for (const impl of impls) peakMemory.push(await measurePeakMemory(REGISTRY_MODULE, impl.name, root, MEMORY_BENCHMARK));
  }

  const compileCases = compiles ? compileBenchmarks(args.filter, args.runs) : [];

  const report: BenchReport = {
    config: {
      implementations: [...impls, ...peers].map((impl) => impl.name),
      runs: args.runs,
      warmup: args.warmup,
      gcBetweenRuns,
      node: process.version,
      cpu: `${cpus()[0]?.model ?? "unknown"} × ${cpus().length}`,
      date: new Date().toISOString(),
    },
    results,
    peakMemory,
    compileWorstCases: compileCases,
  };
  if (results.length > 0) {
    console.log(resultsTable(report));
    const summary = speedupSummaryTable(report);
    if (summary.split("\n").length > 2) console.log(`\n${summary}`);
    if (peers.some((peer) => peer.name === TARGET_PEER)) console.log(`\nTime relative to ${TARGET_PEER} (revm):\n\n${peerRatioTable(report)}`);
    console.log(`\nCold start (compile ms: the compile tier's translation of code, once per code and process):\n\n${coldStartTable(report)}`);
  }
  if (compileCases.length > 0) console.log(`\nThe compile tier's worst cases (a fresh cache per run):\n\n${compileBenchmarksTable(compileCases)}`);
  if (peakMemory.length > 0) console.log(`\n${memoryTable(report)}`);
  const problems = results.flatMap((r) => r.problems.map((p) => `${r.benchmark}: ${p}`));
  for (const problem of problems) console.log(`DISAGREE ${problem}`);
  if (args.json !== undefined) writeFileSync(args.json, reportJson(report) + "\n");
  return problems.length === 0 ? 0 : 1;
}

const USAGE = `Usage: npm run bench -- [--impl src,ethereumjs] [--filter REGEX] [--runs N] [--warmup N] [--json FILE]
                          [--benchmarks DIR] [--peer anvil] [--no-memory]

  --impl A,B,…      implementations to compare (default ${DEFAULT_IMPLEMENTATIONS.join(",")}; spec is optional, being slow)
  --filter REGEX    only benchmarks whose name (e.g. main/snailtracer, micro/signextend/d1, precompile/bn254/mul,
                    compile/jumpdest-carpet-24KiB) matches; the precompile/… benchmarks are checked against the post
                    state the spec computes; the compile/… ones time the compile tier on adversarial code
  --runs N          timed runs per implementation and benchmark; the median is reported (default ${DEFAULT_RUNS})
  --warmup N        untimed runs before them (default ${DEFAULT_WARMUP})
  --json FILE       also write the results as JSON
  --benchmarks DIR  the evm-benchmarks checkout (default: SVM_BENCH_DIR, else ../shared/bench/evm-benchmarks)
  --peer anvil      also time revm through anvil (npm package @foundry-rs/anvil) over loopback JSON-RPC,
                    an empty call's round trip subtracted; only its output is compared
  --no-memory       skip the peak-memory measurement on main/snailtracer`;

async function entry(argv: readonly string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  try {
    return await main(argv);
  } catch (error) {
    if (error instanceof BenchUsageError) {
      console.error(`bench: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof PrecompileBenchmarkError) {
      console.error(`bench: ${error.message}`);
      return 1;
    }
    if (error instanceof BenchmarksNotFoundError || error instanceof AnvilUnavailableError) {
      console.error(`bench: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await entry(process.argv.slice(2));
