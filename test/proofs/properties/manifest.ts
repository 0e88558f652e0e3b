/**
 * The property suite's manifest, validated, for any test that measures a checker against it
 * (this folder's replay, and the symbolic engine's own tests): every property with its expected
 * verdict, its failure kind and a counterexample. `SUITE_DIR` is the folder to compile from, with
 * itself as the root and no remappings (imports resolve to the built-in ds-test/forge-std).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as t from "io-ts";
import { type CompiledContract, compileSolidity } from "../../../src/compile/index.js";

export const SUITE_DIR = import.meta.dirname;

/** An ABI value as JSON holds it: integers as decimal strings, bytes as 0x hex; a subset of AbiInput. */
type JsonInput = string | number | boolean | readonly JsonInput[];

const Input: t.Type<JsonInput, unknown, unknown> = t.recursion("JsonInput", () =>
  t.union([t.string, t.number, t.boolean, t.readonlyArray(Input)]),
);

const Call = t.type({ target: t.string, function: t.string, args: t.readonlyArray(Input) });

const Entry = t.intersection([
  t.type({
    file: t.string,
    contract: t.string,
    /** Canonical signature, e.g. `prove_unsafe_div_by_zero(uint256,uint256)`. */
    function: t.string,
    expected: t.keyof({ pass: null, fail: null }),
  }),
  t.partial({
    /** `assertion`, `revert`, or `panic:0xNN`. */
    failure: t.string,
    counterexample: t.partial({ args: t.readonlyArray(Input), calls: t.readonlyArray(Call) }),
  }),
]);

export type ManifestEntry = t.TypeOf<typeof Entry>;

export function loadManifest(): ManifestEntry[] {
  const json = JSON.parse(readFileSync(join(SUITE_DIR, "manifest.json"), "utf8")) as { properties?: unknown };
  const decoded = t.array(Entry).decode(json.properties);
  if (decoded._tag === "Left") {
    const first = decoded.left[0];
    const path = first?.context.map((c) => c.key).filter((k) => k !== "").join(".");
    throw new Error(`manifest.json: invalid properties at ${path}: ${JSON.stringify(first?.value)}`);
  }
  return decoded.right;
}

/** The suite's Solidity files, sorted. */
export function suiteFiles(): string[] {
  return readdirSync(SUITE_DIR)
    .filter((f) => f.endsWith(".sol"))
    .sort();
}

export function compileSuiteFile(file: string): CompiledContract[] {
  return compileSolidity(join(SUITE_DIR, file), { root: SUITE_DIR, remappings: [] });
}
