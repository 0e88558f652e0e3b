/**
 * The inputs of go-ethereum's transition tool (cmd/evm/internal/t8ntool), as execution-spec-tests
 * and goevmlab write them: `alloc` (address → account), `env` (the block) and `txs` (a JSON list of
 * transactions, or an RLP list of signed transactions as one hex string). Quantities are 0x-hex or
 * decimal, as geth's math.HexOrDecimal accepts.
 */
import { hexToBytes } from "../../spec/primitives/bytes.js";
import { rlpBytes, rlpDecode, rlpEncode, rlpList } from "../../spec/primitives/rlp.js";
import { encodeTransaction } from "../../spec/transaction/index.js";
import type { AccessListEntry, Authorization, Transaction } from "../../spec/transaction/types.js";
import { signTransaction } from "../fuzz/build.js";
import type { AccountState } from "../../interface/implementation.js";

/** A malformed input file: the CLI reports it as an input error. */
export class T8nInputError extends Error {
  readonly code = "T8N_INPUT";
}

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new T8nInputError(`${what}: expected a JSON object`);
  return value as Json;
}

export function quantity(value: unknown, what: string): bigint {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === "string" && /^(0x[0-9a-fA-F]+|[0-9]+)$/.test(value)) return BigInt(value);
  if (value === "0x") return 0n;
  throw new T8nInputError(`${what}: expected a 0x-hex or decimal quantity, got ${JSON.stringify(value)}`);
}

function optionalQuantity(json: Json, key: string, what: string): bigint | undefined {
  return json[key] === undefined || json[key] === null ? undefined : quantity(json[key], `${what}.${key}`);
}

export function bytes(value: unknown, what: string): Uint8Array {
  if (typeof value !== "string" || !/^0x([0-9a-fA-F]{2})*$/.test(value)) throw new T8nInputError(`${what}: expected 0x-hex bytes`);
  return hexToBytes(value);
}

/** alloc.json: address → {balance, nonce, code, storage}. */
export function parseAlloc(value: unknown): Map<bigint, AccountState> {
  const alloc = new Map<bigint, AccountState>();
  for (const [address, raw] of Object.entries(object(value, "alloc"))) {
    const what = `alloc[${address}]`;
    const account = object(raw, what);
    const storage = new Map<bigint, bigint>();
    for (const [slot, word] of Object.entries(object(account.storage ?? {}, `${what}.storage`))) {
      const v = quantity(word, `${what}.storage[${slot}]`);
      if (v !== 0n) storage.set(quantity(slot, `${what}.storage key`), v);
    }
    alloc.set(quantity(address, "alloc address"), {
      balance: optionalQuantity(account, "balance", what) ?? 0n,
      nonce: optionalQuantity(account, "nonce", what) ?? 0n,
      code: account.code === undefined ? new Uint8Array(0) : bytes(account.code, `${what}.code`),
      storage,
    });
  }
  return alloc;
}

export interface Withdrawal {
  readonly index: bigint;
  readonly validatorIndex: bigint;
  readonly address: bigint;
  /** In gwei (EIP-4895). */
  readonly amount: bigint;
}

export interface T8nEnv {
  readonly coinbase: bigint;
  readonly gasLimit: bigint;
  readonly number: bigint;
  readonly timestamp: bigint;
  readonly difficulty?: bigint;
  readonly random?: bigint;
  readonly baseFee?: bigint;
  readonly excessBlobGas?: bigint;
  readonly blockHashes: ReadonlyMap<bigint, bigint>;
  readonly withdrawals?: readonly Withdrawal[];
}

export function parseEnv(value: unknown): T8nEnv {
  const env = object(value, "env");
  const required = (key: string) => {
    const v = optionalQuantity(env, key, "env");
    if (v === undefined) throw new T8nInputError(`env.${key} is required`);
    return v;
  };
  const blockHashes = new Map<bigint, bigint>();
  for (const [number, hash] of Object.entries(object(env.blockHashes ?? {}, "env.blockHashes"))) {
    blockHashes.set(quantity(number, "env.blockHashes key"), quantity(hash, `env.blockHashes[${number}]`));
  }
  const withdrawals = Array.isArray(env.withdrawals)
    ? env.withdrawals.map((raw, i) => {
        const w = object(raw, `env.withdrawals[${i}]`);
        const q = (key: string) => quantity(w[key], `env.withdrawals[${i}].${key}`);
        return { index: q("index"), validatorIndex: q("validatorIndex"), address: q("address"), amount: q("amount") };
      })
    : undefined;
  const optional = (key: string) => optionalQuantity(env, key, "env");
  const difficulty = optional("currentDifficulty");
  const random = optional("currentRandom");
  const baseFee = optional("currentBaseFee");
  const excessBlobGas = optional("currentExcessBlobGas");
  return {
    coinbase: required("currentCoinbase"),
    gasLimit: required("currentGasLimit"),
    number: required("currentNumber"),
    timestamp: required("currentTimestamp"),
    blockHashes,
    ...(difficulty !== undefined && { difficulty }),
    ...(random !== undefined && { random }),
    ...(baseFee !== undefined && { baseFee }),
    ...(excessBlobGas !== undefined && { excessBlobGas }),
    ...(withdrawals !== undefined && { withdrawals }),
  };
}

