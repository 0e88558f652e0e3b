/**
 * From a decoded GeneralStateTests file to its cases: one per (test, fork, post entry), each
 * entry naming one (data, gas, value) combination of the transaction.
 *
 * Enumeration is split in two so a run can select cases cheaply before building any of them:
 * `listCases` gives only ids (the main thread does this for every file, to sort, filter and
 * shard), and `buildCase` turns one selected id into the StateTestCase an implementation runs.
 */
import type { AccountState, ForkName, PreState, StateTestCase } from "../../interface/implementation.js";
import type { Env, PostEntry, StateTest, StateTestFile } from "../formats/state-tests.js";

/** What a case's post entry says must come out. */
export interface ExpectedOutcome {
  /** The post-state root (`hash`). */
  readonly stateRoot: Uint8Array;
  /** keccak256 of the RLP list of logs (`logs`). */
  readonly logsHash: Uint8Array;
  /** `expectException`, e.g. `TransactionException.INTRINSIC_GAS_TOO_LOW`, possibly `|`-separated alternatives. */
  readonly exception?: string;
}

/** A case's identity, before anything is built. */
export interface CaseRef {
  /** `file::test::fork::d<i>g<j>v<k>`. */
  readonly id: string;
  readonly testName: string;
  /** The fork as the file spells it; it may be one SVM does not know (e.g. Amsterdam). */
  readonly fork: string;
  /** Position of the entry in `post[fork]`. */
  readonly entryIndex: number;
}

/** `d<i>g<j>v<k>`, the usual short name of a post entry's indexes (as retesteth and geth print it). */
export function indexLabel(entry: PostEntry): string {
  return `d${entry.indexes.data}g${entry.indexes.gas}v${entry.indexes.value}`;
}

export function caseId(fileId: string, testName: string, fork: string, entry: PostEntry): string {
  return `${fileId}::${testName}::${fork}::${indexLabel(entry)}`;
}

/** Every case of a file, in file order (the runner sorts all cases by id afterwards). */
export function listCases(fileId: string, tests: StateTestFile): CaseRef[] {
  const refs: CaseRef[] = [];
  for (const [testName, test] of tests) {
    for (const [fork, entries] of Object.entries(test.post)) {
      entries.forEach((entry, entryIndex) => {
        refs.push({ id: caseId(fileId, testName, fork, entry), testName, fork, entryIndex });
      });
    }
  }
  return refs;
}

function blockEnv(env: Env) {
  return {
    coinbase: env.currentCoinbase,
    gasLimit: env.currentGasLimit,
    number: env.currentNumber,
    timestamp: env.currentTimestamp,
    difficulty: env.currentDifficulty,
    ...(env.currentRandom !== undefined && { prevRandao: env.currentRandom }),
    ...(env.currentBaseFee !== undefined && { baseFee: env.currentBaseFee }),
    ...(env.currentExcessBlobGas !== undefined && { excessBlobGas: env.currentExcessBlobGas }),
  };
}

/** The pre-state with zero storage values dropped: an account's storage holds non-zero slots only. */
function preState(test: StateTest): PreState {
  const pre = new Map<bigint, AccountState>();
  for (const [address, account] of test.pre) {
    const storage = new Map([...account.storage].filter(([, value]) => value !== 0n));
    pre.set(address, { nonce: account.nonce, balance: account.balance, code: account.code, storage });
  }
  return pre;
}

/** The runnable case and its expectation, for a ref whose fork SVM knows. */
export function buildCase(ref: CaseRef, fork: ForkName, test: StateTest): { testCase: StateTestCase; expected: ExpectedOutcome } {
  const entry = test.post[ref.fork]?.[ref.entryIndex];
  if (entry === undefined) throw new RangeError(`case ${ref.id} is not in its file`);
  return {
    testCase: { id: ref.id, fork, env: blockEnv(test.env), pre: preState(test), txBytes: entry.txbytes },
    expected: {
      stateRoot: entry.hash,
      logsHash: entry.logs,
      ...(entry.expectException !== undefined && { exception: entry.expectException }),
    },
  };
}
