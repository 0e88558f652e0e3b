/**
 * 0x010010 AES256GCM_DECRYPT (docs/extensions.md): authenticated decryption with AES-256 in
 * Galois/Counter Mode (NIST SP 800-38D), a 96-bit nonce and a 128-bit tag.
 *
 * Input: key 32 ‖ nonce 12 ‖ aadLen (32-byte word) ‖ aad ‖ ciphertext ‖ tag 16. Output: the
 * plaintext. Rule F: a malformed input or a tag that does not authenticate fails the call,
 * consuming all its gas; returning empty would be indistinguishable from an empty plaintext.
 */
import { gcm } from "@noble/ciphers/aes.js";
import { SVM_ADDRESS } from "../../fork/svm-addresses.js";
import { PrecompileFailure } from "../failure.js";
import { readWord } from "../input.js";
import type { Precompile } from "../precompile.js";
import { words } from "./words.js";

const KEY = 32;
const NONCE = 12;
const AAD_LENGTH_WORD = 32;
const TAG = 16;
/** Key, nonce, aadLen and tag: the shortest input, with empty aad and empty ciphertext. */
const MIN_INPUT = KEY + NONCE + AAD_LENGTH_WORD + TAG;

export const AES_GCM_BASE_GAS = 500n;
export const AES_GCM_WORD_GAS = 4n;

function decrypt(input: Uint8Array): Uint8Array {
  if (input.length < MIN_INPUT) {
    throw new PrecompileFailure("invalid-input-length", `AES-256-GCM input of ${input.length} bytes, at least ${MIN_INPUT} needed`);
  }
  const aadLength = readWord(input, BigInt(KEY + NONCE));
  if (aadLength > BigInt(input.length - MIN_INPUT)) {
    throw new PrecompileFailure("invalid-input-length", `aadLen ${aadLength} exceeds the ${input.length - MIN_INPUT} bytes after the header`);
  }
  const key = input.subarray(0, KEY);
  const nonce = input.subarray(KEY, KEY + NONCE);
  const aadStart = KEY + NONCE + AAD_LENGTH_WORD;
  const aad = input.subarray(aadStart, aadStart + Number(aadLength));
  const sealed = input.subarray(aadStart + Number(aadLength));
  try {
    return gcm(key, nonce, aad).decrypt(sealed);
  } catch {
    throw new PrecompileFailure("authentication-failed", "the AES-256-GCM tag does not authenticate the input");
  }
}

export const aes256GcmDecrypt: Precompile = {
  address: SVM_ADDRESS.AES256GCM_DECRYPT,
  name: "AES256GCM_DECRYPT",
  gasCost: (input) => AES_GCM_BASE_GAS + AES_GCM_WORD_GAS * words(input.length),
  run: decrypt,
};
