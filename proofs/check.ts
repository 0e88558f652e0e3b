/**
 * The entry points of `svm prove`: every property of a compiled test contract, or the safety of
 * a piece of runtime bytecode (can a Panic or INVALID be reached with some calldata?).
 */
import { ConcreteChain } from "./concrete/chain.js";
import { DEPLOYER, proofSchedule, TEST_CONTRACT, transactionFrom } from "./environment.js";
import { explore } from "./explore/explorer.js";
import { confirmAbstractFailure } from "./explore/confirm.js";
import { AbstractCalldata } from "./domain/abstract-calldata.js";
import type { Path } from "./explore/path.js";
import { SymbolicSession } from "./explore/symbolic-machine.js";
import { ALL_PANIC_CODES } from "./failure.js";
import { SymbolicWorld } from "./host/symbolic-world.js";
import { invariantTargets, type KnownContract, proveInvariant } from "./invariants.js";
import {
  concreteFailure,
  type ContractFunction,
  type Counterexample,
  deploy,
  type Deployment,
  type FailureCondition,
  type PropertyContract,
  type PropertyResult,
  type ProveOptions,
  failurePolicy,
  propertyKind,
  proveFunction,
  symbolicFailure,
  propertyResult,
} from "./prove.js";
import { z3 } from "./z3/context.js";
import { unreplayedReason } from "./host/precompile-functions.js";

/** Checks the properties of one test contract, in ABI order; `onStart` and `onResult` see each as it begins and is decided. */
export async function checkContract(
  contract: PropertyContract,
  known: readonly KnownContract[],
  options: ProveOptions,
  onResult: (result: PropertyResult) => void = () => {},
  onStart: (fn: ContractFunction) => void = () => {},
): Promise<PropertyResult[]> {
  const properties = contract.functions.filter((f) => propertyKind(f.name) !== undefined && (options.match === undefined || options.match.test(f.name)));
  if (properties.length === 0) return [];
  const results: PropertyResult[] = [];
  const report = (result: PropertyResult) => {
    results.push(result);
    onResult(result);
  };
  const deployment = deploy(contract, proofSchedule(options.fork));
  if (typeof deployment === "string") {
    for (const fn of properties) report({ contract: contract.name, function: fn.signature, status: "unknown", reason: deployment, bounds: [], paths: 0, timeMs: 0 });
    return results;
  }
  for (const fn of properties) {
    const started = Date.now();
    onStart(fn);
    try {
      report(await checkProperty(contract, deployment, fn, known, options));
    } catch (error) {
      // An engine failure on one property (a Z3 error, an unexpected state) must not stop the others.
      const reason = `engine error: ${error instanceof Error ? error.message : String(error)}`;
      report({ contract: contract.name, function: fn.signature, status: "unknown", reason, bounds: [], paths: 0, timeMs: Date.now() - started });
    }
  }
  return results;
}

/** The runtime code creation code deploys (run concretely on the spec), or undefined if it fails or deploys none. */
export function deployedRuntime(creation: Uint8Array): Uint8Array | undefined {
  const chain = new ConcreteChain();
  const outcome = chain.deploy(DEPLOYER, TEST_CONTRACT, creation);
  const code = chain.accounts.get(TEST_CONTRACT)?.code;
  return outcome.result.kind === "success" && code !== undefined && code.length > 0 ? code : undefined;
}

async function checkProperty(
  contract: PropertyContract,
  deployment: Deployment,
  fn: ContractFunction,
  known: readonly KnownContract[],
  options: ProveOptions,
): Promise<PropertyResult> {
  if (propertyKind(fn.name) === "prove") return proveFunction(contract, deployment, fn, options);
  const targets = invariantTargets(contract, deployment, known);
  if (typeof targets === "string") return { contract: contract.name, function: fn.signature, status: "unknown", reason: targets, bounds: [], paths: 0, timeMs: 0 };
  return proveInvariant(contract, deployment, fn, targets, options);
}

/**
 * Bytecode mode: runtime code at the test address, called by the deployer with abstract calldata
 * (any bytes of any length, hevm's convention; see `domain/abstract-calldata.ts`).
 */
export async function checkBytecode(name: string, runtime: Uint8Array, options: ProveOptions): Promise<PropertyResult> {
  const started = Date.now();
  await z3();
  // Bytecode has no assertion convention of its own: any Panic counts, unless --panic narrows it.
  const panics = failurePolicy(options.panics === "any-revert" ? ALL_PANIC_CODES : options.panics);
  const chain = new ConcreteChain(undefined, undefined, [], proofSchedule(options.fork));
  chain.accounts.set(TEST_CONTRACT, { nonce: 1n, balance: 0n, code: runtime, storage: new Map() });
  let counterexample: Counterexample | undefined;
  const unreplayed: string[] = [];
  let completed = 0;
  const scenario = (path: Path): { failure: FailureCondition; calldata: AbstractCalldata } => {
    const calldata = new AbstractCalldata(path, new Uint8Array(0), "calldata");
    const world = new SymbolicWorld(chain.accounts, chain.schedule, { ...chain.block }, transactionFrom(DEPLOYER));
    const session = new SymbolicSession(path, world);
    return { failure: symbolicFailure(session.call({ caller: DEPLOYER, address: TEST_CONTRACT, value: 0n, data: calldata.cells }), panics), calldata };
  };
  const exploration = await explore(
    scenario,
    async (path, { failure, calldata }, solver) => {
      completed++;
      if (failure.holds === false) return "continue";
      const { confirmation, calldata: input } = await confirmAbstractFailure(solver, path, failure.holds, failure.what, calldata, [], (bytes) =>
        concreteFailure(new ConcreteChain(chain.accounts, chain.block, [], chain.schedule).call(DEPLOYER, TEST_CONTRACT, bytes), panics),
      );
      if (confirmation.kind === "infeasible") return "continue";
      if (confirmation.kind === "unconfirmed") {
        unreplayed.push(unreplayedReason(path, confirmation.reason));
        return "continue";
      }
      counterexample = { calls: [{ function: "(calldata)", caller: DEPLOYER, value: 0n, calldata: input }], failure: confirmation.failure };
      return "stop";
    },
    { loopBound: options.loopBound, queryTimeoutMs: options.queryTimeoutMs, deadline: started + options.timeoutMs },
  );
  const findings = { counterexample, incomplete: [...exploration.incomplete, ...unreplayed], bounds: exploration.bounds, completed, reverted: 0 };
  return propertyResult({ contract: name, function: "(bytecode)" }, findings, exploration.assumptions, exploration.paths, started);
}
