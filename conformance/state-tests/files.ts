/**
 * Finding state-test files and naming them. A file's id (the first part of every case id) is
 * its path relative to the first base folder that contains it (the CLI passes
 * <vectors>/GeneralStateTests, then <vectors>), else relative to the working directory, always
 * with `/` separators, so ids are the same on every machine and usable in skip lists.
 */
import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

export class MissingPathError extends Error {
  readonly code = "MISSING_PATH";
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

/** Every *.json under the given files and folders (a file named explicitly is taken as is), deduplicated. */
export function findJsonFiles(paths: readonly string[]): string[] {
  const found = new Set<string>();
  for (const given of paths) {
    const path = resolve(given);
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new MissingPathError(`no such file or folder: ${given}`);
    }
    if (!isFolder) {
      found.add(path);
      continue;
    }
    const inFolder: string[] = [];
    collectJson(path, inFolder);
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
  return findJsonFiles(paths)
    .map((path) => ({ path, fileId: fileIdOf(path, bases) }))
    .sort((a, b) => (a.fileId < b.fileId ? -1 : a.fileId > b.fileId ? 1 : 0));
}
