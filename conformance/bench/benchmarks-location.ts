/**
 * Where the ipsilon/evm-benchmarks suite is: `--benchmarks DIR` when given, else the
 * SVM_BENCH_DIR environment variable, else `../shared/bench/evm-benchmarks` beside the checkout,
 * used only when it exists.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export class BenchmarksNotFoundError extends Error {
  readonly code = "BENCHMARKS_NOT_FOUND";
}

/** The checkout's root: the nearest folder above this module holding package.json (works from dist/ too). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new BenchmarksNotFoundError("cannot find the project root (no package.json above this module)");
    dir = parent;
  }
  return dir;
}

function checkedFolder(path: string, from: string): string {
  const absolute = resolve(path);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new BenchmarksNotFoundError(`benchmarks folder ${absolute} (from ${from}) does not exist`);
  }
  return absolute;
}

export function benchmarksRoot(flag?: string): string {
  if (flag !== undefined && flag !== "") return checkedFolder(flag, "--benchmarks");
  const env = process.env.SVM_BENCH_DIR;
  if (env !== undefined && env !== "") return checkedFolder(env, "SVM_BENCH_DIR");
  const beside = resolve(projectRoot(), "../shared/bench/evm-benchmarks");
  if (existsSync(beside)) return beside;
  throw new BenchmarksNotFoundError("benchmarks not found: pass --benchmarks DIR or set SVM_BENCH_DIR to an evm-benchmarks checkout");
}
