/**
 * The SVM precompile vectors (conformance/vectors/svm, filled by the spec) pass on the spec, and
 * cover every SVM precompile the spec implements with valid, invalid or failing, exact-gas and
 * out-of-gas cases. The same files check src/vm with `svm statetest conformance/vectors/svm --impl src`.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { regressionFiles } from "../../conformance/fuzz/replay.js";
import { decodeStateTestFile } from "../../conformance/formats/state-tests.js";
import { specImplementation } from "../../conformance/impls/spec.js";
import { isForkName } from "../../interface/implementation.js";
import { buildCase, listCases } from "../../conformance/state-tests/cases.js";
import { compareOutcome } from "../../conformance/state-tests/compare.js";
import { SVM_PRECOMPILE_ADDRESSES } from "../../spec/fork/svm-addresses.js";
import { bytesToHex } from "../../spec/primitives/bytes.js";

const folder = fileURLToPath(new URL("../../conformance/vectors/svm", import.meta.url));
const files = regressionFiles(folder);

function casesOf(path: string) {
  const decoded = decodeStateTestFile(readFileSync(path, "utf8"));
  if (!decoded.ok) throw new Error(`${path}: ${decoded.error}`);
  return listCases(path, decoded.tests).map((ref) => {
    if (!isForkName(ref.fork)) throw new Error(`${ref.id}: unknown fork ${ref.fork}`);
    return { ref, ...buildCase(ref, ref.fork, decoded.tests.get(ref.testName)!) };
  });
}

describe("SVM precompile vectors", () => {
  it.each(files.map((path) => [basename(path), path]))("%s passes on the spec", async (_, path) => {
    const cases = casesOf(path);
    expect(cases.length).toBeGreaterThan(0);
    for (const { ref, testCase, expected } of cases) {
      expect(testCase.fork).toBe("SVM");
      const verdict = compareOutcome(expected, await specImplementation.runStateTest(testCase));
      expect(verdict, ref.id).toEqual({ pass: true });
    }
  });

  it("every implemented SVM precompile has valid, exact-gas and out-of-gas vectors", () => {
    const all = files.flatMap((path) => Object.keys(JSON.parse(readFileSync(path, "utf8")) as object).map((name) => ({ name, path })));
    const text = files.map((path) => readFileSync(path, "utf8")).join("\n");
    for (const address of SVM_PRECOMPILE_ADDRESSES) {
      // The probe's code pushes the address as PUSH3 (0x62) followed by its three bytes.
      expect(text.includes(`62${bytesToHex(Uint8Array.of(Number(address >> 16n), Number((address >> 8n) & 0xffn), Number(address & 0xffn))).slice(2)}`)).toBe(true);
    }
    expect(all.filter((v) => v.name.endsWith("_exact_gas")).length).toBeGreaterThanOrEqual(10);
    expect(all.filter((v) => v.name.endsWith("_out_of_gas")).length).toBeGreaterThanOrEqual(10);
    expect(all.some((v) => v.name.includes("malformed_length"))).toBe(true);
    expect(files.map((path) => basename(path))).toEqual(
      [
        "acvp-sha3.json", "aes-gcm.json", "bls.json", "ed25519.json", "hashes.json", "hybrid.json", "post-quantum.json", "rsa.json", "schnorr.json",
        "wycheproof-aes-gcm.json", "wycheproof-ecdsa-hybrid.json", "wycheproof-ed25519.json", "wycheproof-mldsa.json", "wycheproof-rsa.json",
      ].map((name) => basename(join(folder, name))),
    );
  });
});
