/**
 * Confirmation (issue 10, item 4): for each compiled contract a campaign of fast-check-generated
 * transaction sequences on src/vm, from a deterministic seed and within a time budget. A finding
 * becomes `confirmed` only when an oracle saw its exploit happen; its evidence is the shortest
 * sequence found (actions dropped one by one while the exploit still happens), with the effect and
 * a trace excerpt of the decisive transaction. The same campaign measures gas per function and the
 * coverage of each contract's runtime code. What the campaigns leave unconfirmed, targeted prover
 * queries may confirm (prove-confirm.ts; `runConfirmationWithProver`).
 */
import fc from "fast-check";
import type { ForkName } from "../../../interface/implementation.js";
import { type AbiInput, functionsOf, signatureOf } from "../../abi/index.js";
import type { CompiledContract } from "../../compile/index.js";
import type { Evidence, Finding } from "../finding.js";
import { type Action, callableFunctions, HONEST_ADDRESSES, sequenceArbitrary } from "./actions.js";
import { type RunOptions, runSequence, type SequenceRun } from "./campaign.js";
import { deploy, DeploymentFailed, type Setup } from "./deploy.js";
import { type CodeMap, codeMap, type Coverage, coverageOf } from "./code-map.js";
import { attackerContract } from "./attacker.js";
import { evidenceOf } from "./evidence.js";
import { confirming, needsClock, proofsFor } from "./match.js";
import { closeProverSolvers, prepareProver, proveFindings, proverMayConfirm } from "./prove-confirm.js";
import { argumentsArbitrary } from "./values.js";

export interface ConfirmOptions {
  /** fast-check seed; the same seed and limits give the same campaign. Default 1. */
  readonly seed?: number;
  /** Wall-clock budget for all campaigns together, in milliseconds. Default 30 000. */
  readonly timeBudgetMs?: number;
  /** Sequences per contract at most. Default 400. */
  readonly maxSequences?: number;
  /** Actions per sequence at most. Default 6. */
  readonly maxLength?: number;
  /**
   * Sequences per contract before the campaign may stop early because all its findings are
   * confirmed (more sequences only add gas samples and coverage). Default 50.
   */
  readonly minSequences?: number;
  /** Default Cancun. */
  readonly fork?: ForkName;
}

/** Gas of the successful direct calls of one external function (transaction gas, intrinsic included). */
export interface FunctionGas {
  readonly contract: string;
  /** Signature, or `receive()` for plain ether transfers. */
  readonly function: string;
  readonly calls: number;
  readonly min: bigint;
  readonly avg: bigint;
  readonly max: bigint;
}

export interface ContractCampaign {
  readonly contract: string;
  /** Why no campaign ran (not deployable, nothing to call); undefined when one did. */
  readonly skipped?: string;
  readonly sequences: number;
  readonly transactions: number;
  readonly gas: readonly FunctionGas[];
  readonly coverage: Coverage | null;
}

export interface ConfirmationResult {
  /** The findings given, in the same order, with `confirmed` and `evidence` set where an exploit ran. */
  readonly findings: readonly Finding[];
  readonly campaigns: readonly ContractCampaign[];
}

const BATCH = 20;

interface GasTally {
  calls: number;
  min: bigint;
  max: bigint;
  total: bigint;
}

class CampaignState {
  sequences = 0;
  transactions = 0;
  readonly reached = new Set<number>();
  readonly gas = new Map<string, GasTally>();

  record(run: SequenceRun): void {
    this.sequences++;
    for (const t of run.transactions) {
      this.transactions++;
      for (const pc of t.reached) this.reached.add(pc);
      if (t.direct === null) continue;
      const tally = this.gas.get(t.direct) ?? { calls: 0, min: t.receipt.gasUsed, max: t.receipt.gasUsed, total: 0n };
      tally.calls++;
      tally.total += t.receipt.gasUsed;
      if (t.receipt.gasUsed < tally.min) tally.min = t.receipt.gasUsed;
      if (t.receipt.gasUsed > tally.max) tally.max = t.receipt.gasUsed;
      this.gas.set(t.direct, tally);
    }
  }

