/**
 * Finding vector files and naming them. A relative path given on the command line is looked up
 * in the working directory first, then in each base folder in order (the CLI passes the suite's
 * folder, e.g. <vectors>/GeneralStateTests, then <vectors>), so `svm trietest
 * TrieTests/trietest.json` works from any folder. A file's id (the first part of every case id)
 * is its path relative to the first base folder that contains it, else relative to the working
 * directory, always with `/` separators, so ids are the same on every machine and usable in skip
 * lists.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

/** A path given on the command line that does not exist or whose folder cannot be read. */
export class VectorPathError extends Error {
  readonly code = "VECTOR_PATH";
}

export interface StateTestFileRef {
  /** Absolute path. */
  readonly path: string;
  readonly fileId: string;
}

function collectJson(folder: string, out: string[]): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) collectJson(path, out);
    else if (entry.isFile() && entry.name.endsWith(".json")) out.push(path);
  }
}

/** `given` as an absolute path: as is when absolute, else the first of cwd/given, base/given… that exists. */
export function resolveVectorPath(given: string, bases: readonly string[] = []): string {
  if (isAbsolute(given)) {
    if (existsSync(given)) return resolve(given);
    throw new VectorPathError(`no such file or folder: ${given}`);
  }
  const folders = [process.cwd(), ...bases.map((base) => resolve(base))];
  const found = folders.map((folder) => resolve(folder, given)).find((path) => existsSync(path));
  if (found !== undefined) return found;
  throw new VectorPathError(`no such file or folder: ${given} (looked in ${[...new Set(folders)].join(", ")})`);
}

/**
 * Every *.json under the given files and folders (a file named explicitly is taken as is),
 * deduplicated; relative paths are resolved with resolveVectorPath.
 */
export function findJsonFiles(paths: readonly string[], bases: readonly string[] = []): string[] {
  const found = new Set<string>();
  for (const given of paths) {
    const path = resolveVectorPath(given, bases);
    if (!statSync(path).isDirectory()) {
      found.add(path);
      continue;
    }
    const inFolder: string[] = [];
    try {
      collectJson(path, inFolder);
    } catch (error) {
      throw new VectorPathError(`cannot read the folder ${given}: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const file of inFolder) found.add(file);
  }
  return [...found];
}

function inside(base: string, path: string): string | undefined {
  const rel = relative(base, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : undefined;
}

export function fileIdOf(path: string, bases: readonly string[]): string {
  const absolute = resolve(path);
  const rel = bases.map((base) => inside(resolve(base), absolute)).find((r) => r !== undefined) ?? relative(process.cwd(), absolute);
  return rel.split(sep).join("/");
}

/** The files under `paths` with their ids, sorted by id (code-unit order) so runs are deterministic. */
export function stateTestFiles(paths: readonly string[], bases: readonly string[]): StateTestFileRef[] {
  return findJsonFiles(paths, bases)
    .map((path) => ({ path, fileId: fileIdOf(path, bases) }))
    .sort((a, b) => (a.fileId < b.fileId ? -1 : a.fileId > b.fileId ? 1 : 0));
}
