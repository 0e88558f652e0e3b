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

/** What the portfolio's queries cost since the statistics were last taken. */
export interface SolverStats {
  readonly queries: number;
  /** Queries answered sat or unsat, by the solver that answered first. */
  readonly answeredBy: Readonly<Record<string, number>>;
  /** Queries no solver answered definitely. */
  readonly undecided: number;
  /** Milliseconds each solver spent, over all queries (until it answered, gave up or was stopped). */
  readonly timeMs: Readonly<Record<string, number>>;
}

interface Tally {
  queries: number;
  answeredBy: Record<string, number>;
  undecided: number;
  timeMs: Record<string, number>;
}

const emptyTally = (): Tally => ({ queries: 0, answeredBy: {}, undecided: 0, timeMs: {} });

export class Portfolio {
  private tally = emptyTally();

  constructor(
    private readonly pool: () => SolverPool,
    readonly externals: readonly ExternalSolver[],
  ) {}

  /** The names of the solvers raced, Z3 first. */
  get names(): string[] {
    return [Z3_NAME, ...this.externals.map((s) => s.name)];
  }

  /** Races the query on every solver; the first sat or unsat wins, else the reasons of all are given. */
  solve(smt: string, timeoutMs: number, requested: readonly number[]): Promise<PoolAnswer> {
    this.tally.queries++;
    const stop = new AbortController();
    const started = Date.now();
    const entrants: [string, Promise<PoolAnswer>][] = [
      [Z3_NAME, this.pool().solve(smt, timeoutMs, requested, stop.signal)],
      ...this.externals.map((solver): [string, Promise<PoolAnswer>] => [solver.name, solveExternal(solver, smt, timeoutMs, requested, stop.signal)]),
    ];
    let winner = false;
    const reasons: string[] = [];
    // Answered once the first definite answer arrives; the others are stopped and only tallied.
    return new Promise((resolve) => {
      let pending = entrants.length;
      for (const [name, answered] of entrants) {
        void answered.then((answer) => {
          pending--;
          this.tally.timeMs[name] = (this.tally.timeMs[name] ?? 0) + (Date.now() - started);
          if (winner) return;
          if (answer.kind === "sat" || answer.kind === "unsat") {
            winner = true;
            this.tally.answeredBy[name] = (this.tally.answeredBy[name] ?? 0) + 1;
            stop.abort();
            resolve(answer);
          } else {
            reasons.push(answer.reason);
            if (pending === 0) {
              this.tally.undecided++;
              resolve({ kind: "unknown", reason: reasons.join("; ") });
            }
          }
        });
      }
    });
  }

  /** The statistics since the last call, which starts them afresh. */
  takeStats(): SolverStats {
    const taken = this.tally;
    this.tally = emptyTally();
    return taken;
  }
}
