/**
 * One path of symbolic execution, and the signals that stop a run.
 *
 * The spec's rules are synchronous while Z3's satisfiability checks are not, so a path is not
 * cloned at a branch: it is a list of answers (branch directions and concretised values) that a
 * run from the start of the transaction consumes in order. When a run reaches a question its list
 * does not answer, it stops with a signal; the explorer asks Z3 and schedules runs with the
 * extended lists (the replay style of symbolic executors such as KLEE's "seeding").
 */
import { Z3_decl_kind } from "z3-solver";
import { z3Runtime, type Bv, type Z3Bool } from "../z3/context.js";

/** A branch direction (JUMPI, vm.assume) or a concrete value the machine needed. */
export type Answer = boolean | bigint;

/** A keccak256 application the solver must treat as an injective hash (see `../domain/keccak.ts`). */
export type KeccakUse =
  | { readonly kind: "symbolic"; readonly bits: number; readonly input: Bv; readonly output: Bv }
  | { readonly kind: "concrete"; readonly bits: number; readonly input: bigint; readonly output: bigint };

/**
 * A division or remainder kept abstract: an uninterpreted function application with the facts
 * that hold of it (`lemmas`), and its exact definition for queries that need it. Bit-blasting a
 * 256-bit divider is what makes most queries slow; most properties only need the facts.
 */
export interface Abstraction {
  readonly op: string;
  readonly a: Bv;
  readonly b: Bv;
  readonly application: Bv;
  readonly exact: Bv;
  /**
   * The exact definition as a constraint on the application, equivalent to `application ==
   * exact` but cheaper for Z3 (a division defined by a multiplication), when there is one: the
   * refinement's first step asserts it; its last puts the real term in the application's place.
   */
  readonly definition?: Z3Bool;
  readonly lemmas: readonly Z3Bool[];
  /**
   * A cheap condition under which every model gives the application its exact value (by
   * narrowing the operands), tried before the exact definition when a model must be real.
   */
  readonly sharpen?: Z3Bool;
}

/** Where the machine is, for loop bounds and for naming a pc in an `unknown` result. */
export interface Location {
  readonly codeAddress: bigint;
  readonly pc: number;
}

/** The run needs a branch direction this path has not chosen yet. */
export class ForkSignal extends Error {
  readonly code = "FORK";
  constructor(readonly condition: Z3Bool) {
    super("symbolic branch");
  }
}

/** The run needs a concrete value of a symbolic word. */
export class NeedSignal extends Error {
  readonly code = "NEED";
  constructor(
    readonly term: Bv,
    readonly what: string,
    /** Only the gas price depends on it: any feasible value will do. */
    readonly gasOnly: boolean,
    readonly location: Location,
  ) {
    super(`symbolic ${what}`);
  }
}

/** `vm.assume` (or an input constraint) excluded the path. */
export class PathDiscarded extends Error {
  readonly code = "DISCARDED";
}

/**
 * A bound cut the path short: what lies past it was not explored, so a verdict reached without
 * a failure is `bounded`, never `pass`. `bound` names the bound as the report lists it.
 */
export class BoundHit extends Error {
  readonly code = "BOUND";
  constructor(
    readonly bound: string,
    readonly location: Location,
  ) {
    super(`${bound} (pc ${location.pc})`);
  }
}

/** The path took a symbolic branch at one pc more often than the loop bound allows. */
export class LoopBoundHit extends BoundHit {
  constructor(loopBound: number, location: Location) {
    super(`loop ${loopBound}`, location);
  }
}

/** The path ran more steps than the step limit (a concrete loop that does not end). */
export class StepLimitHit extends BoundHit {
  constructor(steps: number, location: Location) {
    super(`step limit ${steps}`, location);
  }
}

export class Path {
  readonly constraints: Z3Bool[] = [];
  readonly keccaks: KeccakUse[] = [];
  readonly abstractions: Abstraction[] = [];
  /** Bounds this path depends on: inputs it excluded to go on (reported as bounds hit). */
  readonly bounds = new Set<string>();
  /** Facts of the chain this path assumed, which exclude no input a real chain can give (reported apart). */
  readonly assumptions = new Set<string>();
  location: Location = { codeAddress: 0n, pc: 0 };
  /**
   * Symbolic branches and values this run decided by simplification where it ran past its
   * scripted answers (a run replays its prefix, whose decisions an earlier run counted already).
   */
  simplified = 0;
  private cursor = 0;
  private readonly branchVisits = new Map<string, number>();
  /** Terms the path fixed to a value (a value the machine needed, a branch on `term == value`). */
  private readonly pins: [Bv, Bv][] = [];

