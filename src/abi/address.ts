/** Address text: validation and the EIP-55 mixed-case checksum. */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { AbiError, type AbiErrorCode } from "./errors.js";

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** EIP-55: a hex letter is upper-case when the matching nibble of keccak256(lower-case hex) is ≥ 8. */
export function toChecksumAddress(address: string): string {
  if (!ADDRESS.test(address)) throw new AbiError("ABI_ENCODE", `'${address}' is not a 20-byte 0x address`);
  const lower = address.slice(2).toLowerCase();
  const hash = keccak_256(new TextEncoder().encode(lower));
  let out = "0x";
  for (let i = 0; i < 40; i++) {
    const nibble = ((hash[i >> 1] as number) >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    const ch = lower[i] as string;
    out += nibble >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

/**
 * Parses a 0x address to its 160-bit value. All-lower or all-upper case is accepted as is; mixed case
 * must be a correct EIP-55 checksum, since a wrong one usually means a mistyped address.
 */
export function parseAddress(address: string, what: string, code: AbiErrorCode = "ABI_ENCODE"): bigint {
  if (!ADDRESS.test(address)) throw new AbiError(code, `${what}: '${address}' is not a 20-byte 0x address`);
  const body = address.slice(2);
  const mixed = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixed && toChecksumAddress(address) !== address) {
    throw new AbiError(code, `${what}: '${address}' has an invalid EIP-55 checksum`);
  }
  return BigInt(address);
}
