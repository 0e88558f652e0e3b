/**
 * Classical signature and AES-GCM vectors: RFC 8032 §7.1's five tests and BIP-340's CSV (sources/),
 * the GCM specification's AES-256 test cases 13, 14 and 16 (McGrew and Viega, "The Galois/Counter
 * Mode of Operation", revised 2005, Appendix B), and RSA signatures made here with node:crypto
 * (no published RSA vector has this precompile's SHA-256 profile at hand; a fresh key per run).
 */
import { constants, generateKeyPairSync, sign } from "node:crypto";
import { schnorr } from "@noble/curves/secp256k1.js";
import { SVM_ADDRESS } from "../../../spec/fork/svm-addresses.js";
import { bigIntToBytes, concatBytes, hexToBytes } from "../../../spec/primitives/bytes.js";
import { bip340Vectors, rfc8032Vectors } from "./known-answers.js";
import { fails, gasEdges, invalid, output, valid, type VectorCase } from "./vector-case.js";

function hex(digits: string): Uint8Array {
  return hexToBytes(`0x${digits}`);
}

function flipBit(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index]! ^= 1;
  return copy;
}

/** Ed25519's group order L (RFC 8032 §5.1). */
const ED25519_ORDER = 2n ** 252n + 27742317777372353535851937790883648493n;

/** The signature with S replaced by S + L: the same scalar mod L, but a non-canonical encoding. */
function nonCanonicalS(signature: Uint8Array): Uint8Array {
  const out = signature.slice();
  let s = 0n;
  for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(out[i]!);
  s += ED25519_ORDER;
  for (let i = 32; i < 64; i++) {
    out[i] = Number(s & 0xffn);
    s >>= 8n;
  }
  return out;
}

export function ed25519Cases(): VectorCase[] {
  const address = SVM_ADDRESS.ED25519_VERIFY;
  const rfc = rfc8032Vectors();
  const cases: VectorCase[] = rfc.map((v, i) => ({
    name: `ED25519_rfc8032_${v.name.replace("RFC 8032 TEST ", "test").replace(/[^A-Za-z0-9]+/g, "_").replace(/_$/, "")}`,
    address,
    input: concatBytes(v.publicKey, v.signature, v.message),
    expected: valid,
  }));
  const first = rfc[0]!;
  return [
    ...cases,
    ...gasEdges(cases[1]!),
    { name: "ED25519_flipped_signature_bit", address, input: concatBytes(first.publicKey, flipBit(first.signature, 5), first.message), expected: invalid },
    { name: "ED25519_other_message", address, input: concatBytes(first.publicKey, first.signature, Uint8Array.of(0)), expected: invalid },
    { name: "ED25519_non_canonical_S", address, input: concatBytes(first.publicKey, nonCanonicalS(first.signature), first.message), expected: invalid },
    { name: "ED25519_malformed_length_95", address, input: concatBytes(first.publicKey, first.signature).subarray(0, 95), expected: invalid },
    { name: "ED25519_empty_input", address, input: new Uint8Array(0), expected: invalid },
  ];
}

export function schnorrCases(): VectorCase[] {
  const address = SVM_ADDRESS.SCHNORR_VERIFY;
  const cases: VectorCase[] = bip340Vectors().map((v, i) => ({
    name: `SCHNORR_bip340_vector${i}`,
    address,
    input: concatBytes(v.publicKey, v.signature, v.message),
    expected: v.valid ? valid : invalid,
  }));
  // BIP-340 allows messages of any length (its vectors 15-18 test 0, 1, 17 and 100 bytes with one
  // key); these sign the same lengths with vector 0's key, and price the 100-byte one.
  const secretKey = bigIntToBytes(3n, 32);
  const variable = [0, 1, 17, 100].map((length): VectorCase => {
    const message = new Uint8Array(length).fill(0x99);
    const signature = schnorr.sign(message, secretKey, new Uint8Array(32));
    return { name: `SCHNORR_message_of_${length}_bytes`, address, input: concatBytes(schnorr.getPublicKey(secretKey), signature, message), expected: valid };
  });
  return [
    ...cases,
    ...variable,
    ...gasEdges(variable[3]!),
    ...gasEdges(cases[1]!),
    { name: "SCHNORR_malformed_length_95", address, input: cases[1]!.input.subarray(0, 95), expected: invalid },
  ];
}

function rsaInput(n: Uint8Array, e: Uint8Array, signature: Uint8Array, message: Uint8Array, nLength = n.length): Uint8Array {
  return concatBytes(bigIntToBytes(BigInt(nLength), 32), bigIntToBytes(BigInt(e.length), 32), n, e, signature, message);
}

