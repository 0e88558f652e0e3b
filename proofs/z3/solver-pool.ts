/**
 * A pool of solver workers, each a worker thread with its own Z3 instance (`solver-worker.ts`).
 *
 * Queries wait in one queue and go to the first idle worker. A worker that dies, or does not
 * answer well after its query's timeout (z3-solver's WebAssembly build can crash inside one of its
 * threads and then never answer), is ended and replaced; its query is answered `unknown`, which
 * costs completeness, never soundness. Idle workers do not keep the process alive.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { CancelRequest, ConstantValue, ReadyMessage, SolveReply, SolveRequest } from "./protocol.js";

/** The answer to a query, from the pool or an external solver (a reply's id is the pool's own routing). */
export type PoolAnswer =
  | { readonly kind: "sat"; readonly requested: readonly bigint[]; readonly constants: readonly ConstantValue[] }
  | { readonly kind: "unsat" }
  | { readonly kind: "unknown"; readonly reason: string };

/**
 * How long past its timeout a query may run before its worker is taken to be stuck: Z3 checks its
 * timer between steps, and one step (bit-blasting a 256-bit multiplier) can take seconds.
 */
const DEFAULT_GRACE_MS = 10_000;

/** What `warm` asks each worker: nothing to solve, so its answer only shows the worker can. */
const WARM_QUERY = "(check-sat)";
const WARM_TIMEOUT_MS = 5_000;

/** How long closing waits for a worker to confirm its end. */
const TERMINATE_WAIT_MS = 2_000;

/** Workers that fail before they are ready, in a row, before the pool gives up starting them. */
const MAX_FAILED_STARTS = 3;

/** The cores this process may use. */
export const CORES = Math.max(1, availableParallelism());

/** The default number of workers: one per core (each holds a Z3 instance of its own). */
export const DEFAULT_POOL_SIZE = CORES;

/**
 * The most workers worth starting: past twice the cores they only take turns, and each one's Z3
 * start-up and memory are paid for nothing.
 */
export const MAX_POOL_SIZE = 2 * CORES;

/**
 * The compiled worker script. Under vitest the sources run as TypeScript, which a worker thread
 * cannot load, so the build in `dist/` is used (`npm test` builds first).
 */
