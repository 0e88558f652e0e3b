/**
 * What an audit finds, as every detector reports it and every report writer reads it. The
 * vocabulary is the field's: SWC identifiers (swcregistry.io), the SmartBugs/DASP categories,
 * Slither's severity and confidence scales.
 */

/** The DASP top-10 categories SmartBugs annotates its curated corpus with. */
export const CATEGORIES = [
  "reentrancy",
  "access_control",
  "arithmetic",
  "unchecked_low_level_calls",
  "denial_of_service",
  "bad_randomness",
  "front_running",
  "time_manipulation",
  "short_addresses",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Highest first; `--fail-on` compares against this order. */
export const SEVERITIES = ["high", "medium", "low", "informational"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CONFIDENCES = ["high", "medium", "low"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** The fixed description of one detector: Slither's header shape, with the SWC id and category. */
export interface DetectorInfo {
  /** Kebab-case, stable: `reentrancy-eth`, `tx-origin`. */
  readonly id: string;
  readonly title: string;
  /** `SWC-107`. */
  readonly swc: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly description: string;
  readonly recommendation: string;
}

/** Where in the source a finding points. Lines are 1-based. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly endLine: number;
  /** The source lines from `line` to `endLine`, as written. */
  readonly snippet: string;
}

/** One transaction of an exploit that was run on src/vm. */
export interface ExploitStep {
  readonly from: string;
  readonly to: string;
  readonly value: bigint;
  readonly calldata: string;
  /** The call decoded with the ABI, e.g. `withdraw(100)`. */
  readonly call: string;
  /** The block it ran in, when the exploit depends on it (time locks, SWC-116): replays use it. */
  readonly block?: { readonly timestamp: bigint; readonly number: bigint };
}

/** The proof that a finding is real: the exploit's transactions, what it achieved, and a trace excerpt. */
export interface Evidence {
  readonly steps: readonly ExploitStep[];
  /** What the exploit achieved, e.g. "1 ether moved from Bank to the attacker". */
  readonly effect: string;
  readonly trace: readonly string[];
}

export interface Finding {
  /**
   * Stable across unrelated edits: a hash of the detector, contract, function and the normalised
   * code of the flagged statement, never its line number (crytic/slither#2300).
   */
  readonly id: string;
  readonly detector: DetectorInfo;
  readonly contract: string;
  /** The function's signature, or "" for contract-level findings. */
  readonly function: string;
  readonly location: SourceLocation;
  /** What this instance is, in a sentence naming its variables and calls. */
  readonly message: string;
  /** An exploit ran on src/vm and achieved the effect in `evidence`. */
  readonly confirmed: boolean;
  /**
   * Confirmed: the exploit's transactions and effect. Unconfirmed: the prover's bounded note
   * ("not reachable in one call within …" or "undecided: …"), with no transactions.
   */
  readonly evidence?: Evidence;
}
