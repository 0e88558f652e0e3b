/**
 * 0x010022 RSA_PKCS1_SHA256_VERIFY and 0x010023 RSA_PSS_SHA256_VERIFY (docs/extensions.md, rule V;
 * RFC 8017 §8.2.2 and §8.1.2, SHA-256, PSS with MGF1-SHA-256 and a 32-byte salt). Input
 * nLen 32 ‖ eLen 32 ‖ n ‖ e ‖ sig (nLen bytes) ‖ msg (the rest). node:crypto verifies: @noble has no RSA.
 */
import { constants, createPublicKey, verify } from "node:crypto";
import { bytesToBigInt } from "../../bytes.js";
import { verifier, words } from "./verdict.js";

const MIN_MODULUS = 256; // 2048 bits
const MAX_MODULUS = 512; // 4096 bits
const MAX_EXPONENT = 4;

type Padding = "pkcs1" | "pss";

/** The 32-byte length word at `offset` as a number, or undefined when it cannot be a valid length. */
function lengthAt(input: Uint8Array, offset: number): number | undefined {
  if (input.length < offset + 32) return undefined;
  const value = bytesToBigInt(input.subarray(offset, offset + 32));
  return value > BigInt(MAX_MODULUS) ? undefined : Number(value);
}

function modulusLength(input: Uint8Array): number | undefined {
  const nLen = lengthAt(input, 0);
  return nLen !== undefined && nLen >= MIN_MODULUS ? nLen : undefined;
}

/** 12 per word of the input plus ⌈2000·nLen²/65536⌉ (2000 at 2048 bits), 2000 when nLen is out of range. */
function rsaGas(input: Uint8Array): number {
  const nLen = modulusLength(input);
  return 12 * words(input.length) + (nLen === undefined ? 2000 : Math.ceil((2000 * nLen * nLen) / 65536));
}

const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64url");

function rsaVerifies(input: Uint8Array, padding: Padding): boolean {
  const nLen = modulusLength(input);
  const eLen = lengthAt(input, 32);
  if (nLen === undefined || eLen === undefined || eLen < 1 || eLen > MAX_EXPONENT) return false;
  const signatureEnd = 64 + 2 * nLen + eLen;
  if (input.length < signatureEnd) return false;
  const modulus = input.subarray(64, 64 + nLen);
  const exponent = input.subarray(64 + nLen, 64 + nLen + eLen);
  const signature = input.subarray(64 + nLen + eLen, signatureEnd);
  if (modulus[0] === 0 || modulus[nLen - 1]! % 2 === 0) return false;
  const e = bytesToBigInt(exponent);
  if (exponent[0] === 0 || e % 2n === 0n || e < 3n) return false;
  if (bytesToBigInt(signature) >= bytesToBigInt(modulus)) return false;
  const key = createPublicKey({ key: { kty: "RSA", n: base64url(modulus), e: base64url(exponent) }, format: "jwk" });
  const options =
    padding === "pkcs1"
      ? { key, padding: constants.RSA_PKCS1_PADDING }
      : { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
  return verify("sha256", input.subarray(signatureEnd), options, signature);
}

export const rsaPkcs1Sha256Verify = verifier(rsaGas, (input) => rsaVerifies(input, "pkcs1"));
export const rsaPssSha256Verify = verifier(rsaGas, (input) => rsaVerifies(input, "pss"));
