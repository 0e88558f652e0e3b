/** The per-suite geometric mean of speed-ups that the performance target is stated in. */
import { describe, expect, it } from "vitest";
import { type BenchReport, speedupSummary, speedupSummaryTable } from "../../conformance/bench/report.js";
import { geometricMean } from "../../conformance/bench/statistics.js";

function result(benchmark: string, srcMs: number, ethereumjsMs: number) {
  return {
    benchmark,
    gasUsed: 1000n,
    problems: [],
    timings: new Map([
      ["src", { medianMs: srcMs, runsMs: [srcMs] }],
      ["ethereumjs", { medianMs: ethereumjsMs, runsMs: [ethereumjsMs] }],
    ]),
  };
}

const report = (results: ReturnType<typeof result>[]): BenchReport => ({
  config: { implementations: ["src", "ethereumjs"], runs: 1, warmup: 0, gcBetweenRuns: false, node: "", cpu: "", date: "" },
  results,
  peakMemory: [],
});

describe("speed-up summary", () => {
  it("geometric mean of 2 and 8 is 4", () => {
    expect(geometricMean([2, 8])).toBeCloseTo(4, 12);
    expect(() => geometricMean([])).toThrow(RangeError);
  });

  it("averages each suite separately", () => {
    const summary = speedupSummary(report([result("main/a", 1, 2), result("main/b", 1, 8), result("micro/c", 1, 100)]));
    expect(summary).toEqual([
      { suite: "main", implementation: "src", benchmarks: 2, geometricMean: expect.closeTo(4, 12) },
      { suite: "micro", implementation: "src", benchmarks: 1, geometricMean: expect.closeTo(100, 12) },
    ]);
    expect(speedupSummaryTable(report([result("main/a", 1, 10)]))).toContain("10.00×");
  });

  it("has nothing to say without ethereumjs in the run", () => {
    const withoutReference: BenchReport = { ...report([]), config: { ...report([]).config, implementations: ["src", "spec"] } };
    expect(speedupSummary(withoutReference)).toEqual([]);
  });
});
