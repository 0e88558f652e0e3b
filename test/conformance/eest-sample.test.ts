/**
 * A fixed, stratified sample of the execution-spec-tests Prague and Osaka state tests
 * (../shared/conformance/eest-prague-osaka, or SVM_EEST_DIR) on the spec implementation: every
 * SAMPLE_EVERY-th case of every test module's folder, so each EIP of both forks is represented.
 * The whole folder runs with `npm run conformance`.
 *
 * Worker threads load the compiled registry from dist/, so build first (`npm test` does).
 * SVM_EEST_SAMPLE_EVERY overrides the stride (1 runs every case).
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stateTestFiles } from "../../conformance/state-tests/files.js";
import { loadFromRegistry } from "../../conformance/state-tests/load-implementation.js";
import { runStateTests } from "../../conformance/state-tests/runner.js";
import { eestRoot } from "../../conformance/vectors-location.js";
import { implementations } from "../../src/cli/implementations.js";
import { sampleIds } from "../support/state-test-sample.js";

const SAMPLE_EVERY = Number(process.env.SVM_EEST_SAMPLE_EVERY ?? 12);

const registryModule = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist/src/cli/implementations.js");

function root(): string {
  const found = eestRoot();
  if (found === undefined) throw new Error("execution-spec-tests fixtures not found: set SVM_EEST_DIR or place them in ../shared/conformance/eest-prague-osaka");
  return found;
}

describe(`execution-spec-tests sample (Prague and Osaka, every ${SAMPLE_EVERY}th case per folder) on the spec`, () => {
  it("passes every sampled case, of both forks", { timeout: 10 * 60_000 }, async () => {
    expect(Number.isSafeInteger(SAMPLE_EVERY) && SAMPLE_EVERY >= 1).toBe(true);
    const base = root();
    const files = stateTestFiles([join(base, "state_tests")], [base]);
    const sample = sampleIds(files, SAMPLE_EVERY, () => true);
    const report = await runStateTests({
      files,
      implementation: { name: "spec", load: () => loadFromRegistry(implementations, "spec"), registryModule },
      include: (id) => sample.has(id),
      workers: 2,
      onSlow: (id, ms) => console.warn(`slow: ${id} has run for ${Math.round(ms / 1000)} s`),
    });
    console.info(`${report.results.length} sampled cases in ${Math.round(report.timeMs / 1000)} s on ${report.workers} workers`);
    expect(report.results.length).toBe(sample.size);
    const forks = new Set(report.results.map((r) => r.id.split("::").at(-2)));
    expect(forks.has("Prague") && forks.has("Osaka")).toBe(true);
    expect(report.results.filter((r) => r.status !== "pass").map((r) => `${r.id}: ${r.status} ${r.reason ?? ""}`)).toEqual([]);
  });
});
