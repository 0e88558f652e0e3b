/**
 * A fuzz campaign, spec ⇄ src with the compile tier forced on: generated scenarios (the fuzzer's
 * own generator, conformance/fuzz/scenario.ts) run untraced on both, since a traced run would take
 * the interpreter; outcomes are compared as `svm fuzz` compares them (state root, logs, gas used,
 * output, status class).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildScenario } from "../../conformance/fuzz/build.js";
import { compareOutcomes } from "../../conformance/fuzz/compare-outcomes.js";
import { scenarioArb } from "../../conformance/fuzz/scenario.js";
import type { CaseOutcome } from "../../interface/implementation.js";
import { specImplementation } from "../../conformance/impls/spec.js";
import { compileCacheStats } from "../../src/vm/compile/tier.js";
import { srcImplementationWithTier } from "../../src/vm/implementation.js";

const RUNS = Number(process.env.SVM_TIER_FUZZ_RUNS ?? 300);
const compiled = srcImplementationWithTier("always");

describe("fuzz: spec ⇄ src with SVM_TIER=always", () => {
  it(`agrees on ${RUNS} generated scenarios`, { timeout: 120_000 }, async () => {
    const before = compileCacheStats();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const { testCase } = buildScenario(scenario, `tier-fuzz-${run++}`);
        const a = (await specImplementation.runStateTest(testCase)) as CaseOutcome;
        const b = (await compiled.runStateTest(testCase)) as CaseOutcome;
        expect(compareOutcomes(a, b)).toEqual([]);
      }),
      { seed: 20261207, numRuns: RUNS },
    );
    const after = compileCacheStats();
    // The campaign exercised compiled code, not only the interpreter.
    expect(after.compiled).toBeGreaterThan(before.compiled);
  });
});