export function rsaCases(): VectorCase[] {
  const pkcs1Address = SVM_ADDRESS.RSA_PKCS1_SHA256_VERIFY;
  const pssAddress = SVM_ADDRESS.RSA_PSS_SHA256_VERIFY;
  const message = new TextEncoder().encode("SVM RSA vector");
  const cases: VectorCase[] = [];
  for (const bits of [2048, 4096]) {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: bits });
    const jwk = publicKey.export({ format: "jwk" });
    const n = Buffer.from(jwk.n!, "base64url");
    const e = Buffer.from(jwk.e!, "base64url");
    const pkcs1 = sign("sha256", message, privateKey);
    const pss = sign("sha256", message, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
    const pkcs1Valid: VectorCase = { name: `RSA_PKCS1_${bits}_valid`, address: pkcs1Address, input: rsaInput(n, e, pkcs1, message), expected: valid };
    const pssValid: VectorCase = { name: `RSA_PSS_${bits}_valid`, address: pssAddress, input: rsaInput(n, e, pss, message), expected: valid };
    cases.push(
      pkcs1Valid,
      pssValid,
      ...gasEdges(pkcs1Valid),
      ...gasEdges(pssValid),
      { name: `RSA_PKCS1_${bits}_pss_signature`, address: pkcs1Address, input: rsaInput(n, e, pss, message), expected: invalid },
      { name: `RSA_PSS_${bits}_pkcs1_signature`, address: pssAddress, input: rsaInput(n, e, pkcs1, message), expected: invalid },
      { name: `RSA_PKCS1_${bits}_other_message`, address: pkcs1Address, input: rsaInput(n, e, pkcs1, Uint8Array.of(1)), expected: invalid },
      { name: `RSA_PKCS1_${bits}_even_exponent`, address: pkcs1Address, input: rsaInput(n, Uint8Array.of(1, 0, 0), pkcs1, message), expected: invalid },
      { name: `RSA_PKCS1_${bits}_truncated`, address: pkcs1Address, input: rsaInput(n, e, pkcs1, message).subarray(0, 64 + bits / 8 + 3 + 10), expected: invalid },
    );
  }
  cases.push({ name: "RSA_PKCS1_1024_bit_length_refused", address: pkcs1Address, input: rsaInput(new Uint8Array(128).fill(0xff), Uint8Array.of(1, 0, 1), new Uint8Array(128), new Uint8Array(0)), expected: invalid });
  cases.push({ name: "RSA_PKCS1_empty_input", address: pkcs1Address, input: new Uint8Array(0), expected: invalid });
  return cases;
}

function gcmInput(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array): Uint8Array {
  return concatBytes(key, nonce, bigIntToBytes(BigInt(aad.length), 32), aad, ciphertext, tag);
}

export function aesGcmCases(): VectorCase[] {
  const address = SVM_ADDRESS.AES256GCM_DECRYPT;
  const zeroKey = new Uint8Array(32);
  const zeroNonce = new Uint8Array(12);
  const key16 = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
  const nonce16 = hex("cafebabefacedbaddecaf888");
  const aad16 = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
  const plaintext16 = hex(
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
  );
  const ciphertext16 = hex(
    "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
  );
  const tag16 = hex("76fc6ece0f4e1768cddf8853bb2d551b");
  const case16: VectorCase = { name: "AES256GCM_gcm_spec_test16", address, input: gcmInput(key16, nonce16, aad16, ciphertext16, tag16), expected: output(plaintext16) };
  const tooLongAad = case16.input.slice();
  tooLongAad.set(bigIntToBytes(10_000n, 32), 44);
  return [
    {
      name: "AES256GCM_gcm_spec_test13_empty",
      address,
      input: gcmInput(zeroKey, zeroNonce, new Uint8Array(0), new Uint8Array(0), hex("530f8afbc74536b9a963b4f1c4cb738b")),
      expected: output(new Uint8Array(0)),
    },
    {
      name: "AES256GCM_gcm_spec_test14",
      address,
      input: gcmInput(zeroKey, zeroNonce, new Uint8Array(0), hex("cea7403d4d606b6e074ec5d3baf39d18"), hex("d0d1c8a799996bf0265b98b5d48ab919")),
      expected: output(new Uint8Array(16)),
    },
    case16,
    ...gasEdges(case16),
    { name: "AES256GCM_forged_tag", address, input: gcmInput(key16, nonce16, aad16, ciphertext16, flipBit(tag16, 15)), expected: fails },
    { name: "AES256GCM_other_aad", address, input: gcmInput(key16, nonce16, flipBit(aad16, 0), ciphertext16, tag16), expected: fails },
    { name: "AES256GCM_aad_length_past_end", address, input: tooLongAad, expected: fails },
    { name: "AES256GCM_malformed_length_91", address, input: new Uint8Array(91), expected: fails },
  ];
}
