/** Satisfiability checks with a timeout per query, and models read back as bigints. */
import type { Model } from "z3-solver";
import { hashAxioms } from "../domain/keccak.js";
import { z3Runtime, type Bv, type Z3Bool } from "../z3/context.js";
import type { Abstraction, KeccakUse } from "./path.js";

/**
 * How divisions and products are treated: by their lemmas only (unsat is final, sat may be
 * spurious), narrowed to where the lemmas decide them, or by their exact definitions.
 */
export type Precision = "abstract" | "sharpened" | "exact";

export type Verdict = { kind: "sat"; model: Model<"svm"> } | { kind: "unsat" } | { kind: "unknown"; reason: string };

export class Solver {
  private readonly solver;
  /**
   * Verdicts by query (Z3 shares equal terms, so equal queries have equal term ids): runs replay
   * their prefix from the start, and an invariant's call sequences share their first calls.
   */
  private readonly cache = new Map<string, { verdict: Verdict; terms: readonly unknown[] }>();

  constructor(
    private readonly timeoutMs: number,
    /** Date.now() after which no query starts, and no query runs past. */
    readonly deadline: number,
  ) {
    const { ctx } = z3Runtime();
    this.solver = new ctx.Solver();
  }

  /** Whether the constraints, with the facts about the path's hashes, can all hold. */
  /**
   * Whether the path's constraints can hold. Abstract (the default): divisions are known only by
   * their lemmas, so unsat is final and sat may be spurious; exact: divisions are defined.
   */
  async check(
    constraints: readonly Z3Bool[],
    path: { keccaks: readonly KeccakUse[]; abstractions: readonly Abstraction[] },
    precision: Precision = "abstract",
    /** Part of the query timeout this query may use. */
    share = 1,
  ): Promise<Verdict> {
    const key = [
      precision,
      ...constraints.map((c) => c.id()),
      "k",
      ...path.keccaks.map((k) => (k.kind === "symbolic" ? k.output.id() : `${k.input}`)),
      "a",
      ...path.abstractions.map((a) => a.application.id()),
    ].join(",");
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached.verdict;
    const verdict = await this.solve(constraints, path, precision, share);
    // The entry keeps the terms alive: Z3 reuses the id of a freed term, which would make the key ambiguous.
    if (verdict.kind !== "unknown") this.cache.set(key, { verdict, terms: [[...constraints], [...path.keccaks], [...path.abstractions]] });
    return verdict;
  }

  private async solve(
    constraints: readonly Z3Bool[],
    path: { keccaks: readonly KeccakUse[]; abstractions: readonly Abstraction[] },
    precision: Precision,
    share: number,
  ): Promise<Verdict> {
    const left = this.deadline - Date.now();
    if (left <= 0) return { kind: "unknown", reason: "time budget exhausted" };
    this.solver.set("timeout", Math.max(1, Math.floor(Math.min(this.timeoutMs * share, left))));
    this.solver.push();
    try {
      for (const constraint of constraints) this.solver.add(constraint);
      for (const axiom of hashAxioms(path.keccaks)) this.solver.add(axiom);
      for (const abstraction of path.abstractions) {
        for (const lemma of abstraction.lemmas) this.solver.add(lemma);
        if (precision === "exact") this.solver.add(abstraction.application.eq(abstraction.exact));
        else if (precision === "sharpened") this.solver.add(abstraction.sharpen ?? abstraction.application.eq(abstraction.exact));
      }
      const result = await this.solver.check();
      if (result === "sat") return { kind: "sat", model: this.solver.model() };
      if (result === "unsat") return { kind: "unsat" };
      return { kind: "unknown", reason: "solver gave up (timeout)" };
    } finally {
      this.solver.pop();
    }
  }
}

/** The model's value of a term (0 for variables the model leaves free). */
export function valueIn(model: Model<"svm">, term: Bv): bigint {
  const value = model.eval(term, true);
  const { ctx } = z3Runtime();
  if (!ctx.isBitVecVal(value)) throw new Error(`model gives no numeral for ${term.toString()}`);
  return value.value();
}
