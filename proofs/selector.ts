/** The ABI's function selector: the first four bytes of keccak256 of the canonical signature. */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToBigInt } from "../spec/primitives/bytes.js";

export const selectorOf = (signature: string): Uint8Array => keccak_256(new TextEncoder().encode(signature)).subarray(0, 4);

/** The selector as a number, as a dispatcher switches on it. */
export const selectorNumber = (signature: string): number => Number(bytesToBigInt(selectorOf(signature)));