function accessListOf(value: unknown, what: string): AccessListEntry[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new T8nInputError(`${what}.accessList: expected a list`);
  return value.map((raw, i) => {
    const entry = object(raw, `${what}.accessList[${i}]`);
    const keys = Array.isArray(entry.storageKeys) ? entry.storageKeys : [];
    return { address: quantity(entry.address, `${what}.accessList[${i}].address`), storageKeys: keys.map((k) => quantity(k, `${what}.storageKeys`)) };
  });
}

function authorizationsOf(value: unknown, what: string): Authorization[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw, i) => {
    const a = object(raw, `${what}.authorizationList[${i}]`);
    const q = (key: string) => quantity(a[key], `${what}.authorizationList[${i}].${key}`);
    return { chainId: q("chainId"), address: q("address"), nonce: q("nonce"), yParity: a.yParity !== undefined ? q("yParity") : q("v"), r: q("r"), s: q("s") };
  });
}

/** One transaction of a JSON txs list (geth's JSON names; `data` is accepted for `input`). */
function transactionOf(raw: unknown, index: number, chainId: bigint): Transaction {
  const what = `txs[${index}]`;
  const tx = object(raw, what);
  const q = (key: string, fallback?: bigint) => optionalQuantity(tx, key, what) ?? fallback ?? quantity(undefined, `${what}.${key}`);
  const type = Number(q("type", 0n));
  const to = tx.to === undefined || tx.to === null || tx.to === "" || tx.to === "0x" ? null : quantity(tx.to, `${what}.to`);
  const data = bytes(tx.input ?? tx.data ?? "0x", `${what}.input`);
  const common = { nonce: q("nonce"), gasLimit: q("gas", optionalQuantity(tx, "gasLimit", what)), to, value: q("value", 0n), data, r: q("r", 0n), s: q("s", 0n) };
  const v = q("v", 0n);
  const typed = { ...common, chainId: q("chainId", chainId), yParity: optionalQuantity(tx, "yParity", what) ?? v, accessList: accessListOf(tx.accessList, what) };
  let built: Transaction;
  if (type === 0) {
    const protectedChain = v >= 35n ? (v - 35n) / 2n : tx.secretKey !== undefined && v === 0n && tx.protected !== false ? chainId : null;
    built = { ...common, type: 0, gasPrice: q("gasPrice"), v, chainId: protectedChain, accessList: [] };
  } else if (type === 1) built = { ...typed, type: 1, gasPrice: q("gasPrice") };
  else if (type === 2) built = { ...typed, type: 2, maxFeePerGas: q("maxFeePerGas"), maxPriorityFeePerGas: q("maxPriorityFeePerGas") };
  else if (type === 3) {
    const hashes = Array.isArray(tx.blobVersionedHashes) ? tx.blobVersionedHashes.map((h) => bytes(h, `${what}.blobVersionedHashes`)) : [];
    built = { ...typed, type: 3, maxFeePerGas: q("maxFeePerGas"), maxPriorityFeePerGas: q("maxPriorityFeePerGas"), maxFeePerBlobGas: q("maxFeePerBlobGas"), blobVersionedHashes: hashes };
  } else if (type === 4) {
    built = { ...typed, type: 4, maxFeePerGas: q("maxFeePerGas"), maxPriorityFeePerGas: q("maxPriorityFeePerGas"), authorizationList: authorizationsOf(tx.authorizationList, what) };
  } else throw new T8nInputError(`${what}: transaction type ${type} is not known`);
  return tx.secretKey === undefined ? built : sign(built, bytes(tx.secretKey, `${what}.secretKey`));
}

/** geth's t8n signs a transaction that comes with its `secretKey` (the fuzzer's signing; the address is not used). */
function sign(tx: Transaction, secretKey: Uint8Array): Transaction {
  return signTransaction(tx, { secretKey, address: 0n });
}

/** The signed transactions' bytes, in block order. */
export function parseTxs(value: unknown, chainId: bigint): Uint8Array[] {
  if (typeof value === "string") {
    // An RLP list of transactions: legacy ones as lists, typed ones as byte strings (EIP-2718).
    const items = rlpList(rlpDecode(bytes(value, "txs")), "txs");
    return items.map((item) => (item instanceof Uint8Array ? rlpBytes(item, "txs item") : rlpEncode(item)));
  }
  if (!Array.isArray(value)) throw new T8nInputError("txs: expected a JSON list of transactions or an RLP hex string");
  return value.map((raw, i) => encodeTransaction(transactionOf(raw, i, chainId)));
}
