/**
 * Loading a Solidity file and everything it imports, named the way solc names source units
 * (Solidity docs, "Import Path Resolution"): the entry file by its path relative to the project
 * root; a relative import (`./`, `../`) against the importing unit's directory; then the import
 * remappings. A unit is read from the root, then from the include paths (solc's
 * `--include-path`: a project's library folders), or, for `ds-test/…`, `forge-std/…` and `svm/…`
 * names the project does not provide, from the built-in sources.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, posix, relative, resolve, sep } from "node:path";
import type { ReadCallback } from "./compilers.js";
import { compileFailure } from "./errors.js";
import { applyRemappings, type Remapping } from "./remapping.js";
import { shimSource } from "./std/shims.js";
import { importPaths } from "./sourceScan.js";

export interface SourceGraph {
  /** Unit name of the file that was asked for. */
  readonly entry: string;
  /** Unit name → source text, for every unit reachable from the entry that could be read. */
  readonly sources: ReadonlyMap<string, string>;
  /** Reads a unit solc asks for that the scan did not find (it should not happen, but solc decides). */
  readonly read: ReadCallback;
  /** Unit name → the built-in source served for it, when the remapped file does not exist. */
  readonly substituted: ReadonlyMap<string, string>;
}

const toPosix = (path: string) => path.split(sep).join("/");

/** The unit name of a file on disk: relative to the root when inside it, absolute otherwise. */
export function unitNameOf(file: string, root: string): string {
  const absolute = resolve(file);
  const inside = relative(resolve(root), absolute);
  return inside.startsWith("..") || isAbsolute(inside) ? toPosix(absolute) : toPosix(inside);
}

/** The unit name an import path in `importer` refers to. */
export function resolveImport(importer: string, path: string, remappings: readonly Remapping[]): string {
  const relativeImport = path.startsWith("./") || path.startsWith("../");
  const name = relativeImport ? posix.normalize(posix.join(posix.dirname(importer), path)) : path;
  return applyRemappings(remappings, name, importer);
}

/** Where a unit is looked for: the root first, then the include paths, in order. */
export interface SearchPath {
  readonly root: string;
  readonly includePaths: readonly string[];
}

function readUnit(unitName: string, search: SearchPath): string | undefined {
  const candidates = unitName.startsWith("/") ? [unitName] : [search.root, ...search.includePaths].map((folder) => resolve(folder, unitName));
  for (const onDisk of candidates) if (existsSync(onDisk) && statSync(onDisk).isFile()) return readFileSync(onDisk, "utf8");
  return shimSource(unitName);
}

/** Reads the entry file and, transitively, every import that resolves to a readable unit. */
export function loadSourceGraph(file: string, search: SearchPath, remappings: readonly Remapping[]): SourceGraph {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw compileFailure("INPUT", "InputError", `no such file: ${file}`);
  }
  return sourceGraphOf(unitNameOf(file, search.root), readFileSync(file, "utf8"), search, remappings);
}

/**
 * The built-in source to use for an import the project cannot provide: the import path itself when
 * it names a built-in (`forge-std/Test.sol` remapped to a `lib/forge-std/src/` that is not
 * installed), or, inside a unit that is itself a built-in, the path relative to that built-in.
 */
function substituteShim(importer: string | undefined, path: string): string | undefined {
  const relativeImport = path.startsWith("./") || path.startsWith("../");
  const name = relativeImport ? (importer === undefined ? undefined : resolveImport(importer, path, [])) : path;
  return name !== undefined && shimSource(name) !== undefined ? name : undefined;
}

/** The import graph of a source given as text, named `entry`; its imports are read as for a file. */
export function sourceGraphOf(entry: string, content: string, search: SearchPath, remappings: readonly Remapping[]): SourceGraph {
  const sources = new Map<string, string>([[entry, content]]);
  /** Units served from a built-in source although the remappings name another place. */
  const substituted = new Map<string, string>();
  const pending = [entry];
  for (let unit = pending.pop(); unit !== undefined; unit = pending.pop()) {
    for (const path of importPaths(sources.get(unit) as string)) {
      const name = resolveImport(unit, path, remappings);
      if (sources.has(name)) continue;
      let imported = readUnit(name, search);
      if (imported === undefined) {
        const shim = substituteShim(substituted.get(unit) ?? (shimSource(unit) === undefined ? undefined : unit), path);
        if (shim === undefined) continue;
        imported = shimSource(shim) as string;
        substituted.set(name, shim);
      }
      sources.set(name, imported);
      pending.push(name);
    }
  }
  const read: ReadCallback = (name) => {
    const text = sources.get(name) ?? readUnit(name, search);
    if (text === undefined) {
      const searched = [search.root, ...search.includePaths].join(", ");
      return { error: `not found in ${searched} (the import root${search.includePaths.length > 0 ? " and include paths" : ""}), and not a built-in ds-test/forge-std/svm source` };
    }
    return { contents: text };
  };
  return { entry, sources, read, substituted };
}

/** The remappings of `root/remappings.txt` (one per line, `#` comments), as Foundry reads them; none if absent. */
export function remappingsFile(root: string): string[] {
  const path = resolve(root, "remappings.txt");
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}
