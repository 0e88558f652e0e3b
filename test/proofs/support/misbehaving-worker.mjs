// A stand-in solver worker for test/proofs/solver-pool.test.ts: it answers by the query's text.
// "sat" / "unsat": that answer; "crash": the thread dies; "hang": it never answers.
import { parentPort } from "node:worker_threads";

parentPort.on("message", (request) => {
  if (request.smt === "crash") process.exit(3);
  if (request.smt === "hang") return;
  if (request.smt === "sat") parentPort.postMessage({ id: request.id, kind: "sat", requested: request.requested.map(() => 7n), constants: [] });
  else parentPort.postMessage({ id: request.id, kind: "unsat" });
});
parentPort.postMessage({ kind: "ready" });
