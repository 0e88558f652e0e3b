/**
 * The symbolic word domain agrees with the concrete one (spec/word/concrete.ts) on random values:
 * every operation is applied to Z3 numerals (so the symbolic code path runs), and the term's value
 * under the exact definitions must equal the concrete result.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { concreteWords } from "../../spec/word/concrete.js";
import type { BinaryOp } from "../../spec/word/words.js";
import { SymbolicMemory } from "../../proofs/domain/symbolic-memory.js";
import { symbolicWords } from "../../proofs/domain/symbolic-words.js";
import { cellsToWord, type Z3Word } from "../../proofs/domain/terms.js";
import { ForkSignal, Path } from "../../proofs/explore/path.js";
import { Solver } from "../../proofs/explore/solver.js";
import { z3, z3Runtime, type Bv } from "../../proofs/z3/context.js";

const MAX = (1n << 256n) - 1n;
/** Words with the edge cases most operations have: 0, 1, the sign bit, all ones, small shifts. */
const word = fc.oneof(
  fc.bigInt({ min: 0n, max: MAX }),
  fc.constantFrom(0n, 1n, 2n, 31n, 32n, 255n, 256n, 1n << 255n, MAX, MAX - 1n),
  fc.bigInt({ min: 0n, max: 300n }),
);

beforeAll(async () => {
  await z3();
});

afterAll(async () => {
  await z3Runtime().shutdown();
});

/** The value of a symbolic result, with divisions and products at their exact definitions. */
async function evaluate(path: Path, result: Z3Word): Promise<bigint> {
  if (typeof result === "bigint") return result;
  const verdict = await new Solver(10_000, Date.now() + 60_000).check([], path, { precision: "exact", values: [result] });
  if (verdict.kind !== "sat") throw new Error(`expected a model, got ${verdict.kind}`);
  return verdict.model.value(result);
}

const numeral = (value: bigint): Bv => z3Runtime().ctx.BitVec.val(value, 256);

const BINARY: BinaryOp[] = ["add", "sub", "mul", "div", "sdiv", "mod", "smod", "lt", "gt", "slt", "sgt", "eq", "and", "or", "xor", "byte", "shl", "shr", "sar", "signextend"];

describe("symbolic words agree with concrete words", () => {
  for (const op of BINARY) {
    it(op, async () => {
      await fc.assert(
        fc.asyncProperty(word, word, async (a, b) => {
          const path = new Path([], 8);
          const words = symbolicWords(path);
          expect(await evaluate(path, words[op](numeral(a), numeral(b)))).toBe(concreteWords[op](a, b));
        }),
        { numRuns: 12 },
      );
    });
  }

  for (const op of ["div", "sdiv", "mod", "smod"] as const) {
    it(`${op} by a concrete divisor`, async () => {
      await fc.assert(
        fc.asyncProperty(word, word, async (a, b) => {
          const path = new Path([], 8);
          const words = symbolicWords(path);
          expect(await evaluate(path, words[op](numeral(a), b))).toBe(concreteWords[op](a, b));
        }),
        { numRuns: 12 },
      );
    });
  }

  for (const op of ["addmod", "mulmod"] as const) {
    it(op, async () => {
      await fc.assert(
        fc.asyncProperty(word, word, word, async (a, b, n) => {
          const path = new Path([], 8);
          const words = symbolicWords(path);
          expect(await evaluate(path, words[op](numeral(a), numeral(b), numeral(n)))).toBe(concreteWords[op](a, b, n));
        }),
        { numRuns: 12 },
      );
    });
  }

  it("exp with a concrete exponent, and powers of two with a symbolic one", async () => {
    await fc.assert(
      fc.asyncProperty(word, fc.bigInt({ min: 0n, max: 600n }), async (base, exponent) => {
        const path = new Path([], 8);
        const words = symbolicWords(path);
        expect(await evaluate(path, words.exp(numeral(base), exponent))).toBe(concreteWords.exp(base, exponent));
        expect(await evaluate(path, words.exp(2n, numeral(exponent)))).toBe(concreteWords.exp(2n, exponent));
      }),
      { numRuns: 12 },
    );
  });

  it("iszero and not", async () => {
    await fc.assert(
      fc.asyncProperty(word, async (a) => {
        const path = new Path([], 8);
        const words = symbolicWords(path);
        expect(await evaluate(path, words.iszero(numeral(a)))).toBe(concreteWords.iszero(a));
        expect(await evaluate(path, words.not(numeral(a)))).toBe(concreteWords.not(a));
      }),
      { numRuns: 12 },
    );
  });
});

