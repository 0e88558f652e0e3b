/**
 * Confirmation through the prover (issue 10, item 4: "targeted `svm prove` queries"): for each
 * finding the campaign left unconfirmed and that has a prover question (prove-question.ts), ask
 * proofs/reach-pc.ts whether one call to the finding's function, from the campaign's deployed
 * state (deploy.ts: storage as the constructor left it), with symbolic arguments, caller and value,
 * reaches the finding's instruction with the condition (a wrap, a stranger's SSTORE). A model is
 * replayed on src/vm (prove-replay.ts), and only a replay that shows the effect confirms the finding.
 *
 * - reached and replayed: `confirmed`, with the call (decoded with the ABI), what the replay showed
 *   (the operands of the wrap) and a trace excerpt as evidence.
 * - unreachable within the bounds explored: not confirmed; evidence "no overflow … reachable in one
 *   call … within <bounds>", and the finding's confidence is lowered one step. Never "safe": longer
 *   sequences, other states and the bounds listed were not explored.
 * - unknown (time budget, solver, unsupported operation): not confirmed; evidence says so.
 */
import type { ForkName } from "../../../interface/implementation.js";
import type { ParamType } from "../../../proofs/calldata.js";
import type { Account } from "../../../spec/state/account.js";
import type { MutableBlock } from "../../../proofs/host/symbolic-world.js";
import { DEFAULT_OPTIONS } from "../../../proofs/prove.js";
import { reachPc, type ReachResult } from "../../../proofs/reach-pc.js";
import { solverPool, warmSolverPool, z3 } from "../../../proofs/z3/context.js";
import { type AbiFunction, functionsOf, selectorOf, signatureOf } from "../../abi/index.js";
import type { CompiledContract } from "../../compile/index.js";
import { CONFIDENCES, type Confidence, type Evidence, type Finding } from "../finding.js";
import { ETHER, TARGET } from "./actors.js";
import { callableFunctions } from "./actions.js";
import { deploy, DeploymentFailed, type Setup } from "./deploy.js";
import { hasProverQuestion, proverQuestion, type ProverQuestion } from "./prove-question.js";
import { replayWitness, type WitnessReplay } from "./prove-replay.js";

export interface ProveConfirmOptions {
  /** Date.now() by which every query has ended. */
  readonly deadline: number;
  readonly fork: ForkName;
  /** Constructor argument lists to deploy with, per contract: the campaign's (the first that deploys wins). */
  readonly constructorArguments: (contract: CompiledContract) => Parameters<typeof deploy>[2];
  /** Symbolic branches at one pc a path may take. Default: svm prove's. */
  readonly loopBound?: number;
  /** Default: svm prove's. */
  readonly queryTimeoutMs?: number;
}

/** Whether the prover may confirm the finding: it is not confirmed yet and its kind gets a question. */
export function proverMayConfirm(finding: Finding): boolean {
  return !finding.confirmed && hasProverQuestion(finding);
}

let solversUsed = false;

/**
 * Starts Z3 and its solver workers. Called before the (synchronous) campaigns, the workers start in
 * their threads meanwhile, so Z3's start-up does not eat the prover's share of the budget.
 */
export function prepareProver(): Promise<void> {
  solversUsed = true;
  return Promise.all([z3(), warmSolverPool()]).then(() => undefined);
}

/** Ends the solver workers the prover started, if it started any (a process that audits once calls this at its end). */
export async function closeProverSolvers(): Promise<void> {
  if (solversUsed) await solverPool().close();
}

/**
 * The campaign's block as the spec's symbolic world takes it: the fields src/vm's chain reads
 * (chain id 1, src/vm/transaction.ts; the minimum blob base fee, EIP-4844, at zero excess blob gas).
 */
function blockOf(setup: Setup): MutableBlock {
  const block = setup.chain.block;
  return {
    coinbase: block.coinbase,
    number: block.number,
    timestamp: block.timestamp,
    gasLimit: block.gasLimit,
    difficulty: block.difficulty,
    prevRandao: block.prevRandao ?? 0n,
    baseFee: block.baseFee ?? 0n,
    blobBaseFee: 1n,
    chainId: 1n,
  };
}

