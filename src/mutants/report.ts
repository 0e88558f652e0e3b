/** The mutants tool's table and JSON. */
import type { KillResult } from "./kill-result.js";

export type Verdict = KillResult | { readonly killed: false; readonly runs: number; readonly timedOut: true };

export interface MutantOutcome {
  readonly name: string;
  readonly why: string;
  readonly verdict: Verdict;
  readonly seconds: number;
}

export interface MutantsReport {
  readonly runs: number;
  readonly seed: number;
  readonly forks: readonly string[];
  readonly targetPercent: number;
  readonly outcomes: readonly MutantOutcome[];
  readonly killed: number;
  readonly percent: number;
}

export function summarise(options: Omit<MutantsReport, "killed" | "percent">): MutantsReport {
  const killed = options.outcomes.filter((o) => o.verdict.killed).length;
  const percent = options.outcomes.length === 0 ? 0 : (100 * killed) / options.outcomes.length;
  return { ...options, killed, percent };
}

function verdictText(verdict: Verdict): string {
  if (verdict.killed) return `killed at run ${verdict.runs}`;
  return "timedOut" in verdict ? "survived (timed out)" : `survived ${verdict.runs} runs`;
}

export function reportTable(report: MutantsReport): string {
  const rows = report.outcomes.map((o) => [o.name, verdictText(o.verdict), `${o.seconds.toFixed(1)}s`, o.why]);
  const header = ["mutant", "verdict", "time", "fault"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ");
  return [
    line(header),
    ...rows.map(line),
    "",
    `${report.killed} of ${report.outcomes.length} mutants killed (${report.percent.toFixed(1)}%) by ${report.runs} runs, seed ${report.seed}, forks ${report.forks.join(",")}; target ${report.targetPercent}%`,
  ].join("\n");
}

export function reportJson(report: MutantsReport): string {
  return JSON.stringify(report, null, 2);
}
