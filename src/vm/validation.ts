/**
 * Transaction validity before execution (Yellow Paper §6.2 and the fork EIPs): each failed check
 * rejects the transaction with the vectors' exception name and leaves the state untouched.
 */
import type { BlockEnv } from "../../interface/implementation.js";
import { blobBaseFee } from "./blob-gas.js";
import type { ForkSchedule } from "./forks.js";
import { isDelegation } from "./delegation.js";
import { calldataFloorGas, intrinsicGas } from "./intrinsic-gas.js";
import { KZG_VERSION } from "./precompiles/point-evaluation.js";
import { type Transaction, TransactionRejected } from "./transaction.js";
import { MAX_NONCE, type WorldState } from "./world-state.js";

const UINT256_LIMIT = 1n << 256n;

export interface ValidatedTransaction {
  readonly intrinsicGas: bigint;
  /** EIP-7623: the least gas the transaction is charged (0 before Prague). */
  readonly floorGas: bigint;
  /** The price per gas actually paid (EIP-1559 effective gas price). */
  readonly gasPrice: bigint;
  readonly blobGas: bigint;
  readonly blobGasPrice: bigint;
}

function reject(error: TransactionRejected["error"], message: string): never {
  throw new TransactionRejected(error, message);
}

export function validateTransaction(
  tx: Transaction,
  fork: ForkSchedule,
  env: BlockEnv,
  state: WorldState,
): ValidatedTransaction {
  const intrinsic = intrinsicGas(tx, fork);
  const floorGas = calldataFloorGas(tx, fork);
  if (tx.gasLimit < intrinsic) reject("INTRINSIC_GAS_TOO_LOW", `gas limit ${tx.gasLimit} below intrinsic gas ${intrinsic}`);
  if (tx.gasLimit < floorGas) {
    reject("INTRINSIC_GAS_BELOW_FLOOR_GAS_COST", `gas limit ${tx.gasLimit} below the calldata floor ${floorGas} (EIP-7623)`);
  }
  if (tx.nonce >= MAX_NONCE) reject("NONCE_IS_MAX", "nonce must be below 2^64-1 (EIP-2681)");
  if (tx.to === null && tx.data.length > fork.maxInitcodeSize) {
    reject("INITCODE_SIZE_EXCEEDED", `initcode of ${tx.data.length} bytes exceeds ${fork.maxInitcodeSize} (EIP-3860)`);
  }
  if (tx.gasLimit > fork.maxTxGas) reject("GAS_LIMIT_EXCEEDS_MAXIMUM", `gas limit ${tx.gasLimit} above ${fork.maxTxGas} (EIP-7825)`);
  if (tx.gasLimit > env.gasLimit) reject("GAS_ALLOWANCE_EXCEEDED", `gas limit ${tx.gasLimit} above block gas limit ${env.gasLimit}`);
  if (tx.maxPriorityFeePerGas > tx.maxFeePerGas) {
    reject("PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS", "max priority fee above max fee (EIP-1559)");
  }
  const baseFee = fork.burnsBaseFee ? (env.baseFee ?? 0n) : 0n;
  if (tx.maxFeePerGas < baseFee) reject("INSUFFICIENT_MAX_FEE_PER_GAS", `max fee ${tx.maxFeePerGas} below base fee ${baseFee}`);
  const gasPrice = fork.burnsBaseFee
    ? baseFee + (tx.maxFeePerGas - baseFee < tx.maxPriorityFeePerGas ? tx.maxFeePerGas - baseFee : tx.maxPriorityFeePerGas)
    : tx.maxFeePerGas;
  let blobGas = 0n;
  let blobGasPrice = 0n;
  if (tx.type === 3) {
    if (tx.to === null) reject("TYPE_3_TX_CONTRACT_CREATION", "blob transactions cannot create contracts");
    const blobs = tx.blobVersionedHashes.length;
    if (blobs === 0) reject("TYPE_3_TX_ZERO_BLOBS", "blob transaction without blobs");
    blobGas = BigInt(fork.blobGasPerBlob * blobs);
    if (blobGas > BigInt(fork.maxBlobGasPerBlock)) {
      reject("TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED", `${blobs} blobs exceed the block's blob gas ${fork.maxBlobGasPerBlock}`);
    }
    if (blobs > fork.maxBlobsPerTx) reject("TYPE_3_TX_BLOB_COUNT_EXCEEDED", `${blobs} blobs, at most ${fork.maxBlobsPerTx} (EIP-7594)`);
    for (const hash of tx.blobVersionedHashes) {
      if (hash[0] !== KZG_VERSION) reject("TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH", "versioned hash must start with 0x01");
    }
    blobGasPrice = blobBaseFee(fork, env);
    if (tx.maxFeePerBlobGas < blobGasPrice) {
      reject("INSUFFICIENT_MAX_FEE_PER_BLOB_GAS", `max fee per blob gas ${tx.maxFeePerBlobGas} below ${blobGasPrice}`);
    }
  }
  if (tx.type === 4) {
    if (tx.to === null) reject("TYPE_4_TX_CONTRACT_CREATION", "set-code transactions cannot create contracts (EIP-7702)");
    if (tx.authorizations.length === 0) reject("TYPE_4_EMPTY_AUTHORIZATION_LIST", "set-code transaction without authorizations");
  }
  const maxGasFee = tx.gasLimit * tx.maxFeePerGas;
  if (maxGasFee >= UINT256_LIMIT) reject("GASLIMIT_PRICE_PRODUCT_OVERFLOW", "gas limit × fee overflows 256 bits");
  const sender = state.get(tx.sender);
  const balance = sender?.balance ?? 0n;
  if (balance < maxGasFee + blobGas * tx.maxFeePerBlobGas + tx.value) {
    reject("INSUFFICIENT_ACCOUNT_FUNDS", `sender balance ${balance} cannot cover gas and value`);
  }
  const nonce = sender?.nonce ?? 0n;
  if (nonce !== tx.nonce) reject("NONCE_MISMATCH", `transaction nonce ${tx.nonce}, account nonce ${nonce}`);
  // EIP-3607, relaxed by EIP-7702: an account whose code is only a delegation still sends.
  if (sender !== undefined && sender.code.length > 0 && !(fork.delegation && isDelegation(sender.code))) {
    reject("SENDER_NOT_EOA", "sender has code (EIP-3607)");
  }
  return { intrinsicGas: intrinsic, floorGas, gasPrice, blobGas, blobGasPrice };
}
