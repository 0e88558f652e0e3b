/**
 * A one-line status for a person watching a long run on a terminal, rewritten in place at most a
 * few times a second. Silent when the stream is not a terminal or when CI is set, so logs and
 * pipes get only the results.
 */

export interface StatusStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface StatusOptions<P> {
  /** Least time between redraws. */
  readonly redrawMs: number;
  /** Progress that is drawn however recently the line was (the last update of a run). */
  readonly final?: (progress: P) => boolean;
}

export class TerminalStatus<P> {
  private lastDraw = 0;
  private drawn = false;
  private readonly enabled: boolean;

  constructor(
    private readonly stream: StatusStream,
    private readonly textOf: (progress: P) => string,
    private readonly options: StatusOptions<P>,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.enabled = stream.isTTY === true && !env.CI;
  }

  update(progress: P): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < this.options.redrawMs && this.options.final?.(progress) !== true) return;
    this.lastDraw = now;
    this.stream.write(`\r\x1b[2K${this.textOf(progress)}`);
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
