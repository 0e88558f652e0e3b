/**
 * The SVM fork's fuzz inputs (conformance/fuzz/precompile-inputs-svm.ts): drawn inputs reach both
 * verdicts of each precompile, the gas edges land exactly on the price, the spec and src/vm agree
 * on every drawn input, a seed replays the same inputs, and `--fork SVM` programs call them.
 * The slow signers and verifiers (SLH-DSA, Falcon, BLS: 10-140 ms a call) are left to the campaign.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PrecompileInput } from "../../conformance/fuzz/precompile-inputs.js";
import { SVM_INPUT_ARBS, svmPrice } from "../../conformance/fuzz/precompile-inputs-svm.js";
import { scenarioArbFor } from "../../conformance/fuzz/scenario.js";
import { programBytes } from "../../conformance/fuzz/program.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { SVM_PRECOMPILE_ADDRESSES } from "../../spec/fork/svm-addresses.js";
import { runPrecompile } from "../../spec/precompiles/index.js";
import { bigIntToBytes, bytesToHex, concatBytes } from "../../spec/primitives/bytes.js";
import { scheduleOf } from "../../src/vm/forks.js";
import { precompileAt } from "../../src/vm/precompiles/index.js";

/** The bytes the call passes: memory holds the words from offset 0, zero beyond them. */
function inputBytes(input: PrecompileInput): Uint8Array {
  const memory = concatBytes(...input.words.map((word) => bigIntToBytes(word, 32)), new Uint8Array(64));
  return memory.subarray(0, Number(input.length));
}

const GAS = 10_000_000n;

function specAnswer(input: PrecompileInput): string {
  const result = runPrecompile(input.address, inputBytes(input), input.gas ?? GAS, SCHEDULES.SVM);
  return result.ok ? `${result.gasUsed}:${bytesToHex(result.output)}` : result.outOfGas ? "out of gas" : "fails";
}

function srcAnswer(input: PrecompileInput): string {
  const svm = scheduleOf("SVM");
  const result = precompileAt(input.address, svm)!(inputBytes(input), Number(input.gas ?? GAS), svm);
  return typeof result === "string" ? (result === "out of gas" ? "out of gas" : "fails") : `${result.gasUsed}:${bytesToHex(result.output)}`;
}

const VERIFIERS = ["ed25519", "schnorr", "rsaPkcs1", "rsaPss", "MLDSA44_VERIFY"] as const;
const WORD_ONE = `0x${"00".repeat(31)}01`;
const WORD_ZERO = `0x${"00".repeat(32)}`;

describe("SVM precompile fuzz inputs", () => {
  it.each(VERIFIERS)("%s: both verdicts and the gas edges occur, and the spec and src/vm agree", (name) => {
    const inputs = fc.sample(SVM_INPUT_ARBS[name]!, { numRuns: 40, seed: 11 });
    const answers = inputs.map((input) => {
      const answer = specAnswer(input);
      expect(srcAnswer(input), `${name}: ${answer}`).toBe(answer);
      return answer;
    });
    expect(answers.some((a) => a.endsWith(WORD_ONE))).toBe(true);
    expect(answers.some((a) => a.endsWith(WORD_ZERO))).toBe(true);
    const edges = inputs.filter((input) => input.gas !== undefined);
    expect(edges.length).toBeGreaterThan(0);
    for (const input of edges) {
      const short = input.gas! < svmPrice(input.address, inputBytes(input));
      expect(specAnswer(input) === "out of gas").toBe(short);
    }
  });

  it.each(["hashes", "aesGcm"] as const)("%s: the spec and src/vm agree, and AES-GCM both decrypts and refuses", (name) => {
    const answers = fc.sample(SVM_INPUT_ARBS[name]!, { numRuns: 40, seed: 12 }).map((input) => {
      const answer = specAnswer(input);
      expect(srcAnswer(input)).toBe(answer);
      return answer;
    });
    expect(answers.some((a) => a.includes(":"))).toBe(true);
    if (name === "aesGcm") expect(answers).toContain("fails");
  });

  it("a seed draws the same inputs again", () => {
    const draw = () => fc.sample(SVM_INPUT_ARBS.MLDSA44_VERIFY!, { numRuns: 3, seed: 5 });
    expect(draw()).toEqual(draw());
  });

  it("--fork SVM programs call SVM precompiles and lower to bytecode", () => {
    const scenarios = fc.sample(scenarioArbFor(["SVM"]), { numRuns: 2, seed: 3 });
    for (const scenario of scenarios) {
      expect(scenario.fork).toBe("SVM");
      const calls = scenario.contracts.flatMap((c) => c.program.blocks).filter((b) => b.kind === "precompile" && SVM_PRECOMPILE_ADDRESSES.includes(b.address));
      expect(calls.length).toBeGreaterThanOrEqual(scenario.contracts.length);
      for (const contract of scenario.contracts) expect(programBytes(contract.program).length).toBeGreaterThan(0);
    }
  });
});
