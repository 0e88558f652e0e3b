/**
 * Why a transaction is rejected before execution.
 *
 * The names are those of the test vectors' `expectException` (`TransactionException.X`) plus the
 * decoding failures; they are the same strings as `TransactionError` in
 * interface/implementation.ts, repeated here because the spec imports nothing of ours.
 */
export type TransactionErrorCode =
  | "INTRINSIC_GAS_TOO_LOW"
  | "INTRINSIC_GAS_BELOW_FLOOR_GAS_COST"
  | "GAS_LIMIT_EXCEEDS_MAXIMUM"
  | "INSUFFICIENT_ACCOUNT_FUNDS"
  | "SENDER_NOT_EOA"
  | "NONCE_MISMATCH"
  | "NONCE_IS_MAX"
  | "INITCODE_SIZE_EXCEEDED"
  | "INSUFFICIENT_MAX_FEE_PER_GAS"
  | "INSUFFICIENT_MAX_FEE_PER_BLOB_GAS"
  | "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS"
  | "GAS_ALLOWANCE_EXCEEDED"
  | "GASLIMIT_PRICE_PRODUCT_OVERFLOW"
  | "TYPE_NOT_SUPPORTED"
  | "TYPE_3_TX_PRE_FORK"
  | "TYPE_3_TX_ZERO_BLOBS"
  | "TYPE_3_TX_BLOB_COUNT_EXCEEDED"
  | "TYPE_3_TX_CONTRACT_CREATION"
  | "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH"
  | "TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED"
  | "TYPE_4_TX_PRE_FORK"
  | "TYPE_4_TX_CONTRACT_CREATION"
  | "TYPE_4_EMPTY_AUTHORIZATION_LIST"
  | "INVALID_SIGNATURE"
  | "INVALID_CHAIN_ID"
  | "MALFORMED_RLP"
  | "VALUE_OUT_OF_RANGE";

export class TransactionError extends Error {
  override readonly name = "TransactionError";
  constructor(
    readonly code: TransactionErrorCode,
    message: string,
  ) {
    super(message);
  }
}
