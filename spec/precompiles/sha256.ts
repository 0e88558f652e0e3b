/** 0x02 SHA2-256 (Yellow Paper, Appendix E): the SHA-256 digest of the input (FIPS 180-4). */
import { sha256 as sha256Digest } from "@noble/hashes/sha2.js";
import { wordCount } from "./input.js";
import type { Precompile } from "./precompile.js";

export const SHA256_BASE_GAS = 60n;
export const SHA256_WORD_GAS = 12n;

export const sha256: Precompile = {
  address: 0x02n,
  name: "SHA256",
  gasCost: (input) => SHA256_BASE_GAS + SHA256_WORD_GAS * wordCount(input.length),
  run: (input) => sha256Digest(input),
};