function workerScript(): URL {
  const sibling = new URL("./solver-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return sibling;
  return new URL("../../dist/proofs/z3/solver-worker.js", import.meta.url);
}

interface Job {
  readonly request: SolveRequest;
  readonly resolve: (answer: PoolAnswer) => void;
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  job?: Job;
  watchdog?: NodeJS.Timeout;
}

export interface PoolOptions {
  readonly size?: number;
  /** The worker script (tests give one that misbehaves on purpose). */
  readonly script?: URL;
  /** How long past its timeout a query may run before its worker is replaced. */
  readonly graceMs?: number;
}

export class SolverPool {
  readonly size: number;
  private readonly script: URL;
  private readonly graceMs: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private failedStarts = 0;
  private broken: string | undefined;
  private closed = false;
  /** Who waits for every worker to be ready (`ready`). */
  private readonly readyWaiters: (() => void)[] = [];

  constructor({ size = DEFAULT_POOL_SIZE, script = workerScript(), graceMs = DEFAULT_GRACE_MS }: PoolOptions = {}) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`solver pool size must be a positive integer, got ${size}`);
    this.size = size;
    this.script = script;
    this.graceMs = graceMs;
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  /**
   * Checks one query (SMT-LIB text) with a timeout, reading the requested values from a model.
   * When `signal` aborts (another solver of the portfolio answered), a waiting query leaves the
   * queue and a running one is interrupted; either is answered `unknown`.
   */
  solve(smt: string, timeoutMs: number, requested: readonly number[], signal?: AbortSignal): Promise<PoolAnswer> {
    if (this.closed) return Promise.resolve({ kind: "unknown", reason: "solver pool closed" });
    if (this.broken !== undefined) return Promise.resolve({ kind: "unknown", reason: this.broken });
    if (signal?.aborted) return Promise.resolve({ kind: "unknown", reason: "z3 stopped" });
    return new Promise((resolve) => {
      const job: Job = { request: { id: this.nextId++, smt, timeoutMs, requested }, resolve };
      this.queue.push(job);
      signal?.addEventListener("abort", () => this.cancel(job), { once: true });
      this.dispatch();
    });
  }

  private cancel(job: Job): void {
    const waiting = this.queue.indexOf(job);
    if (waiting >= 0) {
      this.queue.splice(waiting, 1);
      job.resolve({ kind: "unknown", reason: "z3 stopped" });
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    slot?.worker.postMessage({ kind: "cancel", id: job.request.id } satisfies CancelRequest);
  }

  /** Resolves once every worker has started its Z3, or the pool has given up starting them, or closed. */
  ready(): Promise<void> {
    if (this.allReady()) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /**
   * Waits for every worker to start and has each answer a trivial query, so that the first real
   * query of a property (whose time budget is running) waits for neither Z3's start-up nor its
   * first solver's.
   */
  async warm(): Promise<void> {
    await this.ready();
    await Promise.all(this.slots.map(() => this.solve(WARM_QUERY, WARM_TIMEOUT_MS, [])));
  }

  /** Ends every worker; queries still waiting are answered `unknown`. */
  async close(): Promise<void> {
    this.closed = true;
    this.wakeReadyWaiters();
    for (const job of this.queue.splice(0)) job.resolve({ kind: "unknown", reason: "solver pool closed" });
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        clearTimeout(slot.watchdog);
        slot.job?.resolve({ kind: "unknown", reason: "solver pool closed" });
        // A worker whose Z3 check was just interrupted may never confirm its end: waiting for it
        // would leave nothing but that promise, and Node ends such a run with exit code 13. The
        // wait is bounded, and the worker no longer keeps the process alive.
        slot.worker.unref();
        return Promise.race([slot.worker.terminate(), new Promise((resolve) => setTimeout(resolve, TERMINATE_WAIT_MS))]);
      }),
    );
  }

  private start(): Slot {
    const worker = new Worker(this.script);
    // Referenced until ready, so that a query queued meanwhile keeps the process alive.
    const slot: Slot = { worker, ready: false };
    worker.on("message", (message: SolveReply | ReadyMessage) => {
      if (message.kind === "ready") {
        slot.ready = true;
        this.failedStarts = 0;
        this.wakeReadyWaiters();
        this.dispatch();
        if (slot.job === undefined) worker.unref();
        return;
      }
      const job = slot.job;
      if (job === undefined || job.request.id !== message.id) return;
      this.finish(slot, message);
      this.dispatch();
    });
    worker.on("error", (error) => this.replace(slot, `solver worker crashed: ${error.message}`));
    worker.on("exit", (code) => this.replace(slot, `solver worker exited with code ${code}`));
    return slot;
  }

  private finish(slot: Slot, answer: PoolAnswer): void {
    clearTimeout(slot.watchdog);
    const job = slot.job;
    slot.job = undefined;
    slot.watchdog = undefined;
    if (this.queue.length === 0) slot.worker.unref();
    job?.resolve(answer);
  }

  /** Answers the slot's query `unknown`, ends the worker and starts another in its place. */
  private replace(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    if (!slot.ready && ++this.failedStarts >= MAX_FAILED_STARTS) this.broken = `solver workers fail to start (${reason})`;
    this.finish(slot, { kind: "unknown", reason });
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (this.broken !== undefined) {
      this.slots.splice(index, 1);
      for (const job of this.queue.splice(0)) job.resolve({ kind: "unknown", reason: this.broken });
      this.wakeReadyWaiters();
      return;
    }
    this.slots[index] = this.start();
  }

  private allReady(): boolean {
    return this.closed || this.broken !== undefined || this.slots.every((slot) => slot.ready);
  }

  private wakeReadyWaiters(): void {
    if (this.allReady()) for (const wake of this.readyWaiters.splice(0)) wake();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.job !== undefined) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.watchdog = setTimeout(() => this.replace(slot, "solver worker stopped answering and was restarted"), job.request.timeoutMs + this.graceMs);
      slot.worker.postMessage(job.request);
    }
  }
}
