/**
 * Every reproducer in test/fuzz/regressions (state-test files written by `svm fuzz`) must run the
 * same on the spec and on src: same outcome and the same canonical trace.
 */
import { fileURLToPath } from "node:url";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { runDifferential } from "../../conformance/fuzz/differential.js";
import { casesOfFile, regressionFiles } from "../../conformance/fuzz/replay.js";
import { specImplementation } from "../../conformance/impls/spec.js";
import { srcImplementation } from "../../src/vm/implementation.js";

const folder = fileURLToPath(new URL("./regressions", import.meta.url));
const files = regressionFiles(folder);

describe("fuzz regressions: spec and src agree", () => {
  it("the regression folder holds reproducers", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((path) => [basename(path), path]))("%s", async (_, path) => {
    const cases = casesOfFile(path);
    expect(cases.length).toBeGreaterThan(0);
    for (const testCase of cases) {
      const result = await runDifferential(specImplementation, srcImplementation, testCase);
      expect({ differences: result.differences, trace: result.trace }).toEqual({ differences: [], trace: undefined });
    }
  });
});
