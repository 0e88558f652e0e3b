/**
 * EIP-7702 delegation designators: an account whose code is exactly 0xef0100 ‖ address runs the
 * code of `address` when called. The designator itself is what EXTCODESIZE/COPY/HASH see.
 */
import { bigIntToBytes, bytesToBigInt, concatBytes } from "./bytes.js";

const MARKER = Uint8Array.of(0xef, 0x01, 0x00);
const DESIGNATOR_LENGTH = MARKER.length + 20;

export function isDelegation(code: Uint8Array): boolean {
  return code.length === DESIGNATOR_LENGTH && code[0] === 0xef && code[1] === 0x01 && code[2] === 0x00;
}

/** The address `code` delegates to, or null when `code` is not a designator. */
export function delegatedAddress(code: Uint8Array): bigint | null {
  return isDelegation(code) ? bytesToBigInt(code.subarray(MARKER.length)) : null;
}

export function delegationDesignator(address: bigint): Uint8Array {
  return concatBytes(MARKER, bigIntToBytes(address, 20));
}
