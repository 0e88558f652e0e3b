/**
 * The term simplifier (issue 13, item 3): identities applied as the symbolic word domain builds
 * terms, and symbolic branches and values decided without the solver. Each identity must give
 * the value the concrete domain gives for every value of the symbolic operand; each must
 * actually fire (a concrete word, or the very term it keeps); and a decision taken without the
 * solver is counted, once, where a run goes past its scripted answers.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { concreteWords } from "../../spec/word/concrete.js";
import type { BinaryOp } from "../../spec/word/words.js";
import { setArithmeticAbstraction } from "../../proofs/domain/abstraction-setting.js";
import { symbolicWords } from "../../proofs/domain/symbolic-words.js";
import type { Z3Word } from "../../proofs/domain/terms.js";
import { ForkSignal, NeedSignal, Path } from "../../proofs/explore/path.js";
import { z3, z3Runtime, type Bv } from "../../proofs/z3/context.js";

const MAX = (1n << 256n) - 1n;
const MIN = 1n << 255n;

// Exact terms, so that a word can be evaluated by substitution (the identities are the same with
// the arithmetic abstraction on; test/proofs/abstraction.test.ts tests that).
beforeAll(async () => {
  await z3();
  setArithmeticAbstraction(false);
});

afterAll(async () => {
  setArithmeticAbstraction(true);
  await z3Runtime().shutdown();
});

const symbol = (name: string): Bv => z3Runtime().ctx.BitVec.const(name, 256) as Bv;
const numeral = (value: bigint): Bv => z3Runtime().ctx.BitVec.val(value, 256);

/** The word's value with the symbol put in. */
function valueAt(word: Z3Word, x: Bv, value: bigint): bigint {
  if (typeof word === "bigint") return word;
  const { ctx, simplify } = z3Runtime();
  const reduced = simplify(ctx.substitute(word, [x, numeral(value)]));
  if (!ctx.isBitVecVal(reduced)) throw new Error(`not a numeral: ${reduced.sexpr()}`);
  return reduced.value();
}

const CONSTANTS = [0n, 1n, 2n, 8n, 255n, 256n, 300n, MIN, MAX - 1n, MAX];
const OPS: BinaryOp[] = ["add", "sub", "mul", "and", "or", "xor", "eq", "lt", "gt", "slt", "sgt", "shl", "shr", "sar", "div", "mod", "sdiv", "smod", "byte"];
const value = fc.oneof(fc.constantFrom(0n, 1n, 255n, MIN, MAX), fc.bigInt({ min: 0n, max: MAX }));

describe("every identity keeps the concrete value", () => {
  for (const op of OPS) {
    it(`${op} with one concrete operand, and of a word with itself`, async () => {
      const x = symbol(`simplify_${op}`);
      const words = symbolicWords(new Path([], 8));
      const built: [Z3Word, (v: bigint) => bigint][] = [[words[op](x, x), (v) => concreteWords[op](v, v)]];
      for (const c of CONSTANTS) {
        built.push([words[op](x, c), (v) => concreteWords[op](v, c)]);
        built.push([words[op](c, x), (v) => concreteWords[op](c, v)]);
      }
      fc.assert(
        fc.property(value, (v) => {
          for (const [word, concrete] of built) expect(valueAt(word, x, v)).toBe(concrete(v));
        }),
        { numRuns: 12 },
      );
    });
  }

  it("the words built on known zero bits (masks after SHR, bytes of shifted words)", () => {
    const x = symbol("simplify_masks");
    const words = symbolicWords(new Path([], 8));
    const shifted = words.shr(8n, x);
    const built: [Z3Word, (v: bigint) => bigint][] = [
      [words.and(shifted, (1n << 248n) - 1n), (v) => (v >> 8n) & ((1n << 248n) - 1n)],
      [words.and(shifted, (1n << 247n) - 1n), (v) => (v >> 8n) & ((1n << 247n) - 1n)],
      [words.byte(0n, shifted), () => 0n],
      [words.byte(1n, shifted), (v) => concreteWords.byte(1n, v >> 8n)],
      [words.and(words.mod(x, 1n << 64n), (1n << 64n) - 1n), (v) => v % (1n << 64n)],
      [words.iszero(words.iszero(words.lt(x, 5n))), (v) => (v < 5n ? 1n : 0n)],
      [words.eq(words.lt(x, 5n), 0n), (v) => (v < 5n ? 0n : 1n)],
      [words.eq(words.lt(x, 5n), 1n), (v) => (v < 5n ? 1n : 0n)],
      [words.eq(words.lt(x, 5n), 2n), () => 0n],
      [words.addmod(x, x, 1n << 128n), (v) => concreteWords.addmod(v, v, 1n << 128n)],
      [words.mulmod(x, 3n, 1n << 64n), (v) => concreteWords.mulmod(v, 3n, 1n << 64n)],
    ];
    fc.assert(
      fc.property(value, (v) => {
        for (const [word, concrete] of built) expect(valueAt(word, x, v)).toBe(concrete(v));
      }),
      { numRuns: 30 },
    );
  });
});

