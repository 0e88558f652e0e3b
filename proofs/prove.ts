/**
 * Property checking (halmos and hevm conventions): deploy the test contract and run `setUp()`
 * concretely on the spec, then explore every path of each `prove_`/`check_` function with
 * symbolic arguments. A path that can fail yields a model; the model's calldata is replayed
 * concretely on the spec, and only a replay that fails too is reported as a counterexample.
 */
import type { MessageOutcome } from "../spec/machine/execute.js";
import { bytesToBigInt } from "../spec/primitives/bytes.js";
import { DEFAULT_BOUNDS, symbolicCalldataVariants, type Bounds, type ParamType, type SymbolicCalldata } from "./calldata.js";
import { AssumptionRejected, ConcreteChain } from "./concrete/chain.js";
import { cellsToWord, type Cell, wordsOfCells, type Z3Bytes, type Z3Word } from "./domain/terms.js";
import { DEPLOYER, proofSchedule, TEST_CONTRACT, TEST_CONTRACT_BALANCE, transactionFrom } from "./environment.js";
import { explore } from "./explore/explorer.js";
import { type Path, PathDiscarded } from "./explore/path.js";
import { Assignment, Solver } from "./explore/solver.js";
import { SampleRandom, sampleInputs } from "./concrete/input-samples.js";
import { confirmAbstractFailure, confirmFailure } from "./explore/confirm.js";
import { AbstractCalldata } from "./domain/abstract-calldata.js";
import { SymbolicSession } from "./explore/symbolic-machine.js";
import { selectorOf } from "./selector.js";
import { assertionFailure, describePanic, isInvalidHalt, PANIC_ASSERT, panicCode } from "./failure.js";
import { SymbolicWorld, type SymbolicSlotRead, type SymbolicStorage } from "./host/symbolic-world.js";
import { z3, z3Runtime, type Z3Bool } from "./z3/context.js";
import type { Account } from "../spec/state/account.js";
import type { ForkName } from "../spec/fork/names.js";
import type { Schedule } from "../spec/fork/schedule.js";
import type { Artifact } from "./artifacts.js";
import { CheatcodeError } from "./cheatcodes.js";
import type { MutableBlock } from "./host/symbolic-world.js";
import { unreplayedReason } from "./host/precompile-functions.js";

export interface ContractFunction {
  readonly name: string;
  /** `name(type,...)`, for reports. */
  readonly signature: string;
  readonly selector: Uint8Array;
  readonly inputs: readonly ParamType[];
  /** As in the JSON ABI: pure, view, nonpayable or payable. */
  readonly stateMutability: string;
}

export interface PropertyContract {
  readonly name: string;
  /** Creation code (the constructor takes no arguments). */
  readonly creation: Uint8Array;
  readonly functions: readonly ContractFunction[];
  /** The contracts compiled with it, which vm.getCode can name. */
  readonly artifacts?: readonly Artifact[];
}

export interface ProveOptions {
  readonly loopBound: number;
  readonly depth: number;
  /** Time budget of one property. */
  readonly timeoutMs: number;
  readonly queryTimeoutMs: number;
  /**
   * What fails a property call besides failed() and INVALID: only a Panic with one of these codes
   * (halmos' convention and the default, where other reverts are assumptions; 0x01, a failed
   * assert, is always one), or every revert (forge's convention, and the property suite's).
   */
  readonly panics: FailurePolicy;
  readonly bounds: Bounds;
  readonly match?: RegExp;
  /**
   * prove_ functions start from arbitrary storage: every slot of the contracts setUp deployed, and
   * the test contract's slots that setUp left zero (see `symbolicAccounts`).
   */
  readonly symbolicStorage?: boolean;
  /**
   * The calldata of prove_ functions: ABI-shaped arguments (forge's and halmos' convention, the
   * default), or any bytes of any length after the selector (hevm's `abstract` calldata).
   */
  readonly calldata?: "abi" | "abstract";
  /** The fork the properties run under (default Cancun; `SVM` for the SVM precompiles, docs/extensions.md). */
  readonly fork?: ForkName;
}

