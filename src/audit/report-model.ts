/**
 * The audit report every writer reads (src/audit/report/): the findings left after the baseline
 * and the dependency filter, the files analysed or not (and why), a summary by severity, gas per
 * function and the coverage the exploit campaign reached. Built once by `buildReport`, which fixes
 * the order of everything, so each writer is a pure function of it and two runs on the same input
 * write the same bytes.
 */
import { CONFIDENCES, type DetectorInfo, type Finding, SEVERITIES, type Severity } from "./finding.js";

/** A source file the run was given, and whether it was analysed. */
export type FileOutcome =
  | { readonly file: string; readonly analysed: true; readonly compilerVersion?: string }
  | { readonly file: string; readonly analysed: false; readonly reason: string };

export type FileNotAnalysed = Extract<FileOutcome, { readonly analysed: false }>;

/** Gas the campaign measured for one function over its calls (execution gas, intrinsic cost included). */
export interface FunctionGas {
  readonly contract: string;
  /** The function's signature, e.g. `withdraw(uint256)`. */
  readonly function: string;
  readonly calls: number;
  readonly min: bigint;
  /** The mean, rounded down. */
  readonly avg: bigint;
  readonly max: bigint;
}

export interface Reach {
  readonly reached: number;
  readonly total: number;
}

/** How much of a contract's runtime code the campaign executed: instructions, and blocks (entry and JUMPDESTs). */
export interface ContractCoverage {
  readonly contract: string;
  readonly instructions: Reach;
  readonly blocks: Reach;
}

/** A contract the exploit campaign did not run on, and why (not deployable, nothing to call, it failed). */
export interface CampaignNotRun {
  readonly contract: string;
  readonly reason: string;
}

/** Findings the baseline hid: those whose ids appear in an earlier JSON report. */
export interface BaselineOutcome {
  /** The earlier report, as named on the command line. */
  readonly file: string;
  /** How many findings it hid. */
  readonly hidden: number;
  /** Sorted; kept so a report made with a baseline can serve as the next baseline. */
  readonly hiddenIds: readonly string[];
}

export type SeveritySummary = { readonly [S in Severity]: number };

export interface AuditReport {
  readonly tool: { readonly name: string; readonly version: string };
  /** What was audited, as given (a file or a folder). */
  readonly target: string;
  /** Every detector that ran, sorted by id: SARIF's rules. */
  readonly detectors: readonly DetectorInfo[];
  /** Highest severity first, then confidence, confirmed first, file, line, id. */
  readonly findings: readonly Finding[];
  readonly summary: SeveritySummary;
  readonly baseline: BaselineOutcome | undefined;
  /** How many findings in dependencies (lib/, node_modules/, remapped libraries) were dropped, when asked to. */
  readonly dependencyFindingsDropped: number | undefined;
  /** Sorted by path. */
  readonly files: readonly FileOutcome[];
  /** Sorted by contract, then function. */
  readonly gas: readonly FunctionGas[];
  /** Sorted by contract. */
  readonly coverage: readonly ContractCoverage[];
  /** Sorted by contract. */
  readonly campaignsNotRun: readonly CampaignNotRun[];
}

/** What an analysis produced, before the report's filters and order. */
export interface ReportInput {
  readonly tool: { readonly name: string; readonly version: string };
  readonly target: string;
  readonly detectors: readonly DetectorInfo[];
  readonly findings: readonly Finding[];
  readonly files: readonly FileOutcome[];
  readonly gas: readonly FunctionGas[];
  readonly coverage: readonly ContractCoverage[];
  readonly campaignsNotRun: readonly CampaignNotRun[];
}

export interface ReportFilters {
  /** Ids of an earlier report's findings (src/audit/baseline.ts) and the file they came from. */
  readonly baseline?: { readonly file: string; readonly ids: ReadonlySet<string> };
  /** Drops findings whose file this says is a dependency. */
  readonly isDependency?: (file: string) => boolean;
}

function rank<T>(order: readonly T[], value: T): number {
  return order.indexOf(value);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    rank(SEVERITIES, a.detector.severity) - rank(SEVERITIES, b.detector.severity) ||
    rank(CONFIDENCES, a.detector.confidence) - rank(CONFIDENCES, b.detector.confidence) ||
    Number(b.confirmed) - Number(a.confirmed) ||
    compareText(a.location.file, b.location.file) ||
    a.location.line - b.location.line ||
    compareText(a.id, b.id)
  );
}

export function summarise(findings: readonly Finding[]): SeveritySummary {
  const counts = { high: 0, medium: 0, low: 0, informational: 0 };
  for (const finding of findings) counts[finding.detector.severity] += 1;
  return counts;
}

/** Whether any finding is at `threshold` or above (`--fail-on`). */
export function hasFindingAtOrAbove(report: AuditReport, threshold: Severity): boolean {
  return SEVERITIES.slice(0, rank(SEVERITIES, threshold) + 1).some((severity) => report.summary[severity] > 0);
}

/** The detectors that ran, plus any a finding names that the list missed, one per id. */
function detectorsOf(input: ReportInput): DetectorInfo[] {
  const byId = new Map<string, DetectorInfo>();
  for (const detector of [...input.detectors, ...input.findings.map((f) => f.detector)]) {
    if (!byId.has(detector.id)) byId.set(detector.id, detector);
  }
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}

export function buildReport(input: ReportInput, filters: ReportFilters = {}): AuditReport {
  const { baseline, isDependency } = filters;
  const kept = isDependency === undefined ? input.findings : input.findings.filter((f) => !isDependency(f.location.file));
  const hidden = baseline === undefined ? [] : kept.filter((f) => baseline.ids.has(f.id));
  const shown = baseline === undefined ? kept : kept.filter((f) => !baseline.ids.has(f.id));
  const findings = [...shown].sort(compareFindings);
  return {
    tool: input.tool,
    target: input.target,
    detectors: detectorsOf(input),
    findings,
    summary: summarise(findings),
    baseline: baseline === undefined ? undefined : { file: baseline.file, hidden: hidden.length, hiddenIds: [...new Set(hidden.map((f) => f.id))].sort(compareText) },
    dependencyFindingsDropped: isDependency === undefined ? undefined : input.findings.length - kept.length,
    files: [...input.files].sort((a, b) => compareText(a.file, b.file)),
    gas: [...input.gas].sort((a, b) => compareText(a.contract, b.contract) || compareText(a.function, b.function)),
    coverage: [...input.coverage].sort((a, b) => compareText(a.contract, b.contract)),
    campaignsNotRun: [...input.campaignsNotRun].sort((a, b) => compareText(a.contract, b.contract) || compareText(a.reason, b.reason)),
  };
}

export function filesNotAnalysed(report: AuditReport): readonly FileNotAnalysed[] {
  return report.files.filter((f): f is FileNotAnalysed => !f.analysed);
}

/** `SWC-107` → its page in the SWC registry. */
export function swcUrl(swc: string): string {
  return `https://swcregistry.io/docs/${encodeURIComponent(swc)}`;
}

/** `Bank.withdraw(uint256)`, or just the contract for a contract-level finding. */
export function qualifiedName(finding: Finding): string {
  return finding.function === "" ? finding.contract : `${finding.contract}.${finding.function}`;
}

/** A coverage ratio as a percentage with one decimal, e.g. `87.5%`. */
export function percent(reach: Reach): string {
  if (reach.total === 0) return "0.0%";
  return `${((reach.reached * 100) / reach.total).toFixed(1)}%`;
}
