/**
 * `analyseFile` within a time budget: each analysis runs in a worker thread, one file after
 * another; one that overruns is stopped (the worker is replaced) and reported as `timeout`, a
 * worker that dies as `crash`, and the caller goes on with the next file.
 */
import { Worker } from "node:worker_threads";
import { compiledSibling } from "../../conformance/state-tests/compiled-path.js";
import type { AnalyseOptions, FileAnalysis, FileReport } from "./analyse.js";
import type { WorkerReply, WorkerRequest } from "./budget-worker.js";

export type BudgetedAnalysis =
  | (FileAnalysis & { readonly seconds: number })
  | {
      readonly report: Omit<FileReport, "status"> & { readonly status: "timeout" | "crash"; readonly message: string };
      readonly findings: readonly [];
      readonly contracts: readonly [];
      readonly seconds: number;
    };

export class BudgetedAnalyser {
  private worker: Worker | undefined;

  constructor(private readonly budgetSeconds: number) {}

  analyse(file: string, options: AnalyseOptions = {}): Promise<BudgetedAnalysis> {
    // Under vitest this module runs as TypeScript, which a worker cannot load: use the build.
    const worker = (this.worker ??= new Worker(compiledSibling(import.meta.url, "budget-worker")));
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const stopped = (status: "timeout" | "crash", message: string): BudgetedAnalysis => ({
      report: { file, status, message },
      findings: [],
      contracts: [],
      seconds: seconds(),
    });
    return new Promise((resolve) => {
      const done = (outcome: BudgetedAnalysis, replace: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (replace) {
          void worker.terminate();
          this.worker = undefined;
        }
        resolve(outcome);
      };
      const onMessage = (reply: WorkerReply) => done({ ...reply, seconds: seconds() }, false);
      const onError = (error: Error) => done(stopped("crash", `${error.name}: ${error.message}`), true);
      const onExit = (code: number) => done(stopped("crash", `the analysis thread exited with code ${code}`), true);
      const timer = setTimeout(() => done(stopped("timeout", `stopped after the ${this.budgetSeconds} s budget`), true), this.budgetSeconds * 1000);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      const request: WorkerRequest = { file, options };
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
