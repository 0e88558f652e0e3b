/** Compiles a Solidity test contract from source and checks its properties through the proofs API. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkContract } from "../../../proofs/check.js";
import type { KnownContract } from "../../../proofs/invariants.js";
import { DEFAULT_OPTIONS, type PropertyContract, type PropertyResult, type ProveOptions } from "../../../proofs/prove.js";
import { functionsFor } from "../../../src/cli/prove.js";
import { compileSolidityProject } from "../../../src/compile/index.js";

/** The test contract `name` of `source`, and every contract compiled with it (for invariant targets). */
export function compileSource(source: string, name: string): { contract: PropertyContract; known: KnownContract[] } {
  const dir = mkdtempSync(join(tmpdir(), "svm-proofs-"));
  writeFileSync(join(dir, "T.t.sol"), source);
  const { contracts } = compileSolidityProject(join(dir, "T.t.sol"), { root: dir, remappings: [] });
  const test = contracts.find((c) => c.name === name);
  if (test === undefined) throw new Error(`no contract ${name}`);
  const artifacts = contracts.map((c) => ({ name: c.name, sourceName: c.sourceName, creation: c.creationBytecode }));
  const known: KnownContract[] = contracts
    .filter((c) => c.runtimeBytecode.length > 0)
    .map((c) => ({ name: c.name, runtime: c.runtimeBytecode, functions: functionsFor(c) }));
  return { contract: { name, creation: test.creationBytecode, functions: functionsFor(test), artifacts }, known };
}

/** Every property of the contract `name` in `source`, checked with the default options overridden by `options`. */
export async function checkSource(source: string, name: string, options: Partial<ProveOptions> = {}): Promise<PropertyResult[]> {
  const { contract, known } = compileSource(source, name);
  return checkContract(contract, known, { ...DEFAULT_OPTIONS, ...options });
}

/** The result of the property whose name starts with `prefix`. */
export function resultOf(results: readonly PropertyResult[], prefix: string): PropertyResult {
  const result = results.find((r) => r.function.startsWith(`${prefix}(`));
  if (result === undefined) throw new Error(`no result for ${prefix}: ${results.map((r) => r.function).join(", ")}`);
  return result;
}