export const DEFAULT_OPTIONS: ProveOptions = {
  loopBound: 16,
  depth: 2,
  timeoutMs: 25_000,
  queryTimeoutMs: 10_000,
  panics: [PANIC_ASSERT],
  bounds: DEFAULT_BOUNDS,
};

export type FailurePolicy = "any-revert" | readonly bigint[];

/** The policy with Panic(0x01) always included. */
export function failurePolicy(panics: FailurePolicy): FailurePolicy {
  return panics === "any-revert" ? panics : [...new Set([PANIC_ASSERT, ...panics])];
}

/**
 * A property's verdict. `pass`: every input was explored and none fails. `bounded`: no explored
 * input fails, but some bound cut the exploration short (the result's `bounds` names each one hit:
 * calldata or dynamic lengths, loop unrolling, call depth, a split of a symbolic value), so it is
 * not a proof. `fail`: a counterexample, replayed on the spec. `unknown`: the solver or engine gave up.
 */
export type Status = "pass" | "bounded" | "fail" | "unknown";

export interface CallStep {
  readonly function: string;
  readonly caller: bigint;
  readonly value: bigint;
  readonly calldata: Uint8Array;
}

/** A storage slot a counterexample needs (with symbolic storage): its value before the calls. */
export interface StorageSlot {
  readonly address: bigint;
  readonly slot: bigint;
  readonly value: bigint;
}

export interface Counterexample {
  readonly calls: readonly CallStep[];
  /** Initial storage values the failure depends on (only with symbolic storage). */
  readonly storage?: readonly StorageSlot[];
  /** How the replay failed. */
  readonly failure: string;
}

export interface PropertyResult {
  readonly contract: string;
  readonly function: string;
  readonly status: Status;
  readonly reason?: string;
  readonly counterexample?: Counterexample;
  /**
   * The bounds exploration hit (a path cut by the loop bound, lengths of dynamic arguments from a
   * finite set, an invariant's call depth, a symbolic value split into only some of its values):
   * empty exactly when every input was covered. A result without a failure and with bounds is `bounded`.
   */
  readonly bounds: readonly string[];
  /** Facts of the chain the verdict assumed that exclude no input a real chain can give (not bounds). */
  readonly assumptions?: readonly string[];
  readonly paths: number;
  readonly timeMs: number;
}

/** What an exploration of a property found, which decides its status (see `verdict`). */
export interface Findings {
  readonly counterexample?: Counterexample;
  /** Why the search is incomplete (solver gave up, unsupported operation, time budget). */
  readonly incomplete: Iterable<string>;
  readonly bounds: readonly string[];
  /** Paths that ran to the end, and how many of them reverted (the property's assumptions rejected them). */
  readonly completed: number;
  readonly reverted: number;
}

/**
 * The status the findings support: `fail` with a replayed counterexample; `unknown` when the search
 * is incomplete or no path got past the property's assumptions; `bounded` when a bound was hit;
 * `pass` only when every input was covered.
 */
export function verdict(findings: Findings): { status: Status; reason?: string } {
  if (findings.counterexample !== undefined) return { status: "fail" };
  const incomplete = [...new Set(findings.incomplete)];
  if (incomplete.length > 0) return { status: "unknown", reason: incomplete.join("; ") };
  if (findings.completed > 0 && findings.reverted === findings.completed) return { status: "unknown", reason: "every path reverts" };
  if (findings.completed === 0 && findings.bounds.length > 0) {
    return { status: "unknown", reason: `no path ran to the end within the bounds (${findings.bounds.join(", ")})` };
  }
  return { status: findings.bounds.length > 0 ? "bounded" : "pass" };
}

/** A property's result from what its exploration found: the verdict, the bounds and assumptions it rests on. */
export function propertyResult(
  what: { readonly contract: string; readonly function: string },
  findings: Findings,
  assumptions: Iterable<string>,
  paths: number,
  started: number,
): PropertyResult {
  const assumed = [...new Set(assumptions)];
  return {
    ...what,
    ...verdict(findings),
    ...(findings.counterexample !== undefined && { counterexample: findings.counterexample }),
    bounds: findings.bounds,
    ...(assumed.length > 0 && { assumptions: assumed }),
    paths,
    timeMs: Date.now() - started,
  };
}

