/**
 * Transaction decoding and sender recovery: legacy (Yellow Paper §4.2, EIP-155) and the typed
 * envelopes of EIP-2718: access-list (EIP-2930, type 1), fee-market (EIP-1559, type 2), blob
 * (EIP-4844, type 3) and set-code (EIP-7702, type 4) transactions.
 */
import type { TransactionError } from "../../interface/implementation.js";
import { bigIntToMinimalBytes, bytesToBigInt, concatBytes } from "./bytes.js";
import { VmError } from "./errors.js";
import type { ForkSchedule } from "./forks.js";
import { keccak256 } from "./keccak.js";
import { type RlpItem, rlpDecode, rlpEncode, rlpToBigInt, rlpToBytes, rlpToList } from "./rlp.js";
import { SECP256K1_N, recoverAddress } from "./signature.js";

/** A transaction rejected before execution; `error` is the vectors' exception name. */
export class TransactionRejected extends Error {
  constructor(
    readonly error: TransactionError,
    message: string,
  ) {
    super(message);
    this.name = "TransactionRejected";
  }
}

export interface AccessListEntry {
  readonly address: bigint;
  readonly storageKeys: readonly bigint[];
}

/**
 * An EIP-7702 authorization as signed. Its authority is recovered when the transaction runs, not
 * when it is decoded: an authorization whose signature does not recover is skipped, not fatal.
 */
export interface Authorization {
  readonly chainId: bigint;
  readonly address: bigint;
  readonly nonce: bigint;
  readonly yParity: bigint;
  readonly r: bigint;
  readonly s: bigint;
}

export interface Transaction {
  readonly type: 0 | 1 | 2 | 3 | 4;
  readonly nonce: bigint;
  /** Legacy and type-1 gas price; for types 2 and 3 the fee cap. */
  readonly maxFeePerGas: bigint;
  /** Legacy and type-1: the gas price; types 2 and 3: the tip cap. */
  readonly maxPriorityFeePerGas: bigint;
  readonly gasLimit: bigint;
  /** null for contract creation. */
  readonly to: bigint | null;
  readonly value: bigint;
  readonly data: Uint8Array;
  readonly accessList: readonly AccessListEntry[];
  readonly maxFeePerBlobGas: bigint;
  readonly blobVersionedHashes: readonly Uint8Array[];
  /** EIP-7702 (type 4); empty for the other types. */
  readonly authorizations: readonly Authorization[];
  readonly sender: bigint;
}

