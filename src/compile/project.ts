/**
 * Where a Solidity project stands, as Foundry lays it out: the root is the nearest folder above
 * the target holding `foundry.toml` (else `remappings.txt`, else `.git`); foundry.toml's
 * `[profile.default]` (or the profile FOUNDRY_PROFILE names, over it) names the `src`, `test` and
 * `libs` folders and `remappings`; `remappings.txt` adds more; each library folder `lib/<name>`
 * is remapped as `<name>/` (to its `src/` when it has one), as `forge remappings` detects them.
 * Used by `svm prove` and `svm audit`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { readFoundryProfile } from "./foundry-toml.js";
import { parseRemapping } from "./remapping.js";
import { remappingsFile } from "./sources.js";

/** What marks a project's root, in the order they are looked for. */
export const ROOT_MARKERS = ["foundry.toml", "remappings.txt", ".git"] as const;
export type RootMarker = (typeof ROOT_MARKERS)[number];

export interface ProjectLayout {
  /** Absolute: the folder imports are resolved against (solc's base path). */
  readonly root: string;
  /** What made `root` the root; undefined when it was given, or no marker was found above the target. */
  readonly marker: RootMarker | undefined;
  /** Folders relative to the root (Foundry's defaults when there is no foundry.toml). */
  readonly src: string;
  readonly test: string;
  readonly libs: readonly string[];
  /**
   * Every remapping in force, one per `context:prefix`: those given by the caller, then
   * foundry.toml's, then remappings.txt's, then the ones detected in the library folders.
   */
  readonly remappings: readonly string[];
  /** Absolute folders searched after the root for a non-relative import (solc's include paths): the libraries, then the target's own folder. */
  readonly includePaths: readonly string[];
}

export interface ProjectOptions {
  /** The root, when the caller names it (`--root`): no search for a marker. */
  readonly root?: string;
  /** Remappings given by the caller (`--remap`), which win over the project's. */
  readonly remappings?: readonly string[];
  /** The foundry.toml profile read over `default` (Foundry's FOUNDRY_PROFILE). */
  readonly profile?: string;
}

/** The nearest folder at or above `start` holding `marker`. */
function findUp(start: string, marker: RootMarker): string | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, marker))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

/** The project root above a file or folder, and what marks it; undefined when nothing does. */
export function findProjectRoot(target: string): { readonly root: string; readonly marker: RootMarker } | undefined {
  const absolute = resolve(target);
  const start = existsSync(absolute) && statSync(absolute).isDirectory() ? absolute : dirname(absolute);
  for (const marker of ROOT_MARKERS) {
    const root = findUp(start, marker);
    if (root !== undefined) return { root, marker };
  }
  return undefined;
}

const isFolder = (path: string) => existsSync(path) && statSync(path).isDirectory();

/**
 * The remappings of the library folders, as `forge remappings` detects them: a library's own
 * remappings.txt, its targets made relative to the project root (OpenZeppelin's
 * `@openzeppelin/contracts/=contracts/` becomes `…=lib/openzeppelin-contracts/contracts/`), then
 * `<name>/=<lib>/<name>/src/` (or `…/<name>/` without a src folder) for each library.
 */
function detectedRemappings(root: string, libs: readonly string[]): string[] {
  const own: string[] = [];
  const named: string[] = [];
  for (const lib of libs) {
    const folder = resolve(root, lib);
    if (!isFolder(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith(".") || !isFolder(join(folder, name))) continue;
      const base = `${lib.replace(/\/+$/, "")}/${name}/`;
      for (const text of remappingsFile(join(folder, name))) {
        const { context, prefix, target } = parseRemapping(text);
        if (context === "") own.push(`${prefix}=${base}${target.replace(/^\.\//, "")}`);
      }
      named.push(`${name}/=${isFolder(join(folder, name, "src")) ? `${base}src/` : base}`);
    }
  }
  return [...own, ...named];
}

/** The remappings in order of precedence, keeping the first of each `context:prefix`. */
function firstOfEach(remappings: readonly string[]): string[] {
  const seen = new Set<string>();
  return remappings.filter((text) => {
    const { context, prefix } = parseRemapping(text);
    const key = `${context}:${prefix}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The layout of the project `target` (a file or folder) belongs to. */
export function projectLayout(target: string, options: ProjectOptions = {}): ProjectLayout {
  const absolute = resolve(target);
  const targetFolder = isFolder(absolute) ? absolute : dirname(absolute);
  const found = options.root === undefined ? findProjectRoot(absolute) : undefined;
  const root = options.root !== undefined ? resolve(options.root) : (found?.root ?? targetFolder);
  const marker = found?.marker;
  const tomlPath = join(root, "foundry.toml");
  const profile = existsSync(tomlPath) ? readFoundryProfile(readFileSync(tomlPath, "utf8"), tomlPath, options.profile ?? "default") : {};
  const libs = profile.libs ?? ["lib"];
  const remappings = firstOfEach([
    ...(options.remappings ?? []),
    ...(profile.remappings ?? []),
    ...remappingsFile(root),
    ...detectedRemappings(root, libs),
  ]);
  const includePaths = [...libs.map((lib) => resolve(root, lib)).filter(isFolder), targetFolder].filter((folder) => folder !== root);
  return { root, marker, src: profile.src ?? "src", test: profile.test ?? "test", libs, remappings, includePaths: [...new Set(includePaths)] };
}

/** Whether a compile error is an import that could not be found (solc's "Source … not found"). */
export function missingImport(message: string): boolean {
  return /Source "[^"]*" not found/.test(message);
}
