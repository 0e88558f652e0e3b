/**
 * 0x010001-0x010004 (docs/extensions.md, rule N): SHA3-256 and SHA3-512 (FIPS 202, the standard
 * padding, not Ethereum's keccak), BLAKE2b-512 (RFC 7693, unkeyed) and BLAKE3-256. Every input is valid.
 */
import { blake2b } from "@noble/hashes/blake2.js";
import { blake3 } from "@noble/hashes/blake3.js";
import { sha3_256, sha3_512 } from "@noble/hashes/sha3.js";
import { charge, type Precompile } from "../types.js";
import { words } from "./verdict.js";

function hashPrecompile(perWord: number, digest: (input: Uint8Array) => Uint8Array): Precompile {
  return (input, gas) => charge(60 + perWord * words(input.length), gas, () => digest(input));
}

export const sha3_256Precompile = hashPrecompile(6, (input) => sha3_256(input));
export const sha3_512Precompile = hashPrecompile(8, (input) => sha3_512(input));
export const blake2b512Precompile = hashPrecompile(5, (input) => blake2b(input, { dkLen: 64 }));
export const blake3_256Precompile = hashPrecompile(3, (input) => blake3(input, { dkLen: 32 }));
