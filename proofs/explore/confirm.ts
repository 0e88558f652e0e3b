/**
 * Turning a path that may fail into a counterexample: solve the path with the failure condition
 * (divisions abstract first, then exact if the abstract model does not replay), read the inputs
 * from the model, and replay them concretely. Only a replay that fails confirms the failure.
 */
import type { Model } from "z3-solver";
import type { Z3Bool } from "../z3/context.js";
import type { Path } from "./path.js";
import type { Solver } from "./solver.js";

/** The exact definitions make queries slow: they get a part of the query timeout, so other paths still get explored. */
const EXACT_QUERY_SHARE = 0.3;

export type Confirmation =
  | { readonly kind: "confirmed"; readonly failure: string }
  | { readonly kind: "infeasible" }
  | { readonly kind: "unconfirmed"; readonly reason: string };

export async function confirmFailure(
  solver: Solver,
  path: Path,
  holds: true | Z3Bool,
  what: string,
  /** Replays the model's inputs; the failure the replay shows, or undefined. */
  replay: (model: Model<"svm">) => string | undefined,
): Promise<Confirmation> {
  const constraints = holds === true ? path.constraints : [...path.constraints, holds];
  for (const precision of ["abstract", "sharpened", "exact"] as const) {
    const verdict = await solver.check(constraints, path, precision, precision === "exact" ? EXACT_QUERY_SHARE : 1);
    // Unsat is final only when nothing was narrowed.
    if (verdict.kind === "unsat") {
      if (precision === "sharpened") continue;
      return { kind: "infeasible" };
    }
    if (verdict.kind === "unknown" && precision === "sharpened") continue;
    if (verdict.kind === "unknown") return { kind: "unconfirmed", reason: `solver gave up on a failing path (${what}) at pc ${path.location.pc}` };
    const failure = replay(verdict.model);
    if (failure !== undefined) return { kind: "confirmed", failure };
    // Without abstractions the model was exact already.
    if (path.abstractions.length === 0) break;
  }
  return { kind: "unconfirmed", reason: `a failing path (${what}) did not replay concretely` };
}
