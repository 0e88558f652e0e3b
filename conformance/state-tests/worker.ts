/**
 * Entry point of a worker thread: loads the implementation named in its setup, then runs the
 * file jobs the runner sends, one at a time, posting each case's start and result.
 * Runs from the compiled JS in dist/ (see pool.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { executeJob } from "./execute.js";
import { loadFromRegistryModule } from "./load-implementation.js";
import type { FromWorker, ToWorker, WorkerSetup } from "./worker-messages.js";

const port = parentPort;
if (port === null) throw new Error("conformance/state-tests/worker.js must run in a worker thread");
const post = (message: FromWorker) => port.postMessage(message);
const setup = workerData as WorkerSetup;

try {
  const implementation = await loadFromRegistryModule(setup.registryModule, setup.implementationName);
  port.on("message", (message: ToWorker) => {
    void executeJob(implementation, message.job, {
      onStart: (id) => post({ type: "start", id }),
      onResult: (result) => post({ type: "result", result }),
    }).then(() => post({ type: "done" }));
  });
  post({ type: "ready" });
} catch (error) {
  post({ type: "fatal", message: error instanceof Error ? error.message : String(error) });
}
