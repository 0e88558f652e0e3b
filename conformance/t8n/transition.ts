/**
 * One block's state transition, as go-ethereum's t8n tool computes it: every transaction of the
 * block applied in order with the spec (conformance/impls/spec.ts's rules) to the state the
 * previous one left, a transaction that is invalid (or does not fit the gas the block has left)
 * rejected and left out, then the block reward (`--state.reward`, when positive) and the
 * withdrawals (EIP-4895, gwei). No system calls are made (EIP-4788's beacon root, EIP-2935's
 * history contract, EIP-7002/7251 requests): like a state test, the result is the transactions'
 * effect on the given pre-state.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { applyTransaction, logsHash } from "../../spec/execution/apply-transaction.js";
import type { BlockEnvironment } from "../../spec/execution/block-env.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { bigIntToBytes, bytesToBigInt } from "../../spec/primitives/bytes.js";
import { rlpDecode, rlpEncode, rlpEncodeUint } from "../../spec/primitives/rlp.js";
import type { Account } from "../../spec/state/account.js";
import type { Log } from "../../spec/state/world-state.js";
import { decodeTransaction, recoverSender, transactionHash } from "../../spec/transaction/index.js";
import type { Transaction } from "../../spec/transaction/types.js";
import { stateRoot } from "../../spec/trie/index.js";
import { FORK_NAMES, type BlockEnv, type ForkName, type PreState, type StateTestCase, type Tracer } from "../../interface/implementation.js";
import { traceObserver } from "../impls/spec.js";
import { T8nInputError, type T8nEnv } from "./inputs.js";
import { encodeReceipt, encodeWithdrawal, logsBloom, orderedTrieRoot, type Receipt } from "./receipts.js";

/** EIP-4844: gas per blob. */
const GAS_PER_BLOB = 131072n;
const GWEI = 1_000_000_000n;

export interface TransitionOptions {
  readonly fork: ForkName;
  readonly chainId: bigint;
  /** Added to the coinbase after the transactions when positive (geth: negative disables it). */
  readonly reward: bigint;
  /**
   * Keep, for each transaction that was applied (or refused by the spec), the state-test case it
   * was (the state before it, the block, its bytes) and the spec's root after it, so another
   * implementation can be checked transaction by transaction (`svm t8n --impl`).
   */
  readonly keepCases?: boolean;
  /** A tracer for transaction `index` (hash `hash`), and a call when it is done. */
  readonly traceFor?: (index: number, hash: Uint8Array) => { readonly tracer: Tracer; done(): void };
}

export interface IncludedTransaction {
  readonly index: number;
  readonly bytes: Uint8Array;
  readonly hash: Uint8Array;
  readonly receipt: Receipt;
  readonly gasUsed: bigint;
  readonly contractAddress?: bigint;
}

export interface TransitionResult {
  readonly accounts: ReadonlyMap<bigint, Account>;
  readonly stateRoot: Uint8Array;
  readonly included: readonly IncludedTransaction[];
  readonly rejected: readonly { readonly index: number; readonly error: string }[];
  readonly txRoot: Uint8Array;
  readonly receiptsRoot: Uint8Array;
  readonly logsHash: Uint8Array;
  readonly logsBloom: Uint8Array;
  readonly gasUsed: bigint;
  readonly blobGasUsed: bigint;
  readonly withdrawalsRoot?: Uint8Array;
  /** rlp([tx, ...]) of the included transactions: the block body's transaction list. */
  readonly body: Uint8Array;
  /** With `keepCases`: each transaction as a state-test case, and the spec's root after it. */
  readonly cases: readonly { readonly index: number; readonly testCase: StateTestCase; readonly stateRoot: Uint8Array }[];
}

function snapshot(accounts: ReadonlyMap<bigint, Account>): PreState {
  return new Map([...accounts].map(([address, a]) => [address, { nonce: a.nonce, balance: a.balance, code: a.code, storage: new Map(a.storage) }]));
}

function atLeast(fork: ForkName, since: ForkName): boolean {
  return FORK_NAMES.indexOf(fork) >= FORK_NAMES.indexOf(since);
}

function blockEnvironment(env: T8nEnv, options: TransitionOptions): BlockEnvironment {
  if (atLeast(options.fork, "London") && env.baseFee === undefined) {
    throw new T8nInputError("env.currentBaseFee is required from London on (SVM's t8n does not derive it from the parent)");
  }
  if (atLeast(options.fork, "Cancun") && env.excessBlobGas === undefined) {
    throw new T8nInputError("env.currentExcessBlobGas is required from Cancun on (SVM's t8n does not derive it from the parent)");
  }
  if (atLeast(options.fork, "Paris") && env.random === undefined) throw new T8nInputError("env.currentRandom is required from Paris on");
  return {
    coinbase: env.coinbase,
    gasLimit: env.gasLimit,
    number: env.number,
    timestamp: env.timestamp,
    difficulty: env.difficulty ?? 0n,
    prevRandao: env.random ?? 0n,
    baseFee: env.baseFee ?? 0n,
    excessBlobGas: env.excessBlobGas ?? 0n,
    chainId: options.chainId,
    blockHash: (number) => env.blockHashes.get(number) ?? 0n,
  };
}

