/**
 * The layers of docs/architecture.md, read from the imports themselves: a relative import that
 * crosses into a folder its layer may not see fails here, naming the file and the import.
 * The point of two implementations is their independence (src/vm never sees spec/, spec/ never
 * sees src/), and the implementation contract stands on the ground floor, importing nothing.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

/** A layer (a top-level folder, or a folder of `src/`) → the layers its relative imports may reach besides itself. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  interface: [],
  spec: [],
  "src/vm": ["interface"],
  conformance: ["interface", "spec"],
  proofs: ["interface", "spec", "conformance"],
  "src/keys": [],
  "src/audit": ["interface", "spec", "conformance", "proofs", "src/vm", "src/compile", "src/abi"],
};

function layerOf(file: string): string {
  const rel = relative(ROOT, file);
  const [top, second] = rel.split("/");
  return top === "src" ? `src/${second}` : (top ?? "");
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** Every relative module specifier of a file: static imports, re-exports and `import("…")`. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)];
  return found.map((m) => m[1] as string);
}

function crossings(layer: string): string[] {
  const allowed = new Set([layer, ...(MAY_IMPORT[layer] ?? [])]);
  return sourceFiles(join(ROOT, layer)).flatMap((file) =>
    relativeImports(file)
      .filter((spec) => !allowed.has(layerOf(resolve(dirname(file), spec))))
      .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
  );
}

describe("the layers of docs/architecture.md", () => {
  for (const layer of Object.keys(MAY_IMPORT)) {
    it(`${layer}/ imports only ${[layer, ...(MAY_IMPORT[layer] ?? [])].join(", ")}`, () => {
      expect(crossings(layer)).toEqual([]);
    });
  }

  it("reads real imports (the check is not vacuous)", () => {
    expect(relativeImports(join(ROOT, "src/vm/implementation.ts")).length).toBeGreaterThan(0);
  });
});
