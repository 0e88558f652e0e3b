/**
 * Concrete execution on the spec: deploying the contract under test, running setUp, and replaying
 * counterexamples. Each top-level call is a message run by the spec's frame driver on the
 * concrete word domain, over one account map that persists between calls.
 */
import { executeMessage, type Machine, type MessageOutcome } from "../../spec/machine/execute.js";
import type { Message } from "../../spec/machine/frame.js";
import { ConcreteMemory } from "../../spec/machine/memory.js";
import type { Schedule } from "../../spec/fork/schedule.js";
import type { Account } from "../../spec/state/account.js";
import { WorldState } from "../../spec/state/world-state.js";
import { type Artifact, findArtifact } from "../artifacts.js";
import { type ExpectedCall, MISSED_EXPECT_CALL } from "../cheatcodes.js";
import { concreteWords } from "../../spec/word/concrete.js";
import { cheatcodes, HEVM_ADDRESS } from "../cheatcodes.js";
import { CALL_GAS, DEPLOYER, INITIAL_BALANCE, SCHEDULE, initialBlock, transactionFrom } from "../environment.js";
import type { MutableBlock } from "../host/symbolic-world.js";
import type { CallTracer } from "./call-trace.js";

/** A copy of an account map, storage included, so a snapshot is never changed by later calls. */
export function copyAccounts(accounts: ReadonlyMap<bigint, Account>): Map<bigint, Account> {
  const copy = new Map<bigint, Account>();
  for (const [address, account] of accounts) copy.set(address, { ...account, storage: new Map(account.storage) });
  return copy;
}

export class ConcreteChain {
  /** What the last run's cheatcode expectations missed (vm.expectRevert, vm.expectEmit): the test fails, as in forge. */
  missedExpectation: string | undefined;
  readonly accounts: Map<bigint, Account>;
  readonly block: MutableBlock;
  /** Records the calls and logs of the runs that follow (a counterexample's replay shown with -v). */
  tracer: CallTracer | undefined;

  constructor(
    accounts?: ReadonlyMap<bigint, Account>,
    block?: MutableBlock,
    /** What vm.getCode can name. */
    private readonly artifacts: readonly Artifact[] = [],
    /** The fork the calls run under (`svm prove --fork`). */
    readonly schedule: Schedule = SCHEDULE,
  ) {
    this.block = block === undefined ? initialBlock() : { ...block };
    if (accounts !== undefined) {
      this.accounts = copyAccounts(accounts);
      return;
    }
    this.accounts = new Map();
    this.accounts.set(DEPLOYER, { nonce: 1n, balance: INITIAL_BALANCE, code: new Uint8Array(0), storage: new Map() });
    // Solidity checks that a called contract has code, so the cheatcode address has a byte of it (as in forge).
    this.accounts.set(HEVM_ADDRESS, { nonce: 0n, balance: 0n, code: Uint8Array.of(0x00), storage: new Map() });
  }

  /** Runs one top-level message to completion; its state changes stay unless it fails. */
  run(message: Omit<Message<Uint8Array>, "depth" | "isStatic" | "gas" | "transfer"> & { gas?: bigint }): MessageOutcome<Uint8Array> {
    const tx = transactionFrom(message.caller);
    const expectedCalls: ExpectedCall<Uint8Array>[] = [];
    const world = new WorldState(this.accounts, this.schedule, this.block, tx, () => 0n);
    this.missedExpectation = undefined;
    const intercept = cheatcodes(
      {
        world,
        block: this.block,
        tx,
        expectationMissed: (what) => {
          this.missedExpectation ??= what;
        },
        artifact: (what) => findArtifact(this.artifacts, what),
        expectedCalls,
        assume: (condition) => condition !== 0n,
        discard: () => {
          throw new AssumptionRejected();
        },
        standIn: (word) => word,
      },
      () => machine,
    );
    const machine: Machine<bigint, Uint8Array> = {
      words: concreteWords,
      world,
      newMemory: () => new ConcreteMemory(),
      intercept: this.tracer === undefined ? intercept : this.tracer.intercept(intercept),
      ...(this.tracer !== undefined && { observer: this.tracer.observer }),
    };
    if (!this.accounts.has(message.caller)) {
      this.accounts.set(message.caller, { nonce: 0n, balance: INITIAL_BALANCE, code: new Uint8Array(0), storage: new Map() });
    }
    const outcome = executeMessage(machine, {
      ...message,
      gas: message.gas ?? CALL_GAS,
      transfer: message.value,
      depth: 0,
      isStatic: false,
    });
    this.tracer?.finish(outcome.result);
    world.finalize();
    if (expectedCalls.some((call) => !call.met)) this.missedExpectation ??= MISSED_EXPECT_CALL;
    return outcome;
  }

  /** Adds to an account's balance (creating the account if needed). */
  fund(address: bigint, amount: bigint): void {
    if (amount === 0n) return;
    const account = this.accounts.get(address);
    if (account === undefined) this.accounts.set(address, { nonce: 0n, balance: INITIAL_BALANCE + amount, code: new Uint8Array(0), storage: new Map() });
    else this.accounts.set(address, { ...account, balance: account.balance + amount });
  }

  /** Deploys creation code at `address` from `caller`. */
  deploy(caller: bigint, address: bigint, initcode: Uint8Array, value = 0n): MessageOutcome<Uint8Array> {
    return this.run({ kind: "create", caller, address, codeAddress: address, value, data: new Uint8Array(0), code: initcode });
  }

  /** Calls the contract at `address`. */
  call(caller: bigint, address: bigint, data: Uint8Array, value = 0n): MessageOutcome<Uint8Array> {
    const code = this.accounts.get(address)?.code ?? new Uint8Array(0);
    return this.run({ kind: "call", caller, address, codeAddress: address, value, data, code });
  }
}

/** `vm.assume` rejected a concrete run: the inputs are outside what the property considers. */
export class AssumptionRejected extends Error {
  readonly code = "ASSUMPTION_REJECTED";
}

export { DEPLOYER };
