/**
 * svm/SVM.sol, function by function, on a src/vm chain at fork SVM: each hash agrees with
 * @noble/hashes, AES-GCM opens what @noble/ciphers sealed and reverts on a forged tag, each verifier
 * says true for a signature src/keys made and false for a tampered one (never a revert), and on a
 * chain without the precompiles (Osaka) every function reverts with SVMPrecompileFailed.
 */
import { gcm } from "@noble/ciphers/aes.js";
import { blake2b } from "@noble/hashes/blake2.js";
import { blake3 } from "@noble/hashes/blake3.js";
import { keccak_256, sha3_256, sha3_512 } from "@noble/hashes/sha3.js";
import { beforeAll, describe, expect, it } from "vitest";
import { type AbiInput, type AbiValue, decodeResult, encodeCall, findFunction } from "../../src/abi/index.js";
import { type CompiledContract, compileSolidityProject } from "../../src/compile/index.js";
import { type KeyPair, type Scheme, schemeNamed } from "../../src/keys/schemes.js";
import { aggregateSignatures } from "../../src/keys/threshold.js";
import { Chain } from "../../src/vm/session.js";
import type { ForkName } from "../../interface/implementation.js";
import { hex, revertName } from "./vault-fixture.js";
import { join } from "node:path";

const FIXTURES = join(import.meta.dirname, "fixtures");
const CALLER = 0xca11e5n;
const SEED = new Uint8Array(16).fill(9);
const DIGEST = keccak_256(new TextEncoder().encode("SVM.sol"));
const OTHER = keccak_256(new TextEncoder().encode("SVM.sol?"));
const DATA = new TextEncoder().encode("the quick brown fox");

let harness: CompiledContract;

function deployed(fork: ForkName): { chain: Chain; address: bigint } {
  const chain = new Chain(fork);
  const receipt = chain.send({ from: CALLER, to: null, data: harness.creationBytecode });
  expect(receipt.status).toBe("success");
  return { chain, address: receipt.created! };
}

function caller(fork: ForkName) {
  const { chain, address } = deployed(fork);
  return (name: string, args: readonly AbiInput[]): { value?: AbiValue; revert?: string } => {
    const fn = findFunction(harness.abi, name);
    const receipt = chain.send({ from: CALLER, to: address, data: encodeCall(fn, args) });
    if (!receipt.success) return { revert: revertName(harness, receipt) };
    const value = decodeResult(fn, receipt.output)[0];
    return { value: value instanceof Uint8Array ? hex(value) : value };
  };
}

const keyed = (name: string): { scheme: Scheme; pair: KeyPair; sign: (m: Uint8Array) => Uint8Array } => {
  const scheme = schemeNamed(name);
  const pair = scheme.generate(scheme.seedable ? SEED : undefined);
  return { scheme, pair, sign: (m) => scheme.sign(pair.secretKey, m, SEED) };
};

