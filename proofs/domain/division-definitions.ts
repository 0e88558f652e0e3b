/**
 * The exact definitions of DIV, MOD, SDIV and SMOD as constraints on the application of their
 * uninterpreted function, used when an abstraction is refined (see `Abstraction.definition` in
 * ../explore/path.ts). A quotient q of a by b ≠ 0 is the q with q·b ≤ a < q·b + b, q·b not
 * overflowing: a multiplication, which solvers bit-blast far more cheaply than SMT-LIB's bvudiv
 * (`x / 1000003 == 999` with x odd: 15.8 s as bvudiv, 0.1 s in this form, Z3 4.x). A zero divisor
 * gives 0 (Yellow Paper, Appendix H.2). The signed operations divide the magnitudes and fix the
 * sign: SDIV truncates towards zero and SMOD takes the dividend's sign, and -2^255 / -1 comes
 * out as -2^255, its magnitude 2^255 read back as a word.
 */
import type { FuncDecl } from "z3-solver";
import { z3Runtime, type Bv, type Z3Bool } from "../z3/context.js";

export type DivisionOp = "udiv" | "sdiv" | "urem" | "srem";

/**
 * The constraint that makes `result` the exact value of `op(a, b)`; `quotient` gives the
 * uninterpreted unsigned quotient of two words (the remainders and the signed operations define
 * theirs through it, so no fresh constant is needed).
 */
export function divisionDefinition(op: DivisionOp, a: Bv, b: Bv, result: Bv, quotient: FuncDecl<"svm">): Z3Bool {
  const { ctx } = z3Runtime();
  const zero: Bv = ctx.BitVec.val(0n, 256);
  const signed = op === "sdiv" || op === "srem";
  const magnitude = (t: Bv): Bv => ctx.If(t.slt(zero), zero.sub(t), t) as Bv;
  const [ua, ub] = signed ? [magnitude(a), magnitude(b)] : [a, b];
  const q = op === "udiv" ? result : (quotient.call(ua, ub) as Bv);
  const product = q.mul(ub);
  const remainder = ua.sub(product);
  const division = ctx.And(q.mulNoOverflow(ub, false), product.ule(ua), remainder.ult(ub));
  const value: Z3Bool | undefined =
    op === "urem"
      ? result.eq(remainder)
      : op === "sdiv"
        ? result.eq(ctx.If(ctx.Xor(a.slt(zero), b.slt(zero)), zero.sub(q), q) as Bv)
        : op === "srem"
          ? result.eq(ctx.If(a.slt(zero), zero.sub(remainder), remainder) as Bv)
          : undefined;
  const defined = value === undefined ? division : ctx.And(division, value);
  return ctx.If(b.eq(zero), result.eq(zero), defined) as Z3Bool;
}
