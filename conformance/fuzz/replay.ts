/**
 * Replaying reproducers: every case of a GeneralStateTests file (as the fuzzer writes them into a
 * regression folder), ready for runDifferential. Cases of forks SVM does not know are left out.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCase, listCases } from "../state-tests/cases.js";
import { decodeStateTestFile } from "../formats/state-tests.js";
import { isForkName, type StateTestCase } from "../implementation.js";

export class RegressionFileError extends Error {
  readonly code = "FUZZ_REGRESSION_FILE";
}

export function casesOfFile(path: string): StateTestCase[] {
  const decoded = decodeStateTestFile(readFileSync(path, "utf8"));
  if (!decoded.ok) throw new RegressionFileError(`${path}: ${decoded.error}`);
  return listCases(path, decoded.tests).flatMap((ref) => {
    const test = decoded.tests.get(ref.testName)!;
    return isForkName(ref.fork) ? [buildCase(ref, ref.fork, test).testCase] : [];
  });
}

/** The *.json files of a folder, sorted (none when the folder is empty). */
export function regressionFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(dir, name));
}
