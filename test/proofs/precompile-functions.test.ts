/**
 * Precompiles with symbolic input (issue 11): `fixtures/Precompiles.t.sol` calls SHA256, IDENTITY and
 * ECRECOVER with symbolic arguments. A property that holds for every answer of the uninterpreted
 * function passes; one that fails whatever the precompile answers fails with a counterexample that
 * replays on the spec; one that needs a chosen digest or a valid signature ends `unknown`, naming
 * the precompile, never `fail`; concrete input runs the precompile for real.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConcreteChain } from "../../proofs/concrete/chain.js";
import { checkContract } from "../../proofs/check.js";
import { concreteFailure, DEFAULT_OPTIONS, deploy, type Deployment, type PropertyResult } from "../../proofs/prove.js";
import { PANIC_ASSERT } from "../../proofs/failure.js";
import { solverPool } from "../../proofs/z3/context.js";
import { compileSource, resultOf } from "./support/check-source.js";

afterAll(() => solverPool().close());

const SOURCE = readFileSync(join(import.meta.dirname, "fixtures/Precompiles.t.sol"), "utf8");
const NAMES = [...SOURCE.matchAll(/function (prove_\w+)\(/g)].map((m) => m[1]!);

/** Replays a counterexample's call on the spec (real precompiles) and names the failure. */
function replayedFailure(deployment: Deployment, result: PropertyResult): string | undefined {
  const chain = new ConcreteChain(deployment.accounts, deployment.block, deployment.artifacts);
  const call = result.counterexample!.calls[0]!;
  return concreteFailure(chain.call(call.caller, deployment.address, call.calldata), [PANIC_ASSERT]);
}

describe("precompiles called with symbolic input", () => {
  let results: PropertyResult[];
  let deployment: Deployment;
  beforeAll(async () => {
    const { contract, known } = compileSource(SOURCE, "PrecompilesTest");
    const deployed = deploy(contract);
    if (typeof deployed === "string") throw new Error(deployed);
    deployment = deployed;
    results = await checkContract(contract, known, { ...DEFAULT_OPTIONS, timeoutMs: 10_000 });
  }, 60_000);

  it("checks every property of the fixture", () => {
    expect(results.map((r) => r.function.replace(/\(.*/, "")).sort()).toEqual([...NAMES].sort());
  });

  const expected: Record<string, { status: PropertyResult["status"]; precompile?: string }> = {
    prove_holds_balance_unchanged_unless_owner_signed: { status: "pass" },
    prove_holds_other_v_recovers_nothing: { status: "pass" },
    prove_holds_sha256_is_a_function: { status: "pass" },
    prove_holds_identity_echoes: { status: "pass" },
    prove_fails_whatever_sha256_answers: { status: "fail" },
    prove_fails_whatever_ecrecover_answers: { status: "fail" },
    prove_needs_sha256_preimage: { status: "unknown", precompile: "0x2 (SHA256)" },
    prove_needs_owner_signature: { status: "unknown", precompile: "0x1 (ECRECOVER)" },
    prove_concrete_sha256_abc: { status: "pass" },
    prove_concrete_sha256_wrong: { status: "fail" },
    prove_concrete_identity: { status: "pass" },
  };

  for (const name of NAMES) {
    it(`${name}: ${expected[name]?.status}`, () => {
      const result = resultOf(results, name);
      const want = expected[name]!;
      expect(result.status, result.reason ?? "").toBe(want.status);
      if (want.status === "fail") expect(replayedFailure(deployment, result)).toBe("Panic(0x01): assertion failed");
      if (want.precompile !== undefined) expect(result.reason).toContain(`depends on precompile ${want.precompile}`);
    });
  }
});
