/**
 * Where the ethereum/tests vectors are: `--tests DIR` when given, else the SVM_TESTS_DIR
 * environment variable, else `../shared/conformance/ethereum-tests` beside the checkout (the
 * layout of this workplace and of CI), used only when it exists.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export class VectorsNotFoundError extends Error {
  readonly code = "VECTORS_NOT_FOUND";
}

/** The checkout's root: the nearest folder above this module holding package.json (works from dist/ too). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new VectorsNotFoundError("cannot find the project root (no package.json above this module)");
    dir = parent;
  }
  return dir;
}

function checkedFolder(path: string, from: string): string {
  const absolute = resolve(path);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new VectorsNotFoundError(`test vectors folder ${absolute} (from ${from}) does not exist`);
  }
  return absolute;
}

export function vectorsRoot(flag?: string): string {
  if (flag !== undefined && flag !== "") return checkedFolder(flag, "--tests");
  const env = process.env.SVM_TESTS_DIR;
  if (env !== undefined && env !== "") return checkedFolder(env, "SVM_TESTS_DIR");
  const beside = resolve(projectRoot(), "../shared/conformance/ethereum-tests");
  if (existsSync(beside)) return beside;
  throw new VectorsNotFoundError("test vectors not found: pass --tests DIR or set SVM_TESTS_DIR to an ethereum/tests checkout");
}

/**
 * Where the execution-spec-tests Prague/Osaka state-test fixtures are: the SVM_EEST_DIR
 * environment variable, else `../shared/conformance/eest-prague-osaka` beside the checkout;
 * undefined when neither exists. Relative paths are also looked up there, and files under it are
 * named relative to it (`state_tests/prague/...`), so their case ids do not depend on the
 * working directory.
 */
export function eestRoot(): string | undefined {
  const env = process.env.SVM_EEST_DIR;
  if (env !== undefined && env !== "") return checkedFolder(env, "SVM_EEST_DIR");
  const beside = resolve(projectRoot(), "../shared/conformance/eest-prague-osaka");
  return existsSync(beside) ? beside : undefined;
}