  constructor(
    readonly answers: readonly Answer[],
    readonly loopBound: number,
  ) {}

  /** The direction of a symbolic branch: the next scripted answer, or a fork signal. */
  decide(condition: Z3Bool, countsAsLoop: boolean): boolean {
    if (countsAsLoop) {
      const key = `${this.location.codeAddress}:${this.location.pc}`;
      const visits = (this.branchVisits.get(key) ?? 0) + 1;
      this.branchVisits.set(key, visits);
      if (visits > this.loopBound) throw new LoopBoundHit(this.loopBound, this.location);
    }
    if (this.cursor >= this.answers.length) throw new ForkSignal(condition);
    const answer = this.answers[this.cursor++];
    if (typeof answer !== "boolean") throw new Error(`path script out of step: expected a branch at pc ${this.location.pc}`);
    this.constraints.push(answer ? condition : condition.ctx.Not(condition));
    if (answer) this.pinEquality(condition);
    return answer;
  }

  /** Counts a decision taken without the solver (see `simplified`). */
  noteSimplified(): void {
    if (this.cursor >= this.answers.length) this.simplified++;
  }

  /**
   * The word's value when the terms this path fixed decide it: they are put in and the result
   * simplified (constant propagation along the path). The path's constraints imply the value, so
   * no constraint is added for it.
   */
  pinnedValue(word: Bv): bigint | undefined {
    if (this.pins.length === 0) return undefined;
    const { ctx, simplify } = z3Runtime();
    const reduced = simplify(ctx.substitute(word, ...this.pins));
    return ctx.isBitVecVal(reduced) ? reduced.value() : undefined;
  }

  /** A branch taken on `term == numeral` fixes the term. */
  private pinEquality(condition: Z3Bool): void {
    const { ctx } = z3Runtime();
    if (!ctx.isApp(condition) || condition.decl().kind() !== Z3_decl_kind.Z3_OP_EQ) return;
    const [left, right] = [condition.arg(0), condition.arg(1)];
    if (!ctx.isBitVec(left) || !ctx.isBitVec(right) || left.sort.size() !== 256) return;
    if (ctx.isBitVecVal(right) && !ctx.isBitVecVal(left)) this.pin(left as Bv, right.value());
    else if (ctx.isBitVecVal(left) && !ctx.isBitVecVal(right)) this.pin(right as Bv, left.value());
  }

  /** Fixes the term, and the term t of `t + c` (c a numeral) to value - c too. */
  private pin(term: Bv, value: bigint): void {
    const { ctx } = z3Runtime();
    this.pins.push([term, ctx.BitVec.val(value, 256)]);
    if (!ctx.isApp(term) || term.decl().kind() !== Z3_decl_kind.Z3_OP_BADD || term.numArgs() !== 2) return;
    const [first, second] = [term.arg(0), term.arg(1)];
    const [rest, offset] = ctx.isBitVecVal(first) ? [second, first] : ctx.isBitVecVal(second) ? [first, second] : [undefined, undefined];
    if (rest !== undefined && offset !== undefined && !ctx.isBitVecVal(rest)) {
      this.pins.push([rest as Bv, ctx.BitVec.val((value - (offset as Bv & { value(): bigint }).value()) & ((1n << 256n) - 1n), 256)]);
    }
  }

  /** A concrete value for a symbolic word: the next scripted answer, or a need signal. */
  value(term: Bv, what: string, gasOnly: boolean): bigint {
    if (this.cursor >= this.answers.length) throw new NeedSignal(term, what, gasOnly, this.location);
    const answer = this.answers[this.cursor++];
    if (typeof answer !== "bigint") throw new Error(`path script out of step: expected a value at pc ${this.location.pc}`);
    if (!gasOnly) {
      this.constraints.push(term.eq(term.ctx.BitVec.val(answer, 256)));
      this.pin(term, answer);
    }
    return answer;
  }
}
