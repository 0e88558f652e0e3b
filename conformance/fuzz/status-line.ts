/**
 * The fuzzer's live status for a person at a terminal, redrawn in place a few times a second;
 * silent when the stream is not a terminal or CI is set, so logs get only divergences and the
 * summary.
 */
import type { FuzzProgress } from "./campaign.js";
import { statusText } from "./report.js";

export interface StatusStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const REDRAW_MS = 250;

export class FuzzStatusLine {
  private lastDraw = 0;
  private drawn = false;
  private readonly enabled: boolean;

  constructor(
    private readonly stream: StatusStream,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.enabled = stream.isTTY === true && !env.CI;
  }

  update(progress: FuzzProgress): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.stream.write(`\r\x1b[2K${statusText(progress)}`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write("\r\x1b[2K");
    this.drawn = false;
  }
}
