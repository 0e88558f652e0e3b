/**
 * Runs the analysis of many files one after another in a worker thread, each within a time budget:
 * an analysis that overruns is stopped (the worker is replaced) and reported as a timeout, a
 * worker that dies is reported as a crash, and the run goes on.
 */
import { Worker } from "node:worker_threads";
import { compiledSibling } from "../../../conformance/state-tests/compiled-path.js";
import type { WorkerReply } from "./worker.js";

export type RunOutcome =
  | (WorkerReply & { readonly seconds: number })
  | { readonly status: "timeout" | "crash"; readonly message: string; readonly findings: readonly []; readonly seconds: number };


export class BudgetedAnalyser {
  private worker: Worker | undefined;

  constructor(private readonly budgetSeconds: number) {}

  analyse(file: string): Promise<RunOutcome> {
    // Under vitest this module runs as TypeScript, which a worker cannot load: use the build.
    const worker = (this.worker ??= new Worker(compiledSibling(import.meta.url, "worker")));
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    return new Promise((resolve) => {
      const done = (outcome: RunOutcome, replace: boolean) => {
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
      const onError = (error: Error) =>
        done({ status: "crash", message: `${error.name}: ${error.message}`, findings: [], seconds: seconds() }, true);
      const onExit = (code: number) =>
        done({ status: "crash", message: `the analysis thread exited with code ${code}`, findings: [], seconds: seconds() }, true);
      const timer = setTimeout(
        () => done({ status: "timeout", message: `stopped after the ${this.budgetSeconds} s budget`, findings: [], seconds: seconds() }, true),
        this.budgetSeconds * 1000,
      );
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage({ file });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
