/**
 * The Z3 instance of the main thread, and the pool of solver workers.
 *
 * Term building and simplification are synchronous here, because the spec's rules call the word
 * domain synchronously. Satisfiability checks never run on this instance: they go to the solver
 * workers (`solver-pool.ts`), each with a Z3 of its own, so a check that crashes or hangs takes a
 * worker down, not the process.
 */
import { init } from "z3-solver";
import type { BitVec, Bool, Context, Expr } from "z3-solver";
import { solversOnPath, type ExternalSolver } from "./external-solver.js";
import { Portfolio } from "./portfolio.js";
import { DEFAULT_POOL_SIZE, SolverPool } from "./solver-pool.js";

export type Z3Context = Context<"svm">;
export type Bv = BitVec<number, "svm">;
export type Z3Bool = Bool<"svm">;

interface Z3Runtime {
  readonly ctx: Z3Context;
  /** Z3's simplifier, called synchronously on the main thread. */
  simplify<E extends Expr<"svm">>(expr: E): E;
  /** Ends the solver workers and Z3's own threads, so the process can exit. */
  shutdown(): Promise<void>;
}

/** Long enough for a finished Z3 thread's last message to arrive before the threads are ended. */
const SHUTDOWN_DRAIN_MS = 50;

let runtime: Z3Runtime | undefined;
let pool: SolverPool | undefined;
let poolSize = DEFAULT_POOL_SIZE;
let portfolioInstance: Portfolio | undefined;
let externalSolvers: readonly ExternalSolver[] | undefined;

/** Initialises Z3 on first use; later calls return the same instance. */
export async function z3(): Promise<Z3Runtime> {
  if (runtime !== undefined) return runtime;
  const { Z3, Context, em } = await init();
  const ctx = Context("svm");
  const module = em as unknown as {
    _Z3_simplify(context: unknown, ast: unknown): unknown;
    PThread: { terminateAllThreads(): void };
  };
  runtime = {
    ctx,
    simplify: <E extends Expr<"svm">>(expr: E): E => {
      const simplified = module._Z3_simplify(ctx.ptr, expr.ast);
      // An AST vector is the public way to wrap a raw AST pointer back into a high-level term.
      const holder = new ctx.AstVector();
      Z3.ast_vector_push(ctx.ptr, holder.ptr, simplified as never);
      return holder.get(0) as E;
    },
    shutdown: async () => {
      await pool?.close();
      pool = undefined;
      await new Promise((resolve) => setTimeout(resolve, SHUTDOWN_DRAIN_MS));
      module.PThread.terminateAllThreads();
    },
  };
  return runtime;
}

/** The initialised runtime; `z3()` must have been awaited first. */
export function z3Runtime(): Z3Runtime {
  if (runtime === undefined) throw new Error("Z3 is not initialised: await z3() first");
  return runtime;
}

/** Sets how many solver workers the pool starts (before its first query). */
export function setSolverWorkers(count: number): void {
  if (pool !== undefined && pool.size !== count) throw new Error("the solver pool has started already");
  poolSize = count;
}

/**
 * Starts the solver workers and waits until each has answered a first query: called before a
 * property's clock starts, so Z3's start-up is never charged to a property's time budget.
 */
export async function warmSolverPool(): Promise<void> {
  await solverPool().warm();
}

/** Sets the external solvers raced with Z3 (before the first query); by default, the known ones on PATH. */
export function setExternalSolvers(solvers: readonly ExternalSolver[]): void {
  if (portfolioInstance !== undefined) throw new Error("the solver portfolio has started already");
  externalSolvers = solvers;
}

/** The portfolio every query goes to: the Z3 workers raced with the external solvers. */
export function portfolio(): Portfolio {
  portfolioInstance ??= new Portfolio(solverPool, externalSolvers ?? solversOnPath());
  return portfolioInstance;
}

/** The pool of solver workers, started on first use. */
export function solverPool(): SolverPool {
  pool ??= new SolverPool({ size: poolSize });
  return pool;
}
