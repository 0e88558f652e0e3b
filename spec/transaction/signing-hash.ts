/**
 * The hash a transaction's sender signs: the transaction without its signature.
 *
 * - Legacy, unprotected (Yellow Paper 4.2): keccak256(rlp([nonce, gasPrice, gasLimit, to, value, data])).
 * - Legacy under EIP-155: the same list followed by [chainId, 0, 0].
 * - Typed (EIP-2718): keccak256(type || rlp(payload without yParity, r, s)), per EIP-2930, EIP-1559, EIP-4844.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { concatBytes } from "../primitives/bytes.js";
import { type RlpItem, rlpEncode, rlpEncodeUint } from "../primitives/rlp.js";
import { encodeAccessList, encodeTo } from "./fields.js";
import type { Transaction } from "./types.js";

export function signingHash(tx: Transaction): Uint8Array {
  const u = rlpEncodeUint;
  switch (tx.type) {
    case 0: {
      const unsigned: RlpItem[] = [u(tx.nonce), u(tx.gasPrice), u(tx.gasLimit), encodeTo(tx.to), u(tx.value), tx.data];
      if (tx.chainId !== null) unsigned.push(u(tx.chainId), u(0n), u(0n));
      return keccak_256(rlpEncode(unsigned));
    }
    case 1:
      return typedHash(tx.type, [
        u(tx.chainId),
        u(tx.nonce),
        u(tx.gasPrice),
        u(tx.gasLimit),
        encodeTo(tx.to),
        u(tx.value),
        tx.data,
        encodeAccessList(tx.accessList),
      ]);
    case 2:
      return typedHash(tx.type, [
        u(tx.chainId),
        u(tx.nonce),
        u(tx.maxPriorityFeePerGas),
        u(tx.maxFeePerGas),
        u(tx.gasLimit),
        encodeTo(tx.to),
        u(tx.value),
        tx.data,
        encodeAccessList(tx.accessList),
      ]);
    case 3:
      return typedHash(tx.type, [
        u(tx.chainId),
        u(tx.nonce),
        u(tx.maxPriorityFeePerGas),
        u(tx.maxFeePerGas),
        u(tx.gasLimit),
        encodeTo(tx.to),
        u(tx.value),
        tx.data,
        encodeAccessList(tx.accessList),
        u(tx.maxFeePerBlobGas),
        [...tx.blobVersionedHashes],
      ]);
  }
}

function typedHash(type: number, unsigned: RlpItem[]): Uint8Array {
  return keccak_256(concatBytes(Uint8Array.of(type), rlpEncode(unsigned)));
}

/** The transaction hash: keccak256 of the signed transaction exactly as transmitted (envelope included). */
export function transactionHash(bytes: Uint8Array): Uint8Array {
  return keccak_256(bytes);
}
