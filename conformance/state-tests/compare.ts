/**
 * Whether an implementation's outcome matches a post entry.
 *
 * The vectors fix three things per case: the post-state root (`hash`), the logs hash (`logs`)
 * and, for an invalid transaction, `expectException`. The rules (also in docs/conformance.md):
 * - rejected, exception expected: pass iff the state root matches (it must be the pre-state
 *   root). The exception's name is compared too, but a different name is only a note: the
 *   vectors name one reason where several checks fail at once, and clients legitimately check in
 *   different orders (ethereum/tests lists alternatives with `|` for exactly this).
 * - rejected, no exception expected: fail.
 * - executed, exception expected: fail.
 * - executed, no exception expected: pass iff both the state root and the logs hash match (the
 *   root alone, with a note, for an implementation that does not report a logs hash).
 */
import { bytesEqual, bytesToHex } from "../../spec/primitives/bytes.js";
import type { CaseOutcome } from "../../interface/implementation.js";
import type { ExpectedOutcome } from "./cases.js";

export type Verdict =
  | { readonly pass: true; readonly note?: string }
  | { readonly pass: false; readonly reason: string };

const EXCEPTION_PREFIX = "TransactionException.";

/** The exception names an `expectException` allows, without the `TransactionException.` prefix. */
export function expectedExceptionNames(expectException: string): string[] {
  return expectException
    .split("|")
    .map((name) => name.trim())
    .filter((name) => name !== "")
    .map((name) => (name.startsWith(EXCEPTION_PREFIX) ? name.slice(EXCEPTION_PREFIX.length) : name));
}

function mismatch(what: string, expected: Uint8Array, got: Uint8Array): string | undefined {
  return bytesEqual(expected, got) ? undefined : `${what}: expected ${bytesToHex(expected)}, got ${bytesToHex(got)}`;
}

export function compareOutcome(expected: ExpectedOutcome, outcome: CaseOutcome): Verdict {
  const rootMismatch = mismatch("state root", expected.stateRoot, outcome.stateRoot);
  if (outcome.kind === "rejected") {
    if (expected.exception === undefined) {
      return { pass: false, reason: `transaction rejected (${outcome.error}: ${outcome.message}), but the vectors expect it to execute` };
    }
    if (rootMismatch !== undefined) return { pass: false, reason: rootMismatch };
    const allowed = expectedExceptionNames(expected.exception);
    if (allowed.includes(outcome.error)) return { pass: true };
    return { pass: true, note: `rejected as ${outcome.error}, the vectors expect ${expected.exception}` };
  }
  if (expected.exception !== undefined) {
    return { pass: false, reason: `expected exception ${expected.exception}, but the transaction executed (${outcome.status})` };
  }
  if (outcome.logsHash === undefined) {
    // An external binary that prints no logs hash: only the root is checked, and the result says so.
    return rootMismatch === undefined ? { pass: true, note: "logs hash not reported by the implementation; state root only" } : { pass: false, reason: rootMismatch };
  }
  const differences = [rootMismatch, mismatch("logs hash", expected.logsHash, outcome.logsHash)].filter(
    (d): d is string => d !== undefined,
  );
  return differences.length === 0 ? { pass: true } : { pass: false, reason: differences.join("; ") };
}
