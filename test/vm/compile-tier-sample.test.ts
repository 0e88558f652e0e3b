/**
 * The state-test sample of test/conformance/state-tests-sample.test.ts (every 10th Cancun case
 * of every GeneralStateTests folder) on src with the compile tier forced on: every frame of every
 * code runs compiled code, so each case checks the tier's output, gas, logs and state root
 * against the suite's post state. Worker threads inherit SVM_TIER from this process.
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

describe(`GeneralStateTests sample (${FORK}, every ${SAMPLE_EVERY}th case per folder) on src with SVM_TIER=always`, () => {
  it("passes every sampled case", { timeout: 30 * 60_000 }, async () => {
    const previous = process.env.SVM_TIER;
    process.env.SVM_TIER = "always";
    try {
      const files = stateTestFiles([generalStateTests], [generalStateTests, root]);
      const sample = sampleIds(files, SAMPLE_EVERY, (ref) => ref.fork === FORK);
      const report = await runStateTests({
        files,
        implementation: { name: "src", load: () => loadFromRegistry(implementations, "src"), registryModule },
        fork: FORK,
        include: (id) => sample.has(id),
      });
      console.info(`${report.results.length} sampled cases in ${Math.round(report.timeMs / 1000)} s on ${report.workers} workers`);
      expect(report.results.length).toBe(sample.size);
      expect(report.results.filter((r) => r.status === "fail").map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.SVM_TIER;
      else process.env.SVM_TIER = previous;
    }
  });
});
