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
import type { CaseOutcome } from "../implementation.js";
import type { BuiltCase } from "./build.js";

/** keccak256(rlp([])): the logs hash of a transaction that logged nothing (or was rejected). */
const EMPTY_LOGS_HASH = keccak_256(rlpEncode([]));

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

function transactionSection(built: BuiltCase) {
  const tx = built.transaction;
  return {
    data: [tx.data],
    gasLimit: [tx.gasLimit],
    value: [tx.value],
    nonce: tx.nonce,
    to: tx.to,
    sender: built.signer.address,
    secretKey: built.signer.secretKey,
    ...feeFields(tx),
    ...(tx.type !== 0 && {
      accessLists: [tx.accessList.map((entry) => ({ address: entry.address, storageKeys: entry.storageKeys.map((key) => bigIntToBytes(key, 32)) }))],
    }),
  };
}

/** The post entry expecting `expected`: its root and logs, or the exception that rejected the transaction. */
function postEntry(built: BuiltCase, expected: CaseOutcome) {
  return {
    hash: expected.stateRoot,
    logs: expected.kind === "executed" ? expected.logsHash : EMPTY_LOGS_HASH,
    txbytes: built.testCase.txBytes,
    indexes: { data: 0, gas: 0, value: 0 },
    ...(expected.kind === "rejected" && { expectException: `TransactionException.${expected.error}` }),
  };
}

/**
 * One test's GeneralStateTests object (encoded for JSON) with one post entry for the case's fork,
 * and `info` as its `_info` (where ethereum/tests keeps a test's metadata) when given.
 */
export function stateTestObject(built: BuiltCase, expected: CaseOutcome, info?: object): object {
  const testCase = built.testCase;
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
    transaction: transactionSection(built),
    post: { [testCase.fork]: [postEntry(built, expected)] },
  };
  return { ...(info !== undefined && { _info: info }), ...(StateTest.encode(test) as object) };
}

/** The file's JSON text: one test named `name` (see stateTestObject). */
export function stateTestJson(name: string, built: BuiltCase, expected: CaseOutcome, info?: object): string {
  return `${JSON.stringify({ [name]: stateTestObject(built, expected, info) }, null, 2)}\n`;
}
