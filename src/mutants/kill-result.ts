/** What one mutant's campaign (kill.ts) reports to the tool (main.ts), as one JSON line. */
export interface KillResult {
  readonly killed: boolean;
  /** Runs made: up to and including the killing one, or the whole budget. */
  readonly runs: number;
  /** The first lines of the divergence that killed it. */
  readonly evidence?: string;
}
