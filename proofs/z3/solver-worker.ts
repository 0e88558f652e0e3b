/**
 * A solver worker: its own Z3 instance, answering one query at a time (see `solver-pool.ts`).
 * A query is parsed from SMT-LIB text into a fresh solver, so no state passes between queries.
 */
import { parentPort } from "node:worker_threads";
import { init } from "z3-solver";
import { REQUESTED_PREFIX, type ConstantValue, type ReadyMessage, type SolveReply, type SolveRequest } from "./protocol.js";

if (parentPort === null) throw new Error("solver-worker.js runs as a worker thread");
const port = parentPort;
const { Z3, Context } = await init();
const ctx = Context("svm-worker");

async function solve(request: SolveRequest): Promise<SolveReply> {
  const solver = new ctx.Solver();
  solver.set("timeout", Math.max(1, Math.floor(request.timeoutMs)));
  solver.fromString(request.smt);
  const result = await solver.check();
  if (result === "unsat") return { id: request.id, kind: "unsat" };
  if (result === "unknown") return { id: request.id, kind: "unknown", reason: `solver gave up (${Z3.solver_get_reason_unknown(ctx.ptr, solver.ptr)})` };
  const model = solver.model();
  const requested = request.requested.map((width, i) => {
    const value = model.eval(ctx.BitVec.const(`${REQUESTED_PREFIX}${i}`, width), true);
    if (!ctx.isBitVecVal(value)) throw new Error(`the model gives no numeral for requested value ${i}`);
    return value.value();
  });
  const constants: ConstantValue[] = [];
  for (const decl of model.decls()) {
    const name = String(decl.name());
    if (decl.arity() !== 0 || name.startsWith(REQUESTED_PREFIX)) continue;
    const value = model.get(decl);
    if (ctx.isBitVecVal(value)) constants.push({ name, width: value.sort.size(), value: value.value() });
    else if (ctx.isTrue(value) || ctx.isFalse(value)) constants.push({ name, width: 0, value: ctx.isTrue(value) });
  }
  return { id: request.id, kind: "sat", requested, constants };
}

port.on("message", (request: SolveRequest) => {
  solve(request).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => port.postMessage({ id: request.id, kind: "unknown", reason: `solver error: ${error instanceof Error ? error.message : String(error)}` } satisfies SolveReply),
  );
});
port.postMessage({ kind: "ready" } satisfies ReadyMessage);