  summary(contract: string, map: CodeMap): ContractCampaign {
    const gas = [...this.gas]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([fn, t]) => ({ contract, function: fn, calls: t.calls, min: t.min, avg: t.total / BigInt(t.calls), max: t.max }));
    return { contract, sequences: this.sequences, transactions: this.transactions, gas, coverage: coverageOf(contract, map, this.reached) };
  }
}

/**
 * The evidence of `run`, made shorter by dropping actions before the decisive one, one at a time,
 * while the finding is still confirmed (and time remains).
 */
function shortest(
  setup: Setup,
  actions: readonly Action[],
  run: SequenceRun,
  finding: Finding,
  options: RunOptions,
  external: ReadonlySet<string>,
): Evidence | null {
  const decisive = (candidate: readonly Action[], r: SequenceRun) => {
    const observation = confirming(finding, r.observations, external);
    if (observation === undefined) return null;
    return { actions: candidate.slice(0, r.transactions[observation.transaction]!.action + 1), run: r, observation };
  };
  let best = decisive(actions, run);
  if (best === null) return null;
  for (let i = best.actions.length - 2; i >= 0 && Date.now() < options.deadline; i--) {
    const candidate: Action[] = [...best.actions.slice(0, i), ...best.actions.slice(i + 1)];
    best = decisive(candidate, runSequence(setup, candidate, options)) ?? best;
  }
  return evidenceOf(setup, best.run, best.observation);
}

function constructorCandidates(contract: CompiledContract, seed: number): AbiInput[][] {
  const constructor = contract.abi.find((item) => item.kind === "constructor");
  if (constructor?.kind !== "constructor" || constructor.inputs.length === 0) return [[]];
  const args = argumentsArbitrary(
    constructor.inputs.map((i) => i.type),
    HONEST_ADDRESSES,
  );
  return fc.sample(args, { seed, numRuns: 8 });
}

function externalSignatures(contract: CompiledContract): Set<string> {
  const signatures = new Set(functionsOf(contract.abi).map(signatureOf));
  if (contract.abi.some((item) => item.kind === "receive" || item.kind === "fallback")) signatures.add("receive()");
  return signatures;
}

function acceptsPlainEther(contract: CompiledContract): boolean {
  return contract.abi.some((item) => (item.kind === "receive" || item.kind === "fallback") && item.stateMutability === "payable");
}

function skipped(contract: string, reason: string): ContractCampaign {
  return { contract, skipped: reason, sequences: 0, transactions: 0, gas: [], coverage: null };
}

function campaign(
  contract: CompiledContract,
  findings: readonly Finding[],
  confirmed: Map<Finding, Evidence>,
  options: Required<ConfirmOptions>,
  deadline: number,
): ContractCampaign {
  if (contract.creationBytecode.length === 0) return skipped(contract.name, "no creation code (interface or abstract contract)");
  let setup: Setup;
  try {
    setup = deploy(contract, options.fork, constructorCandidates(contract, options.seed));
  } catch (error) {
    if (error instanceof DeploymentFailed) return skipped(contract.name, error.message);
    throw error;
  }
  const sequences = sequenceArbitrary(callableFunctions(contract.abi), acceptsPlainEther(contract), options.maxLength);
  if (sequences === null) return skipped(contract.name, "no function can change its state and it accepts no ether");
  const external = externalSignatures(contract);
  const pending = findings.filter((f) => f.contract === contract.name && !f.confirmed && proofsFor(f).length > 0);
  const state = new CampaignState();
  for (let batch = 0; state.sequences < options.maxSequences && Date.now() < deadline; batch++) {
    const samples = fc.sample(sequences, { seed: options.seed + batch, numRuns: BATCH });
    for (const actions of samples) {
      if (state.sequences >= options.maxSequences || Date.now() >= deadline) break;
      const runOptions: RunOptions = { checkClock: pending.some(needsClock), deadline };
      const run = runSequence(setup, actions, runOptions);
      state.record(run);
      for (const finding of [...pending]) {
        if (confirming(finding, run.observations, external) === undefined) continue;
        const evidence = shortest(setup, actions, run, finding, runOptions, external);
        if (evidence === null) continue;
        confirmed.set(finding, evidence);
        pending.splice(pending.indexOf(finding), 1);
      }
    }
    if (pending.length === 0 && state.sequences >= options.minSequences) break;
  }
  return state.summary(contract.name, codeMap(contract.runtimeBytecode, contract.deployedSourceMap));
}

