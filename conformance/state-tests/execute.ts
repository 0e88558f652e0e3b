/**
 * Runs the selected cases of one file on an implementation: the work unit of both the
 * in-process runner and a worker thread.
 *
 * The file is decoded again here rather than shipped from the main thread: a worker gets only a
 * path and case ids, which keeps messages small and lets workers decode in parallel.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { decodeStateTestFile } from "../formats/state-tests.js";
import type { ForkName, Implementation } from "../../interface/implementation.js";
import { eip3155Tracer, encodeTraceSummary, summaryOf } from "../trace/eip3155.js";
import { buildCase, type CaseRef } from "./cases.js";
import { compareOutcome } from "./compare.js";
import { stateRootLine } from "./state-root-line.js";
import type { CaseResult } from "./result.js";

/** One file and the cases of it a run executes. */
export interface FileJob {
  readonly path: string;
  readonly fileId: string;
  readonly cases: readonly { readonly ref: CaseRef; readonly fork: ForkName }[];
}

export interface ExecuteHooks {
  /** Called before a case starts (the pool uses it to notice slow cases). */
  onStart?(id: string): void;
  onResult(result: CaseResult): void;
  /** When set, each case's EIP-3155 lines and summary line go here, one line per call. */
  traceLine?(line: string): void;
  /** After each summary line, also the state-root line of the statetest protocol (state-root-line.ts). */
  stateRootLine?: boolean;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export async function executeJob(implementation: Implementation, job: FileJob, hooks: ExecuteHooks): Promise<void> {
  let decoded: ReturnType<typeof decodeStateTestFile>;
  try {
    decoded = decodeStateTestFile(readFileSync(job.path, "utf8"));
  } catch (error) {
    decoded = { ok: false, error: messageOf(error) };
  }
  for (const { ref, fork } of job.cases) {
    hooks.onStart?.(ref.id);
    if (!decoded.ok) {
      hooks.onResult({ id: ref.id, status: "fail", reason: `cannot read ${job.fileId}: ${decoded.error}` });
      continue;
    }
    hooks.onResult(await executeCase(implementation, ref, fork, decoded.tests.get(ref.testName), hooks));
  }
}

async function executeCase(
  implementation: Implementation,
  ref: CaseRef,
  fork: ForkName,
  test: Parameters<typeof buildCase>[2] | undefined,
  hooks: ExecuteHooks,
): Promise<CaseResult> {
  const started = performance.now();
  const timeMs = () => Math.round((performance.now() - started) * 1000) / 1000;
  try {
    if (test === undefined) throw new RangeError(`test ${ref.testName} is not in its file`);
    const { testCase, expected } = buildCase(ref, fork, test);
    const traceLine = hooks.traceLine;
    const options = traceLine === undefined ? {} : { tracer: eip3155Tracer(traceLine) };
    const outcome = await implementation.runStateTest(testCase, options);
    const elapsed = timeMs();
    traceLine?.(encodeTraceSummary(summaryOf(outcome)));
    if (hooks.stateRootLine === true) traceLine?.(stateRootLine(outcome));
    const verdict = compareOutcome(expected, outcome);
    const gasUsed = outcome.kind === "executed" ? { gasUsed: outcome.gasUsed } : {};
    if (!verdict.pass) return { id: ref.id, status: "fail", reason: verdict.reason, ...gasUsed, timeMs: elapsed };
    return { id: ref.id, status: "pass", ...(verdict.note !== undefined && { note: verdict.note }), ...gasUsed, timeMs: elapsed };
  } catch (error) {
    return { id: ref.id, status: "fail", reason: `threw ${messageOf(error)}`, timeMs: timeMs() };
  }
}