/** The chain id of the state tests (mainnet). */
export const CHAIN_ID = 1n;
const UINT256_MAX = (1n << 256n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;
const UINT8_MAX = 0xffn;

function reject(error: TransactionError, message: string): never {
  throw new TransactionRejected(error, message);
}

function word(item: RlpItem, what: string, max: bigint = UINT256_MAX): bigint {
  const value = rlpToBigInt(item, what);
  if (value > max) reject("VALUE_OUT_OF_RANGE", `${what} ${value} exceeds ${max}`);
  return value;
}

function recipient(item: RlpItem): bigint | null {
  const bytes = rlpToBytes(item, "to");
  if (bytes.length === 0) return null;
  if (bytes.length !== 20) reject("MALFORMED_RLP", `recipient must be 20 bytes, got ${bytes.length}`);
  return bytesToBigInt(bytes);
}

function accessList(item: RlpItem): AccessListEntry[] {
  return rlpToList(item, "access list").map((entry) => {
    const [address, keys, ...extra] = rlpToList(entry, "access list entry");
    if (address === undefined || keys === undefined || extra.length > 0) {
      reject("MALFORMED_RLP", "access list entry must be [address, storageKeys]");
    }
    const addressBytes = rlpToBytes(address, "access list address");
    if (addressBytes.length !== 20) reject("MALFORMED_RLP", "access list address must be 20 bytes");
    const storageKeys = rlpToList(keys, "storage keys").map((key) => {
      const bytes = rlpToBytes(key, "storage key");
      if (bytes.length !== 32) reject("MALFORMED_RLP", "storage key must be 32 bytes");
      return bytesToBigInt(bytes);
    });
    return { address: bytesToBigInt(addressBytes), storageKeys };
  });
}

/** EIP-7702 authorization_list: [[chain_id, address, nonce, y_parity, r, s], ...]. */
function authorizationList(item: RlpItem): Authorization[] {
  return rlpToList(item, "authorization list").map((entry) => {
    const f = rlpToList(entry, "authorization");
    if (f.length !== 6) reject("MALFORMED_RLP", "authorization must be [chainId, address, nonce, yParity, r, s]");
    const address = rlpToBytes(f[1]!, "authorization address");
    if (address.length !== 20) reject("MALFORMED_RLP", "authorization address must be 20 bytes");
    return {
      chainId: word(f[0]!, "authorization chainId"),
      address: bytesToBigInt(address),
      nonce: word(f[2]!, "authorization nonce", UINT64_MAX),
      yParity: word(f[3]!, "authorization yParity", UINT8_MAX),
      r: word(f[4]!, "authorization r"),
      s: word(f[5]!, "authorization s"),
    };
  });
}

function fields(payload: Uint8Array, count: number, what: string): RlpItem[] {
  let decoded: RlpItem;
  try {
    decoded = rlpDecode(payload);
  } catch (error) {
    if (error instanceof VmError) reject("MALFORMED_RLP", `${what}: ${error.message}`);
    throw error;
  }
  if (decoded instanceof Uint8Array || decoded.length !== count) {
    reject("MALFORMED_RLP", `${what} must be a list of ${count} fields`);
  }
  return decoded;
}

function sender(hash: Uint8Array, r: bigint, s: bigint, recovery: number, fork: ForkSchedule): bigint {
  if (fork.lowS && s > SECP256K1_N / 2n) reject("INVALID_SIGNATURE", "s is in the upper half of the curve order (EIP-2)");
  const address = recoverAddress(hash, r, s, recovery);
  if (address === null) reject("INVALID_SIGNATURE", "signature does not recover a public key");
  return address;
}

function decodeLegacy(bytes: Uint8Array, fork: ForkSchedule): Transaction {
  const f = fields(bytes, 9, "legacy transaction");
  const nonce = word(f[0]!, "nonce", UINT64_MAX);
  const gasPrice = word(f[1]!, "gasPrice");
  const gasLimit = word(f[2]!, "gasLimit", UINT64_MAX);
  const to = recipient(f[3]!);
  const value = word(f[4]!, "value");
  const data = rlpToBytes(f[5]!, "data");
  const v = word(f[6]!, "v");
  const r = word(f[7]!, "r");
  const s = word(f[8]!, "s");
  const unsigned: RlpItem[] = f.slice(0, 6);
  let recovery: number;
  if (v === 27n || v === 28n) {
    recovery = Number(v - 27n);
  } else if (fork.chainIdInSignature && v >= 35n) {
    const chainId = (v - 35n) / 2n;
    if (chainId !== CHAIN_ID) reject("INVALID_CHAIN_ID", `chain id ${chainId}, expected ${CHAIN_ID}`);
    recovery = Number((v - 35n) % 2n);
    unsigned.push(bigIntToMinimalBytes(chainId), new Uint8Array(0), new Uint8Array(0));
  } else {
    reject("INVALID_SIGNATURE", `invalid v ${v}`);
  }
  const hash = keccak256(rlpEncode(unsigned));
  return {
    type: 0,
    nonce,
    maxFeePerGas: gasPrice,
    maxPriorityFeePerGas: gasPrice,
    gasLimit,
    to,
    value,
    data,
    accessList: [],
    maxFeePerBlobGas: 0n,
    blobVersionedHashes: [],
    authorizations: [],
    sender: sender(hash, r, s, recovery, fork),
  };
}

/** Field counts of the typed envelopes, including yParity, r, s. */
const TYPED_FIELD_COUNT: Readonly<Record<1 | 2 | 3 | 4, number>> = { 1: 11, 2: 12, 3: 14, 4: 13 };

function decodeTyped(type: 1 | 2 | 3 | 4, payload: Uint8Array, fork: ForkSchedule): Transaction {
  const f = fields(payload, TYPED_FIELD_COUNT[type], `type-${type} transaction`);
  const chainId = word(f[0]!, "chainId");
  const nonce = word(f[1]!, "nonce", UINT64_MAX);
  let i = 2;
  let maxPriorityFeePerGas: bigint;
  let maxFeePerGas: bigint;
  if (type === 1) {
    maxFeePerGas = maxPriorityFeePerGas = word(f[i++]!, "gasPrice");
  } else {
    maxPriorityFeePerGas = word(f[i++]!, "maxPriorityFeePerGas");
    maxFeePerGas = word(f[i++]!, "maxFeePerGas");
  }
  const gasLimit = word(f[i++]!, "gasLimit", UINT64_MAX);
  const to = recipient(f[i++]!);
  const value = word(f[i++]!, "value");
  const data = rlpToBytes(f[i++]!, "data");
  const list = accessList(f[i++]!);
  let maxFeePerBlobGas = 0n;
  let blobVersionedHashes: Uint8Array[] = [];
  if (type === 3) {
    maxFeePerBlobGas = word(f[i++]!, "maxFeePerBlobGas");
    blobVersionedHashes = rlpToList(f[i++]!, "blobVersionedHashes").map((h) => {
      const bytes = rlpToBytes(h, "blob versioned hash");
      if (bytes.length !== 32) reject("MALFORMED_RLP", "blob versioned hash must be 32 bytes");
      return bytes;
    });
  }
  const authorizations = type === 4 ? authorizationList(f[i++]!) : [];
  const yParity = word(f[i++]!, "yParity");
  const r = word(f[i++]!, "r");
  const s = word(f[i++]!, "s");
  if (yParity > 1n) reject("INVALID_SIGNATURE", `yParity ${yParity} is not 0 or 1`);
  if (chainId !== CHAIN_ID) reject("INVALID_CHAIN_ID", `chain id ${chainId}, expected ${CHAIN_ID}`);
  const hash = keccak256(concatBytes(Uint8Array.of(type), rlpEncode(f.slice(0, i - 3))));
  return {
    type,
    nonce,
    maxFeePerGas,
    maxPriorityFeePerGas,
    gasLimit,
    to,
    value,
    data,
    accessList: list,
    maxFeePerBlobGas,
    blobVersionedHashes,
    authorizations,
    sender: sender(hash, r, s, Number(yParity), fork),
  };
}

/** Decodes `txBytes` (legacy RLP list or EIP-2718 envelope) and recovers the sender under `fork`'s rules. */
export function decodeTransaction(txBytes: Uint8Array, fork: ForkSchedule): Transaction {
  if (txBytes.length === 0) reject("MALFORMED_RLP", "empty transaction");
  const first = txBytes[0]!;
  if (first >= 0xc0) return decodeLegacy(txBytes, fork);
  if (first === 3 && !fork.txTypes.includes(3)) reject("TYPE_3_TX_PRE_FORK", `blob transactions are not valid in ${fork.name}`);
  if (first === 4 && !fork.txTypes.includes(4)) reject("TYPE_4_TX_PRE_FORK", `set-code transactions are not valid in ${fork.name}`);
  if (first !== 1 && first !== 2 && first !== 3 && first !== 4) reject("TYPE_NOT_SUPPORTED", `unknown transaction type ${first}`);
  if (!fork.txTypes.includes(first)) reject("TYPE_NOT_SUPPORTED", `transaction type ${first} is not valid in ${fork.name}`);
  return decodeTyped(first, txBytes.subarray(1), fork);
}