/** The state after deployment and setUp, from which every property starts. */
export interface Deployment {
  readonly accounts: ReadonlyMap<bigint, Account>;
  readonly block: MutableBlock;
  readonly address: bigint;
  readonly artifacts: readonly Artifact[];
  readonly schedule: Schedule;
}

export { selectorOf };
export const FAILED = selectorOf("failed()");
const SET_UP = selectorOf("setUp()");

/**
 * proveFail_/checkFail_ (ds-test and hevm's convention): the property holds when every input that
 * passes its vm.assume calls makes the call fail (revert, or fail an assertion).
 */
export function expectsFailure(name: string): boolean {
  return /^(prove|check)Fail/.test(name);
}

/** How a proveFail_ property fails: some input lets the call succeed. */
const UNEXPECTED_SUCCESS = "the call succeeded without failing (a proveFail_ property expects every input to fail)";

/** Whether a function is a property this engine checks, and of which kind. */
export function propertyKind(name: string): "prove" | "invariant" | undefined {
  if (name.startsWith("prove") || name.startsWith("check")) return "prove";
  if (name.startsWith("invariant")) return "invariant";
  return undefined;
}

/** Deploys the contract and runs setUp() if it has one; an error names what failed. */
export function deploy(contract: PropertyContract, schedule: Schedule = proofSchedule()): Deployment | string {
  const artifacts = contract.artifacts ?? [];
  const chain = new ConcreteChain(undefined, undefined, artifacts, schedule);
  const created = chain.deploy(DEPLOYER, TEST_CONTRACT, contract.creation);
  if (created.result.kind !== "success") return `constructor failed (${describeOutcome(created)})`;
  chain.fund(TEST_CONTRACT, TEST_CONTRACT_BALANCE);
  if (contract.functions.some((f) => f.signature === "setUp()")) {
    const setUp = chain.call(DEPLOYER, TEST_CONTRACT, SET_UP);
    if (setUp.result.kind !== "success") return `setUp() failed (${describeOutcome(setUp)})`;
  }
  return { accounts: chain.accounts, block: chain.block, address: TEST_CONTRACT, artifacts, schedule };
}

function describeOutcome(outcome: MessageOutcome<Uint8Array>): string {
  const result = outcome.result;
  if (result.kind === "halt") return `halt: ${result.reason}`;
  const code = panicCode(result, concreteOutput);
  if (code !== undefined) return describePanic(code);
  return `${result.kind} with 0x${Buffer.from(result.output).toString("hex")}`;
}

export function concreteOutput(output: Uint8Array) {
  return {
    length: output.length,
    head: output.length >= 4 ? Number(bytesToBigInt(output.subarray(0, 4))) : undefined,
    code: output.length >= 36 ? bytesToBigInt(output.subarray(4, 36)) : 0n,
  };
}

export function symbolicOutput(output: Z3Bytes) {
  const head = output.slice(0, 4);
  return {
    length: output.length,
    head: head.length === 4 && head.every((c) => typeof c === "number") ? Number(bytesToBigInt(Uint8Array.from(head as number[]))) : undefined,
    code: output.length >= 36 ? cellsToWord(output.slice(4, 36)) : (0n as Z3Word),
  };
}

/** A failure condition: a concrete verdict, or a Z3 condition on the path's variables. */
export type FailureCondition = { readonly holds: boolean | Z3Bool; readonly what: string };

/** The failure condition of a property call's outcome on the symbolic domain. */
export function symbolicFailure(outcome: MessageOutcome<Z3Bytes>, panics: FailurePolicy): FailureCondition {
  const result = outcome.result;
  if (isInvalidHalt(result)) return { holds: true, what: "INVALID (designated invalid instruction or undefined opcode)" };
  const assertion = assertionFailure(result, (output) => output.map((cell) => (typeof cell === "number" ? cell : undefined)));
  if (assertion !== undefined) return { holds: true, what: assertion };
  const code = panicCode(result, symbolicOutput);
  if (panics === "any-revert") {
    if (result.kind === "success") return { holds: false, what: "" };
    if (result.kind === "halt") return { holds: true, what: `halt: ${result.reason}` };
    return { holds: true, what: typeof code === "bigint" ? describePanic(code) : "revert" };
  }
  if (code === undefined) return { holds: false, what: "" };
  if (typeof code === "bigint") return { holds: panics.includes(code), what: describePanic(code) };
  const { ctx } = z3Runtime();
  return { holds: ctx.Or(...panics.map((p) => code.eq(ctx.BitVec.val(p, 256)))), what: "Panic" };
}

