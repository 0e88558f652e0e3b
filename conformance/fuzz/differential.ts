/**
 * One differential run: the same case on implementations A and B, each traced, then outcomes and
 * canonical traces compared. An implementation that throws instead of returning an outcome has
 * crashed, which counts as a divergence too (every generated case is well formed).
 *
 * A side whose tracing changes its engine (`tracingChangesEngine`: src with its compile tier on
 * interprets a traced run) runs a second time untraced. Its untraced outcome is the one compared
 * with the other side, so the engine that ships is the one under test; its traced run still gives
 * the trace; and a difference between its own traced and untraced outcomes is a divergence of its
 * own (an engine split: the compiled code and the interpreter disagree), which no known difference
 * of a peer explains.
 *
 * Given the known differences of a peer (known-differences.ts), the peer's cosmetic trace
 * differences are normalised before the traces are compared, and a divergence that one of its
 * outcome entries recognises is marked as explained by that entry.
 */
import type { Implementation, StateTestCase } from "../../interface/implementation.js";
import { CanonicalTraceRecorder, firstStepDivergence, type TraceDivergence } from "./canonical-trace.js";
import { compareRuns, type OutcomeDifference, type RunResult } from "./compare-outcomes.js";
import { explainDivergence, normaliseTraces } from "./explain.js";
import { type KnownDifference, knownDifferencesFor } from "./known-differences.js";

export type { RunResult } from "./compare-outcomes.js";

/** One side whose traced and untraced runs ended differently: `a` of each difference is the traced run's, `b` the untraced run's. */
export interface EngineSplit {
  readonly side: "a" | "b";
  readonly differences: readonly OutcomeDifference[];
}

export interface DifferentialResult {
  /** No difference of outcome, no engine split and no trace difference (after normalisation). */
  readonly agree: boolean;
  /** Each side's compared run: the untraced one for a side whose tracing changes its engine, else the traced one. */
  readonly a: RunResult;
  readonly b: RunResult;
  readonly differences: readonly OutcomeDifference[];
  /** Present when a side's traced and untraced outcomes differ. */
  readonly engineSplits?: readonly EngineSplit[];
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

async function run(implementation: Implementation, testCase: StateTestCase, recorder?: CanonicalTraceRecorder): Promise<RunResult> {
  try {
    return { ok: true, outcome: await implementation.runStateTest(testCase, recorder === undefined ? {} : { tracer: recorder }) };
  } catch (error) {
    return { ok: false, crash: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** A side's traced run, its compared run (untraced when tracing changes its engine) and the split between them. */
async function runSide(
  implementation: Implementation,
  side: "a" | "b",
  testCase: StateTestCase,
  recorder: CanonicalTraceRecorder,
): Promise<{ readonly compared: RunResult; readonly split?: EngineSplit }> {
  const traced = await run(implementation, testCase, recorder);
  if (implementation.tracingChangesEngine !== true) return { compared: traced };
  const untraced = await run(implementation, testCase);
  const differences = compareRuns(traced, untraced);
  return { compared: untraced, ...(differences.length > 0 && { split: { side, differences } }) };
}

export async function runDifferential(
  a: Implementation,
  b: Implementation,
  testCase: StateTestCase,
  options: DifferentialOptions = {},
): Promise<DifferentialResult> {
  const traceA = new CanonicalTraceRecorder();
  const traceB = new CanonicalTraceRecorder();
  const sideA = await runSide(a, "a", testCase, traceA);
  const sideB = await runSide(b, "b", testCase, traceB);
  const [resultA, resultB] = [sideA.compared, sideB.compared];
  const differences = compareRuns(resultA, resultB);
  const splits = [sideA.split, sideB.split].filter((split) => split !== undefined);
  const split = splits.length > 0 ? { engineSplits: splits } : {};
  const compareErrors = traceA.reportsErrors && traceB.reportsErrors;
  const known = options.knownDifferences === undefined ? undefined : knownDifferencesFor(a.name, b.name, options.knownDifferences);
  if (known === undefined) {
    const trace = firstStepDivergence(traceA.steps, traceB.steps, compareErrors);
    const agree = differences.length === 0 && splits.length === 0 && trace === undefined;
    return { agree, a: resultA, b: resultB, differences, ...split, normalised: [], ...(trace !== undefined && { trace }) };
  }
  const [peer, other] = known.peerSide === "a" ? [traceA.steps, traceB.steps] : [traceB.steps, traceA.steps];
  const normalised = normaliseTraces(known.entries, peer, other, testCase, compareErrors);
  const [stepsA, stepsB] = known.peerSide === "a" ? [normalised.peer, normalised.other] : [normalised.other, normalised.peer];
  const trace = firstStepDivergence(stepsA, stepsB, compareErrors);
  const agree = differences.length === 0 && splits.length === 0 && trace === undefined;
  // A peer's known difference explains how the peer differs, never how one implementation disagrees with itself.
  const explainedBy = agree || splits.length > 0
    ? undefined
    : explainDivergence(known.entries, known.peerSide, testCase, { a: resultA, b: resultB }, normalised, differences, trace?.index);
  return {
    agree,
    a: resultA,
    b: resultB,
    differences,
    ...split,
    normalised: normalised.applied,
    ...(trace !== undefined && { trace }),
    ...(explainedBy !== undefined && { explainedBy }),
  };
}
