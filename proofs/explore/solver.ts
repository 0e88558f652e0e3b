/**
 * Satisfiability checks with a timeout per query, solved in the worker pool, and models read back
 * as bigints. A query crosses to a worker as SMT-LIB text; the terms whose values the caller needs
 * from a model travel with it, defined as fresh constants, and come back as numbers.
 */
import type { Expr } from "z3-solver";
import { hashAxioms } from "../domain/keccak.js";
import { REQUESTED_PREFIX, type ConstantValue } from "../z3/protocol.js";
import { portfolio, z3Runtime, type Bv, type Z3Bool } from "../z3/context.js";
import type { Abstraction, KeccakUse } from "./path.js";

/**
 * How divisions and products are treated: by their lemmas only (unsat is final, sat may be
 * spurious), narrowed to where the lemmas decide them, or by their exact definitions.
 */
export type Precision = "abstract" | "sharpened" | "exact";

/**
 * A model as the main thread sees it: the values of the terms the query asked for, and the
 * model's constants, which decide any term built from them alone.
 */
export class Assignment {
  /** By term id; the entry keeps the term alive, so its id is not reused for another term. */
  private readonly requested = new Map<number, { readonly term: Bv; readonly value: bigint }>();
  private substitutions: [Expr<"svm">, Expr<"svm">][] | undefined;

  constructor(
    terms: readonly Bv[],
    values: readonly bigint[],
    private readonly constants: readonly ConstantValue[],
  ) {
    terms.forEach((term, i) => this.requested.set(term.id(), { term, value: values[i]! }));
  }

  /** The value of a term the query asked for (or one the model's constants alone decide). */
  value(term: Bv): bigint {
    const known = this.requested.get(term.id());
    if (known !== undefined) return known.value;
    const { ctx } = z3Runtime();
    const reduced = this.reduce(term);
    if (ctx.isBitVecVal(reduced)) return reduced.value();
    throw new Error(`the query did not ask for the value of ${term.sexpr()}`);
  }

  /** Whether the condition holds in the model, if the model's constants decide it. */
  truth(condition: Z3Bool): boolean | undefined {
    const { ctx } = z3Runtime();
    const reduced = this.reduce(condition);
    return ctx.isTrue(reduced) ? true : ctx.isFalse(reduced) ? false : undefined;
  }

  /** The expression with the model's constants put in and simplified. */
  private reduce(expr: Expr<"svm">): Expr<"svm"> {
    const { ctx, simplify } = z3Runtime();
    this.substitutions ??= this.constants.map(({ name, width, value }) =>
      typeof value === "boolean"
        ? [ctx.Bool.const(name), ctx.Bool.val(value)]
        : [ctx.BitVec.const(name, width), ctx.BitVec.val(value, width)],
    );
    return simplify(ctx.substitute(expr, ...this.substitutions));
  }
}

/**
 * Replaces every application of an abstraction by its real bit-vector term: the refinement's last
 * step asks a query without the abstraction's functions, which every solver takes (boolector has
 * no uninterpreted functions). The terms are expanded innermost first, so one simultaneous
 * substitution leaves no application behind.
 */
function realTerms(abstractions: readonly Abstraction[]): <E extends Expr<"svm">>(expr: E) => E {
  const { ctx } = z3Runtime();
  const expanded: [Expr<"svm">, Expr<"svm">][] = [];
  for (const abstraction of abstractions) {
    const term = expanded.length === 0 ? abstraction.exact : ctx.substitute(abstraction.exact, ...expanded);
    expanded.push([abstraction.application, term]);
  }
  return <E extends Expr<"svm">>(expr: E): E => (expanded.length === 0 ? expr : (ctx.substitute(expr, ...expanded) as E));
}

export type Verdict = { kind: "sat"; model: Assignment } | { kind: "unsat" } | { kind: "unknown"; reason: string };

export interface QueryOptions {
  readonly precision?: Precision;
  /** Part of the query timeout this query may use. */
  readonly share?: number;
  /** Terms whose values a model must give (see `Assignment.value`). */
  readonly values?: readonly Bv[];
}

export class Solver {
  /** Prints queries as SMT-LIB; it never checks anything itself. */
  private readonly printer;
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
    this.printer = new ctx.Solver();
  }

  /**
   * Whether the path's constraints can hold. Abstract (the default): divisions are known only by
   * their lemmas, so unsat is final and sat may be spurious; exact: divisions are defined.
   */
  async check(
    constraints: readonly Z3Bool[],
    path: { keccaks: readonly KeccakUse[]; abstractions: readonly Abstraction[] },
    { precision = "abstract", share = 1, values = [] }: QueryOptions = {},
  ): Promise<Verdict> {
    const key = [
      precision,
      ...constraints.map((c) => c.id()),
      "k",
      ...path.keccaks.map((k) => (k.kind === "symbolic" ? k.output.id() : `${k.input}`)),
      "a",
      ...path.abstractions.map((a) => a.application.id()),
      "v",
      ...values.map((v) => v.id()),
    ].join(",");
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached.verdict;
    const verdict = await this.solve(constraints, path, precision, share, values);
    // The entry keeps the terms alive: Z3 reuses the id of a freed term, which would make the key ambiguous.
    if (verdict.kind !== "unknown") this.cache.set(key, { verdict, terms: [[...constraints], [...path.keccaks], [...path.abstractions], [...values]] });
    return verdict;
  }

  private async solve(
    constraints: readonly Z3Bool[],
    path: { keccaks: readonly KeccakUse[]; abstractions: readonly Abstraction[] },
    precision: Precision,
    share: number,
    values: readonly Bv[],
  ): Promise<Verdict> {
    const left = this.deadline - Date.now();
    if (left <= 0) return { kind: "unknown", reason: "time budget exhausted" };
    const { ctx } = z3Runtime();
    this.printer.reset();
    const real = precision === "exact" ? realTerms(path.abstractions) : <E extends Expr<"svm">>(expr: E) => expr;
    for (const constraint of constraints) this.printer.add(real(constraint));
    for (const axiom of hashAxioms(path.keccaks)) this.printer.add(real(axiom));
    // Exact: the real terms stand in the abstractions' places, and their lemmas hold of them anyway.
    if (precision !== "exact") {
      for (const abstraction of path.abstractions) {
        for (const lemma of abstraction.lemmas) this.printer.add(lemma);
        if (precision === "sharpened") this.printer.add(abstraction.sharpen ?? abstraction.definition ?? abstraction.application.eq(abstraction.exact));
      }
    }
    values.forEach((term, i) => this.printer.add(ctx.BitVec.const(`${REQUESTED_PREFIX}${i}`, term.sort.size()).eq(real(term))));
    const timeout = Math.max(1, Math.floor(Math.min(this.timeoutMs * share, left)));
    const answer = await portfolio().solve(this.printer.toString(), timeout, values.map((term) => term.sort.size()));
    if (answer.kind === "sat") return { kind: "sat", model: new Assignment(values, answer.requested, answer.constants) };
    if (answer.kind === "unsat") return { kind: "unsat" };
    return { kind: "unknown", reason: answer.reason };
  }
}
