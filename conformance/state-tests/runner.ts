/**
 * The state-test runner: enumerates the cases of the given files, selects them (fork, filter,
 * shard, skip list), runs them on an implementation in this thread or in worker threads, and
 * returns every result sorted by id.
 *
 * A file that does not decode is one failed result (id = the file's id), and the run goes on; a
 * case that throws is a failed result with the error. Only an implementation that cannot be
 * loaded stops the run.
 */
import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { decodeStateTestFile } from "../formats/state-tests.js";
import { FORK_NAMES, type ForkName, type Implementation } from "../../interface/implementation.js";
import { stateTestSkipList, type SkipEntry } from "../skip-list.js";
import { listCases } from "./cases.js";
import { executeJob, type FileJob } from "./execute.js";
import type { StateTestFileRef } from "./files.js";
import { runInWorkers } from "./pool.js";
import { summarize, type CaseResult, type RunSummary } from "./result.js";
import { compareIds, planRun, type Enumerated, type Planned } from "./selection.js";
import type { Shard } from "./shard.js";
import { SlowWatch } from "./slow-watch.js";

/** Where the runner gets the implementation from. */
export interface ImplementationSource {
  readonly name: string;
  /** Loads the implementation in this thread. */
  load(): Promise<Implementation>;
  /**
   * Absolute path of a compiled JS module exporting `implementations` (name → loader) in which
   * `name` resolves; worker threads load the implementation through it. Without it the run
   * stays in this thread.
   */
  readonly registryModule?: string;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly elapsedMs: number;
}

export interface StateTestRunOptions {
  readonly files: readonly StateTestFileRef[];
  readonly implementation: ImplementationSource;
  readonly fork?: ForkName;
  readonly filter?: RegExp;
  /** Keeps only the ids it accepts, like `filter` (for fixed samples chosen in code). */
  readonly include?: (id: string) => boolean;
  readonly shard?: Shard;
  /** Defaults to conformance/skip-list.ts. */
  readonly skipList?: readonly SkipEntry[];
  /** Worker threads; by default 1 for fewer than MANY_CASES cases, else one per core. */
  readonly workers?: number;
  /** Writes EIP-3155 lines, one per call; forces a single in-thread worker so lines stay in case order. */
  readonly traceLine?: (line: string) => void;
  /** With traceLine: end each case with the statetest protocol's state-root line too. */
  readonly stateRootLine?: boolean;
  readonly onProgress?: (progress: Progress) => void;
  /** Called once for each case running longer than 60 s. */
  readonly onSlow?: (id: string, elapsedMs: number) => void;
}

export interface StateTestRunReport {
  /** Sorted by id. */
  readonly results: readonly CaseResult[];
  readonly summary: RunSummary;
  readonly workers: number;
  readonly timeMs: number;
}

/** Below this many cases, starting worker threads costs more than it saves. */
export const MANY_CASES = 200;

function enumerate(files: readonly StateTestFileRef[]): Enumerated[] {
  const items: Enumerated[] = [];
  for (const { path, fileId } of files) {
    let decoded: ReturnType<typeof decodeStateTestFile>;
    try {
      decoded = decodeStateTestFile(readFileSync(path, "utf8"));
    } catch (error) {
      decoded = { ok: false, error: `cannot read: ${(error as Error).message}` };
    }
    if (!decoded.ok) {
      items.push({ kind: "malformed", path, fileId, error: decoded.error });
      continue;
    }
    for (const ref of listCases(fileId, decoded.tests)) items.push({ kind: "case", path, fileId, ref });
  }
  return items;
}

/** The run items grouped into one job per file, in the order the files first appear. */
function jobsOf(plan: readonly Planned[]): FileJob[] {
  const jobs = new Map<string, { path: string; fileId: string; cases: FileJob["cases"][number][] }>();
  for (const p of plan) {
    if (p.action !== "run") continue;
    const job = jobs.get(p.path) ?? { path: p.path, fileId: p.fileId, cases: [] };
    job.cases.push({ ref: p.ref, fork: p.fork });
    jobs.set(p.path, job);
  }
  return [...jobs.values()];
}

function workerCount(options: StateTestRunOptions, cases: number, jobs: number): number {
  if (options.traceLine !== undefined || options.implementation.registryModule === undefined) return 1;
  const wanted = options.workers ?? (cases < MANY_CASES ? 1 : availableParallelism());
  return Math.max(1, Math.min(wanted, jobs));
}

export async function runStateTests(options: StateTestRunOptions): Promise<StateTestRunReport> {
  const started = performance.now();
  const implementation = await options.implementation.load();
  const plan = planRun(enumerate(options.files), {
    fork: options.fork,
    filter: options.filter,
    include: options.include,
    shard: options.shard,
    implementationName: options.implementation.name,
    supportedForks: implementation.forks ?? FORK_NAMES,
    skipList: options.skipList ?? stateTestSkipList,
  });

  // Progress measures from here, after enumeration, so the rate and ETA reflect running cases.
  const planned = performance.now();
  const results: CaseResult[] = [];
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const record = (result: CaseResult) => {
    results.push(result);
    counts[result.status === "pass" ? "passed" : result.status === "fail" ? "failed" : "skipped"]++;
    options.onProgress?.({ done: results.length, total: plan.length, ...counts, elapsedMs: performance.now() - planned });
  };
  for (const p of plan) {
    if (p.action === "skip") record({ id: p.id, status: "skip", reason: p.reason });
    if (p.action === "malformed") record({ id: p.id, status: "fail", reason: `malformed file: ${p.error}` });
  }

  const jobs = jobsOf(plan);
  const runnable = jobs.reduce((n, job) => n + job.cases.length, 0);
  const workers = workerCount(options, runnable, jobs.length);
  const slow = new SlowWatch(options.onSlow ?? (() => {}));
  const hooks = {
    onStart: (id: string) => slow.start(id),
    onResult: (result: CaseResult) => {
      slow.finish(result.id, result.timeMs);
      record(result);
    },
    traceLine: options.traceLine,
    stateRootLine: options.stateRootLine,
  };
  try {
    if (workers === 1) {
      for (const job of jobs) await executeJob(implementation, job, hooks);
    } else {
      const registryModule = options.implementation.registryModule!;
      await runInWorkers(jobs, { workers, registryModule, implementationName: options.implementation.name }, hooks);
    }
  } finally {
    slow.close();
  }

  results.sort((a, b) => compareIds(a.id, b.id));
  return { results, summary: summarize(results), workers, timeMs: performance.now() - started };
}
