/**
 * EXP with a symbolic exponent (Yellow Paper, Appendix H.2: base^exponent modulo 2^256): its exact
 * term, as cheap as the base allows, and the facts that hold of it for every base and exponent
 * (the lemmas of its abstraction; see `Abstraction` in ../explore/path.ts).
 */
import { z3Runtime, type Bv, type Z3Bool } from "../z3/context.js";

const MODULUS = 1n << 256n;

/** The number of trailing zero bits of a nonzero value. */
function trailingZeros(value: bigint): number {
  let count = 0;
  for (let v = value; (v & 1n) === 0n; v >>= 1n) count++;
  return count;
}

/**
 * base^exponent mod 2^256 as a term. A concrete base 2^k is a shift; another even base with k
 * trailing zeros gives 0 from an exponent of ceil(256/k) on, so only the exponent's low bits
 * matter; otherwise square-and-multiply over the exponent's bits, each factor chosen by its bit
 * (an odd base's squares reach 1 after at most 254 squarings, and factors of 1 are left out).
 */
export function exactPower(base: bigint | Bv, exponent: Bv): Bv {
  const { ctx } = z3Runtime();
  const word = (value: bigint): Bv => ctx.BitVec.val(value, 256);
  const one = word(1n);
  let bits = 256;
  let limit: bigint | undefined;
  if (typeof base === "bigint") {
    if (base === 0n) return ctx.If(exponent.eq(word(0n)), one, word(0n)) as Bv;
    const k = trailingZeros(base);
    if (k > 0) {
      limit = BigInt(Math.ceil(256 / k));
      if (base === 1n << BigInt(k)) return ctx.If(exponent.ult(word(limit)), one.shl(exponent.mul(word(BigInt(k)))), word(0n)) as Bv;
      bits = (limit - 1n).toString(2).length;
    }
  }
  let result: Bv = one;
  let square: bigint | Bv = base;
  for (let i = 0; i < bits; i++) {
    const factor = typeof square === "bigint" ? word(square) : square;
    if (square !== 1n) result = result.mul(ctx.If(exponent.extract(i, i).eq(ctx.BitVec.val(1n, 1)), factor, one) as Bv);
    square = typeof square === "bigint" ? (square * square) % MODULUS : square.mul(square);
  }
  return limit === undefined ? result : (ctx.If(exponent.ult(word(limit)), result, word(0n)) as Bv);
}

/**
 * Facts of base^exponent mod 2^256 that hold for all values: x^0 = 1 (0^0 too), x^1 = x, 0^e = 0
 * for e > 0, 1^e = 1, 2^e = 1 << e (0 from e = 256 on), and a power of an odd base is odd, of an
 * even one even (for e > 0).
 */
export function powerLemmas(base: Bv, exponent: Bv, power: Bv): Z3Bool[] {
  const { ctx } = z3Runtime();
  const word = (value: bigint): Bv => ctx.BitVec.val(value, 256);
  const isZero = (term: Bv) => term.eq(word(0n));
  return [
    ctx.Implies(isZero(exponent), power.eq(word(1n))),
    ctx.Implies(exponent.eq(word(1n)), power.eq(base)),
    ctx.Implies(ctx.And(isZero(base), ctx.Not(isZero(exponent))), isZero(power)),
    ctx.Implies(base.eq(word(1n)), power.eq(word(1n))),
    ctx.Implies(base.eq(word(2n)), power.eq(word(1n).shl(exponent))),
    ctx.Implies(ctx.Not(isZero(exponent)), power.extract(0, 0).eq(base.extract(0, 0))),
  ];
}
