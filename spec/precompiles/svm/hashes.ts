/**
 * SVM hash precompiles (docs/extensions.md, 0x010001-0x010004): SHA3-256 and SHA3-512 (FIPS 202,
 * the standard's padding, not Ethereum's keccak), BLAKE2b with a 64-byte digest (RFC 7693,
 * unkeyed) and BLAKE3 in hash mode with a 32-byte digest. Every input is valid (rule N).
 *
 * Gas: 60 like SHA256's base, plus a per-word cost measured against ECRECOVER
 * (conformance/bench/svm-precompile-cost.ts).
 */
import { blake2b } from "@noble/hashes/blake2.js";
import { blake3 } from "@noble/hashes/blake3.js";
import { sha3_256, sha3_512 } from "@noble/hashes/sha3.js";
import { SVM_ADDRESS } from "../../fork/svm-addresses.js";
import type { Precompile } from "../precompile.js";
import { words } from "./words.js";

const HASH_BASE_GAS = 60n;

function hashPrecompile(
  name: "SHA3_256" | "SHA3_512" | "BLAKE2B_512" | "BLAKE3_256",
  wordGas: bigint,
  digest: (input: Uint8Array) => Uint8Array,
): Precompile {
  return {
    address: SVM_ADDRESS[name],
    name,
    gasCost: (input) => HASH_BASE_GAS + wordGas * words(input.length),
    run: digest,
  };
}

export const sha3_256Precompile = hashPrecompile("SHA3_256", 6n, (input) => sha3_256(input));
export const sha3_512Precompile = hashPrecompile("SHA3_512", 8n, (input) => sha3_512(input));
export const blake2b512Precompile = hashPrecompile("BLAKE2B_512", 5n, (input) => blake2b(input, { dkLen: 64 }));
export const blake3_256Precompile = hashPrecompile("BLAKE3_256", 3n, (input) => blake3(input, { dkLen: 32 }));

export const SVM_HASH_PRECOMPILES: readonly Precompile[] = [
  sha3_256Precompile,
  sha3_512Precompile,
  blake2b512Precompile,
  blake3_256Precompile,
];