describe("symbolic byte strings and memory", () => {
  it("a word stored in memory loads back as the very same term", () => {
    const x = z3Runtime().ctx.BitVec.const("memory_x", 256);
    const memory = new SymbolicMemory();
    memory.expandTo(96);
    memory.store(32, x);
    const loaded = memory.load(32);
    expect(typeof loaded).not.toBe("bigint");
    expect((loaded as Bv).id()).toBe(x.id());
    expect(memory.load(0)).toBe(0n);
  });

  it("slices and byte loads agree with the concrete domain", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 80 }), fc.nat(100), fc.nat(40), async (bytes, offset, size) => {
        const path = new Path([], 8);
        const words = symbolicWords(path);
        const sliced = words.slice(words.bytes(bytes), BigInt(offset), size);
        expect(words.concreteBytes(sliced)).toEqual(concreteWords.slice(bytes, BigInt(offset), size));
      }),
      { numRuns: 30 },
    );
  });

  it("an unaligned load of a symbolic word is the right bit range", async () => {
    await fc.assert(
      fc.asyncProperty(word, fc.integer({ min: 0, max: 32 }), async (value, shift) => {
        const { ctx } = z3Runtime();
        const x = ctx.BitVec.const("unaligned_x", 256);
        const memory = new SymbolicMemory();
        memory.expandTo(64);
        memory.store(0, x);
        const loaded = memory.load(shift);
        const path = new Path([], 8);
        const values = typeof loaded === "bigint" ? [] : [loaded];
        const verdict = await new Solver(10_000, Date.now() + 60_000).check([x.eq(numeral(value))], path, { precision: "exact", values });
        if (verdict.kind !== "sat") throw new Error("expected sat");
        const expected = (value << BigInt(8 * shift)) & MAX;
        expect(typeof loaded === "bigint" ? loaded : verdict.model.value(loaded)).toBe(expected);
      }),
      { numRuns: 15 },
    );
  });

  it("keccak256 of concrete bytes is the real hash, of symbolic bytes an injective function", async () => {
    const path = new Path([], 8);
    const words = symbolicWords(path);
    expect(words.keccak256(words.bytes(new Uint8Array(0)))).toBe(concreteWords.keccak256(new Uint8Array(0)));
    const { ctx } = z3Runtime();
    const [x, y] = [ctx.BitVec.const("hash_x", 256), ctx.BitVec.const("hash_y", 256)];
    const hx = words.keccak256(words.toBytes(x)) as Bv;
    const hy = words.keccak256(words.toBytes(y)) as Bv;
    const solver = new Solver(10_000, Date.now() + 60_000);
    expect((await solver.check([hx.eq(hy), ctx.Not(x.eq(y))], path)).kind).toBe("unsat");
    expect((await solver.check([hx.eq(hy)], path)).kind).toBe("sat");
    expect(cellsToWord(words.toBytes(x))).toBe(x);
  });
});

describe("branching", () => {
  it("a symbolic JUMPI condition stops the run with a fork signal, and a scripted answer constrains the path", () => {
    const { ctx } = z3Runtime();
    const x = ctx.BitVec.const("branch_x", 256);
    const unscripted = symbolicWords(new Path([], 8));
    expect(() => unscripted.truthy(unscripted.lt(x, 10n))).toThrow(ForkSignal);
    const path = new Path([true], 8);
    const words = symbolicWords(path);
    expect(words.truthy(words.lt(x, 10n))).toBe(true);
    expect(path.constraints).toHaveLength(1);
    expect(words.truthy(words.add(numeral(2n), numeral(3n)))).toBe(true);
  });
});
