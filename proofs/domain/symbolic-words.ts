/**
 * The symbolic word domain: `Words<Z3Word, Z3Bytes>`, the interface the spec's opcode rules are
 * written against (spec/word/words.ts), over Z3 bit-vectors. Concrete operands are computed with
 * the concrete domain; symbolic ones build the bit-vector term of the Yellow Paper's definition
 * (Appendix H.2), with the EVM's special cases made explicit where SMT-LIB differs (division by
 * zero is 0 in the EVM, not all-ones).
 *
 * Branching (`truthy`) and concretisation (`need`) are answered by the current `Path`.
 */
import { concreteWords } from "../../spec/word/concrete.js";
import type { Words } from "../../spec/word/words.js";
import type { Path } from "../explore/path.js";
import { z3Runtime, type Bv, type Z3Bool } from "../z3/context.js";
import { keccakOf } from "./keccak.js";
import { abstractCalldata, LENGTH_LIMIT } from "./abstract-calldata.js";
import { arithmeticAbstraction } from "./abstraction-setting.js";
import { exactPower, powerLemmas } from "./exponent.js";
import { signedDivisionLemmas } from "./signed-division.js";
import { divisionDefinition } from "./division-definitions.js";
import { type SimplifiedOp, Simplifier } from "./simplifier.js";
import type { FuncDecl } from "z3-solver";
import {
  cellsToWord,
  concreteCells,
  simplifiedValue,
  toTerm,
  wordCells,
  type Cell,
  type Z3Bytes,
  type Z3Word,
} from "./terms.js";

const MAX_WORD = (1n << 256n) - 1n;

const divisionFunctions = new Map<string, FuncDecl<"svm">>();

/** The uninterpreted function standing for one division operation. */
function divisionFunction(op: string, arity = 2): FuncDecl<"svm"> {
  let declared = divisionFunctions.get(op);
  if (declared === undefined) {
    const { ctx } = z3Runtime();
    const word = ctx.BitVec.sort(256);
    declared = ctx.Function.declare(`evm_${op}`, ...(Array.from({ length: arity }, () => word) as [typeof word]), word);
    divisionFunctions.set(op, declared);
  }
  return declared;
}

/**
 * Needs that only price an instruction (SSTORE's gas depends on the slot's values, EXP's on the
 * exponent's length): any feasible value will do, and it must not constrain the path.
 */
function pricesOnly(what: string): boolean {
  return what.startsWith("SSTORE") || what.startsWith("EXP exponent");
}

/**
 * `aliases` maps placeholder addresses to symbolic words: the spec's messages carry concrete
 * callers, so a symbolic caller (an invariant's "any caller", a prank of a symbolic address) is a
 * placeholder address that turns into its symbolic word wherever the machine makes it a word.
 */
