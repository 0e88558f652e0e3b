/**
 * What the fuzzer prints: a divergence as a few indented lines (what differed, each side's value,
 * the first diverging canonical trace line), the live status of a campaign, and its summary.
 */
import type { Divergence, FuzzProgress } from "./campaign.js";

/** The lines describing a divergence between implementations named `a` and `b`. */
export function divergenceLines(divergence: Divergence, a: string, b: string): string[] {
  const width = Math.max(a.length, b.length) + 1;
  const side = (name: string) => `${name}:`.padEnd(width);
  const lines = [`DIVERGENCE in run ${divergence.run} (run seed ${divergence.runSeed}, shrunk ${divergence.shrinks} times)`];
  for (const difference of divergence.result.differences) {
    lines.push(`  ${difference.what}: ${a} ${difference.a}, ${b} ${difference.b}`);
  }
  const trace = divergence.result.trace;
  if (trace !== undefined) {
    lines.push(`  first diverging trace line (step ${trace.index}):`);
    lines.push(`    ${side(a)} ${trace.a ?? "(trace ended)"}`);
    lines.push(`    ${side(b)} ${trace.b ?? "(trace ended)"}`);
  }
  return lines;
}

export function runsPerSecond(progress: FuzzProgress): number {
  return progress.elapsedMs > 0 ? (progress.runs * 1000) / progress.elapsedMs : 0;
}

/** `123 runs  120 passed  3 failed  41.3 runs/s`, for the status line. */
export function statusText(progress: FuzzProgress): string {
  return `${progress.runs} runs  ${progress.passed} passed  ${progress.failed} failed  ${runsPerSecond(progress).toFixed(1)} runs/s`;
}

/** The last line of every campaign. */
export function summaryLine(progress: FuzzProgress): string {
  return `${progress.passed} passed, ${progress.failed} failed`;
}
