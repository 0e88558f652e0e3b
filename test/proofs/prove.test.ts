/**
 * The symbolic engine against the property suite (test/proofs/properties, manifest.json): every
 * unsafe property must fail with a counterexample that replayed concretely, and no safe property
 * may fail (pass or unknown are both acceptable for it). Each property gets SVM_PROVE_TIMEOUT
 * seconds (default 20; invariants twice that).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deploy, type Deployment, type PropertyContract, type PropertyResult, propertyKind, proveFunction, DEFAULT_OPTIONS } from "../../proofs/prove.js";
import { invariantTargets, type KnownContract, proveInvariant } from "../../proofs/invariants.js";
import { z3, z3Runtime } from "../../proofs/z3/context.js";
import { functionsFor } from "../../src/cli/prove.js";
import type { CompiledContract } from "../../src/compile/index.js";
import { compileSuiteFile, loadManifest, type ManifestEntry } from "./properties/manifest.js";

const TIMEOUT_SECONDS = Number(process.env.SVM_PROVE_TIMEOUT ?? "20");
// The manifest states verdicts in forge's convention: every revert of a property call fails it.
const OPTIONS = { ...DEFAULT_OPTIONS, panics: "any-revert" as const, timeoutMs: TIMEOUT_SECONDS * 1000 };
const manifest = loadManifest();
const files = [...new Set(manifest.map((entry) => entry.file))].sort();

beforeAll(async () => {
  await z3();
});

afterAll(async () => {
  await z3Runtime().shutdown();
});

async function check(entry: ManifestEntry, compiled: readonly CompiledContract[], deployments: Map<string, Deployment | string>): Promise<PropertyResult> {
  const test = compiled.find((c) => c.sourceName === entry.file && c.name === entry.contract);
  if (test === undefined) throw new Error(`${entry.file} has no contract ${entry.contract}`);
  const contract: PropertyContract = { name: test.name, creation: test.creationBytecode, functions: functionsFor(test) };
  let deployment = deployments.get(entry.contract);
  if (deployment === undefined) deployments.set(entry.contract, (deployment = deploy(contract)));
  if (typeof deployment === "string") throw new Error(`${entry.contract}: ${deployment}`);
  const fn = contract.functions.find((f) => f.signature === entry.function);
  if (fn === undefined) throw new Error(`${entry.contract} has no function ${entry.function}`);
  if (propertyKind(fn.name) === "prove") return proveFunction(contract, deployment, fn, OPTIONS);
  const known: KnownContract[] = compiled
    .filter((c) => c.runtimeBytecode.length > 0)
    .map((c) => ({ name: c.name, runtime: c.runtimeBytecode, functions: functionsFor(c) }));
  const targets = invariantTargets(contract, deployment, known);
  if (typeof targets === "string") throw new Error(targets);
  // Invariants explore every call sequence up to the depth: they get twice the budget.
  return proveInvariant(contract, deployment, fn, targets, { ...OPTIONS, timeoutMs: 2 * OPTIONS.timeoutMs });
}

for (const file of files) {
  describe(file, () => {
    let compiled: CompiledContract[] = [];
    const deployments = new Map<string, Deployment | string>();
    beforeAll(() => {
      compiled = compileSuiteFile(file);
    });

    for (const entry of manifest.filter((e) => e.file === file)) {
      it(
        `${entry.contract}.${entry.function} is ${entry.expected === "fail" ? "refuted" : "never refuted"}`,
        async () => {
          const result = await check(entry, compiled, deployments);
          if (entry.expected === "fail") {
            expect(result.status, result.reason).toBe("fail");
            expect(result.counterexample?.calls.length).toBeGreaterThan(0);
            expect(result.counterexample?.failure).toBeTruthy();
          } else {
            expect(result.status, JSON.stringify(result.counterexample, (_, v) => (typeof v === "bigint" ? v.toString() : v))).not.toBe("fail");
          }
        },
        (TIMEOUT_SECONDS + 60) * 1000 * 3,
      );
    }
  });
}
