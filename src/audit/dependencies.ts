/**
 * Which files are dependencies rather than the project's own code, for `--exclude-dependencies`:
 * anything under `node_modules/`, under a top-level `lib/` (Foundry's `forge install` folder), or
 * under a remapping's target outside the audited folder (a remapped library, e.g.
 * `@oz/=deps/openzeppelin/` when auditing `src/`). Paths are relative to the import root; when the
 * root itself is audited every remapping points inside it, and only the first two rules apply.
 */
import { parseRemapping } from "../compile/remapping.js";

function normalise(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

function asFolder(path: string): string {
  const normal = normalise(path);
  return normal === "" || normal.endsWith("/") ? normal : `${normal}/`;
}

/**
 * The dependency test for files relative to the import root, given the remappings in force and
 * the audited folder (relative to the root; "" when the root itself is audited).
 */
export function dependencyFilter(remappings: readonly string[], auditedFolder: string): (file: string) => boolean {
  const own = asFolder(auditedFolder);
  const libraries = remappings
    .map((text) => asFolder(parseRemapping(text).target))
    .filter((folder) => own !== "" && !folder.startsWith(own));
  return (file) => {
    const path = normalise(file);
    const segments = path.split("/");
    if (segments.includes("node_modules") || segments[0] === "lib") return true;
    return libraries.some((folder) => path.startsWith(folder));
  };
}
