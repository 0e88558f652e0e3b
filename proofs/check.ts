/**
 * The entry points of `svm prove`: every property of a compiled test contract, or the safety of
 * a piece of runtime bytecode (can a Panic or INVALID be reached with some calldata?).
 */
import { ConcreteChain } from "./concrete/chain.js";
import { type Cell, wordsOfCells } from "./domain/terms.js";
import { DEPLOYER, SCHEDULE, TEST_CONTRACT, transactionFrom } from "./environment.js";
import { explore } from "./explore/explorer.js";
import { confirmFailure } from "./explore/confirm.js";
import type { Path } from "./explore/path.js";
import { SymbolicSession } from "./explore/symbolic-machine.js";
import { ALL_PANIC_CODES } from "./failure.js";
import { SymbolicWorld } from "./host/symbolic-world.js";
import { invariantTargets, type KnownContract, proveInvariant } from "./invariants.js";
import {
  concreteCells,
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
} from "./prove.js";
import { z3, z3Runtime } from "./z3/context.js";

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
  const deployment = deploy(contract);
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

/** Length of the symbolic calldata in bytecode mode: a selector and four words. */
export const BYTECODE_CALLDATA_LENGTH = 4 + 32 * 4;

/** Bytecode mode: runtime code at the test address, called with symbolic calldata by the deployer. */
export async function checkBytecode(name: string, runtime: Uint8Array, options: ProveOptions): Promise<PropertyResult> {
  const started = Date.now();
  await z3();
  const { ctx } = z3Runtime();
  // Bytecode has no assertion convention of its own: any Panic counts, unless --panic narrows it.
  const panics = failurePolicy(options.panics === "any-revert" ? ALL_PANIC_CODES : options.panics);
  const chain = new ConcreteChain();
  chain.accounts.set(TEST_CONTRACT, { nonce: 1n, balance: 0n, code: runtime, storage: new Map() });
  const cells: Cell[] = [];
  for (let i = 0; i < BYTECODE_CALLDATA_LENGTH; i += 32) {
    const word = ctx.BitVec.const(`calldata_${i / 32}`, 256);
    for (let b = 0; b < 32 && i + b < BYTECODE_CALLDATA_LENGTH; b++) cells.push({ word, index: b });
  }
  let counterexample: Counterexample | undefined;
  const unreplayed: string[] = [];
  const scenario = (path: Path): FailureCondition => {
    const world = new SymbolicWorld(chain.accounts, SCHEDULE, { ...chain.block }, transactionFrom(DEPLOYER));
    const session = new SymbolicSession(path, world);
    return symbolicFailure(session.call({ caller: DEPLOYER, address: TEST_CONTRACT, value: 0n, data: cells }), panics);
  };
  const exploration = await explore(
    scenario,
    async (path, failure, solver) => {
      if (failure.holds === false) return "continue";
      let calldata: Uint8Array = new Uint8Array(0);
      const confirmation = await confirmFailure(solver, path, failure.holds, failure.what, wordsOfCells(cells), (model) => {
        calldata = concreteCells(model, cells);
        return concreteFailure(new ConcreteChain(chain.accounts, chain.block).call(DEPLOYER, TEST_CONTRACT, calldata), panics);
      });
      if (confirmation.kind === "infeasible") return "continue";
      if (confirmation.kind === "unconfirmed") {
        unreplayed.push(confirmation.reason);
        return "continue";
      }
      counterexample = { calls: [{ function: "(calldata)", caller: DEPLOYER, value: 0n, calldata }], failure: confirmation.failure };
      return "stop";
    },
    { loopBound: options.loopBound, queryTimeoutMs: options.queryTimeoutMs, deadline: started + options.timeoutMs },
  );
  const base = { contract: name, function: "(bytecode)", bounds: [`loop ${options.loopBound}`, `calldata length ${BYTECODE_CALLDATA_LENGTH}`], paths: exploration.paths };
  const timeMs = Date.now() - started;
  if (counterexample !== undefined) return { ...base, status: "fail", counterexample, timeMs };
  const incomplete = [...exploration.incomplete, ...unreplayed];
  if (incomplete.length > 0) return { ...base, status: "unknown", reason: incomplete.join("; "), timeMs };
  return { ...base, status: "pass", timeMs };
}

