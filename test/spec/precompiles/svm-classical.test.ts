import { constants, generateKeyPairSync, sign } from "node:crypto";
import { gcm } from "@noble/ciphers/aes.js";
import { describe, expect, it } from "vitest";
import { bip340Vectors, rfc8032Vectors } from "../../../conformance/vectors/svm/known-answers.js";
import { SCHEDULES } from "../../../spec/fork/forks.js";
import { SVM_ADDRESS } from "../../../spec/fork/svm-addresses.js";
import { runPrecompile, type PrecompileResult } from "../../../spec/precompiles/index.js";
import { bigIntToBytes, concatBytes } from "../../../spec/primitives/bytes.js";
import { PLENTY } from "./support.js";

const svm = SCHEDULES.SVM;
const ONE = bigIntToBytes(1n, 32);
const ZERO = new Uint8Array(32);

function call(address: bigint, input: Uint8Array, gas = PLENTY): PrecompileResult {
  return runPrecompile(address, input, gas, svm);
}

function answer(address: bigint, input: Uint8Array): Uint8Array {
  const result = call(address, input);
  if (!result.ok) throw new Error(`precompile failed: ${result.reason}`);
  return result.output;
}

describe("ED25519_VERIFY (RFC 8032)", () => {
  it("accepts RFC 8032 TEST 1-3 and rejects each with a flipped message or signature bit", () => {
    for (const v of rfc8032Vectors()) {
      expect(answer(SVM_ADDRESS.ED25519_VERIFY, concatBytes(v.publicKey, v.signature, v.message)), v.name).toEqual(ONE);
      const badSig = v.signature.slice();
      badSig[0]! ^= 1;
      expect(answer(SVM_ADDRESS.ED25519_VERIFY, concatBytes(v.publicKey, badSig, v.message))).toEqual(ZERO);
      expect(answer(SVM_ADDRESS.ED25519_VERIFY, concatBytes(v.publicKey, v.signature, v.message, Uint8Array.of(0)))).toEqual(ZERO);
    }
  });

  it("rejects S ≥ L (non-canonical, RFC 8032 §5.1.7) and short inputs, with the zero word", () => {
    const v = rfc8032Vectors()[0]!;
    const s = v.signature.slice();
    // S + L: the same scalar mod L, but not canonical. S is little-endian in bytes 32..63.
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    let value = 0n;
    for (let i = 63; i >= 32; i--) value = (value << 8n) | BigInt(s[i]!);
    value += L;
    for (let i = 32; i < 64; i++) {
      s[i] = Number(value & 0xffn);
      value >>= 8n;
    }
    expect(answer(SVM_ADDRESS.ED25519_VERIFY, concatBytes(v.publicKey, s, v.message))).toEqual(ZERO);
    expect(answer(SVM_ADDRESS.ED25519_VERIFY, new Uint8Array(95))).toEqual(ZERO);
  });

  it("charges 3400 + 12 per message word", () => {
    const result = call(SVM_ADDRESS.ED25519_VERIFY, new Uint8Array(96 + 33));
    expect(result.ok && result.gasUsed).toBe(3400n + 24n);
    expect(call(SVM_ADDRESS.ED25519_VERIFY, new Uint8Array(96), 3399n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
  });
});

describe("SCHNORR_VERIFY (BIP-340)", () => {
  it("gives BIP-340's verification result for each of its vectors 0-14", () => {
    for (const v of bip340Vectors()) {
      const expected = v.valid ? ONE : ZERO;
      expect(answer(SVM_ADDRESS.SCHNORR_VERIFY, concatBytes(v.publicKey, v.signature, v.message)), v.name).toEqual(expected);
    }
  });
});

describe("RSA_PKCS1_SHA256_VERIFY and RSA_PSS_SHA256_VERIFY (RFC 8017)", () => {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = publicKey.export({ format: "jwk" });
  const n = Buffer.from(jwk.n!, "base64url");
  const e = Buffer.from(jwk.e!, "base64url");
  const message = new TextEncoder().encode("withdraw 1 ether");
  const pkcs1 = sign("sha256", message, privateKey);
  const pss = sign("sha256", message, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  const input = (sig: Uint8Array, msg = message, nLen = n.length, eBytes: Uint8Array = e) =>
    concatBytes(bigIntToBytes(BigInt(nLen), 32), bigIntToBytes(BigInt(eBytes.length), 32), n, eBytes, sig, msg);

  it("accepts a valid signature of each padding and only under its own padding", () => {
    expect(answer(SVM_ADDRESS.RSA_PKCS1_SHA256_VERIFY, input(pkcs1))).toEqual(ONE);
    expect(answer(SVM_ADDRESS.RSA_PSS_SHA256_VERIFY, input(pss))).toEqual(ONE);
    expect(answer(SVM_ADDRESS.RSA_PKCS1_SHA256_VERIFY, input(pss))).toEqual(ZERO);
    expect(answer(SVM_ADDRESS.RSA_PSS_SHA256_VERIFY, input(pkcs1))).toEqual(ZERO);
  });

  it("rejects another message, an even exponent, a 1024-bit length and a truncated input", () => {
    expect(answer(SVM_ADDRESS.RSA_PKCS1_SHA256_VERIFY, input(pkcs1, Uint8Array.of(1)))).toEqual(ZERO);
    expect(answer(SVM_ADDRESS.RSA_PKCS1_SHA256_VERIFY, input(pkcs1, message, n.length, Uint8Array.of(1, 0, 0)))).toEqual(ZERO);
    expect(answer(SVM_ADDRESS.RSA_PKCS1_SHA256_VERIFY, input(pkcs1, message, 128))).toEqual(ZERO);
    expect(answer(SVM_ADDRESS.RSA_PKCS1_SHA256_VERIFY, input(pkcs1).subarray(0, 64 + 256 + 3 + 100))).toEqual(ZERO);
  });

  it("prices the modulus quadratically: 2000 at 2048 bits, 8000 at 4096, plus 12 per input word", () => {
    const at2048 = call(SVM_ADDRESS.RSA_PKCS1_SHA256_VERIFY, input(pkcs1));
    const length = input(pkcs1).length;
    expect(at2048.ok && at2048.gasUsed).toBe(2000n + 12n * BigInt(Math.ceil(length / 32)));
    const header4096 = concatBytes(bigIntToBytes(512n, 32), bigIntToBytes(3n, 32));
    const at4096 = call(SVM_ADDRESS.RSA_PSS_SHA256_VERIFY, header4096);
    expect(at4096.ok && at4096.gasUsed).toBe(8000n + 24n);
  });
});

describe("AES256GCM_DECRYPT (NIST SP 800-38D)", () => {
  const key = Uint8Array.from({ length: 32 }, (_, i) => i);
  const nonce = Uint8Array.from({ length: 12 }, (_, i) => 0xa0 + i);
  const aad = new TextEncoder().encode("header");
  const plaintext = new TextEncoder().encode("the quick brown fox");
  const sealed = gcm(key, nonce, aad).encrypt(plaintext);
  const input = (body = sealed, aadBytes = aad) =>
    concatBytes(key, nonce, bigIntToBytes(BigInt(aadBytes.length), 32), aadBytes, body);

  it("returns the plaintext of an authentic input", () => {
    expect(answer(SVM_ADDRESS.AES256GCM_DECRYPT, input())).toEqual(plaintext);
  });

  it("fails consuming all gas on a forged tag, a wrong aad, an aadLen past the end or a short input", () => {
    const forged = sealed.slice();
    forged[forged.length - 1]! ^= 1;
    expect(call(SVM_ADDRESS.AES256GCM_DECRYPT, input(forged))).toMatchObject({ ok: false, outOfGas: false, reason: /authentication-failed/ });
    expect(call(SVM_ADDRESS.AES256GCM_DECRYPT, input(sealed, new TextEncoder().encode("HEADER"))).ok).toBe(false);
    const tooLong = input();
    tooLong.set(bigIntToBytes(10_000n, 32), 44);
    expect(call(SVM_ADDRESS.AES256GCM_DECRYPT, tooLong)).toMatchObject({ ok: false, outOfGas: false, reason: /invalid-input-length/ });
    expect(call(SVM_ADDRESS.AES256GCM_DECRYPT, new Uint8Array(91))).toMatchObject({ ok: false, outOfGas: false, reason: /invalid-input-length/ });
  });

  it("decrypts an empty plaintext to an empty output", () => {
    expect(answer(SVM_ADDRESS.AES256GCM_DECRYPT, input(gcm(key, nonce, aad).encrypt(new Uint8Array(0))))).toEqual(new Uint8Array(0));
  });
});
