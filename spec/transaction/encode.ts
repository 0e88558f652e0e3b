/**
 * Encoding a signed transaction to its wire form: the inverse of `decodeTransaction`.
 * Legacy: rlp([...fields, v, r, s]); typed: type || rlp([...fields, yParity, r, s]) (EIP-2718).
 */
import { rlpEncodeUint } from "../primitives/rlp.js";
import { envelope, unsignedFields } from "./fields.js";
import type { Transaction } from "./types.js";

export function encodeTransaction(tx: Transaction): Uint8Array {
  const recovery = tx.type === 0 ? tx.v : tx.yParity;
  return envelope(tx.type, [...unsignedFields(tx), rlpEncodeUint(recovery), rlpEncodeUint(tx.r), rlpEncodeUint(tx.s)]);
}
