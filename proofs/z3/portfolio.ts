/**
 * A solver portfolio (issue 13; halmos races SMT-LIB solvers the same way): each query goes to the
 * Z3 worker pool and to every external solver at once; the first definite answer (sat or unsat)
 * is kept and the others are stopped. A `sat` answer is a candidate only: its model is replayed
 * concretely before a counterexample counts (proofs/explore/confirm.ts), whichever solver gave it.
 */
import { solveExternal, type ExternalSolver } from "./external-solver.js";
import type { PoolAnswer, SolverPool } from "./solver-pool.js";

/** The name the Z3 workers answer under in the statistics. */
export const Z3_NAME = "z3";

/**
 * Z3's head start: long enough for the easy queries, most of them, to be answered before any
 * external solver starts (docs/prove.md gives the suite's figures with and without it).
 */
export const DEFAULT_HEAD_START_MS = 500;

/** What the portfolio's queries cost since the statistics were last taken. */
export interface SolverStats {
  readonly queries: number;
  /** Queries answered sat or unsat, by the solver that answered first. */
  readonly answeredBy: Readonly<Record<string, number>>;
  /** Queries no solver answered definitely. */
  readonly undecided: number;
  /** Milliseconds each solver spent, over all queries (until it answered, gave up or was stopped). */
  readonly timeMs: Readonly<Record<string, number>>;
  /**
   * Symbolic branches and values decided by the term simplifier without a query (each would have
   * cost at least one): Z3's simplifier, or the values the path had fixed already.
   */
  readonly removedBySimplifier: number;
  /**
   * Queries re-asked with divisions, products and powers narrowed or exact, because the model
   * of their abstraction did not replay concretely (the abstraction's refinement).
   */
  readonly refined: number;
}

interface Tally {
  queries: number;
  answeredBy: Record<string, number>;
  undecided: number;
  timeMs: Record<string, number>;
  removedBySimplifier: number;
  refined: number;
}

const emptyTally = (): Tally => ({ queries: 0, answeredBy: {}, undecided: 0, timeMs: {}, removedBySimplifier: 0, refined: 0 });

export class Portfolio {
  private tally = emptyTally();

  constructor(
    private readonly pool: () => SolverPool,
    readonly externals: readonly ExternalSolver[],
    /** How long Z3 works on a query alone before the external solvers join. */
    private readonly headStartMs = DEFAULT_HEAD_START_MS,
  ) {}

  /** The names of the solvers raced, Z3 first. */
  get names(): string[] {
    return [Z3_NAME, ...this.externals.map((s) => s.name)];
  }

  /**
   * Races the query on every solver; the first sat or unsat wins, else the reasons of all are
   * given. Z3 gets a head start: most queries are easy and Z3 answers them in milliseconds, and
   * starting every external solver on them too would take the cores the Z3 workers need. The
   * others join once Z3 has not answered within the head start, or gave up before it.
   */
  solve(smt: string, timeoutMs: number, requested: readonly number[]): Promise<PoolAnswer> {
    this.tally.queries++;
    const stop = new AbortController();
    const started = Date.now();
    const reasons: string[] = [];
    return new Promise((resolve) => {
      let decided = false;
      let running = 0;
      let externalsStarted = this.externals.length === 0;
      const enter = (name: string, answered: Promise<PoolAnswer>) => {
        running++;
        void answered.then((answer) => {
          running--;
          this.tally.timeMs[name] = (this.tally.timeMs[name] ?? 0) + (Date.now() - started);
          if (decided) return;
          if (answer.kind === "sat" || answer.kind === "unsat") {
            decided = true;
            clearTimeout(headStart);
            this.tally.answeredBy[name] = (this.tally.answeredBy[name] ?? 0) + 1;
            stop.abort();
            resolve(answer);
            return;
          }
          reasons.push(answer.reason);
          if (!externalsStarted) startExternals();
          else if (running === 0) {
            decided = true;
            this.tally.undecided++;
            resolve({ kind: "unknown", reason: reasons.join("; ") });
          }
        });
      };
      const startExternals = () => {
        if (externalsStarted || decided) return;
        externalsStarted = true;
        clearTimeout(headStart);
        const left = Math.max(1, timeoutMs - (Date.now() - started));
        for (const solver of this.externals) enter(solver.name, solveExternal(solver, smt, left, requested, stop.signal));
      };
      const headStart = setTimeout(startExternals, Math.min(this.headStartMs, timeoutMs));
      enter(Z3_NAME, this.pool().solve(smt, timeoutMs, requested, stop.signal));
    });
  }

  /** Counts queries the simplifier made unnecessary. */
  noteSimplified(count: number): void {
    this.tally.removedBySimplifier += count;
  }

  /** Counts a query re-asked with more precise arithmetic (see `SolverStats.refined`). */
  noteRefined(): void {
    this.tally.refined++;
  }

  /** The statistics since the last call, which starts them afresh. */
  takeStats(): SolverStats {
    const taken = this.tally;
    this.tally = emptyTally();
    return taken;
  }
}
