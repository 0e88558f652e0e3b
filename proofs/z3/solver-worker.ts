/**
 * A solver worker: its own Z3 instance, answering one query at a time (see `solver-pool.ts`).
 * A query is parsed from SMT-LIB text into a fresh solver, so no state passes between queries.
 */
import { parentPort } from "node:worker_threads";
import { init, type Model } from "z3-solver";
import { OUT_OF_MEMORY_REASON, silenceAfterOutOfMemory } from "./out-of-memory.js";
import { REQUESTED_PREFIX, type CancelRequest, type ConstantValue, type ReadyMessage, type SolveReply, type SolveRequest } from "./protocol.js";

if (parentPort === null) throw new Error("solver-worker.js runs as a worker thread");
const port = parentPort;

/** Grace for the out-of-memory reply to reach the pool before this worker ends. */
const EXIT_DELAY_MS = 100;

/** The id of the query being solved: a cancel for an older one arrives late and is ignored. */
let running: number | undefined;

// Once Z3 has aborted for memory, its query is answered unknown with the reason and the worker
// ends, so that the pool starts a fresh one.
silenceAfterOutOfMemory(process.stderr, () => {
  if (running !== undefined) port.postMessage({ id: running, kind: "unknown", reason: OUT_OF_MEMORY_REASON } satisfies SolveReply);
  setTimeout(() => process.exit(1), EXIT_DELAY_MS);
});

const { Z3, Context } = await init();
const ctx = Context("svm-worker");

async function solve(request: SolveRequest): Promise<SolveReply> {
  const solver = new ctx.Solver();
  // Released eagerly: Z3's WebAssembly heap is fixed (2 GiB), and waiting for the JavaScript
  // collector to free a query's terms lets a long run exhaust it.
  try {
    solver.set("timeout", Math.max(1, Math.floor(request.timeoutMs)));
    solver.fromString(request.smt);
    const result = await solver.check();
    if (result === "unsat") return { id: request.id, kind: "unsat" };
    if (result === "unknown") return { id: request.id, kind: "unknown", reason: `solver gave up (${Z3.solver_get_reason_unknown(ctx.ptr, solver.ptr)})` };
    const model = solver.model();
    try {
      return { id: request.id, kind: "sat", requested: requestedValues(model, request.requested), constants: constantsOf(model) };
    } finally {
      model.release();
    }
  } finally {
    solver.release();
  }
}

/** The values of the constants `svm_value_<i>` the query defined for the terms it wants. */
function requestedValues(model: Model<"svm-worker">, widths: readonly number[]): bigint[] {
  return widths.map((width, i) => {
    const value = model.eval(ctx.BitVec.const(`${REQUESTED_PREFIX}${i}`, width), true);
    if (!ctx.isBitVecVal(value)) throw new Error(`the model gives no numeral for requested value ${i}`);
    return value.value();
  });
}

/** The model's bit-vector and boolean constants. */
function constantsOf(model: Model<"svm-worker">): ConstantValue[] {
  const constants: ConstantValue[] = [];
  for (const decl of model.decls()) {
    const name = String(decl.name());
    if (decl.arity() !== 0 || name.startsWith(REQUESTED_PREFIX)) continue;
    const value = model.get(decl);
    if (ctx.isBitVecVal(value)) constants.push({ name, width: value.sort.size(), value: value.value() });
    else if (ctx.isTrue(value) || ctx.isFalse(value)) constants.push({ name, width: 0, value: ctx.isTrue(value) });
  }
  return constants;
}

port.on("message", (request: SolveRequest | CancelRequest) => {
  if ("kind" in request) {
    // Z3 checks for an interrupt between its steps, and its check then answers unknown.
    if (request.id === running) ctx.interrupt();
    return;
  }
  running = request.id;
  solve(request).finally(() => (running = undefined)).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => port.postMessage({ id: request.id, kind: "unknown", reason: `solver error: ${error instanceof Error ? error.message : String(error)}` } satisfies SolveReply),
  );
});
port.postMessage({ kind: "ready" } satisfies ReadyMessage);
