/**
 * 0x010020 ED25519_VERIFY (docs/extensions.md): Ed25519 verification, RFC 8032 §5.1.7, strict.
 *
 * Input: pk 32 ‖ sig 64 (R ‖ S) ‖ msg (the rest, any length). Output (rule V): the word 1 if the
 * signature is valid, else 0. Strict: a non-canonical A or R, or S ≥ L, is invalid (RFC 8032,
 * not ZIP-215's relaxed decoding); the check is the RFC's cofactored equation.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { SVM_ADDRESS } from "../../fork/svm-addresses.js";
import type { Precompile } from "../precompile.js";
import { holds } from "./library-verdict.js";
import { verdict, words } from "./words.js";

const PUBLIC_KEY = 32;
const SIGNATURE = 64;
const HEADER = PUBLIC_KEY + SIGNATURE;

export const ED25519_BASE_GAS = 3400n;
export const ED25519_WORD_GAS = 12n;

/** Whether `signature` is a valid RFC 8032 Ed25519 signature of `message` under `publicKey`. */
export function ed25519Holds(publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array): boolean {
  return holds(() => ed25519.verify(signature, message, publicKey, { zip215: false }));
}

export const ed25519Verify: Precompile = {
  address: SVM_ADDRESS.ED25519_VERIFY,
  name: "ED25519_VERIFY",
  gasCost: (input) => ED25519_BASE_GAS + ED25519_WORD_GAS * words(input.length - HEADER),
  run: (input) =>
    verdict(
      input.length >= HEADER &&
        ed25519Holds(input.subarray(0, PUBLIC_KEY), input.subarray(PUBLIC_KEY, HEADER), input.subarray(HEADER)),
    ),
};
