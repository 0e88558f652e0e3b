/**
 * Symbolic storage is sound (issue 9): with `symbolicStorage`, distinct keys of a mapping, slots of
 * a dynamic array, struct fields, packed halves and unrelated slots are independent unknowns
 * unless the code makes them equal. `fixtures/SymbolicStorage.t.sol` names its verdicts:
 * `prove_safe_…` must pass, `prove_unsafe_…` must fail with a counterexample whose initial
 * storage, set on the spec's concrete world, makes the call fail again.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConcreteChain } from "../../proofs/concrete/chain.js";
import { concreteFailure, deploy, type PropertyResult } from "../../proofs/prove.js";
import { PANIC_ASSERT } from "../../proofs/failure.js";
import { solverPool } from "../../proofs/z3/context.js";
import { checkSource, compileSource, resultOf } from "./support/check-source.js";

afterAll(() => solverPool().close());

const SOURCE = readFileSync(join(import.meta.dirname, "fixtures/SymbolicStorage.t.sol"), "utf8");
const NAMES = [...SOURCE.matchAll(/function (prove_\w+)\(/g)].map((m) => m[1]!);

/** The properties in groups, each checked in one run (a group's run stays within a few minutes on a loaded machine). */
const GROUPS: Record<string, RegExp> = {
  mappings: /^prove_(safe|unsafe)_(mapping|plain)_/,
  "mappings of mappings": /^prove_(safe|unsafe)_nested_/,
  "arrays, structs and packed slots": /^prove_(safe|unsafe)_(array|struct|packed)_/,
  "a contract setUp deployed": /^prove_(safe|unsafe)_(deployed|store)_/,
};

/** Time budget of one property: the safe nested-mapping ones need the solver for a while. */
const BUDGET_MS = 60_000;

describe("symbolic storage", () => {
  it("the groups cover every property of the fixture", () => {
    for (const name of NAMES) expect(Object.values(GROUPS).filter((group) => group.test(name)), name).toHaveLength(1);
  });

  for (const [group, pattern] of Object.entries(GROUPS)) {
    describe(group, () => {
      let results: PropertyResult[];
      const names = NAMES.filter((name) => pattern.test(name));

      it("checks every property of the group", { timeout: 290_000 }, async () => {
        results = await checkSource(SOURCE, "SymbolicStorageTest", { symbolicStorage: true, timeoutMs: BUDGET_MS, match: pattern });
        expect(results.map((r) => r.function.replace(/\(.*/, "")).sort()).toEqual([...names].sort());
      });

      for (const name of names) {
        const safe = name.startsWith("prove_safe_");
        it(`${name} ${safe ? "passes" : "fails, and its counterexample replays"}`, () => {
          const result = resultOf(results, name);
          const counterexample = JSON.stringify(result.counterexample, (_, v) => (typeof v === "bigint" ? `${v}` : v));
          expect(result.status, `${result.reason ?? ""} ${counterexample}`).toBe(safe ? "pass" : "fail");
          if (safe) return;
          // Independently of the engine: the counterexample's storage and call, replayed on the spec.
          expect(replayedFailure(result)).toBe("Panic(0x01): assertion failed");
        });
      }
    });
  }

  it("without symbolic storage the same properties start from setUp's storage (zero), and hold", { timeout: 120_000 }, async () => {
    const plain = await checkSource(SOURCE, "SymbolicStorageTest", { timeoutMs: 20_000, match: /prove_unsafe_(mapping_keys|plain_slot|deployed_mapping|packed)/ });
    expect(plain).toHaveLength(4);
    for (const result of plain) expect(result.status, result.function).toBe("pass");
  });
});

/** Deploys the fixture on the spec, sets the counterexample's storage, makes its call, and names the failure. */
function replayedFailure(result: PropertyResult): string | undefined {
  const deployment = deploy(compileSource(SOURCE, "SymbolicStorageTest").contract);
  if (typeof deployment === "string") throw new Error(deployment);
  const chain = new ConcreteChain(deployment.accounts, deployment.block, deployment.artifacts);
  for (const { address, slot, value } of result.counterexample!.storage ?? []) chain.accounts.get(address)!.storage.set(slot, value);
  const call = result.counterexample!.calls[0]!;
  return concreteFailure(chain.call(call.caller, deployment.address, call.calldata), [PANIC_ASSERT]);
}
