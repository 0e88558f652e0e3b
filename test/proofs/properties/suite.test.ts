/**
 * The property suite stays compilable, its manifest stays in step with its sources, and every
 * expected verdict is checked by concrete replay on a peer EVM: unsafe properties fail on their
 * written counterexample in the stated way; safe ones hold on sampled inputs and call sequences.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type AbiFunction, findFunction, functionsOf, parseSignature, signatureOf } from "../../../src/abi/index.js";
import type { CompiledContract } from "../../../src/compile/index.js";
import { callTarget, type Deployed, deploy, getterAddress, runProperty, targets } from "./concrete.js";
import { abiValues } from "../../abi/arbitraries.js";
import { compileSuiteFile, loadManifest, type ManifestEntry, SUITE_DIR, suiteFiles } from "./manifest.js";

const SUITE = SUITE_DIR;
const manifest = { properties: loadManifest() };
const files = suiteFiles();
const compiled = new Map<string, CompiledContract[]>();
const isProperty = (name: string) => /^(prove|check|invariant)_/.test(name);
const label = (e: ManifestEntry) => `${e.contract}.${e.function}`;

beforeAll(() => {
  for (const file of files) compiled.set(file, compileSuiteFile(file));
});

function contractOf(entry: ManifestEntry): CompiledContract {
  const contract = compiled.get(entry.file)?.find((c) => c.sourceName === entry.file && c.name === entry.contract);
  if (contract === undefined) throw new Error(`${entry.file} has no contract ${entry.contract}`);
  return contract;
}

describe("property suite sources", () => {
  it("compiles every file", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) expect(compiled.get(file)?.length, file).toBeGreaterThan(0);
  });

  it("lists every property in the manifest and nothing else", () => {
    const declared = files.flatMap((file) =>
      (compiled.get(file) ?? [])
        .filter((c) => c.sourceName === file)
        .flatMap((c) => functionsOf(c.abi).filter((f) => isProperty(f.name)).map((f) => `${file}:${c.name}.${signatureOf(f)}`)),
    );
    const listed = manifest.properties.map((e) => `${e.file}:${e.contract}.${e.function}`);
    expect([...listed].sort()).toEqual([...declared].sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBeGreaterThanOrEqual(30);
  });

  it("names say the verdict, and every unsafe property documents its counterexample", () => {
    for (const entry of manifest.properties) {
      const name = parseSignature(entry.function).name;
      expect(name, label(entry)).toMatch(entry.expected === "pass" ? /^(prove|check|invariant)_safe_/ : /^(prove|check|invariant)_unsafe_/);
      if (entry.expected === "fail") {
        expect(entry.failure, label(entry)).toMatch(/^(assertion|revert|panic:0x[0-9a-f]{2})$/);
        expect(entry.counterexample, label(entry)).toBeDefined();
        const source = readFileSync(join(SUITE, entry.file), "utf8");
        const doc = new RegExp(`/// counterexample: [^\\n]+\\n\\s*function ${name}\\(`);
        expect(source, `${label(entry)} needs a '/// counterexample:' line right above it`).toMatch(doc);
      }
    }
  });
});

describe("verdicts, replayed concretely", () => {
  const deployments = new Map<string, Promise<Deployed>>();
  const deployed = (entry: ManifestEntry) => {
    const key = `${entry.file}:${entry.contract}`;
    if (!deployments.has(key)) deployments.set(key, deploy(contractOf(entry)));
    return deployments.get(key) as Promise<Deployed>;
  };

  for (const entry of manifest.properties.filter((e) => e.function.startsWith("prove_") || e.function.startsWith("check_"))) {
    it(`${label(entry)} ${entry.expected === "fail" ? `fails (${entry.failure}) on its counterexample` : "holds on sampled inputs"}`, async () => {
      const d = await deployed(entry);
      const fn = findFunction(contractOf(entry).abi, entry.function);
      if (entry.expected === "fail") {
        expect(await runProperty(d, fn, entry.counterexample?.args ?? [])).toBe(entry.failure);
        return;
      }
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(abiValues(fn.inputs.map((i) => i.type)), async (args) => {
          const outcome = await runProperty(d, fn, args);
          if (outcome !== "rejected") accepted++;
          return outcome === "pass" || outcome === "rejected";
        }),
        { numRuns: fn.inputs.length === 0 ? 1 : 30 },
      );
      expect(accepted, "vm.assume rejected every sampled input").toBeGreaterThan(0);
    });
  }

  for (const entry of manifest.properties.filter((e) => e.function.startsWith("invariant_"))) {
    const invariant = parseSignature(entry.function);
    it(`${label(entry)} ${entry.expected === "fail" ? "breaks after its counterexample calls" : "holds over random call sequences"}`, async () => {
      const d = await deployed(entry);
      expect(await runProperty(d, invariant, []), "after setUp").toBe("pass");
      if (entry.expected === "fail") {
        await d.evm.stateManager.checkpoint();
        try {
          for (const step of entry.counterexample?.calls ?? []) {
            const target = await getterAddress(d, step.target);
            expect(await callTarget(d, target, parseSignature(step.function), step.args), step.function).toBe(true);
          }
          expect(await runProperty(d, invariant, [])).toBe(entry.failure);
        } finally {
          await d.evm.stateManager.revert();
        }
        return;
      }
      const targetList = await targets(d, compiled.get(entry.file) ?? []);
      expect(targetList.length).toBeGreaterThan(0);
      const actions = targetList.flatMap(({ address, contract }) =>
        functionsOf(contract.abi)
          .filter((f) => f.stateMutability !== "view" && f.stateMutability !== "pure")
          .map((fn) => ({ address, fn })),
      );
      const step = fc.nat({ max: actions.length - 1 }).chain((i) => {
        const action = actions[i] as { address: (typeof targetList)[number]["address"]; fn: AbiFunction };
        return abiValues(action.fn.inputs.map((p) => p.type)).map((args) => ({ ...action, args }));
      });
      let successfulCalls = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (sequence) => {
          await d.evm.stateManager.checkpoint();
          try {
            for (const { address, fn, args } of sequence) {
              if (!(await callTarget(d, address, fn, args))) continue;
              successfulCalls++;
              if ((await runProperty(d, invariant, [])) !== "pass") return false;
            }
            return true;
          } finally {
            await d.evm.stateManager.revert();
          }
        }),
        { numRuns: 25 },
      );
      expect(successfulCalls, "no sampled call to a target succeeded").toBeGreaterThan(0);
    });
  }
});
