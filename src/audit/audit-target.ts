/**
 * The audit engine `svm audit` runs: the static analysis of src/audit/analyse.ts (compile with the
 * pragma's solc, every detector) and then, when given, exploit confirmation on src/vm, shaped as
 * the report's input. A file that does not compile, or whose analysis fails, becomes a file "not
 * analysed" with the reason, and the others go on.
 */
import { existsSync } from "node:fs";
import { type CompiledContract, CompileError } from "../compile/index.js";
import { type AnalysisResult, analyseTarget, type FileReport, solidityFiles } from "./analyse.js";
import { type AuditOptions, type Auditor, AuditInputError, type AuditResult } from "./auditor.js";
import { coverage, gasPerFunction, runConfirmationWithProver } from "./confirm/index.js";
import { projectFiles } from "./dependencies.js";
import { BYTECODE_DETECTORS, DETECTORS } from "./detectors/index.js";
import type { Finding } from "./finding.js";
import type { CampaignNotRun, ContractCoverage, FileOutcome, FunctionGas } from "./report-model.js";

/** What confirmation adds: the findings with `confirmed` and evidence set, gas per function, coverage, and where no campaign ran. */
export interface Confirmation {
  readonly findings: readonly Finding[];
  readonly gas: readonly FunctionGas[];
  readonly coverage: readonly ContractCoverage[];
  readonly campaignsNotRun: readonly CampaignNotRun[];
}

export type Confirmer = (contracts: readonly CompiledContract[], findings: readonly Finding[], timeBudgetMs: number) => Confirmation | Promise<Confirmation>;

/**
 * Exploit campaigns on src/vm, then targeted prover queries for what they left unconfirmed
 * (src/audit/confirm), within the time budget; `svm audit` runs once, so the solver workers end with it.
 */
export const confirmOnVm: Confirmer = async (contracts, findings, timeBudgetMs) => {
  const result = await runConfirmationWithProver(contracts, findings, { timeBudgetMs, closeSolvers: true });
  return {
    findings: result.findings,
    gas: gasPerFunction(result),
    coverage: coverage(result),
    campaignsNotRun: result.campaigns.flatMap((c) => (c.skipped === undefined ? [] : [{ contract: c.contract, reason: c.skipped }])),
  };
};

function fileOutcome(report: FileReport): FileOutcome {
  switch (report.status) {
    case "analysed":
      return { file: report.file, analysed: true, ...(report.compilerVersion === undefined ? {} : { compilerVersion: report.compilerVersion }) };
    case "not-compiled":
      return { file: report.file, analysed: false, reason: `did not compile: ${report.message ?? "no diagnostic"}` };
    case "failed":
      return { file: report.file, analysed: false, reason: `analysis failed: ${report.message ?? "no message"}` };
  }
}

/** The results of several targets as one: a finding in a file several of them import is reported once (same id). */
function merged(results: readonly AnalysisResult[]): AnalysisResult {
  const findings = new Map<string, Finding>();
  const contracts = new Map<string, CompiledContract>();
  for (const result of results) {
    for (const finding of result.findings) if (!findings.has(finding.id)) findings.set(finding.id, finding);
    for (const contract of result.contracts) contracts.set(contract.fullyQualifiedName, contract);
  }
  return { findings: [...findings.values()], files: results.flatMap((r) => r.files), contracts: [...contracts.values()] };
}

function analyse(target: string, options: AuditOptions): AnalysisResult {
  const settings = {
    root: options.root,
    ...(options.remappings.length === 0 ? {} : { remappings: options.remappings }),
    includePaths: options.includePaths,
  };
  try {
    if (options.isDependency === undefined || !existsSync(target)) return analyseTarget(target, settings);
    // --exclude-dependencies: a dependency is never a target of its own (see projectFiles).
    const files = projectFiles(solidityFiles(target), target, options.root, options.isDependency);
    return merged(files.map((file) => analyseTarget(file, settings)));
  } catch (error) {
    if (error instanceof CompileError && error.code === "INPUT") throw new AuditInputError(error.message);
    throw error;
  }
}

/** Only the contract asked for, refused when no analysed file declares it. */
function selectContract(result: AnalysisResult, name: string | undefined): { findings: Finding[]; contracts: CompiledContract[] } {
  if (name === undefined) return { findings: result.findings, contracts: result.contracts };
  const contracts = result.contracts.filter((c) => c.name === name);
  const findings = result.findings.filter((f) => f.contract === name);
  if (contracts.length === 0 && findings.length === 0) {
    const known = [...new Set(result.contracts.map((c) => c.name))].sort();
    throw new AuditInputError(`no contract named ${name} (compiled: ${known.length === 0 ? "none" : known.join(", ")})`);
  }
  return { findings, contracts };
}

/** The engine: analysis, then `confirm` (exploit campaigns). */
export function auditorWith(confirm: Confirmer): Auditor {
  return async (target: string, options: AuditOptions): Promise<AuditResult> => {
    const result = analyse(target, options);
    const selected = selectContract(result, options.contract);
    const confirmation: Confirmation =
      selected.contracts.length === 0
        ? { findings: selected.findings, gas: [], coverage: [], campaignsNotRun: [] }
        : await confirm(selected.contracts, selected.findings, options.timeBudgetMs);
    return {
      target,
      detectors: [...DETECTORS, ...BYTECODE_DETECTORS].map((d) => d.info),
      findings: confirmation.findings,
      files: result.files.map(fileOutcome),
      gas: confirmation.gas,
      coverage: confirmation.coverage,
      campaignsNotRun: confirmation.campaignsNotRun,
    };
  };
}