/**
 * Whether the test contract's failed() is true after the session's last call (ds-test's flag): a
 * boolean, or a condition when it is symbolic; undefined if failed() itself did not return.
 */
export function failedFlag(session: SymbolicSession, testContract: bigint): boolean | Z3Bool | undefined {
  const flag = session.call({ caller: DEPLOYER, address: testContract, value: 0n, data: Array.from(FAILED) });
  if (flag.result.kind !== "success") return undefined;
  const word = cellsToWord(flag.result.output.slice(0, 32));
  if (typeof word === "bigint") return word !== 0n;
  const { ctx } = z3Runtime();
  return ctx.Not(word.eq(ctx.BitVec.val(0n, 256)));
}

/**
 * Arbitrary storage of the test contract starts with no assertion failed: failed() is false before
 * the property call (otherwise every property would "fail" on a flag set before it ran).
 */
function assumeNotFailed(path: Path, session: SymbolicSession, testContract: bigint): void {
  const flag = failedFlag(session, testContract);
  if (flag === true) throw new PathDiscarded("failed() is true before the call");
  if (flag !== undefined && flag !== false) path.constraints.push(flag.ctx.Not(flag));
}

function negation(condition: boolean | Z3Bool): boolean | Z3Bool {
  return typeof condition === "boolean" ? !condition : condition.ctx.Not(condition);
}

/** The failure a concrete outcome shows, if any. */
export function concreteFailure(outcome: MessageOutcome<Uint8Array>, panics: FailurePolicy): string | undefined {
  const result = outcome.result;
  if (isInvalidHalt(result)) return "INVALID (designated invalid instruction or undefined opcode)";
  const assertion = assertionFailure(result, (output) => Array.from(output));
  if (assertion !== undefined) return assertion;
  const code = panicCode(result, concreteOutput);
  if (panics === "any-revert") return result.kind === "success" ? undefined : describeOutcome(outcome);
  if (code !== undefined && panics.includes(code)) return describePanic(code);
  return undefined;
}

/** Concrete calldata from a model. */
export function concreteCells(model: Assignment, cells: readonly Cell[]): Uint8Array {
  return Uint8Array.from(cells.map((cell) => (typeof cell === "number" ? cell : Number((model.value(cell.word) >> BigInt(8 * (31 - cell.index))) & 0xffn))));
}

interface PathOutcome {
  readonly failure: FailureCondition;
  readonly reverted: boolean;
  readonly reads: readonly SymbolicSlotRead[];
  /** The path's calldata, and the abstract calldata it is when it is. */
  readonly data: readonly Cell[];
  readonly buffer: AbstractCalldata | undefined;
}

/** The calldata of a property call: ABI-encoded with one combination of dynamic lengths, or abstract. */
type CalldataShape = { readonly kind: "abi"; readonly calldata: SymbolicCalldata } | { readonly kind: "abstract" };

/**
 * The accounts whose storage is symbolic under the options: every contract setUp deployed, each
 * slot arbitrary; and the test contract, whose slots setUp left zero are arbitrary while those it
 * set keep their values (the contracts it points at, ds-test's IS_TEST and failed flag).
 */
function symbolicAccounts(deployment: Deployment, options: ProveOptions): SymbolicStorage {
  if (options.symbolicStorage !== true) return new Map();
  return new Map(
    [...deployment.accounts]
      .filter(([, account]) => account.code.length > 1)
      .map(([address, account]) => [address, address === deployment.address ? new Set(account.storage.keys()) : new Set<bigint>()]),
  );
}

/** The initial values of the symbolic slots a path read, in the model (not the slots that keep their deployed values). */
function storageIn(model: Assignment, reads: readonly SymbolicSlotRead[]): StorageSlot[] {
  const slots = new Map<string, StorageSlot>();
  for (const read of reads) {
    const slot = model.value(read.key);
    const name = `${read.address}:${slot}`;
    if (!read.kept.has(slot) && !slots.has(name)) slots.set(name, { address: read.address, slot, value: model.value(read.value) });
  }
  return [...slots.values()];
}

