/**
 * The term simplifier of the symbolic word domain: identities applied as terms are built, so
 * that fewer and smaller terms reach the solver, and words that only look symbolic (`x * 0`,
 * `x ^ x`, a shift by 256 or more) become concrete bigints, which the machine then decides at
 * bigint speed without any query.
 *
 * Every rule is an identity of the EVM's word operations (Yellow Paper, Appendix H.2), so the
 * simplified word has the value of the one it replaces for every input: the concrete domain and
 * `test/proofs/simplifier.test.ts` hold each rule to that.
 *
 * It also keeps two facts about the terms it built, to simplify what is built from them:
 * - a 0/1 word that came from a condition (LT, EQ, ISZERO, …) keeps that condition, so
 *   `ISZERO(ISZERO(c))` is `c` again and a JUMPI on such a word branches on `c` itself, not on
 *   `If(c, 1, 0) != 0`;
 * - how many of a word's high bits are known zero (after SHR by a concrete amount, an AND with a
 *   concrete mask, a byte, a 0/1 word), so an AND with a mask that keeps all the others is the
 *   word itself (Solidity masks what it has just shifted down) and a BYTE within the zero bits is 0.
 */
import { Z3_decl_kind } from "z3-solver";
import { z3Runtime, type Bv, type Z3Bool } from "../z3/context.js";
import type { Z3Word } from "./terms.js";

const MAX_WORD = (1n << 256n) - 1n;

/** The binary operations the simplifier has identities for. */
export type SimplifiedOp = "add" | "sub" | "mul" | "and" | "or" | "xor" | "eq" | "lt" | "gt" | "slt" | "sgt" | "shl" | "shr" | "sar";

/** The number of leading zero bits of a concrete word. */
function leadingZerosOfValue(value: bigint): number {
  return value === 0n ? 256 : 256 - value.toString(2).length;
}

const same = (a: Z3Word, b: Z3Word): boolean => (typeof a === "bigint" || typeof b === "bigint" ? a === b : a.id() === b.id());

export class Simplifier {
  /** By term id; each entry keeps its term alive, so the id is not reused for another term. */
  private readonly conditions = new Map<number, { readonly term: Bv; readonly condition: Z3Bool }>();
  private readonly zeroBits = new Map<number, { readonly term: Bv; readonly count: number }>();

  /** Identities applied (counted, for the tests and the curious reader). */
  folds = 0;

  /** The 0/1 word of a condition, remembered as that condition. */
  bit(condition: Z3Bool): Z3Word {
    const { ctx } = z3Runtime();
    if (ctx.isTrue(condition)) return this.folded(1n);
    if (ctx.isFalse(condition)) return this.folded(0n);
    const term = ctx.If(condition, ctx.BitVec.val(1n, 256), ctx.BitVec.val(0n, 256)) as Bv;
    this.conditions.set(term.id(), { term, condition });
    this.zeroBits.set(term.id(), { term, count: 255 });
    return term;
  }

  /** The condition a 0/1 word was built from, if it was. */
  conditionOf(word: Bv): Z3Bool | undefined {
    return this.conditions.get(word.id())?.condition;
  }

  /** The condition, negated without a double negation. */
  negate(condition: Z3Bool): Z3Bool {
    const { ctx } = z3Runtime();
    if (ctx.isTrue(condition)) return ctx.Bool.val(false);
    if (ctx.isFalse(condition)) return ctx.Bool.val(true);
    if (ctx.isApp(condition) && condition.decl().kind() === Z3_decl_kind.Z3_OP_NOT) return condition.arg(0) as Z3Bool;
    return ctx.Not(condition);
  }

  /** How many high bits of the word are known to be zero. */
  zeroBitsOf(word: Z3Word): number {
    if (typeof word === "bigint") return leadingZerosOfValue(word);
    if (z3Runtime().ctx.isBitVecVal(word)) return leadingZerosOfValue(word.value());
    return this.zeroBits.get(word.id())?.count ?? 0;
  }

