/**
 * Whether the implementations agree on a benchmark. Every implementation's outcome is checked
 * against the post state the suite records (the state root and logs hash, with the comparison
 * rules of the state-test runner) and against each other on what the post state does not show:
 * the return data and the gas used.
 */
import { bytesEqual, bytesToHex } from "../../spec/primitives/bytes.js";
import type { CaseOutcome } from "../../interface/implementation.js";
import type { ExpectedOutcome } from "../state-tests/cases.js";
import { compareOutcome } from "../state-tests/compare.js";

function describeOutcome(outcome: CaseOutcome): string {
  if (outcome.kind === "rejected") return `rejected (${outcome.error})`;
  return `${outcome.status}, gas ${outcome.gasUsed}, output ${bytesToHex(outcome.output).slice(0, 26)}…`;
}

function sameResult(a: CaseOutcome, b: CaseOutcome): boolean {
  if (a.kind === "rejected" || b.kind === "rejected") return a.kind === b.kind && bytesEqual(a.stateRoot, b.stateRoot);
  return a.gasUsed === b.gasUsed && bytesEqual(a.output, b.output) && bytesEqual(a.stateRoot, b.stateRoot);
}

/** One line per disagreement (empty when all agree), naming the implementation and what differed. */
export function disagreements(expected: ExpectedOutcome, outcomes: ReadonlyMap<string, CaseOutcome>): string[] {
  const problems: string[] = [];
  for (const [name, outcome] of outcomes) {
    const verdict = compareOutcome(expected, outcome);
    if (!verdict.pass) problems.push(`${name}: ${verdict.reason}`);
  }
  const [first, ...rest] = [...outcomes];
  if (first !== undefined) {
    for (const [name, outcome] of rest) {
      if (!sameResult(first[1], outcome)) {
        problems.push(`${name} (${describeOutcome(outcome)}) differs from ${first[0]} (${describeOutcome(first[1])})`);
      }
    }
  }
  return problems;
}