export function symbolicWords(
  path: Path,
  aliases: ReadonlyMap<bigint, Bv> = new Map(),
  /** The placeholder standing for a symbolic word the machine needs as a bigint (an address, an amount of ether). */
  placeholderOf: (term: Bv, what: string) => bigint | undefined = () => undefined,
): Words<Z3Word, Z3Bytes> {
  const ctx = () => z3Runtime().ctx;
  const zero = (): Bv => ctx().BitVec.val(0n, 256);
  const simplifier = new Simplifier();
  const bit = (condition: Z3Bool): Z3Word => simplifier.bit(condition);
  const isZero = (term: Bv): Z3Bool => term.eq(zero());
  const abstract = arithmeticAbstraction();

  /**
   * Applies the concrete operation when every operand is concrete, else an identity of the
   * simplifier when one applies, else builds the term.
   */
  const lift =
    (op: SimplifiedOp, concrete: (a: bigint, b: bigint) => bigint, symbolic: (a: Bv, b: Bv) => Z3Word) =>
    (a: Z3Word, b: Z3Word): Z3Word =>
      typeof a === "bigint" && typeof b === "bigint" ? concrete(a, b) : (simplifier.binary(op, a, b) ?? symbolic(toTerm(a), toTerm(b)));

  /** A symbolic word decided without the solver: Z3's simplifier, or the values the path fixed already. */
  const decidedValue = (word: Bv): bigint | undefined => {
    const value = simplifiedValue(word) ?? path.pinnedValue(word);
    if (value !== undefined) path.noteSimplified();
    return value;
  };

  const need = (word: Z3Word, what: string): bigint => {
    if (typeof word === "bigint") return word;
    const value = decidedValue(word);
    if (value !== undefined) return value;
    const placeholder = placeholderOf(word, what);
    if (placeholder !== undefined) return placeholder;
    return path.value(word, what, pricesOnly(what));
  };

  /**
   * How some symbolic products and quotients were built, so that Solidity's multiplication
   * overflow check `x == 0 || y == (x * y) / x` can be given to Z3 as the equivalent
   * no-overflow predicate: bit-blasting a 256-bit division is what makes such queries slow.
   */
  const built = new Map<number, { readonly term: Bv; readonly op: "mul" | "div"; readonly a: Z3Word; readonly b: Z3Word }>();
  const record = (term: Bv, op: "mul" | "div", a: Z3Word, b: Z3Word): Bv => {
    built.set(term.id(), { term, op, a, b });
    return term;
  };
  const same = (a: Z3Word, b: Z3Word): boolean =>
    typeof a === "bigint" || typeof b === "bigint" ? a === b : a.id() === b.id();
  /**
   * Whether x * y fits in 256 bits, abstract like a division (a 256-bit multiplier is as costly
   * to bit-blast): the facts are those of the operands' magnitudes, which decide most cases.
   */
  const noOverflow = (x: Z3Word, y: Z3Word): Z3Bool => {
    const c = ctx();
    // One application for (x, y) and (y, x): the predicate is symmetric.
    const [tx, ty] = [toTerm(x), toTerm(y)].sort((p, q) => p.id() - q.id()) as [Bv, Bv];
    if (!abstract) return tx.mulNoOverflow(ty, false);
    const one = c.BitVec.val(1n, 256);
    const application = divisionFunction("umul_no_overflow").call(tx, ty) as Bv;
    const holds = application.eq(one);
    const below = (t: Bv, bits: number) => t.ult(c.BitVec.val(1n << BigInt(bits), 256));
    const lemmas: Z3Bool[] = [
      c.Or(isZero(application), holds),
      c.Implies(c.Or(isZero(tx), isZero(ty), tx.eq(one), ty.eq(one)), holds),
    ];
    const fits: Z3Bool[] = [];
    const overflows: Z3Bool[] = [];
    for (let bits = 8; bits < 256; bits += 8) {
      // x < 2^k and y < 2^(256-k) make x * y < 2^256; x >= 2^k and y >= 2^(256-k) make it >= 2^256.
      fits.push(c.And(below(tx, bits), below(ty, 256 - bits)));
      overflows.push(c.And(c.Not(below(tx, bits)), c.Not(below(ty, 256 - bits))));
    }
    for (let i = 0; i < fits.length; i++) lemmas.push(c.Implies(fits[i]!, holds), c.Implies(overflows[i]!, c.Not(holds)));
    const trivial = c.Or(isZero(tx), isZero(ty), tx.eq(one), ty.eq(one));
    // A quotient times its divisor never exceeds the dividend.
    for (const [q, d] of [[tx, ty], [ty, tx]] as const) {
      const quotient = path.abstractions.find((a) => a.op === "udiv" && a.application.id() === q.id() && a.b.id() === d.id());
      if (quotient !== undefined) lemmas.push(holds);
    }
    const exact = c.If(tx.mulNoOverflow(ty, false), one, zero()) as Bv;
    const sharpen = c.If(holds, c.Or(trivial, ...fits), c.Or(...overflows)) as Z3Bool;
    path.abstractions.push({ op: "umul_no_overflow", a: tx, b: ty, application, exact, lemmas, sharpen });
    return holds;
  };

  /** The product of two symbolic words, abstract: a 256-bit multiplier is costly to bit-blast. */
  const product = (x: Bv, y: Bv): Bv => {
    const c = ctx();
    if (!abstract) return x.mul(y);
    // One application for x * y and y * x.
    const [p, q] = x.id() <= y.id() ? [x, y] : [y, x];
    const application = divisionFunction("mul").call(p, q) as Bv;
    const one = c.BitVec.val(1n, 256);
    const lemmas: Z3Bool[] = [
      c.Implies(c.Or(isZero(p), isZero(q)), isZero(application)),
      c.Implies(p.eq(one), application.eq(q)),
      c.Implies(q.eq(one), application.eq(p)),
    ];
    // A quotient times its divisor: at most the dividend, and less than the divisor below it.
    for (const [factor, other] of [[p, q], [q, p]] as const) {
      const quotient = path.abstractions.find((d) => d.op === "udiv" && d.application.id() === factor.id() && d.b.id() === other.id());
      if (quotient !== undefined) lemmas.push(application.ule(quotient.a), c.Implies(c.Not(isZero(other)), quotient.a.sub(application).ult(other)));
    }
    path.abstractions.push({ op: "mul", a: p, b: q, application, exact: p.mul(q), lemmas });
    return application;
  };

  /** `y == (x * y) / x` as `x == 0 ? y == 0 : x * y does not overflow`, when `quotient` has that shape. */
  const overflowCheck = (y: Z3Word, quotient: Z3Word): Z3Word | undefined => {
    if (typeof quotient === "bigint") return undefined;
    const division = built.get(quotient.id());
    if (division === undefined || division.op !== "div" || typeof division.a === "bigint") return undefined;
    const product = built.get(division.a.id());
    if (product === undefined || product.op !== "mul") return undefined;
    const x = division.b;
    const factorsMatch = (same(product.a, x) && same(product.b, y)) || (same(product.b, x) && same(product.a, y));
    if (!factorsMatch) return undefined;
    const [tx, ty] = [toTerm(x), toTerm(y)];
    return bit(ctx().If(isZero(tx), isZero(ty), noOverflow(x, y)) as Z3Bool);
  };

  /**
   * DIV, SDIV, MOD and SMOD over symbolic operands, as abstractions (see `Abstraction`): the EVM's
   * result for a zero divisor is 0, and SMT-LIB's bvsrem, like SMOD, takes the dividend's sign.
   */
  const division = (op: "udiv" | "sdiv" | "urem" | "srem", a: Z3Word, b: Z3Word): Z3Word => {
    const c = ctx();
    const [ta, tb] = [toTerm(a), toTerm(b)];
    const cheap = concreteDivisor(op, a, b);
    if (cheap !== undefined) return cheap;
    const exact = c.If(isZero(tb), zero(), ta[op](tb)) as Bv;
    if (!abstract) return exact;
    const application = divisionFunction(op).call(ta, tb) as Bv;
    const one = c.BitVec.val(1n, 256);
    const lemmas: Z3Bool[] = [c.Implies(isZero(tb), isZero(application)), c.Implies(isZero(ta), isZero(application))];
    if (op === "udiv") {
      lemmas.push(application.ule(ta), c.Implies(tb.eq(one), application.eq(ta)), c.Implies(ta.ult(tb), isZero(application)));
      const product = built.get(ta.id());
      if (product !== undefined && product.op === "mul") {
        for (const [x, y] of [[product.a, product.b], [product.b, product.a]] as const) {
          if (!same(y, b)) continue;
          lemmas.push(c.Implies(c.And(c.Not(isZero(tb)), noOverflow(x, b)), application.eq(toTerm(x))));
        }
      }
    }
    if (op === "urem") {
      lemmas.push(application.ule(ta), c.Implies(c.Not(isZero(tb)), application.ult(tb)), c.Implies(ta.ult(tb), application.eq(ta)));
    }
    if (op === "sdiv" || op === "srem") lemmas.push(...signedDivisionLemmas(op, ta, tb, application));
    // The quotient and the remainder of the same operands recompose the dividend.
    const partnerOp = op === "udiv" ? "urem" : op === "urem" ? "udiv" : undefined;
    const partner = path.abstractions.find((d) => d.op === partnerOp && d.a.id() === ta.id() && d.b.id() === tb.id());
    if (partner !== undefined) {
      const [q, r] = op === "udiv" ? [application, partner.application] : [partner.application, application];
      const qb = product(q, tb);
      lemmas.push(c.Implies(c.Not(isZero(tb)), c.And(qb.add(r).eq(ta), qb.ule(ta), r.ule(ta.sub(qb)), noOverflow(q, tb))));
    }
    // Numerals: Z3's simplifier folds the exact term, while the definition would be a search.
    const numerals = c.isBitVecVal(ta) && c.isBitVecVal(tb);
    const definition = numerals ? undefined : divisionDefinition(op, ta, tb, application, divisionFunction("udiv"));
    path.abstractions.push({ op, a: ta, b: tb, application, exact, ...(definition !== undefined && { definition }), lemmas });
    return application;
  };

  /**
   * The exact result of a division whose operands make it cheap, or undefined: a zero dividend or
   * divisor, a divisor of 1 (or -1 for SDIV and SMOD), and a power of two (a shift or a mask;
   * SDIV rounds towards zero, so a negative dividend is biased by 2^k - 1 before the shift).
   */
  const concreteDivisor = (op: "udiv" | "sdiv" | "urem" | "srem", a: Z3Word, b: Z3Word): Z3Word | undefined => {
    const c = ctx();
    const remainder = op === "urem" || op === "srem";
    if (a === 0n || b === 0n) return 0n;
    if (b === 1n) return remainder ? 0n : a;
    if (typeof b !== "bigint" || typeof a === "bigint") return undefined;
    if (b === MAX_WORD && op === "sdiv") return zero().sub(a);
    if (b === MAX_WORD && op === "srem") return 0n;
    const isPowerOfTwo = (b & (b - 1n)) === 0n;
    if (!isPowerOfTwo) return undefined;
    const k = BigInt(b.toString(2).length - 1);
    const [shift, mask] = [c.BitVec.val(k, 256), c.BitVec.val(b - 1n, 256)];
    if (op === "udiv") return simplifier.noteZeroBits(a.lshr(shift), Number(k));
    if (op === "urem") return simplifier.noteZeroBits(a.and(mask), 256 - Number(k));
    // 2^255 is negative as a signed divisor: leave it to the general case.
    if (k === 255n) return undefined;
    const negative = a.slt(zero());
    if (op === "sdiv") return (c.If(negative, a.add(mask), a) as Bv).shr(shift);
    // SMOD takes the dividend's sign: -((-a) & mask) for a negative dividend.
    return c.If(negative, zero().sub(zero().sub(a).and(mask)), a.and(mask)) as Bv;
  };

  /**
   * ADDMOD and MULMOD, abstract: when the sum or product does not wrap, they are the plain
   * remainder of it (the lemma that relates them to MOD); exactly, a 257- or 512-bit remainder.
   */
  const modular = (a: Z3Word, b: Z3Word, n: Z3Word, op: "add" | "mul"): Z3Word => {
    const c = ctx();
    // A modulus of 0 or 1 leaves 0, a product with a zero factor is 0, and a modulus 2^k divides
    // 2^256, so the wrapped sum or product keeps the residue: its low k bits.
    if (n === 0n || n === 1n || (op === "mul" && (a === 0n || b === 0n))) return 0n;
    if (typeof n === "bigint" && (n & (n - 1n)) === 0n) return words.and(op === "add" ? words.add(a, b) : words.mul(a, b), n - 1n);
    const [ta, tb, tn] = [toTerm(a), toTerm(b), toTerm(n)];
    const extend = op === "add" ? 1 : 256;
    const wide = ta.zeroExt(extend)[op](tb.zeroExt(extend)).urem(tn.zeroExt(extend)).extract(255, 0);
    const exact = c.If(isZero(tn), zero(), wide) as Bv;
    if (!abstract) return exact;
    const application = divisionFunction(`${op}mod`, 3).call(ta, tb, tn) as Bv;
    const fits = op === "add" ? ta.addNoOverflow(tb, false) : noOverflow(a, b);
    const narrow = op === "add" ? words.add(a, b) : words.mul(a, b);
    const lemmas: Z3Bool[] = [
      c.Implies(isZero(tn), isZero(application)),
      c.Implies(c.Not(isZero(tn)), application.ult(tn)),
      c.Implies(fits, application.eq(toTerm(words.mod(narrow, n)))),
    ];
    path.abstractions.push({ op: `${op}mod`, a: ta, b: tb, application, exact, lemmas });
    return application;
  };

  const words: Words<Z3Word, Z3Bytes> = {
    constant: (value) => aliases.get(value) ?? value & MAX_WORD,
    concrete: (word) => simplifiedValue(word),
    need,

    add: lift("add", concreteWords.add, (a, b) => a.add(b)),
    sub: lift("sub", concreteWords.sub, (a, b) => a.sub(b)),
    mul: (a, b) => {
      if (typeof a === "bigint" && typeof b === "bigint") return concreteWords.mul(a, b);
      const folded = simplifier.binary("mul", a, b);
      if (folded !== undefined) return folded;
      if (typeof a === "bigint" || typeof b === "bigint") return record(toTerm(a).mul(toTerm(b)), "mul", a, b);
      return record(product(a, b), "mul", a, b);
    },
    div: (a, b) => {
      if (typeof a === "bigint" && typeof b === "bigint") return concreteWords.div(a, b);
      const quotient = division("udiv", a, b);
      return typeof quotient === "bigint" ? quotient : record(quotient, "div", a, b);
    },
    sdiv: (a, b) => (typeof a === "bigint" && typeof b === "bigint" ? concreteWords.sdiv(a, b) : division("sdiv", a, b)),
    mod: (a, b) => (typeof a === "bigint" && typeof b === "bigint" ? concreteWords.mod(a, b) : division("urem", a, b)),
    smod: (a, b) => (typeof a === "bigint" && typeof b === "bigint" ? concreteWords.smod(a, b) : division("srem", a, b)),
    addmod: (a, b, n) =>
      typeof a === "bigint" && typeof b === "bigint" && typeof n === "bigint"
        ? concreteWords.addmod(a, b, n)
        : modular(a, b, n, "add"),
    mulmod: (a, b, n) =>
      typeof a === "bigint" && typeof b === "bigint" && typeof n === "bigint"
        ? concreteWords.mulmod(a, b, n)
        : modular(a, b, n, "mul"),
    exp: (base, exponent) => {
      const e = simplifiedValue(exponent);
      const b = simplifiedValue(base);
      if (e !== undefined && b !== undefined) return concreteWords.exp(b, e);
      if (e !== undefined) {
        let result: Z3Word = 1n;
        let square: Z3Word = base;
        for (let rest = e; rest > 0n; rest >>= 1n) {
          if (rest & 1n) result = words.mul(result, square);
          if (rest > 1n) square = words.mul(square, square);
        }
        return result;
      }
      const te = toTerm(exponent);
      // A base of 0, 1 or a power of two has a cheap exact term (a comparison or a shift).
      if (b !== undefined && (b & (b - 1n)) === 0n) return b === 1n ? 1n : exactPower(b, te);
      if (!abstract) return exactPower(b ?? toTerm(base), te);
      const tb = toTerm(base);
      const application = divisionFunction("exp").call(tb, te) as Bv;
      // The exact term is hundreds of multiplications for a symbolic base: built only if a refinement needs it.
      let exact: Bv | undefined;
      path.abstractions.push({
        op: "exp",
        a: tb,
        b: te,
        application,
        get exact() {
          exact ??= exactPower(b ?? tb, te);
          return exact;
        },
        lemmas: powerLemmas(tb, te, application),
      });
      return application;
    },
    signextend: (byteIndex, value) => {
      const b = need(byteIndex, "SIGNEXTEND byte index");
      if (typeof value === "bigint" || b >= 31n) return typeof value === "bigint" ? concreteWords.signextend(b, value) : value;
      const bits = 8 * Number(b) + 8;
      return value.extract(bits - 1, 0).signExt(256 - bits);
    },

    lt: lift("lt", concreteWords.lt, (a, b) => bit(a.ult(b))),
    gt: lift("gt", concreteWords.gt, (a, b) => bit(a.ugt(b))),
    slt: lift("slt", concreteWords.slt, (a, b) => bit(a.slt(b))),
    sgt: lift("sgt", concreteWords.sgt, (a, b) => bit(a.sgt(b))),
    eq: (a, b) => {
      if (typeof a === "bigint" && typeof b === "bigint") return concreteWords.eq(a, b);
      return overflowCheck(a, b) ?? overflowCheck(b, a) ?? simplifier.binary("eq", a, b) ?? bit(toTerm(a).eq(toTerm(b)));
    },
    iszero: (a) => (typeof a === "bigint" ? concreteWords.iszero(a) : simplifier.iszero(a)),
    and: lift("and", concreteWords.and, (a, b) =>
      simplifier.noteZeroBits(a.and(b), Math.max(simplifier.zeroBitsOf(a), simplifier.zeroBitsOf(b))),
    ),
    or: lift("or", concreteWords.or, (a, b) => a.or(b)),
    xor: lift("xor", concreteWords.xor, (a, b) => a.xor(b)),
    not: (a) => (typeof a === "bigint" ? concreteWords.not(a) : a.not()),
    byte: (index, value) => {
      const i = simplifiedValue(index);
      if (i !== undefined && (typeof value === "bigint" || i >= 32n)) return concreteWords.byte(i, typeof value === "bigint" ? value : 0n);
      if (i !== undefined) {
        const n = Number(i);
        // A byte among the bits known to be zero is 0; a byte of a concatenation is a byte of one part.
        if (8 * n + 8 <= simplifier.zeroBitsOf(value)) return 0n;
        return simplifier.noteZeroBits(z3Runtime().simplify((value as Bv).extract(255 - 8 * n, 248 - 8 * n)).zeroExt(248), 248);
      }
      // A symbolic index: shift the byte down to the lowest position, 0 from index 32 on.
      const c = ctx();
      const ti = toTerm(index);
      const shifted = toTerm(value).lshr((c.BitVec.val(31n, 256) as Bv).sub(ti).mul(c.BitVec.val(8n, 256)));
      return c.If(ti.ult(c.BitVec.val(32n, 256)), shifted.and(c.BitVec.val(0xffn, 256)), zero()) as Bv;
    },
    // SMT-LIB's shifts, like the EVM's, give 0 (or the sign, for SAR) from a shift of 256 on.
    shl: lift("shl", concreteWords.shl, (shift, value) => value.shl(shift)),
    shr: (shift, value) =>
      lift("shr", concreteWords.shr, (s, v) => {
        const amount = simplifiedValue(s);
        return simplifier.noteZeroBits(v.lshr(s), amount === undefined ? 0 : Math.min(256, Number(amount)));
      })(shift, value),
    sar: lift("sar", concreteWords.sar, (shift, value) => value.shr(shift)),

    truthy: (word) => {
      if (typeof word === "bigint") return word !== 0n;
      const value = decidedValue(word);
      if (value !== undefined) return value !== 0n;
      // A condition's 0/1 word branches on the condition itself.
      return path.decide(simplifier.conditionOf(word) ?? ctx().Not(isZero(word)), true);
    },

    bytes: (concrete) => Array.from(concrete),
    length: (bytes) => bytes.length,
    size: (bytes) => abstractCalldata(bytes)?.length ?? BigInt(bytes.length),
    slice: (bytes, offset, size) => {
      const start = need(offset, "offset into a byte string");
      // Abstract calldata has bytes wherever a read reaches, zero past its symbolic length (and so
      // from LENGTH_LIMIT on, where the zero-filled slice below is exact).
      const buffer = abstractCalldata(bytes);
      if (buffer !== undefined && size > 0 && start < LENGTH_LIMIT) buffer.reach(Number(start) + size);
      const out: Cell[] = new Array<Cell>(size).fill(0);
      if (start < BigInt(bytes.length)) {
        const from = Number(start);
        for (let i = 0; i < size && from + i < bytes.length; i++) out[i] = bytes[from + i]!;
      }
      return out;
    },
    concreteBytes: (bytes) => concreteCells(bytes),
    toBytes: (word) => wordCells(word),
    fromBytes: (bytes) => cellsToWord(bytes),
    keccak256: (bytes) => keccakOf(bytes, path.keccaks),
  };
  return words;
}
