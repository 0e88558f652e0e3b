/**
 * The SVM precompile vectors (conformance/vectors/svm, filled by the spec from the standards'
 * known answers) on src/vm: the same check as `svm statetest conformance/vectors/svm --impl src`,
 * in the suite so that a change to src/vm's precompiles cannot drift from the spec unnoticed.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { regressionFiles } from "../../conformance/fuzz/replay.js";
import { decodeStateTestFile } from "../../conformance/formats/state-tests.js";
import { isForkName } from "../../interface/implementation.js";
import { buildCase, listCases } from "../../conformance/state-tests/cases.js";
import { compareOutcome } from "../../conformance/state-tests/compare.js";
import { srcImplementation } from "../../src/vm/implementation.js";

const files = regressionFiles(fileURLToPath(new URL("../../conformance/vectors/svm", import.meta.url)));

describe("SVM precompile vectors on src/vm", () => {
  it("there are vectors to run", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((path) => [basename(path), path]))("%s passes", async (_, path) => {
    const decoded = decodeStateTestFile(readFileSync(path, "utf8"));
    if (!decoded.ok) throw new Error(`${path}: ${decoded.error}`);
    const refs = listCases(path, decoded.tests);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      if (!isForkName(ref.fork)) throw new Error(`${ref.id}: unknown fork ${ref.fork}`);
      const { testCase, expected } = buildCase(ref, ref.fork, decoded.tests.get(ref.testName)!);
      expect(testCase.fork).toBe("SVM");
      expect(compareOutcome(expected, await srcImplementation.runStateTest(testCase)), ref.id).toEqual({ pass: true });
    }
  });
});
