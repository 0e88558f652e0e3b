/**
 * Reproducer files. A divergence is written as a GeneralStateTests file whose post entry expects
 * implementation A's outcome (or B's, when A crashed), so `svm statetest --impl B FILE` fails when
 * the state root, logs or rejection differ. Its `_info.svmFuzz` records both sides and what
 * diverged (reproducer-record.ts), so `svm fuzz --replay FILE` reproduces every divergence,
 * including those of the trace, the output, the gas or the status that no post entry can express.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CaseOutcome, StateTestCase } from "../../interface/implementation.js";
import type { Divergence } from "./campaign.js";
import { casesOfFile, RegressionFileError } from "./replay.js";
import { type CampaignContext, decodeRecord, recordOf, type ReproducerRecord } from "./reproducer-record.js";
import { stateTestJson } from "./state-test-json.js";

export class ReproducerError extends Error {
  readonly code = "FUZZ_REPRODUCER";
}

/** The outcome the post entry expects: A's, else B's; none when both crashed. */
export function expectedOutcome(divergence: Divergence): CaseOutcome | undefined {
  const { a, b } = divergence.result;
  if (a.ok) return a.outcome;
  return b.ok ? b.outcome : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Writes `<dir>/<case id>.json` and returns its path. */
export function writeReproducer(dir: string, divergence: Divergence, context: CampaignContext): string {
  const expected = expectedOutcome(divergence);
  if (expected === undefined) throw new ReproducerError("both implementations crashed, so there is no outcome to expect");
  const name = divergence.built.testCase.id;
  const path = join(dir, `${name}.json`);
  const record = recordOf(context, divergence, divergence.result);
  const info = { comment: `svm fuzz: ${context.a} and ${context.b} diverge here; replay with svm fuzz --replay FILE`, svmFuzz: record };
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, stateTestJson(name, divergence.built, expected, info));
  } catch (error) {
    throw new ReproducerError(`cannot write ${path}: ${messageOf(error)}`);
  }
  return path;
}

/** A reproducer read back: its one case and the record of how the implementations diverged on it. */
export interface Reproducer {
  readonly testCase: StateTestCase;
  readonly record: ReproducerRecord;
}

/** Reads a file `writeReproducer` wrote; a ReproducerError says why a file is not one. */
export function readReproducer(path: string): Reproducer {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ReproducerError(`cannot read ${path}: ${messageOf(error)}`);
  }
  let cases: StateTestCase[];
  try {
    cases = casesOfFile(path);
  } catch (error) {
    if (error instanceof RegressionFileError) throw new ReproducerError(error.message);
    throw error;
  }
  const tests = Object.values(JSON.parse(text) as Record<string, { _info?: { svmFuzz?: unknown } }>);
  const info = tests[0]?._info?.svmFuzz;
  if (tests.length !== 1 || cases.length !== 1 || info === undefined) {
    throw new ReproducerError(`${path} is not a reproducer written by svm fuzz (one test with _info.svmFuzz); run a state test with svm statetest`);
  }
  const decoded = decodeRecord(info);
  if (!decoded.ok) throw new ReproducerError(`${path}: _info.svmFuzz.${decoded.error}`);
  return { testCase: cases[0]!, record: decoded.record };
}
