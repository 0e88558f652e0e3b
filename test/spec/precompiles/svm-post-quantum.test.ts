import { secp256k1 } from "@noble/curves/secp256k1.js";
import { ml_dsa44 } from "@noble/post-quantum/ml-dsa.js";
import { describe, expect, it } from "vitest";
import { SCHEDULES } from "../../../spec/fork/forks.js";
import { SVM_ADDRESS } from "../../../spec/fork/svm-addresses.js";
import { runPrecompile, type PrecompileResult } from "../../../spec/precompiles/index.js";
import { PQ_SCHEMES } from "../../../spec/precompiles/svm/post-quantum-schemes.js";
import { bigIntToBytes, concatBytes } from "../../../spec/primitives/bytes.js";
import { PLENTY } from "./support.js";

const ONE = bigIntToBytes(1n, 32);
const ZERO = new Uint8Array(32);

function call(address: bigint, input: Uint8Array, gas = PLENTY): PrecompileResult {
  return runPrecompile(address, input, gas, SCHEDULES.SVM);
}

const message = new Uint8Array(32).fill(0x42);
const keys = ml_dsa44.keygen(new Uint8Array(32).fill(1));
const signature = ml_dsa44.sign(message, keys.secretKey);
const mldsaInput = concatBytes(message, signature, keys.publicKey);

describe("post-quantum verifiers (FIPS 204, FIPS 205, Falcon)", () => {
  it("ML-DSA-44 (EIP-8051 layout, FIPS 204 public key) accepts its signature, for 4500 gas", () => {
    expect(call(SVM_ADDRESS.MLDSA44_VERIFY, mldsaInput)).toEqual({ ok: true, gasUsed: 4500n, output: ONE });
  });

  it("ML-DSA-44 gives the zero word for another message, a byte too few or too many", () => {
    const other = concatBytes(new Uint8Array(32), signature, keys.publicKey);
    expect(call(SVM_ADDRESS.MLDSA44_VERIFY, other)).toMatchObject({ ok: true, output: ZERO });
    expect(call(SVM_ADDRESS.MLDSA44_VERIFY, mldsaInput.subarray(1))).toMatchObject({ ok: true, output: ZERO });
    expect(call(SVM_ADDRESS.MLDSA44_VERIFY, concatBytes(mldsaInput, Uint8Array.of(0)))).toMatchObject({ ok: true, output: ZERO });
  });

  it("sizes follow FIPS 204 Table 2, FIPS 205 Table 2 and Falcon's padded format", () => {
    const sizes = Object.fromEntries(PQ_SCHEMES.map((s) => [s.name, [s.publicKeyLength, s.signatureLength]]));
    expect(sizes).toEqual({
      MLDSA44_VERIFY: [1312, 2420],
      MLDSA65_VERIFY: [1952, 3309],
      MLDSA87_VERIFY: [2592, 4627],
      SLHDSA_SHA2_128S_VERIFY: [32, 7856],
      SLHDSA_SHA2_128F_VERIFY: [32, 17088],
      SLHDSA_SHAKE_128S_VERIFY: [32, 7856],
      SLHDSA_SHAKE_128F_VERIFY: [32, 17088],
      FALCON512_VERIFY: [897, 666],
      FALCON1024_VERIFY: [1793, 1280],
    });
  });
});

describe("HYBRID_VERIFY", () => {
  const secret = new Uint8Array(32).fill(0x11);
  const classical = concatBytes(secp256k1.sign(message, secret, { prehash: false }), secp256k1.getPublicKey(secret, false).subarray(1));
  const hybrid = (classicalPart: Uint8Array, pqSignature = signature) =>
    concatBytes(Uint8Array.of(0x01, 0x01), message, classicalPart, pqSignature, keys.publicKey);

  it("holds when both the secp256k1 and the ML-DSA-44 signature hold, for 500 + 3000 + 4500 gas", () => {
    expect(call(SVM_ADDRESS.HYBRID_VERIFY, hybrid(classical))).toEqual({ ok: true, gasUsed: 8000n, output: ONE });
  });

  it("fails (zero word) when either signature is bad", () => {
    const badClassical = classical.slice();
    badClassical[5]! ^= 1;
    const badPq = signature.slice();
    badPq[100]! ^= 1;
    expect(call(SVM_ADDRESS.HYBRID_VERIFY, hybrid(badClassical))).toMatchObject({ output: ZERO });
    expect(call(SVM_ADDRESS.HYBRID_VERIFY, hybrid(classical, badPq))).toMatchObject({ output: ZERO });
  });

  it("charges only its 500 base for an unknown scheme id, and answers 0", () => {
    const unknown = hybrid(classical);
    unknown[1] = 0x7f;
    expect(call(SVM_ADDRESS.HYBRID_VERIFY, unknown)).toEqual({ ok: true, gasUsed: 500n, output: ZERO });
  });
});
