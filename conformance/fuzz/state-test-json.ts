/**
 * Writing a generated case as a GeneralStateTests file, so `svm statetest` (and any client's
 * state-test runner) can replay it. The `post` entry expects one implementation's outcome (the
 * fuzzer passes A's): running the file on B then reproduces the divergence. The `transaction`
 * section restates the signed transaction's fields, as fillers write them; runners execute
 * `txbytes`.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bigIntToBytes } from "../../spec/primitives/bytes.js";
import { rlpEncode } from "../../spec/primitives/rlp.js";
import type { Transaction } from "../../spec/transaction/types.js";
import { StateTest } from "../formats/state-tests.js";
import type { CaseOutcome, StateTestCase } from "../../interface/implementation.js";
import type { BuiltCase } from "./build.js";

/** keccak256(rlp([])): the logs hash of a transaction that logged nothing (or was rejected). */
export const EMPTY_LOGS_HASH = keccak_256(rlpEncode([]));

/** The fee fields of the transaction's type, as GeneralStateTests names them. */
function feeFields(tx: Transaction) {
  if (tx.type === 0 || tx.type === 1) return { gasPrice: tx.gasPrice };
  const dynamic = { maxFeePerGas: tx.maxFeePerGas, maxPriorityFeePerGas: tx.maxPriorityFeePerGas };
  if (tx.type === 2) return dynamic;
  if (tx.type === 4) {
    // execution-spec-tests' spelling of EIP-7702 authorizations (v and yParity both hold the parity).
    const authorizationList = tx.authorizationList.map((a) => ({ chainId: a.chainId, address: a.address, nonce: a.nonce, v: a.yParity, yParity: a.yParity, r: a.r, s: a.s }));
    return { ...dynamic, authorizationList };
  }
  return { ...dynamic, maxFeePerBlobGas: tx.maxFeePerBlobGas, blobVersionedHashes: [...tx.blobVersionedHashes] };
}

/**
 * What a state-test file is written from: the case, its transaction decoded, and who signed it.
 * The secret key is known only for generated cases; a file written without one names the sender
 * (execution-spec-tests' `sender`, which clients read in place of deriving it from the key).
 */
export interface StateTestFileParts {
  readonly testCase: StateTestCase;
  readonly transaction: Transaction;
  readonly sender: bigint;
  readonly secretKey?: Uint8Array;
}

/** The post entry a file expects: a root and logs hash, and the exception for a rejected transaction. */
export interface ExpectedPost {
  readonly stateRoot: Uint8Array;
  readonly logsHash: Uint8Array;
  readonly exception?: string;
}

function transactionSection(parts: StateTestFileParts) {
  const tx = parts.transaction;
  return {
    data: [tx.data],
    gasLimit: [tx.gasLimit],
    value: [tx.value],
    nonce: tx.nonce,
    to: tx.to,
    sender: parts.sender,
    ...(parts.secretKey !== undefined && { secretKey: parts.secretKey }),
    ...feeFields(tx),
    ...(tx.type !== 0 && {
      accessLists: [tx.accessList.map((entry) => ({ address: entry.address, storageKeys: entry.storageKeys.map((key) => bigIntToBytes(key, 32)) }))],
    }),
  };
}

/** The post entry expecting `expected`: its root and logs, or the exception that rejected the transaction. */
function postEntry(testCase: StateTestCase, expected: ExpectedPost) {
  return {
    hash: expected.stateRoot,
    logs: expected.logsHash,
    txbytes: testCase.txBytes,
    indexes: { data: 0, gas: 0, value: 0 },
    ...(expected.exception !== undefined && { expectException: expected.exception }),
  };
}

/** What a file expecting `outcome` has in its post entry. */
function expectedPostOf(outcome: CaseOutcome): ExpectedPost {
  if (outcome.kind === "rejected") {
    return { stateRoot: outcome.stateRoot, logsHash: EMPTY_LOGS_HASH, exception: `TransactionException.${outcome.error}` };
  }
  // An implementation that reports no logs hash cannot fix one; the empty list's stands in.
  return { stateRoot: outcome.stateRoot, logsHash: outcome.logsHash ?? EMPTY_LOGS_HASH };
}

/**
 * One test's GeneralStateTests object (encoded for JSON) with one post entry for the case's fork,
 * and `info` as its `_info` (where ethereum/tests keeps a test's metadata) when given.
 */
export function stateTestObject(built: BuiltCase, expected: CaseOutcome, info?: object): object {
  const parts = { testCase: built.testCase, transaction: built.transaction, sender: built.signer.address, secretKey: built.signer.secretKey };
  return stateTestFileObject(parts, expectedPostOf(expected), info);
}

/** The same for a case written from its parts, expecting `expected` (see StateTestFileParts). */
export function stateTestFileObject(parts: StateTestFileParts, expected: ExpectedPost, info?: object): object {
  const testCase = parts.testCase;
  const env = testCase.env;
  const test: StateTest = {
    env: {
      currentCoinbase: env.coinbase,
      currentDifficulty: env.difficulty,
      currentGasLimit: env.gasLimit,
      currentNumber: env.number,
      currentTimestamp: env.timestamp,
      ...(env.baseFee !== undefined && { currentBaseFee: env.baseFee }),
      ...(env.prevRandao !== undefined && { currentRandom: env.prevRandao }),
      ...(env.excessBlobGas !== undefined && { currentExcessBlobGas: env.excessBlobGas }),
    },
    pre: new Map(
      [...testCase.pre].map(([address, account]) => [
        address,
        { balance: account.balance, nonce: account.nonce, code: account.code, storage: new Map(account.storage) },
      ]),
    ),
    transaction: transactionSection(parts),
    post: { [testCase.fork]: [postEntry(testCase, expected)] },
  };
  return { ...(info !== undefined && { _info: info }), ...(StateTest.encode(test) as object) };
}

/** The file's JSON text: one test named `name` (see stateTestObject). */
export function stateTestJson(name: string, built: BuiltCase, expected: CaseOutcome, info?: object): string {
  return `${JSON.stringify({ [name]: stateTestObject(built, expected, info) }, null, 2)}\n`;
}

/** The JSON text of a file holding one test named `name` (see stateTestFileObject). */
export function stateTestFileJson(name: string, parts: StateTestFileParts, expected: ExpectedPost, info?: object): string {
  return `${JSON.stringify({ [name]: stateTestFileObject(parts, expected, info) }, null, 2)}\n`;
}
