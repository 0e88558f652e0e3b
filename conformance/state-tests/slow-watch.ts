/**
 * Notices cases that run for more than a threshold (60 s by default), so a person watching a
 * long run sees what is holding it up. There is no per-case timeout: a slow case still counts.
 * Each slow case is reported once, while it runs when the event loop is free to notice (worker
 * threads, asynchronous implementations), otherwise when it finishes.
 */
import { performance } from "node:perf_hooks";

export const SLOW_CASE_MS = 60_000;

export class SlowWatch {
  private readonly running = new Map<string, number>();
  private readonly reported = new Set<string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly onSlow: (id: string, elapsedMs: number) => void,
    private readonly thresholdMs = SLOW_CASE_MS,
  ) {
    this.timer = setInterval(() => this.check(), Math.min(5_000, thresholdMs));
    this.timer.unref();
  }

  start(id: string): void {
    this.running.set(id, performance.now());
  }

  finish(id: string, timeMs: number | undefined): void {
    this.running.delete(id);
    if (timeMs !== undefined && timeMs > this.thresholdMs) this.report(id, timeMs);
  }

  close(): void {
    clearInterval(this.timer);
  }

  private check(): void {
    const now = performance.now();
    for (const [id, since] of this.running) if (now - since > this.thresholdMs) this.report(id, now - since);
  }

  private report(id: string, elapsedMs: number): void {
    if (this.reported.has(id)) return;
    this.reported.add(id);
    this.onSlow(id, elapsedMs);
  }
}
