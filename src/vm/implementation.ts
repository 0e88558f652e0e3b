/** The `src` implementation: the fast interpreter (and its compile tier) behind the conformance Implementation interface. */
import { FORK_NAMES, type CaseOutcome, type Implementation, type RunOptions, type StateTestCase } from "../../interface/implementation.js";
import { currentTier, setTier, type TierMode } from "./compile/tier.js";
import { primeInterpreter } from "./prime.js";
import { applyTransaction } from "./processor.js";

function runCase(testCase: StateTestCase, options?: RunOptions): CaseOutcome {
  primeInterpreter();
  return applyTransaction({
    fork: testCase.fork,
    env: testCase.env,
    pre: testCase.pre,
    txBytes: testCase.txBytes,
    tracer: options?.tracer,
    progress: options?.progress,
  });
}

/**
 * Runs cases in the process's tier (SVM_TIER, default adaptive: the interpreter until a code is hot).
 * A traced run always interprets (compile/tier.ts), so while the tier is on, tracing changes the
 * engine and the differential fuzzer also runs it untraced (Implementation.tracingChangesEngine).
 */
export const srcImplementation: Implementation = {
  name: "src",
  forks: FORK_NAMES,
  runStateTest: runCase,
  get tracingChangesEngine(): boolean {
    return currentTier() !== "never";
  },
};

/** src pinned to one tier (`always`: compiled code for every frame; `never`: the interpreter), whatever SVM_TIER says. */
export function srcImplementationWithTier(tier: TierMode): Implementation {
  return {
    name: "src",
    forks: FORK_NAMES,
    runStateTest(testCase: StateTestCase, options?: RunOptions): CaseOutcome {
      const previous = currentTier();
      setTier(tier);
      try {
        return runCase(testCase, options);
      } finally {
        setTier(previous);
      }
    },
    tracingChangesEngine: tier !== "never",
  };
}

/** `--impl src-compiled`: every frame in compiled code (SVM_TIER=always for this implementation only). */
export const srcCompiledImplementation: Implementation = { ...srcImplementationWithTier("always"), name: "src-compiled" };

/** `--impl src-adaptive`: the interpreter until a code is hot, then compiled code (SVM_TIER=adaptive for this implementation only). */
export const srcAdaptiveImplementation: Implementation = { ...srcImplementationWithTier("adaptive"), name: "src-adaptive" };

/** `--impl src-interpreter`: the interpreter only (SVM_TIER=never for this implementation only). */
export const srcInterpreterImplementation: Implementation = { ...srcImplementationWithTier("never"), name: "src-interpreter" };
