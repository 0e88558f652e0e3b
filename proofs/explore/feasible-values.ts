/**
 * The values a symbolic word can take on a path, found one query at a time (each excluding the
 * values found before). A word with few values (a call target, a short array's index) is split
 * into them; one with many is given up on, unless its values are dense (a memory offset or a
 * byte index within a few hundred bytes): then the split covers every integer between the least
 * and the greatest value it can take, found by bisection. A value in that range the word cannot
 * take makes a path whose constraints are unsatisfiable, which costs a run, never a wrong verdict
 * (every failure is solved for and replayed).
 */
import { z3Runtime, type Bv, type Z3Bool } from "../z3/context.js";
import type { Path } from "./path.js";
import type { Solver } from "./solver.js";

/** Values enumerated before the word is taken to have too many. */
export const MAX_VALUES = 16;

/** Values that all lie within this range are dense, and split into every integer of the range. */
const DENSE_RANGE = 256n;

export interface FeasibleValues {
  readonly values: bigint[];
  /**
   * Whether `values` holds every value the word can take (`all`), only some because the word has
   * more than the search allows (`limit`), or only some because the solver gave no answer.
   */
  readonly covered: "all" | "limit" | "unknown";
  /** How many values the search allowed. */
  readonly limit: number;
}

export async function feasibleValues(solver: Solver, path: Path, term: Bv, anyOne: boolean): Promise<FeasibleValues> {
  const { ctx } = z3Runtime();
  const values: bigint[] = [];
  const limit = anyOne ? 1 : MAX_VALUES;
  while (values.length <= limit && !(anyOne && values.length === 1)) {
    const others = values.map((v) => ctx.Not(term.eq(ctx.BitVec.val(v, 256))));
    const verdict = await solver.check([...path.constraints, ...others], path, { values: [term] });
    if (verdict.kind === "unsat") return { values, covered: "all", limit };
    if (verdict.kind === "unknown") return { values, covered: "unknown", limit };
    values.push(verdict.model.value(term));
  }
  if (anyOne) return { values, covered: "limit", limit };
  const range = await denseRange(solver, path, term, values);
  if (range === undefined) return { values, covered: "limit", limit };
  const all: bigint[] = [];
  for (let v = range.lowest; v <= range.highest; v++) all.push(v);
  return { values: all, covered: "all", limit: Number(DENSE_RANGE) };
}

/** The least and greatest values of the word, if they are at most DENSE_RANGE apart. */
async function denseRange(solver: Solver, path: Path, term: Bv, found: readonly bigint[]): Promise<{ lowest: bigint; highest: bigint } | undefined> {
  const { ctx } = z3Runtime();
  const foundLow = found.reduce((a, b) => (a < b ? a : b));
  const foundHigh = found.reduce((a, b) => (a > b ? a : b));
  if (foundHigh - foundLow >= DENSE_RANGE) return undefined;
  const unsat = async (condition: Z3Bool) => (await solver.check([...path.constraints, condition], path)).kind === "unsat";
  const below = (v: bigint) => term.ult(ctx.BitVec.val(v, 256));
  const above = (v: bigint) => term.ugt(ctx.BitVec.val(v, 256));
  // Nothing outside a window of DENSE_RANGE around what was found (one query)...
  const windowLow = foundHigh >= DENSE_RANGE ? foundHigh - DENSE_RANGE + 1n : 0n;
  const windowHigh = foundLow + DENSE_RANGE - 1n;
  const outside = windowLow > 0n ? ctx.Or(below(windowLow), above(windowHigh)) : above(windowHigh);
  if (!(await unsat(outside))) return undefined;
  // ...then the least and greatest values by bisection (8 queries each). A query the solver cannot
  // answer counts against narrowing, so the range only widens, which costs runs, never soundness.
  const lowest = await leastWhere(windowLow, foundLow, async (v) => !(await unsat(term.ule(ctx.BitVec.val(v, 256)))));
  const highest = await leastWhere(foundHigh, windowHigh, (v) => unsat(above(v)));
  if (highest - lowest >= DENSE_RANGE) return undefined;
  return { lowest, highest };
}

/** The least v in [low, high] where a monotone test (false, then true) holds; the test holds at `high`. */
async function leastWhere(low: bigint, high: bigint, test: (v: bigint) => Promise<boolean>): Promise<bigint> {
  let lo = low;
  let hi = high;
  while (lo < hi) {
    const middle = (lo + hi) / 2n;
    if (await test(middle)) hi = middle;
    else lo = middle + 1n;
  }
  return hi;
}