/** The deployed world as the spec's accounts (src/vm's accounts hold their code behind a getter, which a spread would lose). */
function accountsOf(setup: Setup): Map<bigint, Account> {
  return new Map(
    [...setup.chain.world].map(([address, a]) => [address, { nonce: a.nonce, balance: a.balance, code: a.code, storage: new Map(a.storage) }]),
  );
}

/** The JSON ABI parameters of a function, as the prover's calldata encoder takes them. */
function parametersOf(contract: CompiledContract, fn: AbiFunction): ParamType[] {
  const functions = functionsOf(contract.abi);
  const json = contract.abiJson.filter((item): item is { type: string; inputs?: ParamType[] } => (item as { type?: string }).type === "function");
  return json[functions.indexOf(fn)]?.inputs ?? [];
}

/**
 * The functions to call: the finding's own when the ABI has it; for a finding in an internal
 * function, a modifier or a library (invisible from outside), every state-changing function.
 */
function functionsFor(finding: Finding, contract: CompiledContract): AbiFunction[] {
  const wanted = finding.function.replace(/\s+/g, "");
  const own = functionsOf(contract.abi).filter((fn) => signatureOf(fn) === wanted);
  return own.length > 0 ? own : callableFunctions(contract.abi);
}

/** The query ran out of its share of the time (rather than meeting something it cannot decide). */
function outOfTime(answer: Answer | undefined): boolean {
  return answer !== undefined && answer.result.kind === "unknown" && answer.result.reason.includes("time budget exhausted");
}

function lowered(confidence: Confidence): Confidence {
  return CONFIDENCES[Math.min(CONFIDENCES.length - 1, CONFIDENCES.indexOf(confidence) + 1)]!;
}

/**
 * A payable call's msg.value is below this: less than the deployer holds after any deployment, so
 * it can fund a caller that pays more than it has (prove-replay.ts).
 */
const VALUE_BELOW = 10n * ETHER;

/** A query the time budget left no time for. */
const NOT_ASKED: ReachResult = { kind: "unknown", reason: "no time left in the budget", bounds: [], paths: 0 };

interface Answer {
  readonly fn: AbiFunction;
  readonly result: ReachResult;
  readonly replay?: WitnessReplay;
}

async function ask(question: ProverQuestion, setup: Setup, contract: CompiledContract, fn: AbiFunction, deadline: number, options: ProveConfirmOptions): Promise<Answer> {
  solversUsed = true;
  let replay: WitnessReplay | undefined;
  const result = await reachPc(
    {
      accounts: accountsOf(setup),
      block: blockOf(setup),
      target: TARGET,
      call: { selector: selectorOf(fn), inputs: parametersOf(contract, fn), payable: fn.stateMutability === "payable", valueBelow: VALUE_BELOW },
      notCallers: question.notCallers,
      at: question.target,
      mustSucceed: true,
      loopBound: options.loopBound ?? DEFAULT_OPTIONS.loopBound,
      queryTimeoutMs: options.queryTimeoutMs ?? DEFAULT_OPTIONS.queryTimeoutMs,
      deadline,
    },
    (witness) => {
      const run = replayWitness(setup, fn, witness, question.target.pcs);
      const shown = question.confirmedBy(run.seen, run.receipt.success, witness.caller);
      if (shown !== undefined) replay = run;
      return shown;
    },
  );
  return { fn, result, ...(replay === undefined ? {} : { replay }) };
}

function confirmedEvidence(setup: Setup, answer: Answer & { readonly replay: WitnessReplay }, observed: string): Evidence {
  return {
    steps: [...setup.steps, ...answer.replay.steps],
    effect: `The prover found a call to ${signatureOf(answer.fn)} that reaches the flagged instruction from the deployed state; replayed on the SVM: ${observed}.`,
    trace: answer.replay.trace,
  };
}

function boundsText(bounds: readonly string[]): string {
  return bounds.length === 0 ? "no exploration bound was hit" : bounds.join(", ");
}

