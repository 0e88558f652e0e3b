/**
 * Path exploration. A scenario (deploy state → calls → checks) runs synchronously under a `Path`;
 * when it stops at a question the path has not answered, the explorer asks Z3 and schedules the
 * feasible continuations, depth first. Completed paths go to the caller's `onPath`, which decides
 * whether to go on.
 */
import { UnsupportedSymbolic } from "../../spec/word/words.js";
import { CheatcodeError } from "../cheatcodes.js";
import { z3Runtime } from "../z3/context.js";
import { type Answer, ForkSignal, LoopBoundHit, NeedSignal, Path, PathDiscarded, StepLimitHit } from "./path.js";
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
  /** Why the search is incomplete, if it is (bounds hit, unsupported operations, timeouts). */
  readonly incomplete: string[];
  readonly paths: number;
  /** onPath asked to stop. */
  readonly stopped: boolean;
  /** Assumptions the completed paths made (see `Path.notes`). */
  readonly notes: string[];
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
  const notes = new Set<string>();
  while (pending.length > 0) {
    if (Date.now() > options.deadline) {
      incomplete.add("time budget exhausted");
      break;
    }
    const { answers, model } = pending.pop()!;
    const path = new Path(answers, options.loopBound);
    let result: R;
    try {
      result = scenario(path);
    } catch (error) {
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
        const { values, exhausted, limit } = await feasibleValues(solver, path, error.term, error.gasOnly);
        // Past the limit the values found are still explored (a failure among them is real), but the search is incomplete.
        if (!exhausted && !error.gasOnly) incomplete.add(`symbolic ${error.what} at pc ${error.location.pc} (more than ${limit} possible values)`);
        for (const value of values.reverse()) pending.push({ answers: [...answers, value] });
        continue;
      }
      if (error instanceof PathDiscarded) continue;
      if (error instanceof LoopBoundHit) {
        incomplete.add(`loop bound ${options.loopBound} hit at pc ${error.location.pc}`);
        continue;
      }
      if (error instanceof StepLimitHit) {
        incomplete.add(`step limit hit at pc ${path.location.pc}`);
        continue;
      }
      if (error instanceof UnsupportedSymbolic || error instanceof CheatcodeError) {
        incomplete.add(`${error.message} (pc ${path.location.pc})`);
        continue;
      }
      throw error;
    }
    paths++;
    for (const note of path.notes) notes.add(note);
    if ((await onPath(path, result, solver)) === "stop") return { incomplete: [...incomplete], paths, stopped: true, notes: [...notes] };
  }
  return { incomplete: [...incomplete], paths, stopped: false, notes: [...notes] };
}
