/**
 * Comparing two implementations' outcomes of the same case: what the state test fixes (state root
 * and logs hash) plus what the transaction observably did (gas used, the top frame's output and
 * how it ended: success, revert, or which exceptional halt, in the contract's vocabulary of halt
 * reasons, which every implementation and peer adapter speaks). Two rejections agree whatever reason each gives: when
 * several validity checks fail at once, clients legitimately report the first one they make (the
 * state-test rule of conformance/state-tests/compare.ts), and the state roots must still match.
 */
import { bytesEqual, bytesToHex } from "../../spec/primitives/bytes.js";
import type { CaseOutcome } from "../../interface/implementation.js";

export interface OutcomeDifference {
  /** What differed: outcome, status, gas used, logs hash, output, state root (or crash, in a differential run). */
  readonly what: string;
  readonly a: string;
  readonly b: string;
}

function describeKind(outcome: CaseOutcome): string {
  return outcome.kind === "rejected" ? `rejected (${outcome.error})` : `executed (${outcome.status})`;
}

export function compareOutcomes(a: CaseOutcome, b: CaseOutcome): OutcomeDifference[] {
  const differences: OutcomeDifference[] = [];
  const bytes = (what: string, x: Uint8Array, y: Uint8Array) => {
    if (!bytesEqual(x, y)) differences.push({ what, a: bytesToHex(x), b: bytesToHex(y) });
  };
  if (a.kind !== b.kind) {
    differences.push({ what: "outcome", a: describeKind(a), b: describeKind(b) });
  } else if (a.kind === "executed" && b.kind === "executed") {
    if (a.status !== b.status) differences.push({ what: "status", a: a.status, b: b.status });
    if (a.gasUsed !== b.gasUsed) differences.push({ what: "gas used", a: a.gasUsed.toString(), b: b.gasUsed.toString() });
    // A peer that prints no logs hash (geth's `evm statetest`) is compared on everything else.
    if (a.logsHash !== undefined && b.logsHash !== undefined) bytes("logs hash", a.logsHash, b.logsHash);
    bytes("output", a.output, b.output);
  }
  bytes("state root", a.stateRoot, b.stateRoot);
  return differences;
}

/** How one run of a case ended: an outcome, or a crash (the implementation threw). */
export type RunResult = { readonly ok: true; readonly outcome: CaseOutcome } | { readonly ok: false; readonly crash: string };

/** compareOutcomes for runs that may have crashed: a crash on either side is the one difference. */
export function compareRuns(a: RunResult, b: RunResult): OutcomeDifference[] {
  if (!a.ok || !b.ok) return [{ what: "crash", a: a.ok ? "no crash" : a.crash, b: b.ok ? "no crash" : b.crash }];
  return compareOutcomes(a.outcome, b.outcome);
}
