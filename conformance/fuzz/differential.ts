/**
 * One differential run: the same case on implementations A and B, each traced, then outcomes and
 * canonical traces compared. An implementation that throws instead of returning an outcome has
 * crashed, which counts as a divergence too (every generated case is well formed).
 */
import type { CaseOutcome, Implementation, StateTestCase } from "../implementation.js";
import { CanonicalTraceRecorder, firstTraceDivergence, type TraceDivergence } from "./canonical-trace.js";
import { compareOutcomes, type OutcomeDifference } from "./compare-outcomes.js";

export type RunResult = { readonly ok: true; readonly outcome: CaseOutcome } | { readonly ok: false; readonly crash: string };

export interface DifferentialResult {
  readonly agree: boolean;
  readonly a: RunResult;
  readonly b: RunResult;
  readonly differences: readonly OutcomeDifference[];
  readonly trace?: TraceDivergence;
}

async function runTraced(implementation: Implementation, testCase: StateTestCase, recorder: CanonicalTraceRecorder): Promise<RunResult> {
  try {
    return { ok: true, outcome: await implementation.runStateTest(testCase, { tracer: recorder }) };
  } catch (error) {
    return { ok: false, crash: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

export async function runDifferential(a: Implementation, b: Implementation, testCase: StateTestCase): Promise<DifferentialResult> {
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
  const trace = firstTraceDivergence(traceA, traceB);
  return { agree: differences.length === 0 && trace === undefined, a: resultA, b: resultB, differences, ...(trace !== undefined && { trace }) };
}
