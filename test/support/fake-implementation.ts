/**
 * A stand-in implementation for tests of the differential machinery: it traces the given steps
 * and then returns the given outcome, or throws (a crash), without running anything.
 */
import type { CaseOutcome, Implementation, TraceStep } from "../../interface/implementation.js";

export type Step = Partial<TraceStep>;

/** A PUSH1 step at pc 0 with the given fields changed. */
export function step(fields: Step): TraceStep {
  return { pc: 0, op: 0x60, opName: "PUSH1", gas: 90_000n, gasCost: 3n, stack: [], depth: 1, refund: 0n, memSize: 0, ...fields };
}

/** An implementation that traces `steps` and then returns `outcome`, or throws `crash`. */
export function fake(name: string, steps: Step[], outcome: CaseOutcome | { crash: string }): Implementation {
  return {
    name,
    runStateTest(_testCase, options) {
      steps.forEach((fields) => options?.tracer?.step(step(fields)));
      if ("crash" in outcome) throw new Error(outcome.crash);
      return outcome;
    },
  };
}

/**
 * An implementation whose tracing changes its engine (Implementation.tracingChangesEngine), as
 * src's with its compile tier on: a traced run traces `steps` and returns `traced`, an untraced
 * run returns `untraced` (or throws).
 */
export function fakeWithEngines(name: string, steps: Step[], traced: CaseOutcome, untraced: CaseOutcome | { crash: string }): Implementation {
  const tracedEngine = fake(name, steps, traced);
  const untracedEngine = fake(name, [], untraced);
  return {
    name,
    tracingChangesEngine: true,
    runStateTest: (testCase, options) => (options?.tracer === undefined ? untracedEngine : tracedEngine).runStateTest(testCase, options),
  };
}
