/**
 * Peak memory is measured in a child process running the compiled harness, so this test uses
 * dist/ (built by `npm test` before vitest runs).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const DIST = join(import.meta.dirname, "../../dist");
const ROOT = join(import.meta.dirname, "../../../shared/bench/evm-benchmarks");

describe.runIf(existsSync(join(DIST, "conformance/bench/peak-memory.js")))("peak memory", () => {
  it("reports the RSS high-water mark of a child that ran one benchmark", async () => {
    const { measurePeakMemory } = await import(join(DIST, "conformance/bench/peak-memory.js"));
    const memory = await measurePeakMemory(join(DIST, "src/cli/implementations.js"), "ethereumjs", ROOT, "micro/signextend/d0");
    expect(memory).toMatchObject({ benchmark: "micro/signextend/d0", implementation: "ethereumjs" });
    expect(memory.baselineMiB).toBeGreaterThan(10);
    expect(memory.peakMiB).toBeGreaterThanOrEqual(memory.baselineMiB);
  });

  it("fails clearly for an implementation the registry does not know", async () => {
    const { measurePeakMemory } = await import(join(DIST, "conformance/bench/peak-memory.js"));
    await expect(measurePeakMemory(join(DIST, "src/cli/implementations.js"), "nope", ROOT, "micro/signextend/d0")).rejects.toThrow(/nope/);
  });
});
