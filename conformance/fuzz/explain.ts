/**
 * Applying the known differences of a peer (known-differences.ts) to one differential run: the
 * peer's cosmetic trace differences are normalised away, then a remaining divergence is matched
 * against the peer's outcome entries.
 */
import type { StateTestCase } from "../../interface/implementation.js";
import { type CanonicalStep, sameStep } from "./canonical-trace.js";
import type { OutcomeDifference } from "./compare-outcomes.js";
import type { RunResult } from "./differential.js";
import { type KnownDifference, type OutcomeEntry, orient, type Side, type TraceEntry, type TraceMatch } from "./known-differences.js";

export interface NormalisedTraces {
  readonly peer: readonly CanonicalStep[];
  readonly other: readonly CanonicalStep[];
  /** Ids of the trace entries that changed something, once per entry. */
  readonly applied: readonly string[];
}

function traceEntries(entries: readonly KnownDifference[]): TraceEntry[] {
  return entries.filter((entry): entry is TraceEntry => entry.kind === "trace");
}

function firstMatch(
  rules: readonly TraceEntry[],
  peer: readonly CanonicalStep[],
  j: number,
  other: readonly CanonicalStep[],
  i: number,
  testCase: StateTestCase,
): { readonly id: string; readonly match: TraceMatch } | undefined {
  for (const rule of rules) {
    const match = rule.match(peer, j, other, i, testCase);
    if (match !== undefined) return { id: rule.id, match };
  }
  return undefined;
}

/**
 * Walks both traces together. Where the steps differ, a trace entry that recognises the place
 * replaces the peer's steps there with the other side's; at the first difference no entry
 * accounts for, the rest of both traces is kept as it is, so the comparison reports it.
 */
export function normaliseTraces(
  entries: readonly KnownDifference[],
  peer: readonly CanonicalStep[],
  other: readonly CanonicalStep[],
  testCase: StateTestCase,
  compareErrors: boolean,
): NormalisedTraces {
  const rules = traceEntries(entries);
  const peerOut: CanonicalStep[] = [];
  const otherOut: CanonicalStep[] = [];
  const applied = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < other.length) {
    const peerStep = peer[j];
    if (peerStep !== undefined && sameStep(peerStep, other[i]!, compareErrors)) {
      peerOut.push(peerStep);
      otherOut.push(other[i]!);
      i++;
      j++;
      continue;
    }
    const found = firstMatch(rules, peer, j, other, i, testCase);
    if (found === undefined) break;
    const steps = other.slice(i, i + found.match.otherSteps);
    peerOut.push(...steps);
    otherOut.push(...steps);
    applied.add(found.id);
    i += found.match.otherSteps;
    j += found.match.peerSteps;
  }
  peerOut.push(...peer.slice(j));
  otherOut.push(...other.slice(i));
  return { peer: peerOut, other: otherOut, applied: [...applied] };
}

/** The id of the outcome entry that explains the whole divergence, if one does. */
export function explainDivergence(
  entries: readonly KnownDifference[],
  peerSide: "a" | "b",
  testCase: StateTestCase,
  results: { readonly a: RunResult; readonly b: RunResult },
  steps: { readonly peer: readonly CanonicalStep[]; readonly other: readonly CanonicalStep[] },
  differences: readonly OutcomeDifference[],
  traceIndex: number | undefined,
): string | undefined {
  const peer: Side = { result: peerSide === "a" ? results.a : results.b, steps: steps.peer };
  const other: Side = { result: peerSide === "a" ? results.b : results.a, steps: steps.other };
  const view = { testCase, peer, other, differences: orient(differences, peerSide), ...(traceIndex !== undefined && { traceIndex }) };
  const outcomeEntries = entries.filter((entry): entry is OutcomeEntry => entry.kind === "outcome");
  return outcomeEntries.find((entry) => entry.recognises(view))?.id;
}
