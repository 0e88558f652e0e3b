/**
 * The values cheatcodes return or revert with, as the ABI and Ethereum define them: ABI-encoded
 * strings and bytes, Error(string), addresses of secp256k1 keys, EIP-55 checksummed text.
 */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bigIntToBytes, bytesToBigInt, bytesToHex, concatBytes } from "../spec/primitives/bytes.js";
import { selectorOf } from "./selector.js";

/** Error(string)'s selector: expectRevert(bytes) also matches a require message given as bytes. */
export const ERROR_SELECTOR = Uint8Array.of(0x08, 0xc3, 0x79, 0xa0);

/**
 * Foundry's `Vm.CheatcodeError(string)`: how forge's cheatcodes revert, a failed vm.assert* among
 * them (foundry crates/cheatcodes/src/error.rs encodes every string error so, not as Error(string)).
 */
export const FORGE_CHEATCODE_ERROR_SIGNATURE = "CheatcodeError(string)";
export const FORGE_CHEATCODE_ERROR_SELECTOR = selectorOf(FORGE_CHEATCODE_ERROR_SIGNATURE);

/** The revert data of a failed forge cheatcode: CheatcodeError(message), ABI-encoded. */
export function forgeCheatcodeError(message: string): Uint8Array {
  return concatBytes(FORGE_CHEATCODE_ERROR_SELECTOR, abiString(message));
}

/** forge's CheatcodeError with the given bytes as the message (vm.expectRevert matches it as it does Error(string)). */
export function forgeCheatcodeErrorData(message: Uint8Array): Uint8Array {
  return concatBytes(FORGE_CHEATCODE_ERROR_SELECTOR, abiBytes(message));
}

/** A string ABI-encoded as a function's only result: offset 32, length, padded bytes. */
export function abiString(message: string): Uint8Array {
  return abiBytes(new TextEncoder().encode(message));
}

/** Bytes ABI-encoded as a function's only result: offset 32, length, padded bytes. */
export function abiBytes(text: Uint8Array): Uint8Array {
  const out = new Uint8Array(64 + Math.ceil(text.length / 32) * 32);
  out[31] = 32;
  out.set(bigIntToBytes(BigInt(text.length), 32), 32);
  out.set(text, 64);
  return out;
}

/** The revert data of `revert(message)`: Error(string), ABI-encoded. */
export function errorString(message: string): Uint8Array {
  return concatBytes(ERROR_SELECTOR, abiString(message));
}

/** Error(string) with the given bytes as the message. */
export function errorData(message: Uint8Array): Uint8Array {
  return concatBytes(ERROR_SELECTOR, abiBytes(message));
}

/** vm.addr: the address of a secp256k1 private key (the last 20 bytes of keccak256 of the public key). */
export function addressOfKey(key: Uint8Array): bigint {
  const publicKey = secp256k1.getPublicKey(key, false);
  return bytesToBigInt(keccak_256(publicKey.subarray(1)).subarray(12));
}

/** A secp256k1 private key as bytes; it must lie in [1, n). */
export function privateKey(key: bigint): Uint8Array | undefined {
  if (key === 0n || key >= secp256k1.Point.CURVE().n) return undefined;
  return bigIntToBytes(key, 32);
}

/** EIP-55: an address in hex with the letters capitalised by its hash, as vm.toString gives it. */
export function checksummed(address: bigint): string {
  const hex = address.toString(16).padStart(40, "0");
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(hex))).slice(2);
  return `0x${[...hex].map((c, i) => (parseInt(hash[i]!, 16) >= 8 ? c.toUpperCase() : c)).join("")}`;
}
