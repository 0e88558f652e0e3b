/**
 * 0x010022 RSA_PKCS1_SHA256_VERIFY and 0x010023 RSA_PSS_SHA256_VERIFY (docs/extensions.md): RSA
 * signature verification with SHA-256 (RFC 8017 §8.2.2 RSASSA-PKCS1-v1_5; §8.1.2 RSASSA-PSS with
 * MGF1-SHA-256 and a 32-byte salt), 2048- to 4096-bit moduli. @noble has no RSA, so this uses
 * node:crypto (OpenSSL), as the issue allows.
 *
 * Input: nLen (word) ‖ eLen (word) ‖ n ‖ e ‖ sig (nLen bytes) ‖ msg (the rest). Output (rule V):
 * the word 1 for a valid signature, else 0. The key checks below are ours, made before OpenSSL
 * sees the key, so that what is accepted does not depend on the OpenSSL version.
 */
import { constants, createPublicKey, verify, type KeyObject } from "node:crypto";
import { SVM_ADDRESS } from "../../fork/svm-addresses.js";
import { bytesToBigInt } from "../../primitives/bytes.js";
import { readWord } from "../input.js";
import type { Precompile } from "../precompile.js";
import { holds } from "./library-verdict.js";
import { verdict, words } from "./words.js";

const HEADER = 64;
/** 2048 and 4096 bits. */
const MIN_MODULUS_BYTES = 256n;
const MAX_MODULUS_BYTES = 512n;
/** e < 2^32: every exponent in use (3, 65537) and a bound on the verification's work. */
const MAX_EXPONENT_BYTES = 4n;

export const RSA_WORD_GAS = 12n;
/** The modulus term's price at 2048 bits; it grows with the square of the modulus length. */
export const RSA_2048_GAS = 2000n;

function rsaGas(input: Uint8Array): bigint {
  const nLength = readWord(input, 0n);
  const inRange = nLength >= MIN_MODULUS_BYTES && nLength <= MAX_MODULUS_BYTES;
  const modulusTerm = inRange ? (RSA_2048_GAS * nLength * nLength + 65535n) / 65536n : RSA_2048_GAS;
  return RSA_WORD_GAS * words(input.length) + modulusTerm;
}

type Padding = "pkcs1" | "pss";

/** The public key, signature and message of a well-formed input; null for anything else (rule V). */
function parse(input: Uint8Array): { key: KeyObject; signature: Uint8Array; message: Uint8Array } | null {
  if (input.length < HEADER) return null;
  const nLength = readWord(input, 0n);
  const eLength = readWord(input, 32n);
  if (nLength < MIN_MODULUS_BYTES || nLength > MAX_MODULUS_BYTES) return null;
  if (eLength < 1n || eLength > MAX_EXPONENT_BYTES) return null;
  const n = Number(nLength);
  const e = Number(eLength);
  if (input.length < HEADER + 2 * n + e) return null;
  const modulus = input.subarray(HEADER, HEADER + n);
  const exponent = input.subarray(HEADER + n, HEADER + n + e);
  const signature = input.subarray(HEADER + n + e, HEADER + 2 * n + e);
  if (modulus[0] === 0 || modulus[n - 1]! % 2 === 0) return null;
  const exponentValue = bytesToBigInt(exponent);
  if (exponent[0] === 0 || exponentValue % 2n === 0n || exponentValue < 3n) return null;
  if (bytesToBigInt(signature) >= bytesToBigInt(modulus)) return null;
  const jwk = { kty: "RSA", n: Buffer.from(modulus).toString("base64url"), e: Buffer.from(exponent).toString("base64url") };
  return { key: createPublicKey({ key: jwk, format: "jwk" }), signature, message: input.subarray(HEADER + 2 * n + e) };
}

function rsaVerifies(input: Uint8Array, padding: Padding): boolean {
  return holds(() => {
    const parsed = parse(input);
    if (parsed === null) return false;
    const options =
      padding === "pkcs1"
        ? { key: parsed.key, padding: constants.RSA_PKCS1_PADDING }
        : { key: parsed.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    return verify("sha256", parsed.message, options, parsed.signature);
  });
}

export const rsaPkcs1Sha256Verify: Precompile = {
  address: SVM_ADDRESS.RSA_PKCS1_SHA256_VERIFY,
  name: "RSA_PKCS1_SHA256_VERIFY",
  gasCost: rsaGas,
  run: (input) => verdict(rsaVerifies(input, "pkcs1")),
};

export const rsaPssSha256Verify: Precompile = {
  address: SVM_ADDRESS.RSA_PSS_SHA256_VERIFY,
  name: "RSA_PSS_SHA256_VERIFY",
  gasCost: rsaGas,
  run: (input) => verdict(rsaVerifies(input, "pss")),
};
