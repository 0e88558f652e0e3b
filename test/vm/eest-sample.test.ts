/**
 * A fixed, stratified sample of the execution-spec-tests Prague and Osaka state tests on src
 * (every SAMPLE_EVERY-th case of every test module's folder, so each EIP of both forks is
 * represented), in process through the shared runner. The whole folder:
 * `svm statetest ../shared/conformance/eest-prague-osaka --impl src`.
 * SVM_EEST_SAMPLE_EVERY overrides the stride (1 runs every case).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stateTestFiles } from "../../conformance/state-tests/files.js";
import { runStateTests } from "../../conformance/state-tests/runner.js";
import { eestRoot } from "../../conformance/vectors-location.js";
import { srcImplementation } from "../../src/vm/implementation.js";
import { sampleIds } from "../support/state-test-sample.js";

const SAMPLE_EVERY = Number(process.env.SVM_EEST_SAMPLE_EVERY ?? 24);

describe(`execution-spec-tests sample (Prague and Osaka, every ${SAMPLE_EVERY}th case per folder) on src`, () => {
  it("passes every sampled case, of both forks", { timeout: 5 * 60_000 }, async () => {
    const base = eestRoot();
    if (base === undefined) throw new Error("execution-spec-tests fixtures not found: set SVM_EEST_DIR or place them in ../shared/conformance/eest-prague-osaka");
    const files = stateTestFiles([join(base, "state_tests")], [base]);
    const sample = sampleIds(files, SAMPLE_EVERY, () => true);
    const report = await runStateTests({
      files,
      implementation: { name: "src", load: async () => srcImplementation },
      include: (id) => sample.has(id),
      workers: 1,
    });
    expect(report.results.length).toBe(sample.size);
    const forks = new Set(report.results.map((r) => r.id.split("::").at(-2)));
    expect(forks.has("Prague") && forks.has("Osaka")).toBe(true);
    expect(report.results.filter((r) => r.status !== "pass").map((r) => `${r.id}: ${r.status} ${r.reason ?? ""}`)).toEqual([]);
  });
});
