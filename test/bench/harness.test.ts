/** The benchmark harness: suite loading, interleaved measurement, agreement, statistics, report and options. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { disagreements } from "../../conformance/bench/agreement.js";
import { measureBenchmark } from "../../conformance/bench/measure.js";
import { reportJson, resultsTable, type BenchReport } from "../../conformance/bench/report.js";
import { median, mgasPerSecond } from "../../conformance/bench/statistics.js";
import { loadBenchmarks, type Benchmark } from "../../conformance/bench/suite.js";
import type { CaseOutcome, Implementation } from "../../interface/implementation.js";
import { ethereumjsImplementation } from "../../conformance/peers/ethereumjs.js";
import { BenchUsageError, parseBenchArgs } from "../../src/bench/args.js";

const ROOT = join(import.meta.dirname, "../../../shared/bench/evm-benchmarks");

function executedLike(benchmark: Benchmark, gasUsed: bigint, stateRoot = benchmark.expected.stateRoot): CaseOutcome {
  return { kind: "executed", stateRoot, logsHash: benchmark.expected.logsHash, gasUsed, output: new Uint8Array([1]), status: "success" };
}

/** A fake implementation that returns a fixed outcome and records when it was called. */
function recording(name: string, outcome: CaseOutcome, calls: string[]): Implementation {
  return { name, runStateTest: () => (calls.push(name), outcome) };
}

describe("benchmark suite", () => {
  const all = loadBenchmarks(ROOT);

  it("has one benchmark per input of every main and micro file", () => {
    const names = all.map((b) => b.name);
    expect(names).toContain("main/snailtracer");
    expect(names).toContain("main/blake2b_huff/d0");
    expect(names).toContain("main/blake2b_huff/d1");
    expect(names).toContain("micro/memory_grow_mstore/d3");
    expect(names).not.toContain("main/blake2b_huff");
    expect(new Set(names).size).toBe(names.length);
    expect(all.every((b) => b.testCase.fork === "London")).toBe(true);
  });

  it("filters by name", () => {
    expect(loadBenchmarks(ROOT, /^micro\/signextend/).map((b) => b.name)).toEqual(["micro/signextend/d0", "micro/signextend/d1"]);
  });
});

describe("measureBenchmark", () => {
  const benchmark = loadBenchmarks(ROOT, /^main\/swap_math\/d0$/)[0]!;

  it("interleaves implementations run by run, after the warm-up, and takes medians", async () => {
    const calls: string[] = [];
    const outcome = executedLike(benchmark, 1000n);
    const result = await measureBenchmark(benchmark, [recording("a", outcome, calls), recording("b", outcome, calls)], { runs: 3, warmup: 2 });
    expect(calls).toEqual(["a", "b", "a", "b", "a", "b", "a", "b", "a", "b"]);
    expect(result.timings.get("a")!.runsMs).toHaveLength(3);
    expect(result.timings.get("b")!.medianMs).toBe(median(result.timings.get("b")!.runsMs));
    expect(result.gasUsed).toBe(1000n);
    expect(result.problems).toEqual([]);
  });

  it("reports implementations that disagree on gas, or with the suite's post state", async () => {
    const calls: string[] = [];
    const wrongRoot = executedLike(benchmark, 1000n, new Uint8Array(32));
    const result = await measureBenchmark(
      benchmark,
      [recording("a", executedLike(benchmark, 1000n), calls), recording("b", executedLike(benchmark, 999n), calls), recording("c", wrongRoot, calls)],
      { runs: 1, warmup: 0 },
    );
    expect(result.problems.some((p) => p.startsWith("b (success, gas 999"))).toBe(true);
    expect(result.problems.some((p) => p.startsWith("c: state root"))).toBe(true);
  });

  it("rejects a run count below one", async () => {
    await expect(measureBenchmark(benchmark, [], { runs: 0, warmup: 0 })).rejects.toThrow(/runs/);
  });

  it("agrees with the suite when ethereumjs runs it", async () => {
    const result = await measureBenchmark(benchmark, [ethereumjsImplementation], { runs: 1, warmup: 0 });
    expect(result.problems).toEqual([]);
    expect(result.gasUsed).toBeGreaterThan(21_000n);
  });
});

describe("agreement, statistics and report", () => {
  const benchmark = loadBenchmarks(ROOT, /^main\/swap_math\/d0$/)[0]!;

  it("finds no disagreement among equal outcomes", () => {
    const outcome = executedLike(benchmark, 5n);
    expect(disagreements(benchmark.expected, new Map([["a", outcome], ["b", outcome]]))).toEqual([]);
  });

  it("computes medians and Mgas/s", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
    expect(mgasPerSecond(2_000_000n, 1000)).toBe(2);
  });

  it("prints speed-ups relative to ethereumjs and JSON with bigints as strings", () => {
    const report: BenchReport = {
      config: { implementations: ["src", "ethereumjs"], runs: 1, warmup: 0, gcBetweenRuns: false, node: "v20", cpu: "x", date: "d" },
      results: [
        {
          benchmark: "main/x",
          gasUsed: 4_000_000n,
          timings: new Map([["src", { runsMs: [10], medianMs: 10 }], ["ethereumjs", { runsMs: [40], medianMs: 40 }]]),
          problems: [],
        },
      ],
      peakMemory: [],
    };
    const table = resultsTable(report);
    expect(table).toContain("src vs ethereumjs");
    expect(table).toContain("4.00×");
    expect(table).toContain("400.0");
    const json = JSON.parse(reportJson(report));
    expect(json.results[0].gasUsed).toBe("4000000");
    expect(json.results[0].implementations.src.speedupVsEthereumjs).toBe(4);
  });
});

describe("bench options", () => {
  it("defaults to src and ethereumjs, 5 runs, 1 warm-up", () => {
    expect(parseBenchArgs([])).toMatchObject({ implementations: ["src-interpreter", "src-adaptive", "src-compiled", "ethereumjs"], runs: 5, warmup: 3, memory: true, peers: [] });
  });

  it("parses every option", () => {
    const args = parseBenchArgs(["--impl", "spec,ethereumjs", "--filter=^micro", "--runs", "7", "--warmup", "0", "--json", "out.json", "--no-memory", "--peer", "anvil"]);
    expect(args).toMatchObject({ implementations: ["spec", "ethereumjs"], runs: 7, warmup: 0, json: "out.json", memory: false, peers: ["anvil"] });
    expect(args.filter!.test("micro/signextend/d0")).toBe(true);
  });

  it.each([
    [["--runs", "0"]],
    [["--runs", "x"]],
    [["--filter", "("]],
    [["--impl", "a,a"]],
    [["--impl", ","]],
    [["--bogus"]],
    [["--json"]],
    [["--peer", "geth"]],
  ])("rejects %j", (argv) => {
    expect(() => parseBenchArgs(argv)).toThrow(BenchUsageError);
  });
});
