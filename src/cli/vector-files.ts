/**
 * The files a vector command (statetest, txtest, trietest, rlptest) runs: the paths given, or
 * the suite's folder under the vectors root when none is. Relative paths are looked up in the
 * working directory, then in the suite's folder, then in the vectors root
 * (conformance/state-tests/files.ts), then in the execution-spec-tests folder (eestRoot). A path that does not exist, a vectors root that cannot be
 * found when one is needed, a selection holding no *.json file and a run in which no case was
 * checked are input errors (exit 2).
 */
import { join } from "node:path";
import { VectorPathError, stateTestFiles, type StateTestFileRef } from "../../conformance/state-tests/files.js";
import type { CaseResult } from "../../conformance/state-tests/result.js";
import { VectorsNotFoundError, eestRoot, vectorsRoot } from "../../conformance/vectors-location.js";
import { InputError } from "./command.js";

export interface VectorSelection {
  /** Paths as typed; empty for the whole suite. */
  readonly paths: readonly string[];
  /** `--tests DIR`, when given. */
  readonly tests?: string;
  /** The suite's folder under the vectors root, e.g. "GeneralStateTests". */
  readonly folder: string;
}

/**
 * The vectors root. Without paths it is needed; with paths and without --tests it only helps
 * find relative paths and name files, so its absence is no error.
 */
function findRoot(selection: VectorSelection): string | undefined {
  try {
    return vectorsRoot(selection.tests);
  } catch (error) {
    if (!(error instanceof VectorsNotFoundError)) throw error;
    if (selection.paths.length > 0 && selection.tests === undefined) return undefined;
    throw new InputError(error.message);
  }
}

export function vectorFiles(selection: VectorSelection): StateTestFileRef[] {
  const root = findRoot(selection);
  const eest = eestRoot();
  const bases = [...(root === undefined ? [] : [join(root, selection.folder), root]), ...(eest === undefined ? [] : [eest])];
  const paths = selection.paths.length > 0 ? selection.paths : [join(root!, selection.folder)];
  let files: StateTestFileRef[];
  try {
    files = stateTestFiles(paths, bases);
  } catch (error) {
    if (error instanceof VectorPathError) throw new InputError(error.message);
    throw error;
  }
  if (files.length === 0) throw new InputError(`nothing to run: no *.json file in ${paths.join(", ")}`);
  return files;
}

/** Refuses a run in which no case matched the selection (`what` names it, e.g. "--fork Prague"). */
export function requireSomethingMatched(results: readonly CaseResult[], files: number, what: string): void {
  if (results.length > 0) return;
  throw new InputError(`nothing matched: no case in ${files} file${files === 1 ? "" : "s"} matched ${what === "" ? "the selection" : what}`);
}

/** Refuses a run in which every selected case was skipped: exit 0 must mean something was checked. */
export function requireSomethingChecked(results: readonly CaseResult[]): void {
  const skipped = results.filter((r) => r.status === "skip");
  if (skipped.length < results.length) return;
  const first = skipped[0];
  const example = first === undefined ? "" : ` (the first: ${first.id}: ${first.reason ?? "no reason given"})`;
  throw new InputError(`nothing checked: all ${skipped.length} selected cases were skipped${example}`);
}
