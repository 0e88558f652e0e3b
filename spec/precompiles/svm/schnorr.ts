/**
 * 0x010021 SCHNORR_VERIFY (docs/extensions.md): BIP-340 Schnorr verification over secp256k1.
 *
 * Input: pk 32 (x-only) ‖ sig 64 ‖ msg (the rest; BIP-340 allows messages of any length). Output
 * (rule V): the word 1 if BIP-340's Verify(pk, m, sig) succeeds, else 0 — including a pk that is
 * not an x-coordinate on the curve, r ≥ p or s ≥ n.
 */
import { schnorr } from "@noble/curves/secp256k1.js";
import { SVM_ADDRESS } from "../../fork/svm-addresses.js";
import type { Precompile } from "../precompile.js";
import { holds } from "./library-verdict.js";
import { verdict, words } from "./words.js";

const PUBLIC_KEY = 32;
const HEADER = PUBLIC_KEY + 64;

export const SCHNORR_BASE_GAS = 3000n;
export const SCHNORR_WORD_GAS = 12n;

export const schnorrVerify: Precompile = {
  address: SVM_ADDRESS.SCHNORR_VERIFY,
  name: "SCHNORR_VERIFY",
  gasCost: (input) => SCHNORR_BASE_GAS + SCHNORR_WORD_GAS * words(input.length - HEADER),
  run: (input) =>
    verdict(
      input.length >= HEADER &&
        holds(() => schnorr.verify(input.subarray(PUBLIC_KEY, HEADER), input.subarray(HEADER), input.subarray(0, PUBLIC_KEY))),
    ),
};
