/**
 * Invariant checking: an `invariant_` function must hold after setUp and after every sequence of
 * up to `depth` successful calls to the target contracts' state-changing functions, each from any
 * caller, with symbolic arguments. A reverted call leaves the state as it was, so such paths are
 * dropped (a shorter sequence covers them). A call to a payable function carries any value below
 * `VALUE_BOUND` (more ether than exists), paid by a caller taken to afford it; other calls carry
 * none, since a non-payable Solidity function reverts on value.
 */
import { bytesEqual, bytesToBigInt } from "../spec/primitives/bytes.js";
import { symbolicCalldata } from "./calldata.js";
import { AssumptionRejected, ConcreteChain } from "./concrete/chain.js";
import { type Cell, wordsOfCells } from "./domain/terms.js";
import { DEPLOYER, transactionFrom } from "./environment.js";
import { explore } from "./explore/explorer.js";
import { type Path, PathDiscarded } from "./explore/path.js";
import { Solver } from "./explore/solver.js";
import { confirmFailure } from "./explore/confirm.js";
import { SymbolicSession } from "./explore/symbolic-machine.js";
import { HEVM_ADDRESS } from "./cheatcodes.js";
import { SymbolicWorld } from "./host/symbolic-world.js";
import {
  type CallStep,
  type ContractFunction,
  type Counterexample,
  concreteCells,
  concreteFailure,
  type Deployment,
  FAILED,
  failedFlag,
  type FailureCondition,
  type PropertyContract,
  type PropertyResult,
  type ProveOptions,
  type FailurePolicy,
  failurePolicy,
  selectorOf,
  symbolicFailure,
  propertyResult,
} from "./prove.js";
import { z3, z3Runtime, type Bv } from "./z3/context.js";
import { unreplayedReason } from "./host/precompile-functions.js";

/** A compiled contract the engine may meet deployed, to know its functions. */
export interface KnownContract {
  readonly name: string;
  readonly runtime: Uint8Array;
  readonly functions: readonly ContractFunction[];
}

export interface InvariantTarget {
  readonly contract: string;
  readonly address: bigint;
  readonly fn: ContractFunction;
}

/**
 * One length per dynamic argument of a call in a sequence (every combination over a sequence would
 * multiply): a typical non-empty value.
 */
const SEQUENCE_BOUNDS = { bytesLengths: [32], arrayLengths: [2], maxVariants: 1 } as const;

/** Placeholder caller addresses, one per call of a sequence (see `symbolicWords`' aliases). */
const CALLER_PLACEHOLDER = 0x5ca1ab1e00000000000000000000000000000000n;

const TARGET_CONTRACTS = selectorOf("targetContracts()");

/** msg.value of a call to a payable target is below this (2^96 wei is about 8e10 ether). */
const VALUE_BOUND = 1n << 96n;

/**
 * The functions to call: those of `targetContracts()` if the test names any, else of every
 * contract setUp deployed; view and pure functions change nothing and are left out.
 */
export function invariantTargets(contract: PropertyContract, deployment: Deployment, known: readonly KnownContract[]): InvariantTarget[] | string {
  let addresses: bigint[] = [];
  if (contract.functions.some((f) => f.signature === "targetContracts()")) {
    const chain = new ConcreteChain(deployment.accounts, deployment.block, deployment.artifacts, deployment.schedule);
    const out = chain.call(DEPLOYER, deployment.address, TARGET_CONTRACTS);
    if (out.result.kind !== "success") return "targetContracts() failed";
    const output = out.result.output;
    const offset = Number(bytesToBigInt(output.subarray(0, 32)));
    const length = Number(bytesToBigInt(output.subarray(offset, offset + 32)));
    for (let i = 0; i < length; i++) addresses.push(bytesToBigInt(output.subarray(offset + 32 + 32 * i, offset + 64 + 32 * i)));
  }
  if (addresses.length === 0) {
    addresses = [...deployment.accounts]
      .filter(([address, account]) => account.code.length > 1 && address !== deployment.address && address !== HEVM_ADDRESS)
      .map(([address]) => address);
  }
  const targets: InvariantTarget[] = [];
  for (const address of addresses) {
    const code = deployment.accounts.get(address)?.code ?? new Uint8Array(0);
    const match = known.find((k) => bytesEqual(k.runtime, code)) ?? known.find((k) => k.runtime.length === code.length && k.runtime.length > 0);
    if (match === undefined) return `no compiled contract matches the code at 0x${address.toString(16).padStart(40, "0")}`;
    for (const fn of match.functions) {
      if (fn.stateMutability === "view" || fn.stateMutability === "pure") continue;
      targets.push({ contract: match.name, address, fn });
    }
  }
  if (targets.length === 0) return "no target functions (no state-changing function in the target contracts)";
  return targets;
}

/** Every sequence of target indices of the given length, in order. */
function sequences(count: number, length: number): number[][] {
  if (length === 0) return [[]];
  return sequences(count, length - 1).flatMap((prefix) => Array.from({ length: count }, (_, i) => [...prefix, i]));
}

