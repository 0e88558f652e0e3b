/**
 * 0x03 RIPEMD-160 (Yellow Paper, Appendix E): the 20-byte RIPEMD-160 digest of the input,
 * left-padded with zeros to a 32-byte word.
 */
import { ripemd160 as ripemd160Digest } from "@noble/hashes/legacy.js";
import { wordCount } from "./input.js";
import type { Precompile } from "./precompile.js";

export const RIPEMD160_BASE_GAS = 600n;
export const RIPEMD160_WORD_GAS = 120n;

export const ripemd160: Precompile = {
  address: 0x03n,
  name: "RIPEMD160",
  gasCost: (input) => RIPEMD160_BASE_GAS + RIPEMD160_WORD_GAS * wordCount(input.length),
  run(input) {
    const digest = ripemd160Digest(input);
    const word = new Uint8Array(32);
    word.set(digest, 32 - digest.length);
    return word;
  },
};