function credit(accounts: Map<bigint, Account>, address: bigint, amount: bigint): void {
  const account = accounts.get(address);
  if (account === undefined) accounts.set(address, { nonce: 0n, balance: amount, code: new Uint8Array(0), storage: new Map() });
  else account.balance += amount;
}

function createdAddress(tx: Transaction, sender: bigint): bigint {
  return bytesToBigInt(keccak_256(rlpEncode([bigIntToBytes(sender, 20), rlpEncodeUint(tx.nonce)])).subarray(12));
}

function rootOf(accounts: ReadonlyMap<bigint, Account>): Uint8Array {
  return stateRoot([...accounts].map(([address, a]) => ({ address, nonce: a.nonce, balance: a.balance, codeHash: keccak_256(a.code), storage: a.storage })));
}

export function transition(
  alloc: ReadonlyMap<bigint, { nonce: bigint; balance: bigint; code: Uint8Array; storage: ReadonlyMap<bigint, bigint> }>,
  env: T8nEnv,
  txs: readonly Uint8Array[],
  options: TransitionOptions,
): TransitionResult {
  const schedule = SCHEDULES[options.fork];
  const block = blockEnvironment(env, options);
  const accounts = new Map<bigint, Account>();
  for (const [address, a] of alloc) accounts.set(address, { nonce: a.nonce, balance: a.balance, code: a.code, storage: new Map(a.storage) });
  const included: IncludedTransaction[] = [];
  const rejected: { index: number; error: string }[] = [];
  const allLogs: Log[] = [];
  const cases: { index: number; testCase: StateTestCase; stateRoot: Uint8Array }[] = [];
  let gasUsed = 0n;
  let blobGasUsed = 0n;
  txs.forEach((bytes, index) => {
    let tx: Transaction;
    try {
      tx = decodeTransaction(bytes);
    } catch (error) {
      rejected.push({ index, error: `MALFORMED_RLP: ${(error as Error).message}` });
      return;
    }
    // The block's gas is shared: a transaction asking for more than is left does not fit (Yellow Paper §11.2).
    if (tx.gasLimit > env.gasLimit - gasUsed) {
      rejected.push({ index, error: `GAS_ALLOWANCE_EXCEEDED: gas limit reached: ${tx.gasLimit} > ${env.gasLimit - gasUsed} left in the block` });
      return;
    }
    const hash = transactionHash(bytes);
    const before = options.keepCases === true ? snapshot(accounts) : undefined;
    const trace = options.traceFor?.(index, hash);
    const outcome = applyTransaction(accounts, bytes, block, schedule, trace === undefined ? undefined : traceObserver(trace.tracer));
    trace?.done();
    if (before !== undefined) {
      const caseEnv: BlockEnv = {
        coinbase: block.coinbase,
        gasLimit: block.gasLimit,
        number: block.number,
        timestamp: block.timestamp,
        difficulty: block.difficulty,
        ...(env.random !== undefined && { prevRandao: env.random }),
        ...(env.baseFee !== undefined && { baseFee: env.baseFee }),
        ...(env.excessBlobGas !== undefined && { excessBlobGas: env.excessBlobGas }),
      };
      cases.push({ index, testCase: { id: `t8n::tx${index}`, fork: options.fork, env: caseEnv, pre: before, txBytes: bytes }, stateRoot: rootOf(accounts) });
    }
    if (outcome.kind === "rejected") {
      rejected.push({ index, error: `${outcome.error.code}: ${outcome.error.message}` });
      return;
    }
    gasUsed += outcome.gasUsed;
    if (tx.type === 3) blobGasUsed += GAS_PER_BLOB * BigInt(tx.blobVersionedHashes.length);
    allLogs.push(...outcome.logs);
    const receipt = { type: tx.type, success: outcome.result.kind === "success", cumulativeGasUsed: gasUsed, logs: outcome.logs };
    const contract = tx.to === null && receipt.success ? { contractAddress: createdAddress(tx, recoverSender(tx, schedule, options.chainId)) } : {};
    included.push({ index, bytes, hash, receipt, gasUsed: outcome.gasUsed, ...contract });
  });
  if (options.reward > 0n) credit(accounts, env.coinbase, options.reward);
  for (const w of env.withdrawals ?? []) credit(accounts, w.address, w.amount * GWEI);
  // In a block body a legacy transaction is a list and a typed one a byte string (EIP-2718).
  const bodyItems = included.map((t) => (t.bytes[0]! >= 0xc0 ? rlpDecode(t.bytes) : t.bytes));
  return {
    accounts,
    stateRoot: rootOf(accounts),
    included,
    rejected,
    txRoot: orderedTrieRoot(included.map((t) => t.bytes)),
    receiptsRoot: orderedTrieRoot(included.map((t) => encodeReceipt(t.receipt))),
    logsHash: logsHash(allLogs),
    logsBloom: logsBloom(allLogs),
    gasUsed,
    blobGasUsed,
    ...(env.withdrawals !== undefined && { withdrawalsRoot: orderedTrieRoot(env.withdrawals.map(encodeWithdrawal)) }),
    body: rlpEncode(bodyItems),
    cases,
  };
}