export async function proveInvariant(
  contract: PropertyContract,
  deployment: Deployment,
  invariant: ContractFunction,
  targets: readonly InvariantTarget[],
  options: ProveOptions,
): Promise<PropertyResult> {
  const started = Date.now();
  await z3();
  const panics = failurePolicy(options.panics);
  // Sequences longer than the depth are never explored: an invariant's verdict is always bounded.
  const bounds = [`depth ${options.depth}`];
  const assumptions = new Set<string>();
  if (targets.some((target) => target.fn.stateMutability === "payable")) bounds.push("msg.value < 2^96");
  const incomplete = new Set<string>();
  let paths = 0;
  let counterexample: Counterexample | undefined;
  const solver = new Solver(options.queryTimeoutMs, started + options.timeoutMs);

  for (let length = 0; length <= options.depth && counterexample === undefined; length++) {
    for (const sequence of sequences(targets.length, length)) {
      if (counterexample !== undefined) break;
      const { ctx } = z3Runtime();
      const callers = sequence.map((_, k) => ctx.BitVec.const(`caller_${k}`, 256));
      const aliases = new Map(callers.map((caller, k) => [CALLER_PLACEHOLDER + BigInt(k), caller] as [bigint, Bv]));
      const calls = sequence.map((index, k) => {
        const target = targets[index]!;
        const value = target.fn.stateMutability === "payable" ? ctx.BitVec.const(`value_${k}`, 256) : 0n;
        return { target, value, calldata: symbolicCalldata(target.fn.selector, target.fn.inputs, SEQUENCE_BOUNDS, `${target.fn.name}_${k}`) };
      });
      for (const call of calls) bounds.push(...call.calldata.boundsUsed);

      const scenario = (path: Path): FailureCondition => {
        for (const caller of callers) path.constraints.push(caller.ult(ctx.BitVec.val(1n << 160n, 256)));
        for (const call of calls) {
          path.constraints.push(...call.calldata.constraints);
          if (typeof call.value !== "bigint") path.constraints.push(call.value.ult(ctx.BitVec.val(VALUE_BOUND, 256)));
        }
        const world = new SymbolicWorld(deployment.accounts, deployment.schedule, { ...deployment.block }, transactionFrom(DEPLOYER));
        const session = new SymbolicSession(path, world, aliases, deployment.artifacts);
        calls.forEach((call, k) => {
          const out = session.call({ caller: CALLER_PLACEHOLDER + BigInt(k), address: call.target.address, value: call.value, data: call.calldata.cells });
          if (out.result.kind !== "success") throw new PathDiscarded("a call of the sequence reverted");
        });
        const checked = session.call({ caller: DEPLOYER, address: deployment.address, value: 0n, data: Array.from(invariant.selector) });
        if (session.missedExpectation !== undefined) return { holds: true, what: session.missedExpectation };
        if (checked.result.kind !== "success") {
          const failure = symbolicFailure(checked, panics);
          return { holds: true, what: failure.what === "" ? "the invariant reverted" : failure.what };
        }
        const flag = failedFlag(session, deployment.address);
        return flag === undefined ? { holds: false, what: "" } : { holds: flag, what: "failed() is true" };
      };

      const exploration = await explore(
        scenario,
        async (path, failure, solver) => {
          if (failure.holds === false) return "continue";
          let steps: CallStep[] = [];
          const inputs = [...callers, ...calls.flatMap((call) => [...(typeof call.value === "bigint" ? [] : [call.value]), ...wordsOfCells(call.calldata.cells)])];
          const confirmation = await confirmFailure(solver, path, failure.holds, failure.what, inputs, (model) => {
            steps = calls.map((call, k) => ({
              function: `${call.target.contract}.${call.target.fn.signature}`,
              caller: model.value(callers[k]!),
              value: typeof call.value === "bigint" ? call.value : model.value(call.value),
              calldata: concreteCells(model, call.calldata.cells as Cell[]),
            }));
            return replaySequence(deployment, steps, calls.map((c) => c.target.address), invariant, panics);
          });
          if (confirmation.kind === "infeasible") return "continue";
          if (confirmation.kind === "unconfirmed") {
            incomplete.add(unreplayedReason(path, confirmation.reason));
            return "continue";
          }
          counterexample = { calls: steps, failure: confirmation.failure };
          return "stop";
        },
        { loopBound: options.loopBound, queryTimeoutMs: options.queryTimeoutMs, deadline: started + options.timeoutMs, solver },
      );
      paths += exploration.paths;
      for (const reason of exploration.incomplete) incomplete.add(reason);
      bounds.push(...exploration.bounds);
      for (const assumption of exploration.assumptions) assumptions.add(assumption);
    }
  }
  // Reverted sequences are dropped as paths (they are shorter sequences), so none counts as reverted here.
  const findings = { counterexample, incomplete, bounds: [...new Set(bounds)], completed: paths, reverted: 0 };
  return propertyResult({ contract: contract.name, function: invariant.signature }, findings, assumptions, paths, started);
}

/** Replays the calls and then the invariant on the spec; the failure shown, or undefined. */
function replaySequence(
  deployment: Deployment,
  steps: readonly CallStep[],
  addresses: readonly bigint[],
  invariant: ContractFunction,
  panics: FailurePolicy,
): string | undefined {
  const chain = new ConcreteChain(deployment.accounts, deployment.block, deployment.artifacts, deployment.schedule);
  try {
    for (let k = 0; k < steps.length; k++) {
      const { caller, calldata, value } = steps[k]!;
      // Any caller with any value: the caller is given the value it pays.
      chain.fund(caller, value);
      const out = chain.call(caller, addresses[k]!, calldata, value);
      if (out.result.kind !== "success") return undefined;
    }
    const checked = chain.call(DEPLOYER, deployment.address, invariant.selector);
    if (chain.missedExpectation !== undefined) return chain.missedExpectation;
    if (checked.result.kind !== "success") return concreteFailure(checked, panics) ?? "the invariant reverted";
    const flag = chain.call(DEPLOYER, deployment.address, FAILED);
    if (flag.result.kind === "success" && bytesToBigInt(flag.result.output.subarray(0, 32)) !== 0n) return "failed() is true";
    return undefined;
  } catch (error) {
    if (error instanceof AssumptionRejected) return undefined;
    throw error;
  }
}

