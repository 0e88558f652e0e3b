/**
 * The published known-answer subsets under conformance/vectors/svm/sources (ACVP SHA3, Wycheproof):
 * they hold what sources/README.md says they hold, and every case, laid out as the precompile's
 * input, gets the standard's verdict from the precompile of the spec AND of src/vm, called directly
 * (the state tests built from them run both through a transaction: svm-vectors.test.ts, and
 * `svm statetest conformance/vectors/svm --impl src`).
 */
import { describe, expect, it } from "vitest";
import {
  acvpSha3Cases,
  wycheproofAesGcmCases,
  wycheproofEcdsaHybridCases,
  wycheproofEd25519Cases,
  wycheproofMlDsaCases,
  wycheproofRsaCases,
} from "../../conformance/vectors/svm/cases-published.js";
import { acvpSha3Vectors, wycheproofCases } from "../../conformance/vectors/svm/known-answers.js";
import type { VectorCase } from "../../conformance/vectors/svm/vector-case.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { runPrecompile } from "../../spec/precompiles/index.js";
import { bytesToHex } from "../../spec/primitives/bytes.js";
import { scheduleOf } from "../../src/vm/forks.js";
import { precompileAt } from "../../src/vm/precompiles/index.js";

const GAS = 10_000_000;

/** What a call answers: the output's hex, or "fails". */
function specAnswer(vector: VectorCase): string {
  const result = runPrecompile(vector.address, vector.input, BigInt(vector.callGas ?? GAS), SCHEDULES.SVM);
  return result.ok ? bytesToHex(result.output) : "fails";
}

function srcAnswer(vector: VectorCase): string {
  const svm = scheduleOf("SVM");
  const result = precompileAt(vector.address, svm)!(vector.input, Number(vector.callGas ?? GAS), svm);
  return typeof result === "string" ? "fails" : bytesToHex(result.output);
}

const expectedAnswer = (vector: VectorCase) => (vector.expected.kind === "fails" ? "fails" : bytesToHex(vector.expected.output));

const FAMILIES: readonly [string, () => VectorCase[]][] = [
  ["ACVP SHA3-256/512", acvpSha3Cases],
  ["Wycheproof Ed25519", wycheproofEd25519Cases],
  ["Wycheproof AES-256-GCM", wycheproofAesGcmCases],
  ["Wycheproof RSA PKCS#1 v1.5 and PSS", wycheproofRsaCases],
  ["Wycheproof ML-DSA", wycheproofMlDsaCases],
  ["Wycheproof ECDSA through HYBRID_VERIFY", wycheproofEcdsaHybridCases],
];

describe("published known answers", () => {
  it.each(FAMILIES)("%s: the spec and src/vm both give the published verdict", (_, cases) => {
    const vectors = cases();
    expect(vectors.length).toBeGreaterThanOrEqual(18);
    for (const vector of vectors) {
      expect(specAnswer(vector), `${vector.name} on the spec`).toBe(expectedAnswer(vector));
      expect(srcAnswer(vector), `${vector.name} on src/vm`).toBe(expectedAnswer(vector));
    }
  });

  it("the ACVP SHA3 subsets hold 13 byte-aligned AFT cases each, around the sponge's rate", () => {
    for (const [bits, rate] of [[256, 136], [512, 72]] as const) {
      const lengths = acvpSha3Vectors(bits).map((v) => v.message.length);
      expect(lengths).toHaveLength(13);
      expect(lengths).toEqual(expect.arrayContaining([0, 1, 32, rate - 1, rate]));
      expect(lengths.some((n) => n > rate)).toBe(true);
    }
  });

  it("each Wycheproof subset has both verdicts and keeps to its cap", () => {
    const caps: readonly [string, number][] = [
      ["wycheproof-ed25519.csv", 20],
      ["wycheproof-aes-gcm.csv", 20],
      ["wycheproof-rsa-pkcs1-2048-sha256.csv", 20],
      ["wycheproof-rsa-pss-2048-sha256-mgf1-32.csv", 20],
      ["wycheproof-ecdsa-secp256k1-sha256-p1363.csv", 20],
      ["wycheproof-ecdsa-secp256r1-sha256-p1363.csv", 20],
      ["wycheproof-mldsa-44-verify.csv", 6],
      ["wycheproof-mldsa-65-verify.csv", 6],
      ["wycheproof-mldsa-87-verify.csv", 6],
    ];
    for (const [file, cap] of caps) {
      const cases = wycheproofCases(file);
      expect(cases.length, file).toBeLessThanOrEqual(cap);
      expect(cases.length, file).toBeGreaterThan(0);
      expect(new Set(cases.map((c) => c.valid)), file).toEqual(new Set([true, false]));
      expect(new Set(cases.map((c) => c.tcId)).size, `${file}: distinct tcIds`).toBe(cases.length);
    }
  });

  it("the ML-DSA cases are in the precompile's shape: a 32-byte message", () => {
    for (const set of [44, 65, 87]) {
      for (const c of wycheproofCases(`wycheproof-mldsa-${set}-verify.csv`)) expect(c.fields.msg!.length).toBe(32);
    }
  });
});