const DEFAULTS: Required<ConfirmOptions> = {
  seed: 1,
  timeBudgetMs: 30_000,
  maxSequences: 400,
  maxLength: 6,
  minSequences: 50,
  fork: "Cancun",
};

/** Runs one campaign per deployable contract; the time budget is shared out as the campaigns go. */
export function runConfirmation(
  contracts: readonly CompiledContract[],
  findings: readonly Finding[],
  options: ConfirmOptions = {},
): ConfirmationResult {
  const settings: Required<ConfirmOptions> = { ...DEFAULTS, ...options };
  // Compiling the attacker (loading solc) is set-up, not campaign time.
  attackerContract();
  const end = Date.now() + settings.timeBudgetMs;
  const confirmed = new Map<Finding, Evidence>();
  const campaigns = contracts.map((contract, i) => {
    const share = (end - Date.now()) / (contracts.length - i);
    try {
      return campaign(contract, findings, confirmed, settings, Date.now() + Math.max(0, share));
    } catch (error) {
      // One contract the campaign cannot drive (an ABI type it cannot encode, a compiler it lacks)
      // must not cost the report of the others; the failure is reported in its place.
      return skipped(contract.name, `campaign failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return {
    findings: findings.map((f) => {
      const evidence = confirmed.get(f);
      return evidence === undefined ? f : { ...f, confirmed: true, evidence };
    }),
    campaigns,
  };
}

/**
 * The campaigns' share of the time budget when some finding may be confirmed by the prover: the
 * rest goes to the prover's queries (Z3's workers start within it).
 */
const CAMPAIGN_SHARE = 0.5;

/**
 * The campaigns, then targeted prover queries (prove-confirm.ts) for the arithmetic, owner-write
 * and selfdestruct findings they left unconfirmed, from the same deployment, all within
 * `timeBudgetMs` (plus any wait for Z3 to start that the campaigns did not cover). With
 * `closeSolvers`, the solver workers are ended afterwards (a process that audits once; later
 * queries in the same process would find them closed).
 */
export async function runConfirmationWithProver(
  contracts: readonly CompiledContract[],
  findings: readonly Finding[],
  options: ConfirmOptions & { readonly closeSolvers?: boolean } = {},
): Promise<ConfirmationResult> {
  const settings: Required<ConfirmOptions> = { ...DEFAULTS, ...options };
  // Compiling the attacker (loading solc) is set-up, not confirmation time.
  attackerContract();
  const end = Date.now() + settings.timeBudgetMs;
  const proving = findings.some(proverMayConfirm);
  const prover = proving ? prepareProver() : undefined;
  const campaigns = runConfirmation(contracts, findings, { ...settings, timeBudgetMs: settings.timeBudgetMs * (proving ? CAMPAIGN_SHARE : 1) });
  try {
    if (prover === undefined) return campaigns;
    const waited = Date.now();
    await prover;
    if (!campaigns.findings.some(proverMayConfirm)) return campaigns;
    const proved = await proveFindings(contracts, campaigns.findings, {
      // Waiting for Z3 to start is not charged to the queries, as `svm prove` charges no property for it.
      deadline: end + (Date.now() - waited),
      fork: settings.fork,
      constructorArguments: (contract) => constructorCandidates(contract, settings.seed),
    });
    return { ...campaigns, findings: proved };
  } finally {
    if (options.closeSolvers === true) await closeProverSolvers();
  }
}

/** The findings given, with `confirmed` and `evidence` set on those whose exploit ran. */
export function confirmFindings(
  contracts: readonly CompiledContract[],
  findings: readonly Finding[],
  options: ConfirmOptions = {},
): Finding[] {
  return [...runConfirmation(contracts, findings, options).findings];
}

/** Min/avg/max gas per external function over all campaigns. */
export function gasPerFunction(result: ConfirmationResult): FunctionGas[] {
  return result.campaigns.flatMap((c) => c.gas);
}

/** Instructions and JUMPDEST blocks reached, per contract that had a campaign. */
export function coverage(result: ConfirmationResult): Coverage[] {
  return result.campaigns.flatMap((c) => (c.coverage === null ? [] : [c.coverage]));
}
