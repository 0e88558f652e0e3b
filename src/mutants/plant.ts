/**
 * A scratch copy of the compiled tree in a temporary directory, in which one mutant at a time is
 * planted in dist/src/vm and removed again. The working tree is never touched: the copy gets
 * its own package.json (for ESM) and a link to node_modules.
 */
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Mutant } from "./catalogue.js";

/** A mutant whose text is not found exactly once: src/vm changed under the catalogue. */
export class MutantPatchError extends Error {
  readonly code = "MUTANT_PATCH";
}

export function occurrences(text: string, find: string): number {
  let count = 0;
  for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + 1)) count++;
  return count;
}

/** The patched text of `original`, or a MutantPatchError when `find` does not occur exactly once. */
export function patchText(mutant: Mutant, original: string): string {
  const count = occurrences(original, mutant.find);
  if (count !== 1) throw new MutantPatchError(`mutant ${mutant.name}: '${mutant.find}' occurs ${count} times in dist/src/vm/${mutant.file}, expected once`);
  return original.replace(mutant.find, () => mutant.replace);
}

export class ScratchTree {
  readonly root: string;

  /** Copies `repoRoot`'s dist/ and package.json; links its node_modules. */
  constructor(repoRoot: string) {
    this.root = mkdtempSync(join(tmpdir(), "svm-mutants-"));
    try {
      cpSync(join(repoRoot, "dist"), join(this.root, "dist"), { recursive: true });
      cpSync(join(repoRoot, "package.json"), join(this.root, "package.json"));
      symlinkSync(realpathSync(join(repoRoot, "node_modules")), join(this.root, "node_modules"), "dir");
    } catch (error) {
      this.dispose();
      throw error;
    }
  }

  /** Plants `mutant`, runs `body` with the copy's root, and restores the file whatever happens. */
  async withMutant<T>(mutant: Mutant | null, body: (root: string) => Promise<T>): Promise<T> {
    if (mutant === null) return body(this.root);
    const path = join(this.root, "dist", "src", "vm", mutant.file);
    const original = readFileSync(path, "utf8");
    writeFileSync(path, patchText(mutant, original));
    try {
      return await body(this.root);
    } finally {
      writeFileSync(path, original);
    }
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