/** The finding as the prover's answers leave it. */
function judged(finding: Finding, setup: Setup, question: ProverQuestion, answers: readonly Answer[]): Finding {
  for (const answer of answers) {
    if (answer.result.kind === "reached" && answer.replay !== undefined) {
      return { ...finding, confirmed: true, evidence: confirmedEvidence(setup, { ...answer, replay: answer.replay }, answer.result.observed) };
    }
  }
  const calls = answers.map((a) => signatureOf(a.fn)).join(", ");
  const undecided = answers.flatMap((a) => (a.result.kind === "unknown" ? [`${signatureOf(a.fn)}: ${a.result.reason}`] : []));
  if (undecided.length > 0) {
    return { ...finding, evidence: { steps: setup.steps, effect: `Prover: undecided whether ${question.what} in one call to ${calls} (${undecided.join("; ")}).`, trace: [] } };
  }
  const bounds = [...new Set(answers.flatMap((a) => (a.result.kind === "unreachable" ? a.result.bounds : [])))];
  const effect =
    `Prover: ${question.none} in one call to ${calls} from the deployed state (symbolic arguments and caller, and value where payable; ` +
    `one transaction deep, storage as the constructor left it), within: ${boundsText(bounds)}. Longer sequences and other states were not explored.`;
  return { ...finding, detector: { ...finding.detector, confidence: lowered(finding.detector.confidence) }, evidence: { steps: setup.steps, effect, trace: [] } };
}

/**
 * The findings, in order, with those the prover confirmed set `confirmed` (with evidence), and
 * those it answered otherwise carrying the answer as evidence. Findings without a question, or
 * already confirmed, are returned as they are. The time until `options.deadline` is shared out
 * among the queries as they go.
 */
export async function proveFindings(contracts: readonly CompiledContract[], findings: readonly Finding[], options: ProveConfirmOptions): Promise<Finding[]> {
  if (!findings.some(proverMayConfirm)) return [...findings];
  await prepareProver();
  const setups = new Map<CompiledContract, Setup | null>();
  const setupOf = (contract: CompiledContract): Setup | null => {
    if (!setups.has(contract)) {
      try {
        setups.set(contract, deploy(contract, options.fork, options.constructorArguments(contract)));
      } catch (error) {
        if (!(error instanceof DeploymentFailed)) throw error;
        setups.set(contract, null);
      }
    }
    return setups.get(contract)!;
  };
  const work = findings.flatMap((finding, index) => {
    if (!proverMayConfirm(finding)) return [];
    const contract = contracts.find((c) => c.name === finding.contract && c.creationBytecode.length > 0);
    const question = contract === undefined ? undefined : proverQuestion(finding, contract);
    return contract === undefined || question === undefined ? [] : [{ index, finding, contract, question }];
  });
  const out = [...findings];
  const queries = work.flatMap((w) => {
    const setup = setupOf(w.contract);
    return setup === null ? [] : functionsFor(w.finding, w.contract).map((fn) => ({ ...w, setup, fn }));
  });
  const answers = new Map<number, Map<AbiFunction, Answer>>(queries.map((q) => [q.index, new Map()]));
  const confirmedBy = (index: number) => [...answers.get(index)!.values()].some((a) => a.replay !== undefined);
  type Query = (typeof queries)[number];
  const askAll = async (round: readonly Query[]) => {
    for (const [i, query] of round.entries()) {
      const now = Date.now();
      if (now >= options.deadline) return;
      if (confirmedBy(query.index)) continue;
      const answer = await ask(query.question, query.setup, query.contract, query.fn, now + (options.deadline - now) / (round.length - i), options);
      answers.get(query.index)!.set(query.fn, answer);
    }
  };
  // Each query gets an equal share of the time left; a second round gives what the first left over
  // to the queries that ran out of time (a quick unsat leaves much to a hard one).
  await askAll(queries);
  await askAll(queries.filter((q) => outOfTime(answers.get(q.index)!.get(q.fn))));
  for (const { index, finding, contract, question } of work) {
    const setup = setupOf(contract);
    if (setup === null) continue;
    const asked = answers.get(index)!;
    const all = functionsFor(finding, contract).map((fn) => asked.get(fn) ?? { fn, result: NOT_ASKED });
    out[index] = judged(finding, setup, question, confirmedBy(index) ? [...asked.values()] : all);
  }
  return out;
}
