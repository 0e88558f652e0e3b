/**
 * Translates ethereumjs's words into the contract's vocabulary:
 * - the messages @ethereumjs/tx and @ethereumjs/vm throw for an invalid transaction, into the
 *   exception names of the vectors (`TransactionException.X`). ethereumjs reports these as plain
 *   `Error`s with English text, so the text is the only thing to match on; the patterns below were
 *   taken from the 10.1.3 sources (runTx.js and the tx constructors). Order matters: the first match wins.
 * - the `EVMError` texts of @ethereumjs/evm 10.1.3 (its errors.ts), which end a frame, into the
 *   halt reasons of HALT_REASONS (go-ethereum's words).
 */
import type { FrameStatus, HaltReason, TransactionError } from "../../interface/implementation.js";

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

/**
 * ethereumjs's EVMError text → the halt reason. Every text @ethereumjs/evm 10.1.3 gives a frame
 * that ends exceptionally on the forks SVM runs (the BLS12-381 precompiles' included); the others
 * (EOF's, internal states such as `stop` or `refund exhausted`) have no place in a state test of
 * those forks, and reach the adapter as an error. ethereumjs has no text of its own for
 * RETURNDATACOPY past the end (EIP-211): it says `out of gas` (a known difference of the fuzzer).
 */
const HALTS: ReadonlyMap<string, HaltReason> = new Map<string, HaltReason>([
  ["out of gas", "out of gas"],
  // ethereumjs raises it for an EXP exponent or LOG topic count it cannot price; unreachable
  // from valid bytecode, and all gas goes either way.
  ["value out of range", "out of gas"],
  ["code store out of gas", "contract creation code storage out of gas"],
  ["code size to deposit exceeds maximum code size", "max code size exceeded"],
  ["stack underflow", "stack underflow"],
  ["stack overflow", "stack limit reached 1024 (1023)"],
  ["invalid JUMP", "invalid jump destination"],
  ["invalid opcode", "invalid opcode"],
  ["static state change", "write protection"],
  ["create collision", "contract address collision"],
  ["invalid bytecode deployed", "invalid code: must not begin with 0xef"],
  // EIP-3860's limit, checked while pricing CREATE: geth's `out of gas: max initcode size exceeded`.
  ["initcode exceeds max initcode size", "out of gas"],
  // The precompiles' refusals of their input (EIP-152, EIP-196/197, EIP-4844).
  ["invalid input length", "precompile failed"],
  ["point not on curve", "precompile failed"],
  ["fp point not in field", "precompile failed"],
  ["input is empty", "precompile failed"],
  ["kzg commitment does not match versioned hash", "precompile failed"],
  ["kzg inputs invalid", "precompile failed"],
  ["kzg proof invalid", "precompile failed"],
]);

/** ethereumjs's name for a REVERT (EIP-140): an ordinary end of a frame, not an exceptional halt. */
export const ETHEREUMJS_REVERT = "revert";

/** ethereumjs appends where it failed to some texts: `invalid JUMP at <code hash>/<address>:<pc>`. */
const LOCATION = / at \S+$/;

/** The halt reason of an ethereumjs EVMError text, or undefined for a text no entry knows. */
export function haltReasonOf(error: string): HaltReason | undefined {
  return HALTS.get(error.replace(LOCATION, ""));
}

/** How a frame ended, from its EVMError text (none: success); undefined for a text no entry knows. */
export function frameStatusOf(error: string | undefined): FrameStatus | undefined {
  if (error === undefined) return "success";
  if (error === ETHEREUMJS_REVERT) return "revert";
  return haltReasonOf(error);
}
