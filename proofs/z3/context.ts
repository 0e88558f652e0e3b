/**
 * The one Z3 instance of the process (z3-solver is WebAssembly with worker threads: initialised
 * once, and shut down explicitly so the process can exit).
 *
 * Term building and simplification are synchronous here, because the spec's rules call the word
 * domain synchronously; only satisfiability checks are asynchronous (see `../explore/solver.ts`).
 */
import { init } from "z3-solver";
import type { BitVec, Bool, Context, Expr } from "z3-solver";

export type Z3Context = Context<"svm">;
export type Bv = BitVec<number, "svm">;
export type Z3Bool = Bool<"svm">;

interface Z3Runtime {
  readonly ctx: Z3Context;
  /** Z3's simplifier, called synchronously on the main thread. */
  simplify<E extends Expr<"svm">>(expr: E): E;
  /** Ends Z3's worker threads, once the messages of threads that just finished are delivered. */
  shutdown(): Promise<void>;
}

/** Long enough for a finished solver thread's last message to arrive before the threads are ended. */
const SHUTDOWN_DRAIN_MS = 50;

let runtime: Z3Runtime | undefined;

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
