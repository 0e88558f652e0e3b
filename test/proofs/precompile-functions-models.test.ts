/**
 * The model table of precompiles called with symbolic input (proofs/host/precompile-models.ts,
 * issue 11): one row per precompile the spec defines; a price the table says depends on the length
 * alone does (the spec's price of random inputs of a length is one number); a price that reads
 * symbolic content is refused with a reason; and the facts each output form carries hold (a
 * verifier's word is 0 or 1, RIPEMD160's top 12 bytes are zero, ECRECOVER needs v = 27 or 28).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proofSchedule } from "../../proofs/environment.js";
import { cellsToWord, wordCells, type Cell, type Z3Bytes, type Z3Word } from "../../proofs/domain/terms.js";
import { Path } from "../../proofs/explore/path.js";
import { Solver } from "../../proofs/explore/solver.js";
import { symbolicPrecompileCall, unreplayedReason } from "../../proofs/host/precompile-functions.js";
import { PRECOMPILE_MODELS } from "../../proofs/host/precompile-models.js";
import { z3, z3Runtime, type Bv, type Z3Bool } from "../../proofs/z3/context.js";
import type { FrameResult, Message } from "../../spec/machine/frame.js";
import type { World } from "../../spec/machine/world.js";
import { PRECOMPILES } from "../../spec/precompiles/index.js";
import { UnsupportedSymbolic } from "../../spec/word/words.js";

const SVM = proofSchedule("SVM");
const GAS = 10_000_000n;

beforeAll(async () => {
  await z3();
});

afterAll(async () => {
  await z3Runtime().shutdown();
});

/** The part of a world a precompile call touches: the fork, and the account touched (no value moves here). */
const world = { schedule: SVM, touch: () => {}, transfer: () => {} } as unknown as World<Z3Word, Z3Bytes>;

let fresh = 0;
/** `length` input bytes, the first `concrete` of them given, the rest bytes of fresh symbolic words. */
function input(length: number, concrete: readonly number[] = []): Cell[] {
  const cells: Cell[] = [...concrete];
  while (cells.length < length) cells.push(...wordCells(z3Runtime().ctx.BitVec.const(`in${fresh++}`, 256) as Bv));
  return cells.slice(0, length);
}

function call(address: bigint, data: Cell[], path = new Path([], 16)): FrameResult<Z3Bytes> {
  const message = { kind: "call", caller: 1n, address, codeAddress: address, value: 0n, transfer: 0n, data, code: new Uint8Array(0), gas: GAS, depth: 1, isStatic: true };
  return symbolicPrecompileCall(path, world, message as Message<Z3Bytes>);
}

async function satisfiable(path: Path, extra: Z3Bool): Promise<boolean> {
  const verdict = await new Solver(10_000, Date.now() + 60_000).check([...path.constraints, extra], path, { precision: "exact" });
  if (verdict.kind === "unknown") throw new Error(verdict.reason);
  return verdict.kind === "sat";
}

function random(length: number, seed: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, () => (state = (state * 1103515245 + 12345) % 2 ** 31) & 0xff);
}

