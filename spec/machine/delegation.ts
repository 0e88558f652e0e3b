/**
 * EIP-7702 delegation designators: an account whose code is exactly 0xef0100 ‖ address (23 bytes)
 * delegates to `address`. Calls to it run the delegate's code in its own context; EXTCODESIZE,
 * EXTCODECOPY and EXTCODEHASH see the 23 bytes themselves. Only the first link is followed: a
 * designator pointing at another designator runs that designator as code (0xef, an invalid
 * instruction).
 */
import { bigIntToBytes, bytesToBigInt, concatBytes } from "../primitives/bytes.js";

/** The banned opcode 0xef (EIP-3541) followed by 0x01 0x00. */
const DELEGATION_PREFIX = Uint8Array.of(0xef, 0x01, 0x00);
export const DESIGNATOR_LENGTH = DELEGATION_PREFIX.length + 20;

export function isDelegationDesignator(code: Uint8Array): boolean {
  return code.length === DESIGNATOR_LENGTH && DELEGATION_PREFIX.every((byte, i) => code[i] === byte);
}

/** The address the code delegates to, or undefined when it is not a designator. */
export function delegatedAddress(code: Uint8Array): bigint | undefined {
  return isDelegationDesignator(code) ? bytesToBigInt(code.subarray(DELEGATION_PREFIX.length)) : undefined;
}

export function delegationDesignator(address: bigint): Uint8Array {
  return concatBytes(DELEGATION_PREFIX, bigIntToBytes(address, 20));
}
