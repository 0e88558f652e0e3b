/** The result of one case (or of a file that failed to decode), as the runner reports it. */
export interface CaseResult {
  readonly id: string;
  readonly status: "pass" | "fail" | "skip";
  /** Why the case failed or was skipped. */
  readonly reason?: string;
  /** A remark on a passing case, e.g. a different exception name for a rejected transaction. */
  readonly note?: string;
  /** Gas used by an executed transaction. */
  readonly gasUsed?: bigint;
  /** Wall time the implementation took for the case. */
  readonly timeMs?: number;
}

export interface RunSummary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export function summarize(results: readonly CaseResult[]): RunSummary {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const r of results) {
    if (r.status === "pass") passed++;
    else if (r.status === "fail") failed++;
    else skipped++;
  }
  return { passed, failed, skipped };
}

/** The final line of a run, exactly `N passed, M failed, K skipped`. */
export function summaryLine(summary: RunSummary): string {
  return `${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`;
}