/** Checks one prove_/check_ function. */
export async function proveFunction(contract: PropertyContract, deployment: Deployment, fn: ContractFunction, options: ProveOptions): Promise<PropertyResult> {
  const started = Date.now();
  await z3();
  const panics = failurePolicy(options.panics);
  const variants = symbolicCalldataVariants(fn.selector, fn.inputs, options.bounds, fn.name);
  const abstract = options.calldata === "abstract";
  const bounds = new Set(abstract ? [] : variants.flatMap((v) => v.boundsUsed));
  const assumptions = new Set<string>();
  const symbolic = symbolicAccounts(deployment, options);
  let completed = 0;
  let paths = 0;
  const incomplete = new Set<string>();
  const solver = new Solver(options.queryTimeoutMs, started + options.timeoutMs);
  let reverted = 0;
  let counterexample: Counterexample | undefined;
  const unreplayed: string[] = [];
  const failing = expectsFailure(fn.name);

  const sampled = symbolic.size === 0 ? sampledFailure(deployment, fn, variants, panics, Math.min(SAMPLING_MS, options.timeoutMs / 10)) : undefined;
  if (sampled !== undefined) {
    counterexample = { calls: [{ function: fn.signature, caller: DEPLOYER, value: 0n, calldata: sampled.input }], failure: sampled.failure };
  }

  // ABI-shaped calldata, one exploration per combination of dynamic lengths; or abstract calldata.
  const shapes: readonly CalldataShape[] = abstract ? [{ kind: "abstract" }] : variants.map((calldata) => ({ kind: "abi", calldata }));
  for (const shape of shapes) {
    if (counterexample !== undefined) break;
    const scenario = (path: Path): PathOutcome => {
      let data: Cell[];
      let buffer: AbstractCalldata | undefined;
      if (shape.kind === "abi") {
        path.constraints.push(...shape.calldata.constraints);
        data = shape.calldata.cells;
      } else {
        buffer = new AbstractCalldata(path, fn.selector, fn.name);
        data = buffer.cells;
      }
      const world = new SymbolicWorld(deployment.accounts, deployment.schedule, { ...deployment.block }, transactionFrom(DEPLOYER), symbolic);
      const reads = world.symbolicReads;
      const session = new SymbolicSession(path, world, new Map(), deployment.artifacts);
      if (symbolic.has(deployment.address)) assumeNotFailed(path, session, deployment.address);
      const outcome = session.call({ caller: DEPLOYER, address: deployment.address, value: 0n, data });
      const fine = { failure: { holds: false, what: "" }, reverted: false, reads, data, buffer };
      if (failing) {
        // proveFail_: every failure is the expected outcome; only a clean success is a counterexample.
        if (session.missedExpectation !== undefined || outcome.result.kind !== "success") return fine;
        const flag = failedFlag(session, deployment.address);
        return flag === undefined ? fine : { ...fine, failure: { holds: negation(flag), what: UNEXPECTED_SUCCESS } };
      }
      if (session.missedExpectation !== undefined) return { ...fine, failure: { holds: true, what: session.missedExpectation } };
      if (outcome.result.kind !== "success") {
        const failure = symbolicFailure(outcome, panics);
        return { ...fine, failure, reverted: failure.holds === false };
      }
      const flag = failedFlag(session, deployment.address);
      return flag === undefined ? fine : { ...fine, failure: { holds: flag, what: "failed() is true" } };
    };

    const exploration = await explore(
      scenario,
      async (path, outcome, solver) => {
        completed++;
        if (outcome.reverted) reverted++;
        const holds = outcome.failure.holds;
        if (holds === false) return "continue";
        let input: Uint8Array = new Uint8Array(0);
        let storage: StorageSlot[] = [];
        const replay = (bytes: Uint8Array, model: Assignment) => {
          input = bytes;
          storage = storageIn(model, outcome.reads);
          return replayCall(deployment, input, panics, storage, failing);
        };
        const slots = outcome.reads.flatMap((read) => [read.key, read.value]);
        const what = outcome.failure.what;
        const confirmation =
          outcome.buffer !== undefined
            ? (await confirmAbstractFailure(solver, path, holds, what, outcome.buffer, slots, replay)).confirmation
            : await confirmFailure(solver, path, holds, what, [...wordsOfCells(outcome.data), ...slots], (model) => replay(concreteCells(model, outcome.data), model));
        if (confirmation.kind === "infeasible") return "continue";
        if (confirmation.kind === "unconfirmed") {
          unreplayed.push(unreplayedReason(path, confirmation.reason));
          return "continue";
        }
        counterexample = {
          calls: [{ function: fn.signature, caller: DEPLOYER, value: 0n, calldata: input }],
          ...(storage.length > 0 && { storage }),
          failure: confirmation.failure,
        };
        return "stop";
      },
      { loopBound: options.loopBound, queryTimeoutMs: options.queryTimeoutMs, deadline: started + options.timeoutMs, solver },
    );
    paths += exploration.paths;
    for (const reason of exploration.incomplete) incomplete.add(reason);
    for (const bound of exploration.bounds) bounds.add(bound);
    for (const assumption of exploration.assumptions) assumptions.add(assumption);
  }

  for (const reason of unreplayed) incomplete.add(reason);
  const findings = { counterexample, incomplete, bounds: [...bounds], completed, reverted };
  return propertyResult({ contract: contract.name, function: fn.signature }, findings, assumptions, paths, started);
}