describe("the identities fire", () => {
  it("make words concrete, or keep the very term", () => {
    const x = symbol("fire_x");
    const words = symbolicWords(new Path([], 8));
    for (const word of [words.mul(x, 0n), words.and(0n, x), words.xor(x, x), words.sub(x, x), words.lt(x, x), words.shl(256n, x), words.shr(300n, x), words.lt(x, 0n), words.gt(x, MAX), words.mod(x, 1n), words.mulmod(x, x, 1n)]) {
      expect(word).toBe(0n);
    }
    expect(words.eq(x, x)).toBe(1n);
    expect(words.or(x, MAX)).toBe(MAX);
    for (const word of [words.add(x, 0n), words.mul(1n, x), words.and(x, MAX), words.or(0n, x), words.xor(x, 0n), words.shl(0n, x), words.div(x, 1n), words.and(x, x)]) {
      expect((word as Bv).id()).toBe(x.id());
    }
    const shifted = words.shr(8n, x) as Bv;
    expect((words.and(shifted, (1n << 248n) - 1n) as Bv).id()).toBe(shifted.id());
    expect(words.byte(0n, shifted)).toBe(0n);
    // An AND with a concrete mask leaves its high bits zero: a wider mask keeps it, a byte above it is 0.
    const low = words.and(x, 0xffffn) as Bv;
    expect((words.and(low, 0xffffffn) as Bv).id()).toBe(low.id());
    expect(words.byte(29n, low)).toBe(0n);
    // A mask that clears a bit the shift left is a real AND.
    expect((words.and(shifted, (1n << 247n) - 1n) as Bv).id()).not.toBe(shifted.id());
  });

  it("ISZERO(ISZERO(c)) and a JUMPI on a condition's word branch on the condition itself", () => {
    const x = symbol("branch_x");
    const path = new Path([true], 8);
    const words = symbolicWords(path);
    const below = words.lt(x, 10n);
    expect(words.truthy(words.iszero(words.iszero(below)))).toBe(true);
    expect(path.constraints[0]!.sexpr()).toBe(x.ult(numeral(10n)).sexpr());
  });

  it("decides a branch with the values the path fixed, and counts it once, past the scripted answers", () => {
    const x = symbol("pinned_x");
    const run = (answers: (boolean | bigint)[]) => {
      const path = new Path(answers, 8);
      const words = symbolicWords(path);
      const offset = words.need(words.add(x, 4n), "offset");
      // x + 4 = 36 fixes x: x < 40 needs no query.
      const decided = words.truthy(words.lt(x, 40n));
      return { path, offset, decided };
    };
    expect(() => run([])).toThrow(NeedSignal);
    const { path, offset, decided } = run([36n]);
    expect(offset).toBe(36n);
    expect(decided).toBe(true);
    expect(path.simplified).toBe(1);
    expect(path.constraints).toHaveLength(1);
    // Replaying the prefix does not count it again.
    const replay = new Path([36n, false], 8);
    const again = symbolicWords(replay);
    again.need(again.add(x, 4n), "offset");
    expect(again.truthy(again.lt(x, 40n))).toBe(true);
    expect(replay.simplified).toBe(0);
    // A branch taken on x == 7 fixes x as well.
    const branch = new Path([true], 8);
    const words = symbolicWords(branch);
    expect(words.truthy(words.eq(x, 7n))).toBe(true);
    expect(words.truthy(words.gt(x, 6n))).toBe(true);
    expect(branch.simplified).toBe(1);
    // Still open: a fork, not a guess.
    const open = new Path([], 8);
    expect(() => symbolicWords(open).truthy(symbolicWords(open).lt(x, 40n))).toThrow(ForkSignal);
  });
});
