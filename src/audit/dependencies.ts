/**
 * Which files are dependencies rather than the project's own code, for `--exclude-dependencies`:
 * anything under `node_modules/`, under one of the project's library folders (foundry.toml's
 * `libs`, `lib/` by default: `forge install`'s folder), or under a remapping's target outside the audited folder (a remapped library, e.g.
 * `@oz/=deps/openzeppelin/` when auditing `src/`). Paths are relative to the import root; when the
 * root itself is audited every remapping points inside it, and only the first two rules apply.
 */
import { relative, resolve } from "node:path";
import { parseRemapping } from "../compile/remapping.js";

function normalise(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

function asFolder(path: string): string {
  const normal = normalise(path);
  return normal === "" || normal.endsWith("/") ? normal : `${normal}/`;
}

/**
 * The dependency test for files relative to the import root, given the remappings in force, the
 * audited folder (relative to the root; "" when the root itself is audited) and the library
 * folders (relative to the root, as src/compile/project.ts's layout names them).
 */
export function dependencyFilter(remappings: readonly string[], auditedFolder: string, libs: readonly string[]): (file: string) => boolean {
  const own = asFolder(auditedFolder);
  const libraryFolders = libs.map(asFolder).filter((folder) => folder !== "");
  const libraries = remappings
    .map((text) => asFolder(parseRemapping(text).target))
    .filter((folder) => own !== "" && !folder.startsWith(own));
  return (file) => {
    const path = normalise(file);
    const segments = path.split("/");
    if (segments.includes("node_modules")) return true;
    return [...libraryFolders, ...libraries].some((folder) => path.startsWith(folder));
  };
}

/**
 * The files to analyse as targets: those found under an audited folder that are not dependencies
 * (paths tested relative to the import root). A dependency is still compiled when a project file
 * imports it, as an import, never on its own: a library file that does not compile, or that only
 * another library needs, costs nothing and reports nothing. A file named as the target itself is
 * always kept.
 */
export function projectFiles(found: readonly string[], target: string, root: string, isDependency: (file: string) => boolean): string[] {
  return found.filter((file) => resolve(file) === resolve(target) || !isDependency(relative(resolve(root), resolve(file))));
}
