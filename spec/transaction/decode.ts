/**
 * Decoding a signed transaction from its wire form (the `txbytes` of the test vectors).
 *
 * EIP-2718: a first byte of 0x7f or less is a transaction type followed by that type's payload;
 * a first byte of 0xc0 or more starts the RLP list of a legacy transaction. Every field is
 * checked: the list has exactly the type's field count, integers are canonical (no leading zero
 * bytes) and fit 256 bits, `to` is empty (a creation) or 20 bytes, access-list addresses are 20
 * bytes, storage keys and blob hashes 32.
 */
import { bytesToBigInt } from "../primitives/bytes.js";
import { type RlpItem, RlpError, rlpBytes, rlpDecode, rlpDecodeUint, rlpList } from "../primitives/rlp.js";
import { TransactionError } from "./errors.js";
import { ADDRESS_BYTES, TYPE_ACCESS_LIST, TYPE_BLOB, TYPE_DYNAMIC_FEE, TYPE_SET_CODE, WORD_BYTES } from "./fields.js";
import type {
  AccessListEntry,
  AccessListTransaction,
  Authorization,
  BlobTransaction,
  DynamicFeeTransaction,
  LegacyTransaction,
  SetCodeTransaction,
  Transaction,
} from "./types.js";

/** Largest first byte that is a transaction type rather than an RLP list (EIP-2718). */
const MAX_TYPE_BYTE = 0x7f;
/** First byte of an RLP list. */
const RLP_LIST_START = 0xc0;
/** EIP-155: v = chainId * 2 + 35 + yParity. */
const EIP155_V_OFFSET = 35n;
const UINT256_BITS = 256n;
/** EIP-7702's bounds on an authorization's nonce and y-parity. */
const UINT64_BITS = 64n;
const UINT8_BITS = 8n;

export function decodeTransaction(bytes: Uint8Array): Transaction {
  if (bytes.length === 0) throw new TransactionError("MALFORMED_RLP", "empty transaction");
  try {
    const first = bytes[0]!;
    if (first >= RLP_LIST_START) return decodeLegacy(rlpDecode(bytes));
    if (first > MAX_TYPE_BYTE) {
      throw new TransactionError("MALFORMED_RLP", `first byte 0x${first.toString(16)} is neither a transaction type nor an RLP list`);
    }
    const payload = rlpDecode(bytes.subarray(1));
    switch (first) {
      case TYPE_ACCESS_LIST:
        return decodeAccessList(payload);
      case TYPE_DYNAMIC_FEE:
        return decodeDynamicFee(payload);
      case TYPE_BLOB:
        return decodeBlob(payload);
      case TYPE_SET_CODE:
        return decodeSetCode(payload);
      default:
        throw new TransactionError("TYPE_NOT_SUPPORTED", `unknown transaction type ${first}`);
    }
  } catch (error) {
    if (error instanceof RlpError) throw new TransactionError("MALFORMED_RLP", error.message);
    throw error;
  }
}

function fields(payload: RlpItem, count: number, what: string): readonly RlpItem[] {
  const list = rlpList(payload, what);
  if (list.length !== count) {
    throw new TransactionError("MALFORMED_RLP", `${what} has ${list.length} fields, expected ${count}`);
  }
  return list;
}

function uint(item: RlpItem, what: string, bits = UINT256_BITS): bigint {
  const value = rlpDecodeUint(item, what);
  if (value >> bits !== 0n) throw new TransactionError("VALUE_OUT_OF_RANGE", `${what} exceeds ${bits} bits`);
  return value;
}

function fixedBytes(item: RlpItem, length: number, what: string): Uint8Array {
  const bytes = rlpBytes(item, what);
  if (bytes.length !== length) throw new TransactionError("MALFORMED_RLP", `${what} has ${bytes.length} bytes, expected ${length}`);
  return bytes;
}

function to(item: RlpItem): bigint | null {
  const bytes = rlpBytes(item, "to");
  if (bytes.length === 0) return null;
  return bytesToBigInt(fixedBytes(bytes, ADDRESS_BYTES, "to"));
}

function accessList(item: RlpItem): AccessListEntry[] {
  return rlpList(item, "accessList").map((entry, i) => {
    const [address, keys] = fields(entry, 2, `accessList[${i}]`);
    return {
      address: bytesToBigInt(fixedBytes(address!, ADDRESS_BYTES, `accessList[${i}].address`)),
      storageKeys: rlpList(keys!, `accessList[${i}].storageKeys`).map((key, j) =>
        bytesToBigInt(fixedBytes(key, WORD_BYTES, `accessList[${i}].storageKeys[${j}]`)),
      ),
    };
  });
}

/** Legacy: [nonce, gasPrice, gasLimit, to, value, data, v, r, s]. */
function decodeLegacy(payload: RlpItem): LegacyTransaction {
  const [nonce, gasPrice, gasLimit, recipient, value, data, v, r, s] = fields(payload, 9, "legacy transaction");
  const vValue = uint(v!, "v");
  return {
    type: 0,
    nonce: uint(nonce!, "nonce"),
    gasPrice: uint(gasPrice!, "gasPrice"),
    gasLimit: uint(gasLimit!, "gasLimit"),
    to: to(recipient!),
    value: uint(value!, "value"),
    data: rlpBytes(data!, "data"),
    accessList: [],
    v: vValue,
    chainId: vValue >= EIP155_V_OFFSET ? (vValue - EIP155_V_OFFSET) / 2n : null,
    r: uint(r!, "r"),
    s: uint(s!, "s"),
  };
}

