/** The `src` implementation: the fast interpreter behind the conformance Implementation interface. */
import { FORK_NAMES, type CaseOutcome, type Implementation, type RunOptions, type StateTestCase } from "../../conformance/implementation.js";
import { primeInterpreter } from "./prime.js";
import { applyTransaction } from "./processor.js";

export const srcImplementation: Implementation = {
  name: "src",
  forks: FORK_NAMES,
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
