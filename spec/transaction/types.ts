/**
 * The transaction types the spec knows, as a union discriminated by `type`:
 * 0 legacy (Yellow Paper 4.2, with EIP-155 replay protection), 1 access list (EIP-2930),
 * 2 dynamic fee (EIP-1559), 3 blob (EIP-4844), 4 set code (EIP-7702). Typed transactions travel in
 * an EIP-2718 envelope.
 */

/** EIP-2930: an address and storage keys the transaction declares it will touch (all pre-warmed). */
export interface AccessListEntry {
  readonly address: bigint;
  readonly storageKeys: readonly bigint[];
}

/** Fields every type has. `to` is null for a contract creation. */
interface CommonFields {
  readonly nonce: bigint;
  readonly gasLimit: bigint;
  readonly to: bigint | null;
  readonly value: bigint;
  readonly data: Uint8Array;
  /** Legacy transactions declare none, so theirs is always empty. */
  readonly accessList: readonly AccessListEntry[];
  readonly r: bigint;
  readonly s: bigint;
}

export interface LegacyTransaction extends CommonFields {
  readonly type: 0;
  readonly gasPrice: bigint;
  /** The signature's v: 27 or 28, or under EIP-155 chainId * 2 + 35 or + 36. */
  readonly v: bigint;
  /** EIP-155: the chain id encoded in v when v >= 35, else null (an unprotected transaction). */
  readonly chainId: bigint | null;
}

/** Fields of every typed (EIP-2718) transaction: an explicit chain id and a y-parity instead of v. */
interface TypedFields extends CommonFields {
  readonly chainId: bigint;
  readonly yParity: bigint;
}

export interface AccessListTransaction extends TypedFields {
  readonly type: 1;
  readonly gasPrice: bigint;
}

export interface DynamicFeeTransaction extends TypedFields {
  readonly type: 2;
  readonly maxPriorityFeePerGas: bigint;
  readonly maxFeePerGas: bigint;
}

export interface BlobTransaction extends TypedFields {
  readonly type: 3;
  readonly maxPriorityFeePerGas: bigint;
  readonly maxFeePerGas: bigint;
  readonly maxFeePerBlobGas: bigint;
  /** Each 32 bytes: a version byte (0x01 for KZG) then the tail of sha256 of a blob's commitment. */
  readonly blobVersionedHashes: readonly Uint8Array[];
}

/**
 * EIP-7702: one signed wish of an account (the authority, recovered from the signature over
 * keccak256(0x05 ‖ rlp([chainId, address, nonce]))) to run `address`'s code as its own.
 */
export interface Authorization {
  /** 0 for any chain, else the chain's id. */
  readonly chainId: bigint;
  readonly address: bigint;
  /** Below 2^64 (a larger one makes the transaction invalid). */
  readonly nonce: bigint;
  /** Below 2^8; only 0 and 1 recover an authority. */
  readonly yParity: bigint;
  readonly r: bigint;
  readonly s: bigint;
}

export interface SetCodeTransaction extends TypedFields {
  readonly type: 4;
  readonly maxPriorityFeePerGas: bigint;
  readonly maxFeePerGas: bigint;
  readonly authorizationList: readonly Authorization[];
}

export type Transaction = LegacyTransaction | AccessListTransaction | DynamicFeeTransaction | BlobTransaction | SetCodeTransaction;

export type TransactionType = Transaction["type"];

/** The price per gas the transaction is willing to pay at most (gasPrice, or maxFeePerGas under EIP-1559). */
export function maxGasPrice(tx: Transaction): bigint {
  return tx.type === 0 || tx.type === 1 ? tx.gasPrice : tx.maxFeePerGas;
}
