/**
 * The fuzzer's live status for a person at a terminal (see `../terminal-status.ts`), so logs get
 * only divergences and the summary.
 */
import { type StatusStream, TerminalStatus } from "../terminal-status.js";
import type { FuzzProgress } from "./campaign.js";
import { statusText } from "./report.js";

export type { StatusStream };

export class FuzzStatusLine extends TerminalStatus<FuzzProgress> {
  constructor(stream: StatusStream, env: NodeJS.ProcessEnv = process.env) {
    super(stream, statusText, { redrawMs: 250 }, env);
  }
}
