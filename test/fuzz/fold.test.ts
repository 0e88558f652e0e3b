/**
 * Folded results reach the outcome (program.ts, FOLD_SLOT): a sweep whose results change, as a
 * fault of the compile tier would change them, changes the slot's post-state word in an untraced run, even
 * when the faults come in pairs that XOR or ADD would cancel; operands that change without
 * changing any result leave the outcome as it was.
 */
import { describe, expect, it } from "vitest";
import { type Block, FOLD_SLOT, programBytes } from "../../conformance/fuzz/program.js";
import { SWEEP_TUPLES } from "../../conformance/fuzz/values.js";
import { specImplementation } from "../../conformance/impls/spec.js";
import { singleCallCase } from "../../conformance/single-call.js";
import type { CaseOutcome } from "../../interface/implementation.js";
import { bytesToHex } from "../../spec/primitives/bytes.js";
import { srcImplementationWithTier } from "../../src/vm/implementation.js";

const TWO_255 = 1n << 255n;
const MAX_WORD = (1n << 256n) - 1n;
const compiled = srcImplementationWithTier("always");

/**
 * The untraced outcome of `blocks` on spec and on the compile tier, FOLD_SLOT seeded as build.ts
 * seeds it, then the slot returned as output (an SLOAD block stored to memory 0, RETURN of 0..32):
 * the word the state root holds at FOLD_SLOT. (The root itself differs with any change of code.)
 */
async function foldOf(blocks: readonly Block[]): Promise<{ fold: string; gasUsed: bigint; status: string }> {
  const reveal: Block = { kind: "compute", mnemonic: "SLOAD", operands: [FOLD_SLOT], sink: { kind: "mstore", offset: 0n } };
  const code = programBytes({ blocks: [...blocks, reveal], end: { kind: "return", offset: 0n, length: 32n } });
  const testCase = singleCallCase({ code, storage: new Map([[FOLD_SLOT, 1n]]) });
  const spec = (await specImplementation.runStateTest(testCase)) as CaseOutcome;
  const src = (await compiled.runStateTest(testCase)) as CaseOutcome;
  if (spec.kind !== "executed" || src.kind !== "executed") throw new Error(`not executed: ${spec.kind}, ${src.kind}`);
  // The compile tier, untraced, computes the same fold and state.
  expect(bytesToHex(src.stateRoot)).toBe(bytesToHex(spec.stateRoot));
  expect(bytesToHex(src.output)).toBe(bytesToHex(spec.output));
  expect(spec.status).toBe("success");
  return { fold: bytesToHex(spec.output), gasUsed: spec.gasUsed, status: spec.status };
}

const sweep = (mnemonic: string, tuples: readonly (readonly bigint[])[]): Block => ({ kind: "sweep", mnemonic, tuples });

describe("folded results reach the outcome", () => {
  it.each([
    // SHR(255, 2^255) = SHR(255, 2^256 − 1) = 1 (XOR of the two errors cancels).
    ["SHR", [TWO_255, MAX_WORD]],
    // SHL(255, 1) = SHL(255, 2^256 − 1) = 2^255 (the sum of the two errors, 2^256, cancels).
    ["SHL", [1n, MAX_WORD]],
  ] as const)("two results of a %s sweep that a shift by 255 as 0 would change, in a pair that XOR or ADD cancels, change the fold", async (mnemonic, values) => {
    // A shift by 256 gives 0; PUSH1 255 and PUSH2 256 cost the same gas.
    const right = await foldOf([sweep(mnemonic, values.map((v) => [255n, v]))]);
    const wrong = await foldOf([sweep(mnemonic, values.map((v) => [256n, v]))]);
    expect(wrong.gasUsed).toBe(right.gasUsed);
    expect(wrong.fold).not.toBe(right.fold);
  });

  it("the same results from other operands leave the fold as it was", async () => {
    const a = await foldOf([sweep("SHR", [[256n, TWO_255], [256n, MAX_WORD]])]);
    const b = await foldOf([sweep("SHR", [[257n, TWO_255], [257n, MAX_WORD]])]);
    expect(b.fold).toBe(a.fold);
  });

  it.each(["SHL", "SHR"])("the generator's %s sweep, its shifts by 255 giving 0 as a faulty compile tier would, changes the fold", async (mnemonic) => {
    const tuples = SWEEP_TUPLES.get(mnemonic)!;
    // A shift by 256 gives 0 for every value: the result a `< 255n` bound gives at 255.
    const faulty = tuples.map(([shift, value]) => (shift === 255n ? [256n, value!] : [shift!, value!]));
    const right = await foldOf([sweep(mnemonic, tuples)]);
    const wrong = await foldOf([sweep(mnemonic, faulty)]);
    expect(wrong.gasUsed).toBe(right.gasUsed);
    expect(wrong.fold).not.toBe(right.fold);
  });

  it("a compute block's folded result reaches the fold", async () => {
    const slt = (a: bigint): Block => ({ kind: "compute", mnemonic: "SLT", operands: [a, 0n], sink: { kind: "fold" } });
    // SLT(−2^255, 0) = 1, SLT(2^255 + 1, 0) = 1, SLT(2^255 − 1, 0) = 0 (same push widths, same gas).
    expect((await foldOf([slt(TWO_255)])).fold).toBe((await foldOf([slt(TWO_255 + 1n)])).fold);
    expect((await foldOf([slt(TWO_255)])).fold).not.toBe((await foldOf([slt(TWO_255 - 1n)])).fold);
  });

  it("the fold weighs each word by its position, so items in another order (a SWAP gone wrong) show", async () => {
    const inOrder = await foldOf([sweep("ADD", [[1n, 0n], [2n, 0n]])]);
    const swapped = await foldOf([sweep("ADD", [[2n, 0n], [1n, 0n]])]);
    expect(swapped.fold).not.toBe(inOrder.fold);
  });

  it("folds of successive sweeps chain: a later sweep does not overwrite an earlier one's results", async () => {
    const first = (shift: bigint): Block => sweep("SHR", [[shift, TWO_255]]);
    const later = sweep("ADD", [[1n, 2n]]);
    expect((await foldOf([first(255n), later])).fold).not.toBe((await foldOf([first(256n), later])).fold);
  });
});
