/**
 * The vectors' exception name for the reason an external state-test binary gives for refusing a
 * transaction. Clients word these freely (go-ethereum's core/error.go, besu's
 * TransactionInvalidReason, revm's InvalidTransaction, the execution-layer specification's
 * exceptions), so the text is all there is to match on; the first pattern that matches wins, and
 * text no pattern knows gives undefined rather than a guessed name.
 */
import type { TransactionError } from "../../interface/implementation.js";

/**
 * Every name, so text that is already one (SVM's own `--json-trace`, EELS's exception names) maps
 * to itself; a Record so that a name added to TransactionError must be added here.
 */
const NAMES: Record<TransactionError, true> = {
  INTRINSIC_GAS_TOO_LOW: true,
  INTRINSIC_GAS_BELOW_FLOOR_GAS_COST: true,
  GAS_LIMIT_EXCEEDS_MAXIMUM: true,
  INSUFFICIENT_ACCOUNT_FUNDS: true,
  SENDER_NOT_EOA: true,
  NONCE_MISMATCH: true,
  NONCE_IS_MAX: true,
  INITCODE_SIZE_EXCEEDED: true,
  INSUFFICIENT_MAX_FEE_PER_GAS: true,
  INSUFFICIENT_MAX_FEE_PER_BLOB_GAS: true,
  PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS: true,
  GAS_ALLOWANCE_EXCEEDED: true,
  GASLIMIT_PRICE_PRODUCT_OVERFLOW: true,
  TYPE_NOT_SUPPORTED: true,
  TYPE_3_TX_PRE_FORK: true,
  TYPE_3_TX_ZERO_BLOBS: true,
  TYPE_3_TX_BLOB_COUNT_EXCEEDED: true,
  TYPE_3_TX_CONTRACT_CREATION: true,
  TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH: true,
  TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED: true,
  TYPE_4_TX_PRE_FORK: true,
  TYPE_4_TX_CONTRACT_CREATION: true,
  TYPE_4_EMPTY_AUTHORIZATION_LIST: true,
  INVALID_SIGNATURE: true,
  INVALID_CHAIN_ID: true,
  MALFORMED_RLP: true,
  VALUE_OUT_OF_RANGE: true,
};

function isTransactionError(name: string): name is TransactionError {
  return Object.hasOwn(NAMES, name);
}

const PATTERNS: readonly (readonly [RegExp, TransactionError])[] = [
  [/floor data gas|floor ?gas|calldata floor|BELOW_FLOOR/i, "INTRINSIC_GAS_BELOW_FLOOR_GAS_COST"],
  [/intrinsic ?gas|INTRINSIC_GAS_TOO_LOW|CallGasCostMoreThanGasLimit/i, "INTRINSIC_GAS_TOO_LOW"],
  [/gas limit too high|gas ?limit (exceeds|above) (the )?(max|cap)|TxGasLimitGreaterThanCap|GAS_LIMIT_EXCEEDS_MAXIMUM/i, "GAS_LIMIT_EXCEEDS_MAXIMUM"],
  [/gas limit reached|block gas limit|exceeds block gas limit|CallerGasLimitMoreThanBlock|GAS_ALLOWANCE_EXCEEDED|TX_GAS_LIMIT_EXCEEDS_BLOCK/i, "GAS_ALLOWANCE_EXCEEDED"],
  [/insufficient funds|LackOfFundForMaxFee|UPFRONT_COST_EXCEEDS_BALANCE|INSUFFICIENT_ACCOUNT_FUNDS/i, "INSUFFICIENT_ACCOUNT_FUNDS"],
  [/not an? EOA|RejectCallerWithCode|SENDER_NOT_EOA|TX_SENDER_NOT_AUTHORIZED/i, "SENDER_NOT_EOA"],
  [/nonce has max value|NonceOverflow|NONCE_IS_MAX|NONCE_OVERFLOW/i, "NONCE_IS_MAX"],
  [/nonce too (high|low)|NonceTooHigh|NonceTooLow|NONCE_MISMATCH|NONCE_TOO_(HIGH|LOW)|incorrect nonce/i, "NONCE_MISMATCH"],
  [/max initcode size|initcode size|CreateInitCodeSizeLimit|INITCODE_SIZE_EXCEEDED/i, "INITCODE_SIZE_EXCEEDED"],
  [/blob gas (fee|price)|BlobGasPriceGreaterThanMax|MAX_FEE_PER_BLOB_GAS|INSUFFICIENT_MAX_FEE_PER_BLOB_GAS/i, "INSUFFICIENT_MAX_FEE_PER_BLOB_GAS"],
  [/tip (higher|above) .*fee cap|max priority fee per gas higher|PriorityFeeGreaterThanMaxFee|PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS|MAX_PRIORITY_FEE_PER_GAS_EXCEEDS/i, "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS"],
  [/fee cap less than block base fee|max fee per gas less than block base fee|GasPriceLessThanBasefee|INSUFFICIENT_MAX_FEE_PER_GAS|GAS_PRICE_BELOW_CURRENT_BASE_FEE/i, "INSUFFICIENT_MAX_FEE_PER_GAS"],
  [/overflow.*(gas \* price|fee)|OverflowPaymentInTransaction|GASLIMIT_PRICE_PRODUCT_OVERFLOW/i, "GASLIMIT_PRICE_PRODUCT_OVERFLOW"],
  [/EIP-4844 fields received but is not supported/i, "TYPE_3_TX_PRE_FORK"],
  [/blob.*create|TYPE_3_TX_CONTRACT_CREATION/i, "TYPE_3_TX_CONTRACT_CREATION"],
  [/missing blob hashes|EmptyBlobs|TYPE_3_TX_ZERO_BLOBS/i, "TYPE_3_TX_ZERO_BLOBS"],
  [/too many blobs|blob gas limit|TooManyBlobs|TYPE_3_TX_BLOB_COUNT_EXCEEDED|TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED/i, "TYPE_3_TX_BLOB_COUNT_EXCEEDED"],
  [/versioned hash|BlobVersionNotSupported|TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH/i, "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH"],
  [/set ?code.*create|TYPE_4_TX_CONTRACT_CREATION/i, "TYPE_4_TX_CONTRACT_CREATION"],
  [/empty auth(orization)? list|EmptyAuthorizationList|TYPE_4_EMPTY_AUTHORIZATION_LIST/i, "TYPE_4_EMPTY_AUTHORIZATION_LIST"],
  [/transaction type not supported|tx type not supported|Eip\d+NotSupported|TYPE_NOT_SUPPORTED|INVALID_TRANSACTION_TYPE/i, "TYPE_NOT_SUPPORTED"],
  [/chain ?id|INVALID_CHAIN_ID|WRONG_CHAIN_ID/i, "INVALID_CHAIN_ID"],
  [/invalid sender|signature|INVALID_SIGNATURE/i, "INVALID_SIGNATURE"],
  [/rlp|typed transaction too short|failed to decode transaction|MALFORMED_RLP/i, "MALFORMED_RLP"],
];

export function transactionErrorOfClientText(text: string): TransactionError | undefined {
  for (const [word] of text.matchAll(/[A-Z][A-Z0-9_]+/g)) if (isTransactionError(word)) return word;
  for (const [pattern, error] of PATTERNS) if (pattern.test(text)) return error;
  return undefined;
}
