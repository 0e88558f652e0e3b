/**
 * A counterexample's calls run once more on the spec with a call tracer attached
 * (`concrete/call-trace.ts`), for people: what the calls logged (console.log, ds-test's assertion
 * messages) and, with `svm prove -v`, the trace. The confirming replay (`explore/confirm.ts`) runs
 * for every candidate model and keeps only the verdict; this one runs only for the counterexample
 * reported, from the same deployment, so it shows the same run.
 */
import { CallTracer, type TracedCall } from "./concrete/call-trace.js";
import { AssumptionRejected, ConcreteChain } from "./concrete/chain.js";
import { CheatcodeError } from "./cheatcodes.js";
import type { ForkName } from "../spec/fork/names.js";
import { DEPLOYER, proofSchedule, TEST_CONTRACT } from "./environment.js";
import { invariantTargets, type KnownContract } from "./invariants.js";
import { type Counterexample, deploy, type PropertyContract, propertyKind, selectorOf } from "./prove.js";

/** What the counterexample ran against: a compiled test contract, or runtime bytecode at the test address. */
export type ReplaySubject =
  | { readonly kind: "contract"; readonly contract: PropertyContract; readonly known: readonly KnownContract[] }
  | { readonly kind: "bytecode"; readonly runtime: Uint8Array };

/**
 * The traced replay: one top-level call per step of the counterexample (and the invariant checked
 * after them), and the code of every account afterwards, by which a reader names the addresses.
 */
export type ReplayTrace =
  | { readonly calls: readonly TracedCall[]; readonly codes: ReadonlyMap<bigint, Uint8Array> }
  | { readonly error: string };

function codesOf(chain: ConcreteChain): Map<bigint, Uint8Array> {
  return new Map([...chain.accounts].filter(([, account]) => account.code.length > 0).map(([address, account]) => [address, account.code]));
}

/** Replays `counterexample` of the property `signature` with a tracer; an error says why it could not be replayed. */
export function traceCounterexample(subject: ReplaySubject, signature: string, counterexample: Counterexample, fork?: ForkName): ReplayTrace {
  const schedule = proofSchedule(fork);
  const tracer = new CallTracer(schedule);
  if (subject.kind === "bytecode") {
    const chain = new ConcreteChain(undefined, undefined, [], schedule);
    chain.accounts.set(TEST_CONTRACT, { nonce: 1n, balance: 0n, code: subject.runtime, storage: new Map() });
    chain.tracer = tracer;
    for (const step of counterexample.calls) chain.call(step.caller, TEST_CONTRACT, step.calldata, step.value);
    return { calls: tracer.calls, codes: codesOf(chain) };
  }
  const deployment = deploy(subject.contract, schedule);
  if (typeof deployment === "string") return { error: deployment };
  const chain = new ConcreteChain(deployment.accounts, deployment.block, deployment.artifacts, deployment.schedule);
  for (const { address, slot, value } of counterexample.storage ?? []) {
    const slots = chain.accounts.get(address)?.storage;
    if (value === 0n) slots?.delete(slot);
    else slots?.set(slot, value);
  }
  const name = signature.slice(0, signature.indexOf("("));
  const invariant = propertyKind(name) === "invariant";
  const targets = invariant ? invariantTargets(subject.contract, deployment, subject.known) : [];
  if (typeof targets === "string") return { error: targets };
  chain.tracer = tracer;
  try {
    for (const step of counterexample.calls) {
      // An invariant's steps name their target as Contract.signature; a property's step is the test contract's own.
      const target = invariant ? targets.find((t) => `${t.contract}.${t.fn.signature}` === step.function)?.address : deployment.address;
      if (target === undefined) return { error: `no target ${step.function} to replay` };
      chain.call(step.caller, target, step.calldata, step.value);
    }
    if (invariant) chain.call(DEPLOYER, deployment.address, selectorOf(signature));
  } catch (error) {
    if (!(error instanceof AssumptionRejected || error instanceof CheatcodeError)) throw error;
    return { error: `the replay stopped: ${error.message === "" ? "a vm.assume rejected the inputs" : error.message}` };
  }
  return { calls: tracer.calls, codes: codesOf(chain) };
}