/** EIP-2930: [chainId, nonce, gasPrice, gasLimit, to, value, data, accessList, yParity, r, s]. */
function decodeAccessList(payload: RlpItem): AccessListTransaction {
  const [chainId, nonce, gasPrice, gasLimit, recipient, value, data, list, yParity, r, s] = fields(
    payload,
    11,
    "EIP-2930 transaction",
  );
  return {
    type: 1,
    chainId: uint(chainId!, "chainId"),
    nonce: uint(nonce!, "nonce"),
    gasPrice: uint(gasPrice!, "gasPrice"),
    gasLimit: uint(gasLimit!, "gasLimit"),
    to: to(recipient!),
    value: uint(value!, "value"),
    data: rlpBytes(data!, "data"),
    accessList: accessList(list!),
    yParity: uint(yParity!, "yParity"),
    r: uint(r!, "r"),
    s: uint(s!, "s"),
  };
}

/** EIP-1559: [chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList, yParity, r, s]. */
function decodeDynamicFee(payload: RlpItem): DynamicFeeTransaction {
  const [chainId, nonce, priorityFee, maxFee, gasLimit, recipient, value, data, list, yParity, r, s] = fields(
    payload,
    12,
    "EIP-1559 transaction",
  );
  return {
    type: 2,
    chainId: uint(chainId!, "chainId"),
    nonce: uint(nonce!, "nonce"),
    maxPriorityFeePerGas: uint(priorityFee!, "maxPriorityFeePerGas"),
    maxFeePerGas: uint(maxFee!, "maxFeePerGas"),
    gasLimit: uint(gasLimit!, "gasLimit"),
    to: to(recipient!),
    value: uint(value!, "value"),
    data: rlpBytes(data!, "data"),
    accessList: accessList(list!),
    yParity: uint(yParity!, "yParity"),
    r: uint(r!, "r"),
    s: uint(s!, "s"),
  };
}

/**
 * EIP-4844: [chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data,
 * accessList, maxFeePerBlobGas, blobVersionedHashes, yParity, r, s]. An empty `to` decodes as
 * null so that validation can name the rule it breaks (a blob transaction cannot create).
 */
function decodeBlob(payload: RlpItem): BlobTransaction {
  const [chainId, nonce, priorityFee, maxFee, gasLimit, recipient, value, data, list, blobFee, hashes, yParity, r, s] =
    fields(payload, 14, "EIP-4844 transaction");
  return {
    type: 3,
    chainId: uint(chainId!, "chainId"),
    nonce: uint(nonce!, "nonce"),
    maxPriorityFeePerGas: uint(priorityFee!, "maxPriorityFeePerGas"),
    maxFeePerGas: uint(maxFee!, "maxFeePerGas"),
    gasLimit: uint(gasLimit!, "gasLimit"),
    to: to(recipient!),
    value: uint(value!, "value"),
    data: rlpBytes(data!, "data"),
    accessList: accessList(list!),
    maxFeePerBlobGas: uint(blobFee!, "maxFeePerBlobGas"),
    blobVersionedHashes: rlpList(hashes!, "blobVersionedHashes").map((hash, i) =>
      fixedBytes(hash, WORD_BYTES, `blobVersionedHashes[${i}]`),
    ),
    yParity: uint(yParity!, "yParity"),
    r: uint(r!, "r"),
    s: uint(s!, "s"),
  };
}

/** EIP-7702: [chainId, address, nonce, yParity, r, s], the nonce below 2^64 and the y-parity below 2^8. */
function authorizationList(item: RlpItem): Authorization[] {
  return rlpList(item, "authorizationList").map((entry, i) => {
    const [chainId, address, nonce, yParity, r, s] = fields(entry, 6, `authorizationList[${i}]`);
    return {
      chainId: uint(chainId!, `authorizationList[${i}].chainId`),
      address: bytesToBigInt(fixedBytes(address!, ADDRESS_BYTES, `authorizationList[${i}].address`)),
      nonce: uint(nonce!, `authorizationList[${i}].nonce`, UINT64_BITS),
      yParity: uint(yParity!, `authorizationList[${i}].yParity`, UINT8_BITS),
      r: uint(r!, `authorizationList[${i}].r`),
      s: uint(s!, `authorizationList[${i}].s`),
    };
  });
}

/**
 * EIP-7702: [chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data,
 * accessList, authorizationList, yParity, r, s]. An empty `to` decodes as null so that validation
 * can name the rule it breaks (a set-code transaction cannot create).
 */
function decodeSetCode(payload: RlpItem): SetCodeTransaction {
  const [chainId, nonce, priorityFee, maxFee, gasLimit, recipient, value, data, list, authorizations, yParity, r, s] =
    fields(payload, 13, "EIP-7702 transaction");
  return {
    type: 4,
    chainId: uint(chainId!, "chainId"),
    nonce: uint(nonce!, "nonce"),
    maxPriorityFeePerGas: uint(priorityFee!, "maxPriorityFeePerGas"),
    maxFeePerGas: uint(maxFee!, "maxFeePerGas"),
    gasLimit: uint(gasLimit!, "gasLimit"),
    to: to(recipient!),
    value: uint(value!, "value"),
    data: rlpBytes(data!, "data"),
    accessList: accessList(list!),
    authorizationList: authorizationList(authorizations!),
    yParity: uint(yParity!, "yParity"),
    r: uint(r!, "r"),
    s: uint(s!, "s"),
  };
}
