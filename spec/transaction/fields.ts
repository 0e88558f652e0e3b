/**
 * The RLP form of the fields shared by encoding for signing and decoding: `to` (empty for a
 * creation, else 20 bytes) and the EIP-2930 access list ([[address, [key, ...]], ...]).
 */
import { bigIntToBytes } from "../primitives/bytes.js";
import type { RlpItem } from "../primitives/rlp.js";
import type { AccessListEntry } from "./types.js";

export const ADDRESS_BYTES = 20;
export const WORD_BYTES = 32;

/** The first byte of an EIP-2718 envelope for each typed transaction. */
export const TYPE_ACCESS_LIST = 1;
export const TYPE_DYNAMIC_FEE = 2;
export const TYPE_BLOB = 3;

export function encodeTo(to: bigint | null): Uint8Array {
  return to === null ? new Uint8Array(0) : bigIntToBytes(to, ADDRESS_BYTES);
}

export function encodeAccessList(accessList: readonly AccessListEntry[]): RlpItem {
  return accessList.map((entry) => [
    bigIntToBytes(entry.address, ADDRESS_BYTES),
    entry.storageKeys.map((key) => bigIntToBytes(key, WORD_BYTES)),
  ]);
}
