/**
 * The generator reaches the boundaries docs/fuzzing.md promises ("Boundaries", "Type-4
 * transactions", "Deep scenarios"): sweep tables hold the edge tuples the mutants of
 * src/mutants/catalogue.ts need, a deep scenario's call chain meets the 1024-frame limit, and
 * type-4 transactions carry authorizations that recover a signer's address and ones that do not.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildScenario } from "../../conformance/fuzz/build.js";
import { CanonicalTraceRecorder } from "../../conformance/fuzz/canonical-trace.js";
import { scenarioArbFor } from "../../conformance/fuzz/scenario.js";
import { SWEEP_TUPLES } from "../../conformance/fuzz/values.js";
import { FRESH_AUTHORITY, SIGNERS } from "../../conformance/fuzz/world.js";
import { specImplementation } from "../../conformance/impls/spec.js";
import { recoverAuthority } from "../../spec/transaction/authority.js";

const MAX = (1n << 256n) - 1n;
const MIN_SIGNED = 1n << 255n;

function sweeps(mnemonic: string, tuple: readonly bigint[]): boolean {
  return (SWEEP_TUPLES.get(mnemonic) ?? []).some((t) => t.length === tuple.length && t.every((v, i) => v === tuple[i]));
}

describe("boundary sweeps", () => {
  it.each([
    ["SHL", [255n, 1n]],
    ["SHL", [256n, 1n]],
    ["SHR", [255n, MIN_SIGNED]],
    ["SAR", [257n, MAX]],
    ["SIGNEXTEND", [30n, 1n << 247n]],
    ["SIGNEXTEND", [0n, 0x80n]],
    ["BYTE", [31n, 0xffn]],
    ["BYTE", [32n, MAX]],
    ["SDIV", [MIN_SIGNED, MAX]],
    ["SMOD", [MIN_SIGNED, 3n]],
    ["DIV", [MAX, (1n << 64n) - 1n]],
    ["SLT", [MIN_SIGNED, 1n]],
    ["SGT", [MIN_SIGNED, 0n]],
    ["EXP", [2n, 256n]],
    ["CLZ", [0n]],
    ["BLOCKHASH", [1000n - 256n]],
    ["BLOCKHASH", [1000n - 257n]],
  ] as const)("%s sweeps its edge tuple %#", (mnemonic, tuple) => {
    expect(sweeps(mnemonic, tuple)).toBe(true);
  });
});

describe("Prague and Osaka scenarios", () => {
  const scenarios = fc.sample(scenarioArbFor(["Prague", "Osaka"]), { seed: 14, numRuns: 150 });

  it("sign authorizations that recover a signer or the fresh authority, and broken ones that recover neither", () => {
    const known = new Set([...SIGNERS.map((s) => s.address), FRESH_AUTHORITY.address]);
    let recovered = 0;
    let broken = 0;
    for (const scenario of scenarios.filter((s) => s.tx.type === 4)) {
      const { transaction } = buildScenario(scenario, "auth");
      if (transaction.type !== 4) continue;
      for (const authorization of transaction.authorizationList) {
        const authority = recoverAuthority(authorization);
        if (authority !== undefined && known.has(authority)) recovered++;
        else broken++;
      }
    }
    expect(recovered).toBeGreaterThan(50);
    expect(broken).toBeGreaterThan(0);
  });

  it("delegate some signers already in the pre-state", () => {
    expect(scenarios.some((s) => s.delegations.some((d) => d !== null))).toBe(true);
  });
});

describe("deep scenarios", () => {
  it("call down to the 1024-frame limit: the deepest traced frame is the 1025th", () => {
    const [deep] = fc.sample(scenarioArbFor(["Cancun"]), { seed: 3, numRuns: 400 }).filter((s) => s.deep !== null && s.tx.nonceOffset === 0n);
    expect(deep).toBeDefined();
    const recorder = new CanonicalTraceRecorder();
    const outcome = specImplementation.runStateTest(buildScenario(deep!, "deep").testCase, { tracer: recorder });
    expect(outcome.kind).toBe("executed");
    expect(Math.max(...recorder.steps.map((step) => step.depth))).toBe(1025);
  });
});
