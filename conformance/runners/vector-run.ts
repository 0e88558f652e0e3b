/**
 * Running a suite of small vector files (TransactionTests, TrieTests, RLPTests) in this thread:
 * every file under the given paths, in id order, each turned into case results by the suite's
 * own function. A file that cannot be read or decoded is one failed result naming the file and
 * the error, and the run goes on.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { stateTestFiles, type StateTestFileRef } from "../state-tests/files.js";
import { type CaseResult, type RunSummary, summarize } from "../state-tests/result.js";

export interface VectorRunReport {
  readonly results: readonly CaseResult[];
  readonly summary: RunSummary;
}

/** Turns one file's text into its case results; `fileId` prefixes every case id. */
export type FileRunner = (text: string, fileId: string) => CaseResult[];

export function runVectorFiles(paths: readonly string[], bases: readonly string[], runFile: FileRunner): VectorRunReport {
  return runVectorFileRefs(stateTestFiles(paths, bases), runFile);
}

/** Runs files already found and named (conformance/state-tests/files.ts), in the order given. */
export function runVectorFileRefs(files: readonly StateTestFileRef[], runFile: FileRunner): VectorRunReport {
  const results: CaseResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file.path, "utf8");
    } catch (error) {
      results.push({ id: file.fileId, status: "fail", reason: `cannot read ${file.path}: ${(error as Error).message}` });
      continue;
    }
    results.push(...runFile(text, file.fileId));
  }
  return { results, summary: summarize(results) };
}

/** The result for a file that did not decode: the file's path and the decoding error. */
export function malformedFile(fileId: string, error: string): CaseResult {
  return { id: fileId, status: "fail", reason: `malformed file: ${error}` };
}

export type Verdict = Pick<CaseResult, "status" | "reason" | "note">;

/** Runs one case's check; an unexpected exception is that case's failure, not the end of the run. */
export function guarded(check: () => Verdict): Verdict {
  try {
    return check();
  } catch (error) {
    return { status: "fail", reason: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
  }
}

/**
 * The `--json FILE` report: `{ "summary": { suite, passed, failed, skipped, total, ... },
 * "cases": [ { id, status, reason, note } ] }`, with null for an absent reason or note.
 */
export function writeVectorJsonReport(file: string, suite: string, report: VectorRunReport, extra: object = {}): void {
  const json = {
    summary: { suite, ...report.summary, total: report.results.length, ...extra },
    cases: report.results.map((r) => ({ id: r.id, status: r.status, reason: r.reason ?? null, note: r.note ?? null })),
  };
  writeFileSync(file, `${JSON.stringify(json, null, 1)}\n`);
}
