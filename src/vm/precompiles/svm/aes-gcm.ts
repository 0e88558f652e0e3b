/**
 * 0x010010 AES256GCM_DECRYPT (docs/extensions.md, rule F; NIST SP 800-38D, 96-bit nonce, 128-bit
 * tag). Input key 32 ‖ nonce 12 ‖ aadLen 32 ‖ aad ‖ ciphertext ‖ tag 16; output the plaintext. An
 * input too short, an aadLen beyond the input, or a tag that does not authenticate fails the call:
 * an empty plaintext is a real answer, so "empty" cannot also mean "refused".
 */
import { gcm } from "@noble/ciphers/aes.js";
import { bytesToBigInt } from "../../bytes.js";
import type { Precompile } from "../types.js";
import { words } from "./verdict.js";

const KEY = 32;
const NONCE = 12;
const AAD_LENGTH_WORD = 32;
const TAG = 16;
const FIXED = KEY + NONCE + AAD_LENGTH_WORD + TAG;

function decrypt(input: Uint8Array): Uint8Array | undefined {
  if (input.length < FIXED) return undefined;
  const aadLength = bytesToBigInt(input.subarray(KEY + NONCE, KEY + NONCE + AAD_LENGTH_WORD));
  if (aadLength > BigInt(input.length - FIXED)) return undefined;
  const aadStart = KEY + NONCE + AAD_LENGTH_WORD;
  const aadEnd = aadStart + Number(aadLength);
  const cipher = gcm(input.slice(0, KEY), input.slice(KEY, KEY + NONCE), input.slice(aadStart, aadEnd));
  try {
    return cipher.decrypt(input.slice(aadEnd));
  } catch {
    // The library throws when the tag does not authenticate.
    return undefined;
  }
}

export const aes256GcmDecrypt: Precompile = (input, gas) => {
  const cost = 500 + 4 * words(input.length);
  if (cost > gas) return "out of gas";
  const plaintext = decrypt(input);
  return plaintext === undefined ? "failure" : { gasUsed: cost, output: plaintext };
};
