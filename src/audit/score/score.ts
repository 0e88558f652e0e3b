/**
 * Scoring the detectors on a SolidiFI corpus: every contract analysed within a time budget, each
 * injected bug counted as found or missed, findings on other lines counted, per bug type.
 */
import { BUG_TYPES, type BugType, type CorpusContract, type InjectedBug, RECALL_TARGETS } from "./corpus.js";
import { scoreContract } from "./match.js";
import { BudgetedAnalyser, type BudgetedAnalysis } from "../budget.js";

export interface ContractResult {
  readonly file: string;
  readonly type: BugType;
  readonly status: BudgetedAnalysis["report"]["status"];
  readonly message?: string;
  readonly seconds: number;
  readonly bugs: number;
  readonly found: number;
  readonly otherLines: number;
  readonly otherLineFindings: readonly { readonly detector: string; readonly line: number }[];
  readonly missed: readonly InjectedBug[];
}

export interface TypeScore {
  readonly type: BugType;
  readonly classes: readonly string[];
  readonly contracts: number;
  /** Contracts that did not compile, failed, crashed or timed out: their bugs count as missed. */
  readonly unanalysed: number;
  readonly bugs: number;
  readonly found: number;
  /** found / bugs. */
  readonly recall: number;
  /** The recall the issue asks for on this type (only per type, not in the total). */
  readonly target?: number;
  readonly otherLines: number;
  /** Findings on other lines per detector id. */
  readonly otherLinesByDetector: Readonly<Record<string, number>>;
}

export interface ScoreReport {
  readonly corpus: string;
  readonly lineTolerance: number;
  readonly budgetSeconds: number;
  readonly seconds: number;
  readonly types: readonly TypeScore[];
  readonly total: Omit<TypeScore, "type" | "classes">;
  readonly contracts: readonly ContractResult[];
}

export interface ScoreOptions {
  readonly budgetSeconds: number;
  readonly onProgress?: (done: number, total: number, current: string) => void;
}

function summarise(results: readonly ContractResult[]): Omit<TypeScore, "type" | "classes"> {
  const bugs = results.reduce((n, r) => n + r.bugs, 0);
  const found = results.reduce((n, r) => n + r.found, 0);
  const byDetector: Record<string, number> = {};
  for (const r of results) for (const f of r.otherLineFindings) byDetector[f.detector] = (byDetector[f.detector] ?? 0) + 1;
  return {
    contracts: results.length,
    unanalysed: results.filter((r) => r.status !== "analysed").length,
    bugs,
    found,
    recall: bugs === 0 ? 0 : found / bugs,
    otherLines: results.reduce((n, r) => n + r.otherLines, 0),
    otherLinesByDetector: byDetector,
  };
}

export async function scoreCorpus(corpus: string, contracts: readonly CorpusContract[], options: ScoreOptions): Promise<ScoreReport> {
  const analyser = new BudgetedAnalyser(options.budgetSeconds);
  const started = performance.now();
  const results: ContractResult[] = [];
  try {
    for (const [index, contract] of contracts.entries()) {
      options.onProgress?.(index, contracts.length, contract.file);
      const outcome = await analyser.analyse(contract.file, { bytecode: true, root: "/" });
      const findings = outcome.findings.map((f) => ({
        detector: f.detector.id,
        swc: f.detector.swc,
        severity: f.detector.severity,
        line: f.location.line,
      }));
      const score = scoreContract(contract.bugs, findings, BUG_TYPES[contract.type]);
      const { status, message } = outcome.report;
      results.push({
        file: contract.file,
        type: contract.type,
        status,
        ...(message === undefined ? {} : { message }),
        seconds: outcome.seconds,
        ...score,
      });
    }
    options.onProgress?.(contracts.length, contracts.length, "");
  } finally {
    await analyser.close();
  }
  const types = (Object.keys(BUG_TYPES) as BugType[]).flatMap((type) => {
    const ofType = results.filter((r) => r.type === type);
    return ofType.length === 0 ? [] : [{ type, classes: BUG_TYPES[type], ...summarise(ofType), target: RECALL_TARGETS[type] }];
  });
  return {
    corpus,
    lineTolerance: 1,
    budgetSeconds: options.budgetSeconds,
    seconds: (performance.now() - started) / 1000,
    types,
    total: summarise(results),
    contracts: results,
  };
}

/** Every bug type reached its recall target and every contract was analysed. */
export function targetsMet(report: ScoreReport): boolean {
  return report.total.unanalysed === 0 && report.types.every((t) => t.target === undefined || t.recall >= t.target);
}

/** The report as a table for people. */
export function scoreTable(report: ScoreReport): string {
  const rows = [
    ["bug type", "classes", "contracts", "unanalysed", "bugs", "found", "recall", "target", "other lines"],
    ...report.types.map((t) => [
      t.type,
      t.classes.join("+"),
      String(t.contracts),
      String(t.unanalysed),
      String(t.bugs),
      String(t.found),
      `${(t.recall * 100).toFixed(1)}%`,
      t.target === undefined ? "" : `${t.recall >= t.target ? "met" : "MISSED"} ≥${t.target * 100}%`,
      String(t.otherLines),
    ]),
    [
      "all",
      "",
      String(report.total.contracts),
      String(report.total.unanalysed),
      String(report.total.bugs),
      String(report.total.found),
      `${(report.total.recall * 100).toFixed(1)}%`,
      "",
      String(report.total.otherLines),
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  const problems = report.contracts.filter((c) => c.status !== "analysed");
  const byDetector = Object.entries(report.total.otherLinesByDetector)
    .sort((a, b) => b[1] - a[1])
    .map(([detector, n]) => `${detector} ${n}`)
    .join(", ");
  return [
    ...rows.map(line),
    "",
    `findings on other lines by detector: ${byDetector === "" ? "none" : byDetector}`,
    `a bug is found by a finding of its classes starting within its lines ±${report.lineTolerance}; ${report.total.contracts} contracts in ${report.seconds.toFixed(0)} s (budget ${report.budgetSeconds} s each)`,
    ...problems.map((p) => `${p.status}: ${p.file}${p.message === undefined ? "" : `: ${p.message.split("\n")[0]}`}`),
  ].join("\n");
}
