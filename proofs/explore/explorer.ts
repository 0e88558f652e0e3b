/**
 * Path exploration. A scenario (deploy state → calls → checks) runs synchronously under a `Path`;
 * when it stops at a question the path has not answered, the explorer asks Z3 and schedules the
 * feasible continuations, depth first. Completed paths go to the caller's `onPath`, which decides
 * whether to go on.
 */
import { UnsupportedSymbolic } from "../../spec/word/words.js";
import { CheatcodeError } from "../cheatcodes.js";
import { portfolio, z3Runtime } from "../z3/context.js";
import { type Answer, BoundHit, ForkSignal, NeedSignal, Path, PathDiscarded } from "./path.js";
import { type Assignment, Solver } from "./solver.js";
import { feasibleValues } from "./feasible-values.js";


export interface ExploreOptions {
  readonly loopBound: number;
  readonly queryTimeoutMs: number;
  /** Exploration stops (with an `unknown` reason) once this time is reached (Date.now()). */
  readonly deadline: number;
  /** A solver to share (and its cache) with other explorations of the same property. */
  readonly solver?: Solver;
}

export interface Exploration {
  /** Why the search is incomplete, if it is (unsupported operations, solver answers missing, timeouts). */
  readonly incomplete: string[];
  readonly paths: number;
  /** onPath asked to stop. */
  readonly stopped: boolean;
  /**
   * The bounds the search hit: paths cut by a bound, words split into only some of their values,
   * and what completed paths excluded (see `Path.bounds`). Without a failure, any makes the verdict `bounded`.
   */
  readonly bounds: string[];
  /** Facts of the chain the completed paths assumed (see `Path.assumptions`). */
  readonly assumptions: string[];
}

export async function explore<R>(
  scenario: (path: Path) => R,
  onPath: (path: Path, result: R, solver: Solver) => Promise<"continue" | "stop">,
  options: ExploreOptions,
): Promise<Exploration> {
  const solver = options.solver ?? new Solver(options.queryTimeoutMs, options.deadline);
  const incomplete = new Set<string>();
  /** Paths to run, each with a model of its constraints when one is known (it spares a query at the next fork). */
  const pending: { answers: Answer[]; model?: Assignment }[] = [{ answers: [] }];
  let paths = 0;
  const bounds = new Set<string>();
  const assumptions = new Set<string>();
  const result = (stopped: boolean): Exploration => ({ incomplete: [...incomplete], paths, stopped, bounds: [...bounds], assumptions: [...assumptions] });
  while (pending.length > 0) {
    if (Date.now() > options.deadline) {
      incomplete.add("time budget exhausted");
      break;
    }
    const { answers, model } = pending.pop()!;
    const path = new Path(answers, options.loopBound);
    let outcome: R;
    try {
      outcome = scenario(path);
    } catch (error) {
      portfolio().noteSimplified(path.simplified);
      if (error instanceof ForkSignal) {
        const { ctx } = z3Runtime();
        // The side the parent's model takes is feasible without a query (if the model's constants
        // do not decide the condition, both sides are queried, which costs time, not soundness).
        const modelSide = model?.truth(error.condition);
        // The sides left to query go to the solver pool together.
        const verdicts = await Promise.all(
          [false, true].map((side) =>
            side === modelSide ? undefined : solver.check([...path.constraints, side ? error.condition : ctx.Not(error.condition)], path),
          ),
        );
        [false, true].forEach((side, i) => {
          const verdict = verdicts[i];
          if (verdict === undefined) pending.push({ answers: [...answers, side], model: model! });
          else if (verdict.kind === "sat") pending.push({ answers: [...answers, side], model: verdict.model });
          // An undecided side is explored anyway: more paths only cost time, never soundness.
          else if (verdict.kind === "unknown") pending.push({ answers: [...answers, side] });
        });
        continue;
      }
      if (error instanceof NeedSignal) {
        // The machine needs the word concrete: split the path on each value it can take.
        const { values, covered, limit } = await feasibleValues(solver, path, error.term, error.gasOnly);
        // Past the limit the values found are still explored (a failure among them is real), but
        // the others are not: a bound. Only the gas price depending on the word, any value will do.
        if (!error.gasOnly && covered === "limit") bounds.add(`symbolic ${error.what} at pc ${error.location.pc} split into ${values.length} of its values (more than ${limit})`);
        if (!error.gasOnly && covered === "unknown") incomplete.add(`symbolic ${error.what} at pc ${error.location.pc}: the solver could not list its values`);
        for (const value of values.reverse()) pending.push({ answers: [...answers, value] });
        continue;
      }
      if (error instanceof PathDiscarded) continue;
      if (error instanceof BoundHit) {
        bounds.add(error.bound);
        continue;
      }
      if (error instanceof UnsupportedSymbolic || error instanceof CheatcodeError) {
        incomplete.add(`${error.message} (pc ${path.location.pc})`);
        continue;
      }
      throw error;
    }
    portfolio().noteSimplified(path.simplified);
    paths++;
    for (const bound of path.bounds) bounds.add(bound);
    for (const assumption of path.assumptions) assumptions.add(assumption);
    if ((await onPath(path, outcome, solver)) === "stop") return result(true);
  }
  return result(false);
}
