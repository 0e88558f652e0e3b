/** Transactions: decoding and encoding, the signing hash and sender, intrinsic gas and the stateless validity rules. */
export { decodeTransaction } from "./decode.js";
export { encodeTransaction } from "./encode.js";
export { TransactionError, type TransactionErrorCode } from "./errors.js";
export { accessListCost, dataCost, intrinsicGas } from "./intrinsic-gas.js";
export { recoverSender } from "./sender.js";
export { signingHash, transactionHash } from "./signing-hash.js";
export type {
  AccessListEntry,
  AccessListTransaction,
  BlobTransaction,
  DynamicFeeTransaction,
  LegacyTransaction,
  Transaction,
  TransactionType,
} from "./types.js";
export { maxGasPrice } from "./types.js";
export { validateStatic } from "./validate.js";
