/**
 * 0x010021 SCHNORR_VERIFY (docs/extensions.md, rule V; BIP-340 Verify with variable-length
 * messages): input pk 32 (x-only) ‖ sig 64 ‖ msg (the rest). A pk that is no x on the curve,
 * r ≥ p or s ≥ n gives 0.
 */
import { schnorr } from "@noble/curves/secp256k1.js";
import { verifier, words } from "./verdict.js";

const FIXED = 32 + 64;

export const schnorrVerify = verifier(
  (input) => 3000 + 12 * words(input.length - FIXED),
  (input) => input.length >= FIXED && schnorr.verify(input.subarray(32, FIXED), input.subarray(FIXED), input.subarray(0, 32)),
);