  /** Records that the term's top `count` bits are zero (a fact of how it was built). */
  noteZeroBits(term: Bv, count: number): Bv {
    if (count > 0) this.zeroBits.set(term.id(), { term, count: Math.max(count, this.zeroBitsOf(term)) });
    return term;
  }

  /** ISZERO: of a condition's word, the negated condition's word. */
  iszero(word: Bv): Z3Word {
    const condition = this.conditionOf(word);
    if (condition === undefined) return this.bit(word.eq(z3Runtime().ctx.BitVec.val(0n, 256)));
    this.folds++;
    return this.bit(this.negate(condition));
  }

  /**
   * The operation's result by an identity, when one applies (at least one operand symbolic), or
   * undefined: the caller then builds the term.
   */
  binary(op: SimplifiedOp, a: Z3Word, b: Z3Word): Z3Word | undefined {
    const result = this.identity(op, a, b);
    if (result !== undefined) this.folds++;
    return result;
  }

  private folded(value: Z3Word): Z3Word {
    this.folds++;
    return value;
  }

  private identity(op: SimplifiedOp, a: Z3Word, b: Z3Word): Z3Word | undefined {
    switch (op) {
      case "add":
        if (a === 0n) return b;
        if (b === 0n) return a;
        return undefined;
      case "sub":
        if (b === 0n) return a;
        return same(a, b) ? 0n : undefined;
      case "mul":
        if (a === 0n || b === 0n) return 0n;
        if (a === 1n) return b;
        if (b === 1n) return a;
        return undefined;
      case "and":
        if (a === 0n || b === 0n) return 0n;
        if (same(a, b)) return a;
        return this.masked(a, b) ?? this.masked(b, a);
      case "or":
        if (a === MAX_WORD || b === MAX_WORD) return MAX_WORD;
        if (a === 0n) return b;
        if (b === 0n) return a;
        return same(a, b) ? a : undefined;
      case "xor":
        if (a === 0n) return b;
        if (b === 0n) return a;
        return same(a, b) ? 0n : undefined;
      case "eq":
        if (same(a, b)) return 1n;
        return this.conditionEquals(a, b) ?? this.conditionEquals(b, a);
      case "lt":
      case "gt":
      case "slt":
      case "sgt":
        if (same(a, b)) return 0n;
        // Nothing is below 0 or above the largest word (unsigned).
        if ((op === "lt" && b === 0n) || (op === "gt" && a === 0n)) return 0n;
        if ((op === "gt" && b === MAX_WORD) || (op === "lt" && a === MAX_WORD)) return 0n;
        return undefined;
      case "shl":
      case "shr":
      case "sar":
        // a is the shift, b the value; SHL and SHR by 256 or more give 0 (EIP-145).
        if (a === 0n) return b;
        if (typeof a === "bigint" && a >= 256n && op !== "sar") return 0n;
        if (b === 0n) return 0n;
        if (op === "sar" && b === MAX_WORD) return MAX_WORD;
        return undefined;
    }
  }

  /** `x & mask` is x when the mask keeps every bit of x that is not known to be zero. */
  private masked(x: Z3Word, mask: Z3Word): Z3Word | undefined {
    if (typeof mask !== "bigint" || typeof x === "bigint") return undefined;
    if (mask === MAX_WORD) return x;
    const live = (1n << BigInt(256 - this.zeroBitsOf(x))) - 1n;
    return (mask & live) === live ? x : undefined;
  }

  /** `EQ(c's word, 1)` is c's word, `EQ(c's word, 0)` its negation's. */
  private conditionEquals(word: Z3Word, value: Z3Word): Z3Word | undefined {
    if (typeof word === "bigint" || typeof value !== "bigint") return undefined;
    const condition = this.conditionOf(word);
    if (condition === undefined) return undefined;
    if (value === 1n) return word;
    if (value === 0n) return this.bit(this.negate(condition));
    return 0n;
  }
}
