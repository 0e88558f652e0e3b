/**
 * Scoring findings against injected bugs: a bug is found when a finding of a matching SWC class
 * starts within its lines, give or take one line (the tolerance the issue sets; Conkas' table
 * uses ±5). A finding that starts within no injected bug's lines is a finding on another line.
 */
import type { InjectedBug } from "./corpus.js";

export const LINE_TOLERANCE = 1;

/** What the scorer needs of a finding. */
export interface ScoredFinding {
  readonly detector: string;
  readonly swc: string;
  readonly severity: string;
  readonly line: number;
}

export function within(bug: InjectedBug, line: number, tolerance = LINE_TOLERANCE): boolean {
  return line >= bug.line - tolerance && line <= bug.line + bug.length - 1 + tolerance;
}

export interface ContractScore {
  readonly bugs: number;
  readonly found: number;
  /** Findings (of any class) starting outside every injected bug's lines. */
  readonly otherLines: number;
  /** Those findings: detector and line. */
  readonly otherLineFindings: readonly { readonly detector: string; readonly line: number }[];
  /** The injected bugs no matching finding reached. */
  readonly missed: readonly InjectedBug[];
}

export function scoreContract(
  bugs: readonly InjectedBug[],
  findings: readonly ScoredFinding[],
  classes: readonly string[],
): ContractScore {
  const matching = findings.filter((f) => classes.includes(f.swc));
  const missed = bugs.filter((bug) => !matching.some((f) => within(bug, f.line)));
  const other = findings.filter((f) => !bugs.some((bug) => within(bug, f.line)));
  return {
    bugs: bugs.length,
    found: bugs.length - missed.length,
    otherLines: other.length,
    otherLineFindings: other.map((f) => ({ detector: f.detector, line: f.line })),
    missed,
  };
}