describe("precompile models", () => {
  it("every precompile the spec defines has exactly one row, and every row is a precompile", () => {
    expect(Object.keys(PRECOMPILE_MODELS).sort()).toEqual(PRECOMPILES.map((p) => p.name).sort());
  });

  it("a price the table reads from the length alone is the same for every input of that length", () => {
    for (const precompile of PRECOMPILES) {
      if (PRECOMPILE_MODELS[precompile.name]!.price.kind !== "length") continue;
      for (const length of [1, 32, 96, 160, 213, 500]) {
        const prices = [0, 1, 2].map((seed) => precompile.gasCost(random(length, seed + length), SVM));
        expect(new Set(prices).size, `${precompile.name} at ${length} bytes`).toBe(1);
        // AES256GCM_DECRYPT's output size is read from aadLen, which must be concrete: give it as zero.
        const head = precompile.name === "AES256GCM_DECRYPT" ? new Array<number>(Math.min(length, 76)).fill(0) : [];
        const result = call(precompile.address, input(length, head), new Path([true], 16));
        if (result.kind === "success") expect(GAS - result.gasLeft, precompile.name).toBe(prices[0]);
      }
    }
  });

  it("charges ED25519_VERIFY its documented 3400 + 12·words(L − 96)", () => {
    const result = call(0x010020n, input(96 + 40));
    expect(result.kind === "success" && GAS - result.gasLeft).toBe(3400n + 12n * 2n);
  });

  it("refuses MODEXP whose exponent head is symbolic, and BLAKE2F whose rounds are, naming the price", () => {
    const header = [...wordCells(1n), ...wordCells(1n), ...wordCells(1n)].map((c) => c as number);
    expect(() => call(0x05n, input(99, header))).toThrow(UnsupportedSymbolic);
    expect(() => call(0x05n, input(99, header))).toThrow(/price of precompile 0x5 \(MODEXP\) depends on input bytes 97\.\.98/);
    expect(() => call(0x09n, input(213))).toThrow(/price of precompile 0x9 \(BLAKE2F\)/);
    expect(() => call(0x010010n, input(200))).toThrow(/0x10010 \(AES256GCM_DECRYPT\) called with a symbolic aadLen/);
  });

  it("prices BLAKE2F by its concrete rounds when only the rest is symbolic", () => {
    const result = call(0x09n, input(213, [0, 0, 0, 12]), new Path([true], 16));
    expect(result.kind === "success" && GAS - result.gasLeft).toBe(12n);
  });

  it("echoes IDENTITY's input exactly and names no precompile for it", () => {
    const path = new Path([], 16);
    const data = input(64);
    const result = call(0x04n, data, path);
    expect(result.kind === "success" && result.output).toEqual(data);
    expect(unreplayedReason(path, "a failing path (Panic) did not replay concretely")).toBe("a failing path (Panic) did not replay concretely");
  });

  it("gives a verifier's word only the values 0 and 1, and names the precompile", async () => {
    const path = new Path([], 16);
    const result = call(0x010040n, input(32 + 2420 + 1312), path);
    if (result.kind !== "success") throw new Error("a verifier never fails");
    const word = cellsToWord(result.output) as Bv;
    const { ctx } = z3Runtime();
    expect(await satisfiable(path, word.ugt(ctx.BitVec.val(1n, 256)))).toBe(false);
    expect(await satisfiable(path, word.eq(ctx.BitVec.val(1n, 256)))).toBe(true);
    const unreplayed = "a failing path (Panic) did not replay concretely";
    expect(unreplayedReason(path, unreplayed)).toBe(`depends on precompile 0x10040 (MLDSA44_VERIFY): ${unreplayed}`);
    // A solver that gave no answer is no answer of the precompile's.
    expect(unreplayedReason(path, "no answer on a failing path (Panic) at pc 7: timeout")).toBe("no answer on a failing path (Panic) at pc 7: timeout");
  });

  it("keeps RIPEMD160's top 12 bytes zero", () => {
    const result = call(0x03n, input(40));
    expect(result.kind === "success" && result.output.slice(0, 12)).toEqual(new Array(12).fill(0));
  });

  it("lets ECRECOVER recover an address only with v = 27 or 28", async () => {
    const { ctx } = z3Runtime();
    const v = ctx.BitVec.const("v", 256) as Bv;
    const data = [...input(32), ...wordCells(v), ...input(64)];
    const path = new Path([true], 16);
    const result = call(0x01n, data, path);
    expect(result.kind === "success" && result.output.length).toBe(32);
    expect(await satisfiable(path, v.eq(ctx.BitVec.val(29n, 256)))).toBe(false);
    expect(await satisfiable(path, v.eq(ctx.BitVec.val(28n, 256)))).toBe(true);
  });

  it("fails a call whose price exceeds its gas, before anything runs", () => {
    const message = { kind: "call", caller: 1n, address: 0x010047n, codeAddress: 0x010047n, value: 0n, transfer: 0n, data: input(32 + 17088 + 32), code: new Uint8Array(0), gas: 100n, depth: 1, isStatic: true };
    expect(symbolicPrecompileCall(new Path([], 16), world, message as Message<Z3Bytes>)).toEqual({ kind: "halt", reason: "out of gas" });
  });
});
