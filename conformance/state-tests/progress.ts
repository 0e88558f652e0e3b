/** The state-test runner's live status for a person at a terminal: counts, rate and time left (see `../terminal-status.ts`). */
import { type StatusStream, TerminalStatus } from "../terminal-status.js";
import type { Progress } from "./runner.js";

export type { StatusStream };

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

export class StatusLine extends TerminalStatus<Progress> {
  constructor(stream: StatusStream, env: NodeJS.ProcessEnv = process.env) {
    super(stream, statusText, { redrawMs: 200, final: (p) => p.done >= p.total }, env);
  }
}
