import { bls12_381 } from "@noble/curves/bls12-381.js";
import { describe, expect, it } from "vitest";
import { blsVerifyVectors } from "../../../conformance/vectors/svm/known-answers.js";
import { SCHEDULES } from "../../../spec/fork/forks.js";
import { SVM_ADDRESS } from "../../../spec/fork/svm-addresses.js";
import { runPrecompile } from "../../../spec/precompiles/index.js";
import { BLS_POP_DST } from "../../../spec/precompiles/svm/bls.js";
import { bigIntToBytes, concatBytes } from "../../../spec/primitives/bytes.js";
import { PLENTY } from "./support.js";

const ONE = bigIntToBytes(1n, 32);
const ZERO = new Uint8Array(32);
const bls = bls12_381.longSignatures;

function answer(address: bigint, input: Uint8Array): Uint8Array {
  const result = runPrecompile(address, input, PLENTY, SCHEDULES.SVM);
  if (!result.ok) throw new Error(`precompile failed: ${result.reason}`);
  return result.output;
}

/** Deterministic keys 1..n (tests only), their public keys and signatures of `message`. */
function signers(n: number, message: (i: number) => Uint8Array) {
  return Array.from({ length: n }, (_, i) => {
    const secret = bigIntToBytes(BigInt(1000 + i), 32);
    const msg = message(i);
    return {
      publicKey: bls.getPublicKey(secret).toBytes(true),
      message: msg,
      signature: bls.sign(bls.hash(msg, BLS_POP_DST), secret),
    };
  });
}

describe("BLS precompiles (min-pk, POP ciphersuite)", () => {
  it("BLS_VERIFY accepts the consensus-layer vector and rejects it under another message", () => {
    for (const v of blsVerifyVectors()) {
      expect(answer(SVM_ADDRESS.BLS_VERIFY, concatBytes(v.publicKey, v.signature, v.message)), v.name).toEqual(v.valid ? ONE : ZERO);
      expect(answer(SVM_ADDRESS.BLS_VERIFY, concatBytes(v.publicKey, v.signature, Uint8Array.of(1)))).toEqual(ZERO);
    }
  });

  it("BLS_VERIFY rejects the identity as a key and a short input", () => {
    const v = blsVerifyVectors()[0]!;
    const identity = new Uint8Array(48);
    identity[0] = 0xc0;
    expect(answer(SVM_ADDRESS.BLS_VERIFY, concatBytes(identity, v.signature, v.message))).toEqual(ZERO);
    expect(answer(SVM_ADDRESS.BLS_VERIFY, new Uint8Array(143))).toEqual(ZERO);
  });

  it("BLS_AGGREGATE_VERIFY checks k (pk, msg) pairs against one aggregate, and needs every pair", () => {
    const group = signers(3, (i) => bigIntToBytes(BigInt(i + 7), 32));
    const aggregate = bls.aggregateSignatures(group.map((s) => s.signature)).toBytes(true);
    const pairs = group.map((s) => concatBytes(s.publicKey, s.message));
    expect(answer(SVM_ADDRESS.BLS_AGGREGATE_VERIFY, concatBytes(aggregate, ...pairs))).toEqual(ONE);
    expect(answer(SVM_ADDRESS.BLS_AGGREGATE_VERIFY, concatBytes(aggregate, ...pairs.slice(0, 2)))).toEqual(ZERO);
    expect(answer(SVM_ADDRESS.BLS_AGGREGATE_VERIFY, concatBytes(aggregate, ...pairs, Uint8Array.of(0)))).toEqual(ZERO);
  });

  it("BLS_FAST_AGGREGATE_VERIFY checks one message signed by k keys", () => {
    const message = bigIntToBytes(42n, 32);
    const group = signers(3, () => message);
    const aggregate = bls.aggregateSignatures(group.map((s) => s.signature)).toBytes(true);
    const keys = group.map((s) => s.publicKey);
    expect(answer(SVM_ADDRESS.BLS_FAST_AGGREGATE_VERIFY, concatBytes(aggregate, message, ...keys))).toEqual(ONE);
    expect(answer(SVM_ADDRESS.BLS_FAST_AGGREGATE_VERIFY, concatBytes(aggregate, message, ...keys.slice(1)))).toEqual(ZERO);
    expect(answer(SVM_ADDRESS.BLS_FAST_AGGREGATE_VERIFY, concatBytes(aggregate, message))).toEqual(ZERO);
  });

  it("prices verify at 150000, aggregate at 70000 + 80000 per pair, fast aggregate at 150000 + 5000 per key", () => {
    const gas = (address: bigint, length: number) => {
      const result = runPrecompile(address, new Uint8Array(length), PLENTY, SCHEDULES.SVM);
      return result.ok ? result.gasUsed : -1n;
    };
    expect(gas(SVM_ADDRESS.BLS_VERIFY, 144 + 32)).toBe(150_012n);
    expect(gas(SVM_ADDRESS.BLS_AGGREGATE_VERIFY, 96 + 2 * 80)).toBe(230_000n);
    expect(gas(SVM_ADDRESS.BLS_FAST_AGGREGATE_VERIFY, 128 + 3 * 48)).toBe(165_000n);
    expect(gas(SVM_ADDRESS.BLS_AGGREGATE_VERIFY, 10)).toBe(70_000n);
  });
});
