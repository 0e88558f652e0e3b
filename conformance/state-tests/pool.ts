/**
 * A pool of worker threads running file jobs. Each idle worker takes the next job, so long
 * files do not hold up the others. A worker that dies (an uncaught error, running out of
 * memory) fails the cases of its job that had no result yet and is replaced; an implementation
 * that cannot be loaded at all stops the run.
 */
import { Worker } from "node:worker_threads";
import { compiledSibling } from "./compiled-path.js";
import type { ExecuteHooks, FileJob } from "./execute.js";
import { ImplementationUnavailableError } from "./load-implementation.js";
import type { FromWorker, ToWorker, WorkerSetup } from "./worker-messages.js";

export interface PoolOptions extends WorkerSetup {
  readonly workers: number;
}

export function runInWorkers(jobs: readonly FileJob[], options: PoolOptions, hooks: Omit<ExecuteHooks, "traceLine">): Promise<void> {
  const entry = compiledSibling(import.meta.url, "worker");
  const queue = [...jobs];
  const setup: WorkerSetup = { registryModule: options.registryModule, implementationName: options.implementationName };
  let running = 0;
  let stopped = false;

  return new Promise<void>((resolvePool, rejectPool) => {
    const workers = new Set<Worker>();
    const stop = (error?: Error) => {
      if (stopped) return;
      stopped = true;
      for (const w of workers) void w.terminate();
      if (error === undefined) resolvePool();
      else rejectPool(error);
    };

    const spawn = () => {
      const worker = new Worker(entry, { workerData: setup });
      workers.add(worker);
      running++;
      let current: FileJob | undefined;
      let started = false;
      const reported = new Set<string>();

      const next = () => {
        current = queue.shift();
        reported.clear();
        if (current !== undefined) {
          worker.postMessage({ type: "job", job: current } satisfies ToWorker);
          return;
        }
        workers.delete(worker);
        void worker.terminate();
        if (--running === 0) stop();
      };

      worker.on("message", (message: FromWorker) => {
        if (stopped) return;
        switch (message.type) {
          case "ready":
            started = true;
            return next();
          case "done":
            return next();
          case "fatal":
            return stop(new ImplementationUnavailableError(message.message));
          case "start":
            return hooks.onStart?.(message.id);
          case "result":
            reported.add(message.result.id);
            return hooks.onResult(message.result);
        }
      });

      const died = (why: string) => {
        if (stopped || !workers.has(worker)) return;
        if (!started) return stop(new Error(`a worker failed to start: ${why}`));
        workers.delete(worker);
        running--;
        for (const { ref } of current?.cases ?? []) {
          if (!reported.has(ref.id)) hooks.onResult({ id: ref.id, status: "fail", reason: `worker died: ${why}` });
        }
        current = undefined;
        if (queue.length > 0) spawn();
        else if (running === 0) stop();
      };
      worker.on("error", (error) => died(error.message));
      worker.on("exit", (code) => died(`exited with code ${code}`));
    };

    const count = Math.max(1, Math.min(options.workers, jobs.length));
    if (jobs.length === 0) return resolvePool();
    for (let i = 0; i < count; i++) spawn();
  });
}
