/**
 * The fixed world properties are checked in: Foundry's conventions, so that a suite written for
 * forge or halmos sees the addresses and block it expects (the test contract at forge's address,
 * deployed by forge's default sender, with 2^96 wei, and given forge's initial balance).
 */
import { SCHEDULES } from "../spec/fork/forks.js";
import type { ForkName } from "../spec/fork/names.js";
import type { Schedule } from "../spec/fork/schedule.js";
import type { TransactionContext } from "../spec/machine/host.js";
import type { MutableBlock } from "./host/symbolic-world.js";

/** forge's default sender (DEFAULT_SENDER), which deploys the test contract and calls it. */
export const DEPLOYER = 0x1804c8ab1f12e6bbf3894d4083f33e07309d1f38n;
/** Where forge deploys the test contract: the deployer's first CREATE address. */
export const TEST_CONTRACT = 0x7fa9385be102ac3eac297483dd6233d62b3e1496n;
export const INITIAL_BALANCE = 1n << 96n;
/** forge's default `initial_balance` of the test contract, given to it once it is deployed. */
export const TEST_CONTRACT_BALANCE = (1n << 96n) - 1n;
/** Gas for each top-level call: a block's worth. */
export const CALL_GAS = 30_000_000n;

/** The fork properties are checked under unless `svm prove --fork` names another. */
export const DEFAULT_PROOF_FORK: ForkName = "Cancun";

/**
 * The fork's schedule without the contract and initcode size limits (EIP-170, EIP-3860): forge does
 * not apply them in tests, and test contracts compiled without the optimizer often exceed 24 KiB.
 */
export function proofSchedule(fork: ForkName = DEFAULT_PROOF_FORK): Schedule {
  return { ...SCHEDULES[fork], maxCodeSize: null, maxInitcodeSize: null };
}

export const SCHEDULE: Schedule = proofSchedule();

export function initialBlock(): MutableBlock {
  return {
    coinbase: 0n,
    number: 1n,
    timestamp: 1n,
    gasLimit: CALL_GAS,
    difficulty: 0n,
    prevRandao: 0n,
    baseFee: 0n,
    blobBaseFee: 1n,
    chainId: 31337n,
  };
}

/** A transaction's context, whose origin `vm.prank(sender, origin)` may change. */
export interface MutableTransaction extends TransactionContext {
  origin: bigint;
}

export function transactionFrom(origin: bigint): MutableTransaction {
  return { origin, gasPrice: 0n, blobHashes: [] };
}
