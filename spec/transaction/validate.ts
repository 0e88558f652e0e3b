/**
 * The validity checks that need only the transaction and the fork, not the world state or the
 * block (those — nonce match, balance, base fee, blob gas price, block gas — come later).
 * They run in the order the error precedence of the test vectors assumes: type, gas limit,
 * intrinsic gas, calldata floor (EIP-7623), nonce, initcode, gas cap (EIP-7825), fees, blobs,
 * authorizations (EIP-7702).
 */
import type { Schedule } from "../fork/schedule.js";
import { TransactionError } from "./errors.js";
import { calldataFloorGas, intrinsicGas } from "./intrinsic-gas.js";
import { type BlobTransaction, type SetCodeTransaction, type Transaction, maxGasPrice } from "./types.js";

/** Gas limits and nonces are 64-bit quantities (EIP-1985 for the gas limit, EIP-2681 for the nonce). */
const UINT64_LIMIT = 1n << 64n;
const UINT256_LIMIT = 1n << 256n;
/** EIP-2681: a nonce of 2^64 - 1 could never be incremented, so it is invalid. */
const MAX_NONCE = UINT64_LIMIT - 1n;
/** EIP-4844: the version byte of a KZG versioned hash. */
const VERSIONED_HASH_VERSION_KZG = 0x01;

export function validateStatic(tx: Transaction, schedule: Schedule): void {
  if (!schedule.txTypes.includes(tx.type)) {
    if (tx.type === 3) throw new TransactionError("TYPE_3_TX_PRE_FORK", `blob transactions do not exist in ${schedule.fork}`);
    if (tx.type === 4) throw new TransactionError("TYPE_4_TX_PRE_FORK", `set-code transactions do not exist in ${schedule.fork}`);
    throw new TransactionError("TYPE_NOT_SUPPORTED", `transaction type ${tx.type} does not exist in ${schedule.fork}`);
  }
  if (tx.gasLimit >= UINT64_LIMIT) throw new TransactionError("VALUE_OUT_OF_RANGE", `gas limit ${tx.gasLimit} exceeds 2^64 - 1`);
  const required = intrinsicGas(tx, schedule);
  if (required > tx.gasLimit) {
    throw new TransactionError("INTRINSIC_GAS_TOO_LOW", `intrinsic gas ${required} exceeds the gas limit ${tx.gasLimit}`);
  }
  const floor = calldataFloorGas(tx, schedule);
  if (floor > tx.gasLimit) {
    throw new TransactionError("INTRINSIC_GAS_BELOW_FLOOR_GAS_COST", `calldata floor ${floor} exceeds the gas limit ${tx.gasLimit} (EIP-7623)`);
  }
  if (tx.nonce >= MAX_NONCE) throw new TransactionError("NONCE_IS_MAX", `nonce ${tx.nonce} is at least 2^64 - 1 (EIP-2681)`);
  if (tx.to === null && schedule.maxInitcodeSize !== null && tx.data.length > schedule.maxInitcodeSize) {
    throw new TransactionError(
      "INITCODE_SIZE_EXCEEDED",
      `initcode of ${tx.data.length} bytes exceeds ${schedule.maxInitcodeSize} (EIP-3860)`,
    );
  }
  if (schedule.maxTransactionGas !== null && tx.gasLimit > schedule.maxTransactionGas) {
    throw new TransactionError("GAS_LIMIT_EXCEEDS_MAXIMUM", `gas limit ${tx.gasLimit} exceeds ${schedule.maxTransactionGas} (EIP-7825)`);
  }
  if (tx.type !== 0 && tx.type !== 1 && tx.maxPriorityFeePerGas > tx.maxFeePerGas) {
    throw new TransactionError(
      "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS",
      `max priority fee ${tx.maxPriorityFeePerGas} exceeds max fee ${tx.maxFeePerGas} (EIP-1559)`,
    );
  }
  if (tx.gasLimit * maxGasPrice(tx) >= UINT256_LIMIT) {
    throw new TransactionError("GASLIMIT_PRICE_PRODUCT_OVERFLOW", "gas limit times gas price exceeds 2^256 - 1");
  }
  if (tx.type === 3) validateBlobs(tx, schedule);
  if (tx.type === 4) validateSetCode(tx);
}

/** EIP-7702: a set-code transaction calls an existing address and carries at least one authorization. */
function validateSetCode(tx: SetCodeTransaction): void {
  if (tx.to === null) throw new TransactionError("TYPE_4_TX_CONTRACT_CREATION", "a set-code transaction cannot create a contract");
  if (tx.authorizationList.length === 0) {
    throw new TransactionError("TYPE_4_EMPTY_AUTHORIZATION_LIST", "a set-code transaction carries no authorization");
  }
}

/** EIP-4844: a blob transaction calls an existing address and carries 1..max blobs of a known version. */
function validateBlobs(tx: BlobTransaction, schedule: Schedule): void {
  if (tx.to === null) throw new TransactionError("TYPE_3_TX_CONTRACT_CREATION", "a blob transaction cannot create a contract");
  if (tx.blobVersionedHashes.length === 0) throw new TransactionError("TYPE_3_TX_ZERO_BLOBS", "a blob transaction carries no blobs");
  if (schedule.maxBlobsPerTransaction !== null && tx.blobVersionedHashes.length > schedule.maxBlobsPerTransaction) {
    throw new TransactionError(
      "TYPE_3_TX_BLOB_COUNT_EXCEEDED",
      `${tx.blobVersionedHashes.length} blobs exceed the ${schedule.maxBlobsPerTransaction} a transaction may carry (EIP-7594)`,
    );
  }
  if (tx.blobVersionedHashes.length > schedule.maxBlobsPerBlock) {
    throw new TransactionError(
      "TYPE_3_TX_BLOB_COUNT_EXCEEDED",
      `${tx.blobVersionedHashes.length} blobs exceed the ${schedule.maxBlobsPerBlock} a block may hold`,
    );
  }
  tx.blobVersionedHashes.forEach((hash, i) => {
    if (hash[0] !== VERSIONED_HASH_VERSION_KZG) {
      throw new TransactionError(
        "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH",
        `blob versioned hash ${i} has version 0x${hash[0]!.toString(16).padStart(2, "0")}, expected 0x01`,
      );
    }
  });
}
