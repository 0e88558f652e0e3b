/**
 * A fixed, stratified sample of the Cancun GeneralStateTests on the spec implementation: every
 * SAMPLE_EVERY-th case (in id order) of every folder, so each area of the suite is represented
 * and the same cases run every time. The full suite runs with `npm run conformance`.
 *
 * Worker threads load the compiled registry from dist/, so build first (`npm test` does).
 * SVM_STATETEST_SAMPLE_EVERY overrides the stride (1 runs every Cancun case).
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stateTestFiles } from "../../conformance/state-tests/files.js";
import { loadFromRegistry } from "../../conformance/state-tests/load-implementation.js";
import { runStateTests } from "../../conformance/state-tests/runner.js";
import { vectorsRoot } from "../../conformance/vectors-location.js";
import { implementations } from "../../src/cli/implementations.js";
import { sampleIds } from "../support/state-test-sample.js";

const SAMPLE_EVERY = Number(process.env.SVM_STATETEST_SAMPLE_EVERY ?? 10);
const FORK = "Cancun";

const root = vectorsRoot();
const generalStateTests = join(root, "GeneralStateTests");
const registryModule = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist/src/cli/implementations.js");

describe(`GeneralStateTests sample (${FORK}, every ${SAMPLE_EVERY}th case per folder) on the spec`, () => {
  it("passes every sampled case", { timeout: 30 * 60_000 }, async () => {
    expect(Number.isSafeInteger(SAMPLE_EVERY) && SAMPLE_EVERY >= 1).toBe(true);
    const files = stateTestFiles([generalStateTests], [generalStateTests, root]);
    const sample = sampleIds(files, SAMPLE_EVERY, (ref) => ref.fork === FORK);
    const report = await runStateTests({
      files,
      implementation: { name: "spec", load: () => loadFromRegistry(implementations, "spec"), registryModule },
      fork: FORK,
      include: (id) => sample.has(id),
      onSlow: (id, ms) => console.warn(`slow: ${id} has run for ${Math.round(ms / 1000)} s`),
    });
    for (const r of report.results) if (r.status === "skip") console.warn(`skipped ${r.id}: ${r.reason}`);
    console.info(`${report.results.length} sampled cases in ${Math.round(report.timeMs / 1000)} s on ${report.workers} workers`);
    expect(report.results.length).toBe(sample.size);
    expect(report.results.filter((r) => r.status === "fail").map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
  });
});
