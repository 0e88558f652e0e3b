/**
 * docs/extensions.md's promise for malformed input: every SVM precompile answers by its one rule
 * (rule V: a 32-byte word, 0 unless valid; rule F: a failure that consumes the gas; rule N: any
 * input is valid) and never throws, whatever the bytes — random lengths, and random bytes of
 * exactly the lengths the layouts expect (where the parsers and libraries are reached).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCHEDULES } from "../../../spec/fork/forks.js";
import { SVM_ADDRESS, type SvmPrecompileName } from "../../../spec/fork/svm-addresses.js";
import { runPrecompile } from "../../../spec/precompiles/index.js";
import { PQ_SCHEMES } from "../../../spec/precompiles/svm/post-quantum-schemes.js";
import { bigIntToBytes } from "../../../spec/primitives/bytes.js";
import { PLENTY } from "./support.js";

type Rule = "V" | "F" | "N";

const RULES: Record<SvmPrecompileName, Rule> = {
  SHA3_256: "N",
  SHA3_512: "N",
  BLAKE2B_512: "N",
  BLAKE3_256: "N",
  AES256GCM_DECRYPT: "F",
  ED25519_VERIFY: "V",
  SCHNORR_VERIFY: "V",
  RSA_PKCS1_SHA256_VERIFY: "V",
  RSA_PSS_SHA256_VERIFY: "V",
  BLS_VERIFY: "V",
  BLS_AGGREGATE_VERIFY: "V",
  BLS_FAST_AGGREGATE_VERIFY: "V",
  MLDSA44_VERIFY: "V",
  MLDSA65_VERIFY: "V",
  MLDSA87_VERIFY: "V",
  SLHDSA_SHA2_128S_VERIFY: "V",
  SLHDSA_SHA2_128F_VERIFY: "V",
  SLHDSA_SHAKE_128S_VERIFY: "V",
  SLHDSA_SHAKE_128F_VERIFY: "V",
  FALCON512_VERIFY: "V",
  FALCON1024_VERIFY: "V",
  HYBRID_VERIFY: "V",
};

/** The lengths each layout expects (where a random input reaches the library rather than a length check). */
function layoutLengths(name: SvmPrecompileName): number[] {
  const pq = PQ_SCHEMES.find((s) => s.name === name);
  if (pq !== undefined) return pq.layout === "msg32-sig-pk" ? [32 + pq.signatureLength + pq.publicKeyLength] : [pq.publicKeyLength + pq.signatureLength + 32];
  switch (name) {
    case "ED25519_VERIFY":
    case "SCHNORR_VERIFY":
      return [96, 128];
    case "BLS_VERIFY":
      return [144, 176];
    case "BLS_AGGREGATE_VERIFY":
      return [176, 256];
    case "BLS_FAST_AGGREGATE_VERIFY":
      return [176, 224];
    case "AES256GCM_DECRYPT":
      return [92, 124];
    case "RSA_PKCS1_SHA256_VERIFY":
    case "RSA_PSS_SHA256_VERIFY":
      return [64 + 2 * 256 + 3, 64 + 2 * 256 + 3 + 32];
    case "HYBRID_VERIFY":
      return [34 + 128 + 2420 + 1312];
    default:
      return [0, 1, 64];
  }
}

/** Inputs the parsers accept as far as lengths go: RSA headers of 2048 bits, hybrid ids secp256k1 + ML-DSA-44. */
function shaped(name: SvmPrecompileName, bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  if ((name === "RSA_PKCS1_SHA256_VERIFY" || name === "RSA_PSS_SHA256_VERIFY") && out.length >= 64) {
    out.set(bigIntToBytes(256n, 32), 0);
    out.set(bigIntToBytes(3n, 32), 32);
  }
  if (name === "HYBRID_VERIFY" && out.length >= 2) out.set([0x01, 0x01], 0);
  if (name === "AES256GCM_DECRYPT" && out.length >= 76) out.set(bigIntToBytes(0n, 32), 44);
  return out;
}

function check(name: SvmPrecompileName, input: Uint8Array): void {
  const result = runPrecompile(SVM_ADDRESS[name], input, PLENTY, SCHEDULES.SVM);
  const rule = RULES[name];
  if (rule === "F") {
    if (result.ok) throw new Error("a random AES-GCM input authenticated");
    expect(result.outOfGas).toBe(false);
    return;
  }
  expect(result.ok).toBe(true);
  if (result.ok && rule === "V") expect(result.output).toEqual(new Uint8Array(32));
}

/** Slow verifiers (SLH-DSA runs its whole hypertree even on a random signature) get fewer runs. */
function runsFor(name: SvmPrecompileName): number {
  return name.startsWith("SLHDSA") ? 3 : name.startsWith("BLS") ? 10 : 25;
}

describe("SVM precompiles on arbitrary input", () => {
  it.each(Object.keys(RULES) as SvmPrecompileName[])("%s answers by its rule and never throws", (name) => {
    const lengths = layoutLengths(name);
    const inputArb = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.constantFrom(...lengths).chain((length) => fc.uint8Array({ minLength: length, maxLength: length })),
    );
    fc.assert(
      fc.property(inputArb, (bytes) => check(name, shaped(name, bytes))),
      { numRuns: runsFor(name), seed: 11 },
    );
  });
});