/** Concrete samples tried before solving, spread over the length variants, and the time they may take. */
const SAMPLES_PER_PROPERTY = 64;
const SAMPLING_MS = 2_000;

/**
 * A failure among concrete samples of the inputs (see `concrete/input-samples.ts`): a bug with a
 * small or extreme witness is found without a query, and it is replayed like any counterexample.
 */
function sampledFailure(
  deployment: Deployment,
  fn: ContractFunction,
  variants: readonly SymbolicCalldata[],
  panics: FailurePolicy,
  budgetMs: number,
): { input: Uint8Array; failure: string } | undefined {
  const until = Date.now() + budgetMs;
  const random = new SampleRandom(bytesToBigInt(fn.selector));
  const perVariant = Math.max(4, Math.ceil(SAMPLES_PER_PROPERTY / variants.length));
  for (const calldata of variants) {
    const words = calldata.inputs.map((input) => input.word);
    for (const values of sampleInputs(calldata.inputs, perVariant, random)) {
      if (Date.now() > until) return undefined;
      const input = concreteCells(new Assignment(words, values, []), calldata.cells);
      const failure = replayCall(deployment, input, panics, [], expectsFailure(fn.name));
      if (failure !== undefined) return { input, failure };
    }
  }
  return undefined;
}

/** Replays a property call on the spec; the failure it shows, or undefined. */
function replayCall(deployment: Deployment, calldata: Uint8Array, panics: FailurePolicy, storage: readonly StorageSlot[], failing: boolean): string | undefined {
  const chain = new ConcreteChain(deployment.accounts, deployment.block, deployment.artifacts, deployment.schedule);
  for (const { address, slot, value } of storage) {
    const slots = chain.accounts.get(address)?.storage;
    if (slots === undefined) continue;
    if (value === 0n) slots.delete(slot);
    else slots.set(slot, value);
  }
  try {
    const outcome = chain.call(DEPLOYER, deployment.address, calldata);
    const missed = chain.missedExpectation;
    if (failing && (missed !== undefined || outcome.result.kind !== "success")) return undefined;
    if (missed !== undefined) return missed;
    if (outcome.result.kind !== "success") return concreteFailure(outcome, panics);
    const flag = chain.call(DEPLOYER, deployment.address, FAILED);
    const failed = flag.result.kind === "success" && bytesToBigInt(flag.result.output.subarray(0, 32)) !== 0n;
    if (failing) return failed ? undefined : UNEXPECTED_SUCCESS;
    return failed ? "failed() is true" : undefined;
  } catch (error) {
    // A rejected vm.assume, or a cheatcode the replay cannot serve: no failure shown.
    if (error instanceof AssumptionRejected || error instanceof CheatcodeError) return undefined;
    throw error;
  }
}
