/** Transactions: decoding and encoding, the signing hash and sender, intrinsic gas and the stateless validity rules. */
export { decodeTransaction } from "./decode.js";
export { encodeTransaction } from "./encode.js";
export { TransactionError, type TransactionErrorCode } from "./errors.js";
export { accessListCost, calldataFloorGas, dataCost, intrinsicGas, PER_AUTH_BASE_COST, PER_EMPTY_ACCOUNT_COST } from "./intrinsic-gas.js";
export { authorizationSigningHash, recoverAuthority } from "./authority.js";
export { recoverSender } from "./sender.js";
export { signingHash, transactionHash } from "./signing-hash.js";
export type {
  AccessListEntry,
  AccessListTransaction,
  Authorization,
  BlobTransaction,
  DynamicFeeTransaction,
  LegacyTransaction,
  SetCodeTransaction,
  Transaction,
  TransactionType,
} from "./types.js";
export { maxGasPrice } from "./types.js";
export { validateStatic } from "./validate.js";
