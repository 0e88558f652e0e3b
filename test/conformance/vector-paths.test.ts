/** How a relative vector path is found: the working directory first, then each base folder in order. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { VectorPathError, resolveVectorPath, stateTestFiles } from "../../conformance/state-tests/files.js";

let root: string;
const cwd = process.cwd();

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "svm-paths-"));
  for (const folder of ["work", "suite/sub", "vectors/sub"]) mkdirSync(join(root, folder), { recursive: true });
  writeFileSync(join(root, "work/a.json"), "{}");
  writeFileSync(join(root, "suite/a.json"), "{}");
  writeFileSync(join(root, "suite/sub/b.json"), "{}");
  writeFileSync(join(root, "vectors/sub/b.json"), "{}");
  writeFileSync(join(root, "vectors/c.json"), "{}");
});
afterEach(() => process.chdir(cwd));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("resolveVectorPath", () => {
  it("prefers the working directory, then the bases in order", () => {
    process.chdir(join(root, "work"));
    const bases = [join(root, "suite"), join(root, "vectors")];
    expect(resolveVectorPath("a.json", bases)).toBe(join(root, "work/a.json"));
    expect(resolveVectorPath("sub/b.json", bases)).toBe(join(root, "suite/sub/b.json"));
    expect(resolveVectorPath("c.json", bases)).toBe(join(root, "vectors/c.json"));
  });

  it("names every folder it looked in when the path is nowhere", () => {
    process.chdir(join(root, "work"));
    const bases = [join(root, "suite"), join(root, "vectors")];
    expect(() => resolveVectorPath("d.json", bases)).toThrow(VectorPathError);
    expect(() => resolveVectorPath("d.json", bases)).toThrow(`no such file or folder: d.json (looked in ${join(root, "work")}, ${bases.join(", ")})`);
  });

  it("names a file found in a base relative to that base", () => {
    process.chdir(join(root, "work"));
    const bases = [join(root, "suite"), join(root, "vectors")];
    expect(stateTestFiles(["c.json", "sub"], bases).map((f) => f.fileId)).toEqual(["c.json", "sub/b.json"]);
  });
});
