/**
 * The spec as an Implementation: a state-test case is applied with spec/'s transaction rules and
 * the outcome read back as the runner compares it.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { logsHash, applyTransaction } from "../../spec/execution/apply-transaction.js";
import type { BlockEnvironment } from "../../spec/execution/block-env.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { isKnownFork } from "../../spec/fork/names.js";
import { opcodeName } from "../../spec/machine/opcodes.js";
import type { StepObserver } from "../../spec/machine/execute.js";
import type { Frame } from "../../spec/machine/frame.js";
import { bytesToBigInt } from "../../spec/primitives/bytes.js";
import type { Account } from "../../spec/state/account.js";
import { stateRoot } from "../../spec/trie/index.js";
import type { CaseOutcome, Implementation, ProgressProbe, RunOptions, StateTestCase, Tracer } from "../../interface/implementation.js";

/** ethereum/tests' state tests run on chain id 1. */
const CHAIN_ID = 1n;

/** BLOCKHASH in state tests: keccak256 of the block number's decimal digits (go-ethereum's harness). */
function testBlockHash(number: bigint): bigint {
  return bytesToBigInt(keccak_256(new TextEncoder().encode(number.toString(10))));
}

function rootOf(accounts: ReadonlyMap<bigint, Account>): Uint8Array {
  return stateRoot(
    [...accounts].map(([address, account]) => ({
      address,
      nonce: account.nonce,
      balance: account.balance,
      codeHash: keccak_256(account.code),
      storage: account.storage,
    })),
  );
}

/** EIP-3155 lines from the driver's before/after hooks. */
export function traceObserver(tracer: Tracer): StepObserver<bigint, Uint8Array> {
  let before: { pc: number; op: number; gas: bigint; stack: bigint[]; depth: number; memSize: number } | undefined;
  return {
    before(frame: Frame<bigint, Uint8Array>) {
      const code = frame.message.code;
      before = {
        pc: frame.pc,
        op: frame.pc < code.length ? code[frame.pc]! : 0,
        gas: frame.gas,
        stack: [...frame.stack],
        depth: frame.message.depth + 1,
        memSize: frame.memory.size,
      };
    },
    after(frame, halt) {
      if (before === undefined) return;
      tracer.step({
        pc: before.pc,
        op: before.op,
        opName: opcodeName(before.op, frame.host.schedule),
        gas: before.gas,
        // On a halt, the price the instruction needed (EIP-3155's cost of the op), not just what it paid.
        gasCost: before.gas - frame.gas + (halt?.unpaid ?? 0n),
        stack: before.stack,
        depth: before.depth,
        refund: frame.host.refund,
        memSize: before.memSize,
        ...(halt === undefined ? {} : { error: halt.reason }),
      });
      before = undefined;
    },
  };
}

/** The probe told of each step as the driver is about to run it; EIP-3155 depths count from 1. */
function progressObserver(probe: ProgressProbe): StepObserver<bigint, Uint8Array> {
  return {
    before: (frame) => probe.step(frame.pc, frame.message.depth + 1),
    after: () => {},
  };
}

/** The driver takes one observer: with both a tracer and a probe, each is told in turn. */
function observerFor(options: RunOptions | undefined): StepObserver<bigint, Uint8Array> | undefined {
  const observers = [
    ...(options?.tracer === undefined ? [] : [traceObserver(options.tracer)]),
    ...(options?.progress === undefined ? [] : [progressObserver(options.progress)]),
  ];
  if (observers.length <= 1) return observers[0];
  return {
    before: (frame) => observers.forEach((o) => o.before(frame)),
    after: (frame, halt) => observers.forEach((o) => o.after(frame, halt)),
  };
}

export const specImplementation: Implementation = {
  name: "spec",
  runStateTest(testCase: StateTestCase, options?: RunOptions): CaseOutcome {
    if (!isKnownFork(testCase.fork)) throw new Error(`the spec does not know fork ${testCase.fork}`);
    const schedule = SCHEDULES[testCase.fork];
    const accounts = new Map<bigint, Account>();
    for (const [address, account] of testCase.pre) {
      accounts.set(address, {
        nonce: account.nonce,
        balance: account.balance,
        code: account.code,
        storage: new Map([...account.storage].filter(([, value]) => value !== 0n)),
      });
    }
    const env = testCase.env;
    const block: BlockEnvironment = {
      coinbase: env.coinbase,
      gasLimit: env.gasLimit,
      number: env.number,
      timestamp: env.timestamp,
      difficulty: env.difficulty,
      prevRandao: env.prevRandao ?? 0n,
      baseFee: env.baseFee ?? 0n,
      excessBlobGas: env.excessBlobGas ?? 0n,
      chainId: CHAIN_ID,
      blockHash: testBlockHash,
    };
    const outcome = applyTransaction(accounts, testCase.txBytes, block, schedule, observerFor(options));
    if (outcome.kind === "rejected") {
      return { kind: "rejected", stateRoot: rootOf(accounts), error: outcome.error.code, message: outcome.error.message };
    }
    const result = outcome.result;
    return {
      kind: "executed",
      stateRoot: rootOf(accounts),
      logsHash: logsHash(outcome.logs),
      gasUsed: outcome.gasUsed,
      output: result.kind === "halt" ? new Uint8Array(0) : result.output,
      status: result.kind === "halt" ? result.reason : result.kind,
    };
  },
};
