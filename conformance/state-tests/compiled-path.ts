/**
 * Worker threads run compiled JavaScript only. When the runner itself runs from the TypeScript
 * sources (under vitest), the modules handed to workers are taken from the build in dist/.
 */
import { existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export class CompiledModuleMissingError extends Error {
  readonly code = "COMPILED_MODULE_MISSING";
}

function projectRoot(from: string): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new CompiledModuleMissingError(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/**
 * The compiled JS file of the module `name` in the folder of `baseUrl` (an `import.meta.url`):
 * `<folder>/<name>.js` when `baseUrl` is JavaScript, else the counterpart of `<folder>/<name>.ts`
 * under dist/.
 */
export function compiledSibling(baseUrl: string, name: string): string {
  const base = fileURLToPath(baseUrl);
  let compiled = join(dirname(base), `${name}.js`);
  if (base.endsWith(".ts")) {
    const root = projectRoot(base);
    compiled = join(root, "dist", relative(root, dirname(base)), `${name}.js`);
  }
  if (!existsSync(compiled)) throw new CompiledModuleMissingError(`${compiled} is missing: build first (npx tsc -p .)`);
  return compiled;
}
