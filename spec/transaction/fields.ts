/**
 * The RLP fields of each transaction type, in wire order, without the signature: shared by the
 * signing hash and the encoder so the two cannot disagree. `to` is empty for a creation, else
 * 20 bytes; the EIP-2930 access list is [[address, [key, ...]], ...].
 */
import { bigIntToBytes, concatBytes } from "../primitives/bytes.js";
import { type RlpItem, rlpEncode, rlpEncodeUint as u } from "../primitives/rlp.js";
import type { AccessListEntry, Authorization, Transaction } from "./types.js";

export const ADDRESS_BYTES = 20;
export const WORD_BYTES = 32;

/** The first byte of an EIP-2718 envelope for each typed transaction. */
export const TYPE_ACCESS_LIST = 1;
export const TYPE_DYNAMIC_FEE = 2;
export const TYPE_BLOB = 3;
export const TYPE_SET_CODE = 4;

export function encodeTo(to: bigint | null): Uint8Array {
  return to === null ? new Uint8Array(0) : bigIntToBytes(to, ADDRESS_BYTES);
}

export function encodeAccessList(accessList: readonly AccessListEntry[]): RlpItem {
  return accessList.map((entry) => [
    bigIntToBytes(entry.address, ADDRESS_BYTES),
    entry.storageKeys.map((key) => bigIntToBytes(key, WORD_BYTES)),
  ]);
}

/** EIP-7702: [[chainId, address, nonce, yParity, r, s], ...]. */
export function encodeAuthorizationList(list: readonly Authorization[]): RlpItem {
  return list.map((a) => [u(a.chainId), bigIntToBytes(a.address, ADDRESS_BYTES), u(a.nonce), u(a.yParity), u(a.r), u(a.s)]);
}

/**
 * Legacy: [nonce, gasPrice, gasLimit, to, value, data].
 * EIP-2930: [chainId, nonce, gasPrice, gasLimit, to, value, data, accessList].
 * EIP-1559: [chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList].
 * EIP-4844: the EIP-1559 fields, then [maxFeePerBlobGas, blobVersionedHashes].
 * EIP-7702: the EIP-1559 fields, then [authorizationList].
 */
export function unsignedFields(tx: Transaction): RlpItem[] {
  const call = [encodeTo(tx.to), u(tx.value), tx.data];
  switch (tx.type) {
    case 0:
      return [u(tx.nonce), u(tx.gasPrice), u(tx.gasLimit), ...call];
    case 1:
      return [u(tx.chainId), u(tx.nonce), u(tx.gasPrice), u(tx.gasLimit), ...call, encodeAccessList(tx.accessList)];
    case 2:
      return [
        u(tx.chainId),
        u(tx.nonce),
        u(tx.maxPriorityFeePerGas),
        u(tx.maxFeePerGas),
        u(tx.gasLimit),
        ...call,
        encodeAccessList(tx.accessList),
      ];
    case 3:
      return [
        u(tx.chainId),
        u(tx.nonce),
        u(tx.maxPriorityFeePerGas),
        u(tx.maxFeePerGas),
        u(tx.gasLimit),
        ...call,
        encodeAccessList(tx.accessList),
        u(tx.maxFeePerBlobGas),
        [...tx.blobVersionedHashes],
      ];
    case 4:
      return [
        u(tx.chainId),
        u(tx.nonce),
        u(tx.maxPriorityFeePerGas),
        u(tx.maxFeePerGas),
        u(tx.gasLimit),
        ...call,
        encodeAccessList(tx.accessList),
        encodeAuthorizationList(tx.authorizationList),
      ];
  }
}

/** The wire form of a list of fields: the bare RLP list for legacy, else type byte || RLP (EIP-2718). */
export function envelope(type: Transaction["type"], fields: readonly RlpItem[]): Uint8Array {
  const list = rlpEncode(fields);
  return type === 0 ? list : concatBytes(Uint8Array.of(type), list);
}
