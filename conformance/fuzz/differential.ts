/**
 * One differential run: the same case on implementations A and B, each traced, then outcomes and
 * canonical traces compared. An implementation that throws instead of returning an outcome has
 * crashed, which counts as a divergence too (every generated case is well formed).
 *
 * Given the known differences of a peer (known-differences.ts), the peer's cosmetic trace
 * differences are normalised before the traces are compared, and a divergence that one of its
 * outcome entries recognises is marked as explained by that entry.
 */
import type { CaseOutcome, Implementation, StateTestCase } from "../../interface/implementation.js";
import { CanonicalTraceRecorder, firstStepDivergence, type TraceDivergence } from "./canonical-trace.js";
import { compareOutcomes, type OutcomeDifference } from "./compare-outcomes.js";
import { explainDivergence, normaliseTraces } from "./explain.js";
import { type KnownDifference, knownDifferencesFor } from "./known-differences.js";

export type RunResult = { readonly ok: true; readonly outcome: CaseOutcome } | { readonly ok: false; readonly crash: string };

export interface DifferentialResult {
  /** No difference of outcome and no trace difference (after normalisation). */
  readonly agree: boolean;
  readonly a: RunResult;
  readonly b: RunResult;
  readonly differences: readonly OutcomeDifference[];
  readonly trace?: TraceDivergence;
  /** Ids of the peer's trace entries that were normalised away in this run. */
  readonly normalised: readonly string[];
  /** When the run diverged: the id of the known difference that explains it, if any. */
  readonly explainedBy?: string;
}

export interface DifferentialOptions {
  /** Known differences to apply (none by default: every difference counts). */
  readonly knownDifferences?: readonly KnownDifference[];
}

async function runTraced(implementation: Implementation, testCase: StateTestCase, recorder: CanonicalTraceRecorder): Promise<RunResult> {
  try {
    return { ok: true, outcome: await implementation.runStateTest(testCase, { tracer: recorder }) };
  } catch (error) {
    return { ok: false, crash: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

export async function runDifferential(
  a: Implementation,
  b: Implementation,
  testCase: StateTestCase,
  options: DifferentialOptions = {},
): Promise<DifferentialResult> {
  const traceA = new CanonicalTraceRecorder();
  const traceB = new CanonicalTraceRecorder();
  const resultA = await runTraced(a, testCase, traceA);
  const resultB = await runTraced(b, testCase, traceB);
  const differences: OutcomeDifference[] = [];
  if (!resultA.ok || !resultB.ok) {
    differences.push({ what: "crash", a: resultA.ok ? "no crash" : resultA.crash, b: resultB.ok ? "no crash" : resultB.crash });
  } else {
    differences.push(...compareOutcomes(resultA.outcome, resultB.outcome));
  }
  const compareErrors = traceA.reportsErrors && traceB.reportsErrors;
  const known = options.knownDifferences === undefined ? undefined : knownDifferencesFor(a.name, b.name, options.knownDifferences);
  if (known === undefined) {
    const trace = firstStepDivergence(traceA.steps, traceB.steps, compareErrors);
    return { agree: differences.length === 0 && trace === undefined, a: resultA, b: resultB, differences, normalised: [], ...(trace !== undefined && { trace }) };
  }
  const [peer, other] = known.peerSide === "a" ? [traceA.steps, traceB.steps] : [traceB.steps, traceA.steps];
  const normalised = normaliseTraces(known.entries, peer, other, testCase, compareErrors);
  const [stepsA, stepsB] = known.peerSide === "a" ? [normalised.peer, normalised.other] : [normalised.other, normalised.peer];
  const trace = firstStepDivergence(stepsA, stepsB, compareErrors);
  const agree = differences.length === 0 && trace === undefined;
  const explainedBy = agree
    ? undefined
    : explainDivergence(known.entries, known.peerSide, testCase, { a: resultA, b: resultB }, normalised, differences, trace?.index);
  return {
    agree,
    a: resultA,
    b: resultB,
    differences,
    normalised: normalised.applied,
    ...(trace !== undefined && { trace }),
    ...(explainedBy !== undefined && { explainedBy }),
  };
}
