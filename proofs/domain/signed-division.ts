/**
 * Facts of SDIV and SMOD (Yellow Paper, Appendix H.2: truncating signed division; SMOD takes the
 * dividend's sign; a zero divisor gives 0) that hold for every pair of operands, -2^255 / -1 =
 * -2^255 included: the lemmas of their abstraction (see `Abstraction` in ../explore/path.ts).
 */
import { z3Runtime, type Bv, type Z3Bool } from "../z3/context.js";

export function signedDivisionLemmas(op: "sdiv" | "srem", a: Bv, b: Bv, result: Bv): Z3Bool[] {
  const { ctx } = z3Runtime();
  const word = (value: bigint): Bv => ctx.BitVec.val(value, 256);
  const zero = word(0n);
  const minusOne = word((1n << 256n) - 1n);
  const nonNegative = (t: Bv) => t.sge(zero);
  if (op === "sdiv") {
    return [
      ctx.Implies(b.eq(word(1n)), result.eq(a)),
      // a / -1 = -a, modulo 2^256: -(-2^255) wraps back to -2^255 as the EVM defines.
      ctx.Implies(b.eq(minusOne), result.eq(zero.sub(a))),
      // Both operands non-negative: the unsigned quotient, at most the dividend.
      ctx.Implies(ctx.And(nonNegative(a), b.sgt(zero)), ctx.And(nonNegative(result), result.ule(a))),
      // A dividend smaller in magnitude than the divisor truncates to 0.
      ctx.Implies(ctx.And(nonNegative(a), b.sgt(a)), result.eq(zero)),
    ];
  }
  return [
    ctx.Implies(ctx.Or(b.eq(word(1n)), b.eq(minusOne)), result.eq(zero)),
    // The remainder takes the dividend's sign (or is 0)...
    ctx.Implies(nonNegative(a), nonNegative(result)),
    ctx.Implies(a.slt(zero), result.sle(zero)),
    // ...and is smaller in magnitude than the divisor (any remainder is above -2^255 = the least divisor).
    ctx.Implies(b.sgt(zero), ctx.And(result.slt(b), zero.sub(b).slt(result))),
    ctx.Implies(b.slt(zero), b.slt(result)),
    ctx.Implies(ctx.And(b.slt(zero), b.neq(word(1n << 255n))), result.slt(zero.sub(b))),
    // A non-negative dividend below a positive divisor is its own remainder.
    ctx.Implies(ctx.And(nonNegative(a), b.sgt(a)), result.eq(a)),
  ];
}
