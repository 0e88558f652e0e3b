/** The `src` implementation: the fast interpreter behind the conformance Implementation interface. */
import type { CaseOutcome, Implementation, RunOptions, StateTestCase } from "../../conformance/implementation.js";
import { primeInterpreter } from "./prime.js";
import { applyTransaction } from "./processor.js";

export const srcImplementation: Implementation = {
  name: "src",
  runStateTest(testCase: StateTestCase, options?: RunOptions): CaseOutcome {
    primeInterpreter();
    return applyTransaction({
      fork: testCase.fork,
      env: testCase.env,
      pre: testCase.pre,
      txBytes: testCase.txBytes,
      tracer: options?.tracer,
      progress: options?.progress,
    });
  },
};
