/**
 * Entry point of an interruptible run's worker thread: loads the implementation, runs the one
 * case with a progress probe that keeps the step count, pc and depth in shared memory (where the
 * main thread reads them after stopping this thread), and writes EIP-3155 lines when asked.
 * Runs from the compiled JS in dist/ (see run.ts).
 */
import { writeSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { encodeTraceStep } from "../trace/eip3155.js";
import type { ProgressProbe, Tracer } from "../implementation.js";
import { loadFromRegistryModule } from "../state-tests/load-implementation.js";
import { DEPTH, type FromRunWorker, PC, type RunSetup, STEPS } from "./messages.js";

const port = parentPort;
if (port === null) throw new Error("conformance/interruptible/worker.js must run in a worker thread");
const post = (message: FromRunWorker) => port.postMessage(message);
const setup = workerData as RunSetup;
const progress = new Float64Array(setup.progress);

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text`. The main thread has made a pipe on stdout non-blocking, so a full pipe
 * answers EAGAIN (or takes part of a long line): wait a millisecond for the reader and go on.
 */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(sleeper, 0, 0, 1);
    }
  }
}

/**
 * EIP-3155 lines, one write each, unbuffered, so that a run stopped at any instant has written
 * every line of the steps completed. A closed reader ends tracing, not the run: the main thread
 * decides.
 */
function lineTracer(fd: number): Tracer {
  let open = true;
  return {
    step(step) {
      if (!open) return;
      try {
        writeAll(fd, `${encodeTraceStep(step)}\n`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EPIPE") throw error;
        open = false;
        post({ type: "trace-closed" });
      }
    },
  };
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
if (implementation !== undefined) {
  post({ type: "started" });
  const options = setup.traceFd === undefined ? { progress: probe } : { progress: probe, tracer: lineTracer(setup.traceFd) };
  post({ type: "finished", outcome: await implementation.runStateTest(setup.testCase, options) });
}
