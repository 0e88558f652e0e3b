/**
 * 0x010020 ED25519_VERIFY (docs/extensions.md, rule V; RFC 8032 §5.1.7, pure Ed25519, strict):
 * input pk 32 ‖ sig 64 ‖ msg (the rest). A non-canonical A or R, or S ≥ L, is invalid (not ZIP-215).
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { verifier, words } from "./verdict.js";

const PUBLIC_KEY = 32;
const SIGNATURE = 64;
const FIXED = PUBLIC_KEY + SIGNATURE;

/** Ed25519 verification of `signature` over `message` by `publicKey`, the RFC 8032 strict reading. */
export function ed25519Verifies(publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array): boolean {
  if (publicKey.length !== PUBLIC_KEY || signature.length !== SIGNATURE) return false;
  return ed25519.verify(signature, message, publicKey, { zip215: false });
}

export function ed25519Gas(inputLength: number): number {
  return 3400 + 12 * words(inputLength - FIXED);
}

export const ed25519Verify = verifier(
  (input) => ed25519Gas(input.length),
  (input) =>
    input.length >= FIXED &&
    ed25519Verifies(input.subarray(0, PUBLIC_KEY), input.subarray(PUBLIC_KEY, FIXED), input.subarray(FIXED)),
);
