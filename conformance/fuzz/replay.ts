/**
 * Replaying reproducers: every case of a GeneralStateTests file (as the fuzzer writes them into a
 * regression folder), ready for runDifferential, and one reproducer's case run again on both
 * sides. Cases of forks SVM does not know are left out.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCase, listCases } from "../state-tests/cases.js";
import { decodeStateTestFile } from "../formats/state-tests.js";
import { type Implementation, isForkName, type StateTestCase } from "../../interface/implementation.js";
import { type DifferentialResult, runDifferential } from "./differential.js";
import { KNOWN_DIFFERENCES } from "./known-differences.js";

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

/** How a reproducer ran again: the new differential result, and whether it still diverges (unexplained). */
export interface Replay {
  readonly result: DifferentialResult;
  readonly diverges: boolean;
}

/**
 * Runs a reproducer's case on `a` and `b` again with the full differential comparison (outcome
 * and canonical trace), applying the known differences of a peer unless `strict`.
 */
export async function replayReproducer(testCase: StateTestCase, a: Implementation, b: Implementation, strict: boolean): Promise<Replay> {
  const result = await runDifferential(a, b, testCase, strict ? {} : { knownDifferences: KNOWN_DIFFERENCES });
  return { result, diverges: !result.agree && result.explainedBy === undefined };
}
