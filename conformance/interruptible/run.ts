/**
 * Running one case so that it can be stopped: the implementations' execution loops are
 * synchronous, so the case runs in a worker thread that the main thread terminates on a
 * deadline or on an abort signal (Ctrl-C). This works the same for every implementation: the
 * step count, pc and depth reached come from the ProgressProbe of the implementation contract,
 * which the worker keeps in shared memory (a call and three stores per step, paid only by runs
 * made here; an implementation without a probe attached pays a null check). The deadline counts
 * from the start of execution, not from loading the implementation.
 */
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import type { CaseOutcome, StateTestCase } from "../../interface/implementation.js";
import { compiledSibling } from "../state-tests/compiled-path.js";
import { ImplementationUnavailableError } from "../state-tests/load-implementation.js";
import { DEPTH, type FromRunWorker, PC, PROGRESS_SLOTS, type RunSetup, STEPS } from "./messages.js";
import { createTraceBuffer, writeGathered } from "./trace-buffer.js";

export interface InterruptibleRunOptions {
  /** Absolute path of a compiled JS module exporting `implementations`, in which the name resolves. */
  readonly registryModule: string;
  readonly implementationName: string;
  readonly testCase: StateTestCase;
  /** Write EIP-3155 lines to this file descriptor (1 for stdout). */
  readonly traceFd?: number;
  /** Stop after this long running. */
  readonly timeoutMs?: number;
  /** Stop when this aborts (e.g. on SIGINT). */
  readonly signal?: AbortSignal;
  /** Told how far the run has got, every PROGRESS_EVERY_MS while it executes (for a status line). */
  readonly onProgress?: (progress: RunProgress) => void;
}

export const PROGRESS_EVERY_MS = 250;

/** Where a stopped run had got to. */
export interface RunProgress {
  readonly steps: number;
  /** Of the last step executed (0 before the first). */
  readonly pc: number;
  readonly depth: number;
  /** Time spent executing, from the start of execution (0 if stopped while loading). */
  readonly elapsedMs: number;
}

export type InterruptibleRunResult =
  | { readonly kind: "finished"; readonly outcome: CaseOutcome }
  | { readonly kind: "stopped"; readonly reason: "timeout" | "interrupted"; readonly progress: RunProgress }
  /** The trace's reader went away, so the run was ended early. */
  | { readonly kind: "trace-closed" };

function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "EPIPE";
}

export function runInterruptibly(options: InterruptibleRunOptions): Promise<InterruptibleRunResult> {
  const progress = new SharedArrayBuffer(PROGRESS_SLOTS * Float64Array.BYTES_PER_ELEMENT);
  const trace = options.traceFd === undefined ? undefined : { fd: options.traceFd, buffer: createTraceBuffer() };
  const setup: RunSetup = {
    registryModule: options.registryModule,
    implementationName: options.implementationName,
    testCase: options.testCase,
    progress,
    ...(trace !== undefined && { traceBuffer: trace.buffer }),
  };
  const worker = new Worker(compiledSibling(import.meta.url, "worker"), { workerData: setup });
  let startedAt: number | undefined;
  let deadline: NodeJS.Timeout | undefined;
  let ticker: NodeJS.Timeout | undefined;
  let settled = false;
  const slots = new Float64Array(progress);
  const progressNow = (): RunProgress => ({
    steps: slots[STEPS]!,
    pc: slots[PC]!,
    depth: slots[DEPTH]!,
    elapsedMs: startedAt === undefined ? 0 : performance.now() - startedAt,
  });

  return new Promise<InterruptibleRunResult>((resolve, reject) => {
    /**
     * Ends the run once: the worker is terminated first, so that the progress read afterwards is
     * final; then the trace lines it gathered are written, and `result` says how the run ended.
     */
    const finish = (result: () => InterruptibleRunResult | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearInterval(ticker);
      options.signal?.removeEventListener("abort", onAbort);
      void worker.terminate().then(() => {
        const ended = result();
        if (ended instanceof Error) return reject(ended);
        if (trace !== undefined && ended.kind !== "trace-closed") {
          try {
            writeGathered(trace.buffer, trace.fd);
          } catch (error) {
            if (!isClosedPipe(error)) return reject(error);
            return resolve({ kind: "trace-closed" });
          }
        }
        resolve(ended);
      });
    };
    const stop = (reason: "timeout" | "interrupted") => finish(() => ({ kind: "stopped", reason, progress: progressNow() }));
    const onAbort = () => stop("interrupted");
    if (options.signal?.aborted === true) return stop("interrupted");
    options.signal?.addEventListener("abort", onAbort, { once: true });

    worker.on("message", (message: FromRunWorker) => {
      switch (message.type) {
        case "started":
          startedAt = performance.now();
          if (options.timeoutMs !== undefined) deadline = setTimeout(() => stop("timeout"), options.timeoutMs);
          if (options.onProgress !== undefined) {
            const report = options.onProgress;
            ticker = setInterval(() => report(progressNow()), PROGRESS_EVERY_MS);
          }
          return;
        case "trace-full":
          if (settled || trace === undefined) return;
          try {
            return writeGathered(trace.buffer, trace.fd);
          } catch (error) {
            return finish(() => (isClosedPipe(error) ? { kind: "trace-closed" } : (error as Error)));
          }
        case "finished":
          return finish(() => ({ kind: "finished", outcome: message.outcome }));
        case "unavailable":
          return finish(() => new ImplementationUnavailableError(message.message));
      }
    });
    worker.on("error", (error) => finish(() => error));
    worker.on("exit", (code) => finish(() => new Error(`the run's worker thread exited with code ${code} before finishing`)));
  });
}
