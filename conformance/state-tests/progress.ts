/**
 * A one-line status for a person watching a run on a terminal: counts, rate and time left,
 * rewritten in place at most a few times a second. Silent when the stream is not a terminal or
 * when CI is set, so logs and pipes get only the results.
 */
import type { Progress } from "./runner.js";

export interface StatusStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const REDRAW_MS = 200;

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, "0")}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

/** The status text, e.g. `1200/16732 cases  1190 passed  8 failed  2 skipped  41.3/s  ETA 6m16s`. */
export function statusText(p: Progress): string {
  const rate = p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
  const eta = rate > 0 ? duration(((p.total - p.done) / rate) * 1000) : "?";
  return `${p.done}/${p.total} cases  ${p.passed} passed  ${p.failed} failed  ${p.skipped} skipped  ${rate.toFixed(1)}/s  ETA ${eta}`;
}

export class StatusLine {
  private lastDraw = 0;
  private drawn = false;
  private readonly enabled: boolean;

  constructor(
    private readonly stream: StatusStream,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.enabled = stream.isTTY === true && !env.CI;
  }

  update(progress: Progress): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < REDRAW_MS && progress.done < progress.total) return;
    this.lastDraw = now;
    this.stream.write(`\r\x1b[2K${statusText(progress)}`);
    this.drawn = true;
  }

  /** Prints a message above the status line (which the next update redraws). */
  message(text: string): void {
    this.clear();
    this.stream.write(`${text}\n`);
  }

  clear(): void {
    if (this.drawn) this.stream.write("\r\x1b[2K");
    this.drawn = false;
  }
}
