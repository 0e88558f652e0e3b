// A stand-in solver worker for test/proofs/solver-pool-warm.test.ts: it takes 600 ms to become
// ready (as a Z3 instance does to start), then answers every query unsat at once.
import { parentPort } from "node:worker_threads";

setTimeout(() => {
  parentPort.on("message", (request) => parentPort.postMessage({ id: request.id, kind: "unsat" }));
  parentPort.postMessage({ kind: "ready" });
}, 600);
