/**
 * Entry point of an interruptible run's worker thread: loads the implementation, runs the one
 * case with a progress probe that keeps the step count, pc and depth in shared memory (where the
 * main thread reads them after stopping this thread), and gathers EIP-3155 lines in the shared
 * trace buffer when asked (trace-buffer.ts).
 * Runs from the compiled JS in dist/ (see run.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { encodeTraceStep } from "../trace/eip3155.js";
import type { ProgressProbe, Tracer } from "../../interface/implementation.js";
import { loadFromRegistryModule } from "../state-tests/load-implementation.js";
import { DEPTH, type FromRunWorker, PC, type RunSetup, STEPS } from "./messages.js";
import { TraceLineSink } from "./trace-buffer.js";

const port = parentPort;
if (port === null) throw new Error("conformance/interruptible/worker.js must run in a worker thread");
const post = (message: FromRunWorker) => port.postMessage(message);
const setup = workerData as RunSetup;
const progress = new Float64Array(setup.progress);

/** EIP-3155 lines into the shared trace buffer, which the main thread writes out (trace-buffer.ts). */
function lineTracer(sink: TraceLineSink): Tracer {
  return { step: (step) => sink.writeLine(encodeTraceStep(step)) };
}

const probe: ProgressProbe = {
  step(pc, depth) {
    progress[STEPS] = progress[STEPS]! + 1;
    progress[PC] = pc;
    progress[DEPTH] = depth;
  },
};

let implementation;
try {
  implementation = await loadFromRegistryModule(setup.registryModule, setup.implementationName);
} catch (error) {
  post({ type: "unavailable", message: error instanceof Error ? error.message : String(error) });
}
// A peer runs only the forks it lists (e.g. @ethereumjs/vm has no SVM): refused like a missing implementation.
if (implementation?.forks !== undefined && !implementation.forks.includes(setup.testCase.fork)) {
  post({ type: "unavailable", message: `implementation ${setup.implementationName} does not run fork ${setup.testCase.fork}` });
  implementation = undefined;
}
if (implementation !== undefined) {
  post({ type: "started" });
  const sink = setup.traceBuffer === undefined ? undefined : new TraceLineSink(setup.traceBuffer, () => post({ type: "trace-full" }));
  const options = sink === undefined ? { progress: probe } : { progress: probe, tracer: lineTracer(sink) };
  post({ type: "finished", outcome: await implementation.runStateTest(setup.testCase, options) });
}
