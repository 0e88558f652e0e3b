/**
 * What the fuzzer prints: a divergence as a few indented lines (what differed, each side's value,
 * the first diverging canonical trace line), the live status of a campaign, its summary, and the
 * verdict of a replayed reproducer.
 */
import type { Divergence, FuzzProgress, FuzzReport } from "./campaign.js";
import type { DifferentialResult } from "./differential.js";
import type { Replay } from "./replay.js";
import { divergenceShape, type ReproducerRecord } from "./reproducer-record.js";

/** What differed and where the traces part, as indented lines, for implementations named `a` and `b`. */
export function differenceLines(result: Pick<DifferentialResult, "differences" | "engineSplits" | "trace">, a: string, b: string): string[] {
  const width = Math.max(a.length, b.length) + 1;
  const side = (name: string) => `${name}:`.padEnd(width);
  const lines: string[] = [];
  for (const difference of result.differences) {
    lines.push(`  ${difference.what}: ${a} ${difference.a}, ${b} ${difference.b}`);
  }
  for (const split of result.engineSplits ?? []) {
    const name = split.side === "a" ? a : b;
    lines.push(`  ${name} disagrees with itself: a traced run takes another engine (the interpreter) than an untraced one`);
    for (const difference of split.differences) lines.push(`    ${difference.what}: traced ${difference.a}, untraced ${difference.b}`);
  }
  const trace = result.trace;
  if (trace !== undefined) {
    lines.push(`  first diverging trace line (step ${trace.index}):`);
    lines.push(`    ${side(a)} ${trace.a ?? "(trace ended)"}`);
    lines.push(`    ${side(b)} ${trace.b ?? "(trace ended)"}`);
  }
  return lines;
}

/** The lines describing a divergence between implementations named `a` and `b`. */
export function divergenceLines(divergence: Divergence, a: string, b: string): string[] {
  return [
    `DIVERGENCE in run ${divergence.run} (run seed ${divergence.runSeed}, shrunk ${divergence.shrinks} times)`,
    ...differenceLines(divergence.result, a, b),
  ];
}

/** What `svm fuzz --replay` prints: whether the case still diverges, how, and how that compares with the record. */
export function replayLines(record: ReproducerRecord, replay: Replay, a: string, b: string): string[] {
  const recorded = divergenceShape(record);
  const head = `recorded: run ${record.run} of seed ${record.seed}, ${record.a} vs ${record.b}${record.strict ? " (strict)" : ""}, diverged in ${recorded || "nothing"}`;
  if (!replay.diverges) {
    const explained = replay.result.explainedBy === undefined ? "" : ` (a known difference explains what remains: ${replay.result.explainedBy})`;
    return [head, `${a} and ${b} no longer diverge${explained}`];
  }
  const now = divergenceShape(replay.result);
  const same = now === recorded ? "as recorded" : `differently from the record`;
  return [head, `${a} and ${b} still diverge, ${same}: ${now}`, ...differenceLines(replay.result, a, b)];
}

export function runsPerSecond(progress: FuzzProgress): number {
  return progress.elapsedMs > 0 ? (progress.runs * 1000) / progress.elapsedMs : 0;
}

/** `123 runs  120 passed  3 failed  41.3 runs/s`, for the status line. */
export function statusText(progress: FuzzProgress): string {
  const explained = progress.explained > 0 ? `  ${progress.explained} explained` : "";
  return `${progress.runs} runs  ${progress.passed} passed  ${progress.failed} failed${explained}  ${runsPerSecond(progress).toFixed(1)} runs/s`;
}

function tally(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([id, count]) => `${id} ×${count}`).join(", ");
}

/** `K explained divergences: id1 ×n, id2 ×m`, or nothing when no known difference explained a run. */
export function explainedLine(report: Pick<FuzzReport, "explained" | "explainedBy">): string | undefined {
  if (report.explained === 0) return undefined;
  return `${report.explained} explained divergence${report.explained === 1 ? "" : "s"}: ${tally(report.explainedBy)}`;
}

/** `trace normalised in R runs: id ×n, …`, or nothing when no trace needed it. */
export function normalisedLine(report: Pick<FuzzReport, "normalisedBy">): string | undefined {
  if (report.normalisedBy.size === 0) return undefined;
  return `known trace differences normalised: ${tally(report.normalisedBy)}`;
}

/** The last line of every campaign. */
export function summaryLine(progress: FuzzProgress): string {
  return `${progress.passed} passed, ${progress.failed} failed`;
}
