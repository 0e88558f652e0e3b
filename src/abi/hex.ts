/**
 * Hex and integer conversions for the ABI: the spec's audited primitives, with hex parse errors
 * turned into AbiErrors that name the value.
 */
import { bigIntToBytes, hexToBytes as parseHex } from "../../spec/primitives/bytes.js";
import { AbiError, type AbiErrorCode } from "./errors.js";

export { bytesToBigInt, bytesToHex, concatBytes } from "../../spec/primitives/bytes.js";

/** Parses `0x…` or bare hex; `what` names the value in the error message. */
export function hexToBytes(hex: string, what: string, code: AbiErrorCode = "ABI_ENCODE"): Uint8Array {
  try {
    return parseHex(hex);
  } catch (error) {
    if (error instanceof TypeError) throw new AbiError(code, `${what}: ${error.message}`);
    throw error;
  }
}

/** The 32-byte big-endian word of a value already reduced to 0 ≤ value < 2^256. */
export function bigIntToWord(value: bigint): Uint8Array {
  return bigIntToBytes(value, 32);
}