describe("svm/SVM.sol on src/vm", () => {
  beforeAll(() => {
    harness = compileSolidityProject(join(FIXTURES, "SvmHarness.sol"), { root: FIXTURES }).contracts.find((c) => c.name === "SvmHarness")!;
  });

  it("hashes as FIPS 202, RFC 7693 and BLAKE3 say", () => {
    const call = caller("SVM");
    expect(call("sha3_256", [DATA]).value).toBe(hex(sha3_256(DATA)));
    expect(call("sha3_512", [DATA]).value).toBe(hex(sha3_512(DATA)));
    expect(call("blake2b512", [DATA]).value).toBe(hex(blake2b(DATA, { dkLen: 64 })));
    expect(call("blake3_256", [DATA]).value).toBe(hex(blake3(DATA)));
  });

  it("opens AES-256-GCM and reverts on a forged tag", () => {
    const call = caller("SVM");
    const key = new Uint8Array(32).fill(1);
    const nonce = new Uint8Array(12).fill(2);
    const aad = new TextEncoder().encode("header");
    const sealed = gcm(key, nonce, aad).encrypt(DATA);
    expect(call("aes256GcmDecrypt", [key, nonce, aad, sealed]).value).toBe(hex(DATA));
    sealed[sealed.length - 1]! ^= 1;
    expect(call("aes256GcmDecrypt", [key, nonce, aad, sealed]).revert).toBe("SVMPrecompileFailed");
  });

  it("verifies each classical and BLS scheme: true for a signature, false for a tampered one", () => {
    const call = caller("SVM");
    const both = (name: string, args: (message: Uint8Array) => AbiInput[]) => {
      expect(call(name, args(DATA)).value, name).toBe(true);
      expect(call(name, args(OTHER)).value, name).toBe(false);
    };
    const ed = keyed("ed25519");
    both("ed25519Verify", (m) => [ed.pair.publicKey, ed.sign(DATA), m]);
    const bip = keyed("bip340");
    both("schnorrVerify", (m) => [bip.pair.publicKey, bip.sign(DATA), m]);
    for (const [name, fn] of [["rsa-pkcs1", "rsaPkcs1Sha256Verify"], ["rsa-pss", "rsaPssSha256Verify"]] as const) {
      const rsa = keyed(name);
      const n = rsa.pair.publicKey.subarray(64, 64 + 256);
      both(fn, (m) => [n, rsa.pair.publicKey.subarray(64 + 256), rsa.sign(DATA), m]);
    }
    const signers = [1, 2, 3].map(() => {
      const scheme = schemeNamed("bls");
      const pair = scheme.generate(undefined);
      return { pair, sign: (m: Uint8Array) => scheme.sign(pair.secretKey, m, undefined) };
    });
    both("blsVerify", (m) => [signers[0]!.pair.publicKey, signers[0]!.sign(DATA), m]);
    const oneMessage = aggregateSignatures(signers.map((s) => s.sign(DIGEST)));
    const keys = signers.map((s) => s.pair.publicKey);
    expect(call("blsFastAggregateVerify", [oneMessage, DIGEST, keys]).value).toBe(true);
    expect(call("blsFastAggregateVerify", [oneMessage, OTHER, keys]).value).toBe(false);
    const messages = [DIGEST, OTHER, keccak_256(DATA)];
    const manyMessages = aggregateSignatures(signers.map((s, i) => s.sign(messages[i]!)));
    expect(call("blsAggregateVerify", [manyMessages, keys, messages]).value).toBe(true);
    expect(call("blsAggregateVerify", [manyMessages, keys, [...messages].reverse()]).value).toBe(false);
  });

  it("verifies each post-quantum scheme and the hybrid: true for a signature, false for a tampered one", () => {
    const call = caller("SVM");
    const digestFirst: [string, string][] = [
      ["ml-dsa-44", "mlDsa44Verify"],
      ["ml-dsa-65", "mlDsa65Verify"],
      ["ml-dsa-87", "mlDsa87Verify"],
      ["slh-dsa-sha2-128f", "slhDsaSha2_128fVerify"],
      ["slh-dsa-shake-128f", "slhDsaShake128fVerify"],
    ];
    for (const [name, fn] of digestFirst) {
      const k = keyed(name);
      const signature = k.sign(DIGEST);
      expect(call(fn, [DIGEST, signature, k.pair.publicKey]).value, name).toBe(true);
      expect(call(fn, [OTHER, signature, k.pair.publicKey]).value, name).toBe(false);
    }
    for (const [name, fn] of [["falcon-512", "falcon512Verify"], ["falcon-1024", "falcon1024Verify"]] as const) {
      const k = keyed(name);
      const signature = k.sign(DATA);
      expect(call(fn, [k.pair.publicKey, signature, DATA]).value, name).toBe(true);
      expect(call(fn, [k.pair.publicKey, signature, OTHER]).value, name).toBe(false);
    }
    const classical = keyed("p256");
    const pq = keyed("ml-dsa-44");
    const parts = [classical, pq].map((k) => k.scheme.hybrid!.part(k.pair.publicKey, k.sign(DIGEST)));
    expect(call("hybridVerify", [2n, 1n, DIGEST, parts[0]!, parts[1]!]).value).toBe(true);
    expect(call("hybridVerify", [2n, 1n, OTHER, parts[0]!, parts[1]!]).value).toBe(false);
  });

  it("answers false, not a revert, for the SLH-DSA small sets given a signature of the wrong length", () => {
    // Signing with these sets takes 5-20 s in JavaScript; a valid signature for them is covered by
    // test/keys/schemes.test.ts with SVM_SLOW_KEYS=1. This pins that each address is an SVM verifier.
    const call = caller("SVM");
    expect(call("slhDsaSha2_128sVerify", [DIGEST, new Uint8Array(7856), new Uint8Array(32)]).value).toBe(false);
    expect(call("slhDsaShake128sVerify", [DIGEST, new Uint8Array(7856), new Uint8Array(32)]).value).toBe(false);
  });

  it("passes a whole input from svm keys to any verifier", () => {
    const call = caller("SVM");
    const ed = keyed("ed25519");
    const [valid] = ed.scheme.calls(ed.pair.publicKey, DATA, ed.sign(DATA));
    expect(call("verify", [valid!.address, valid!.input]).value).toBe(true);
  });

  it("reverts with SVMPrecompileFailed on a chain without the SVM precompiles", () => {
    const call = caller("Osaka");
    expect(call("sha3_256", [DATA]).revert).toBe("SVMPrecompileFailed");
    expect(call("ed25519Verify", [new Uint8Array(32), new Uint8Array(64), DATA]).revert).toBe("SVMPrecompileFailed");
    expect(call("mlDsa44Verify", [DIGEST, new Uint8Array(2420), new Uint8Array(1312)]).revert).toBe("SVMPrecompileFailed");
  });
});
