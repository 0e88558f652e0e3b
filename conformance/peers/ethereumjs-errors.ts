/**
 * Translates the messages @ethereumjs/tx and @ethereumjs/vm throw for an invalid transaction into
 * the exception names of the vectors (`TransactionException.X`). ethereumjs reports these as plain
 * `Error`s with English text, so the text is the only thing to match on; the patterns below were
 * taken from the 10.1.3 sources (runTx.js and the tx constructors). Order matters: the first match wins.
 */
import type { TransactionError } from "../implementation.js";

const PATTERNS: readonly (readonly [RegExp, TransactionError])[] = [
  [/INTRINSIC_GAS_TOO_LOW|intrinsic (regular )?gas/i, "INTRINSIC_GAS_TOO_LOW"],
  [/higher gas limit than the block|gasLimit cannot (equal or )?exceed MAX_UINT64/i, "GAS_ALLOWANCE_EXCEEDED"],
  [/enough funds/i, "INSUFFICIENT_ACCOUNT_FUNDS"],
  [/not EOA/i, "SENDER_NOT_EOA"],
  [/nonce cannot (equal or )?exceed MAX_UINT64/i, "NONCE_IS_MAX"],
  [/correct nonce/i, "NONCE_MISMATCH"],
  [/initcode size/i, "INITCODE_SIZE_EXCEEDED"],
  [/maxFeePerBlobGas/i, "INSUFFICIENT_MAX_FEE_PER_BLOB_GAS"],
  [/maxFeePerGas cannot be less than maxPriorityFeePerGas/i, "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS"],
  [/less than the block's baseFeePerGas|cannot pay baseFee/i, "INSUFFICIENT_MAX_FEE_PER_GAS"],
  [/cannot exceed MAX_INTEGER \(2\^256-1\)/i, "GASLIMIT_PRICE_PRODUCT_OVERFLOW"],
  [/blob transactions are only valid with EIP4844|EIP-4844 not enabled/i, "TYPE_3_TX_PRE_FORK"],
  [/at least one blob/i, "TYPE_3_TX_ZERO_BLOBS"],
  [/blobs? exceeds max|exceed maximum blob gas/i, "TYPE_3_TX_BLOB_COUNT_EXCEEDED"],
  [/cannot (be used to )?create contracts/i, "TYPE_3_TX_CONTRACT_CREATION"],
  [/versioned hash/i, "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH"],
  [/EIP[ -]?(2930|1559|7702) (is )?not (enabled|activated)|TypedTransaction with ID|not supported/i, "TYPE_NOT_SUPPORTED"],
  [/chain ID|EIP155-based V/i, "INVALID_CHAIN_ID"],
  [/signature|y-parity|need either v = 27\/28/i, "INVALID_SIGNATURE"],
  [/cannot (equal or )?exceed MAX_INTEGER/i, "VALUE_OUT_OF_RANGE"],
];

/** The vectors' name for why ethereumjs refused the transaction, or undefined for text no pattern knows. */
export function transactionErrorOf(message: string): TransactionError | undefined {
  for (const [pattern, error] of PATTERNS) if (pattern.test(message)) return error;
  return undefined;
}
