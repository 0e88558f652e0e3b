/** 0x04 IDENTITY (Yellow Paper, Appendix E): returns its input unchanged, a cheap memory copy. */
import { wordCount } from "./input.js";
import type { Precompile } from "./precompile.js";

export const IDENTITY_BASE_GAS = 15n;
export const IDENTITY_WORD_GAS = 3n;

export const identity: Precompile = {
  address: 0x04n,
  name: "IDENTITY",
  gasCost: (input) => IDENTITY_BASE_GAS + IDENTITY_WORD_GAS * wordCount(input.length),
  run: (input) => input.slice(),
};
