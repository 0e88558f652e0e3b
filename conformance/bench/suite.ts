/**
 * The benchmark cases: every post entry of every file under `benchmarks/main` and
 * `benchmarks/micro` of evm-benchmarks, which are GeneralStateTests with London post states.
 * A file whose transaction has several inputs (blake2b_huff's short and long message) gives one
 * benchmark per input, named `group/file/d<i>`; a single-input file is just `group/file`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { decodeStateTestFile } from "../formats/state-tests.js";
import { isForkName, type StateTestCase } from "../../interface/implementation.js";
import { buildCase, listCases, type ExpectedOutcome } from "../state-tests/cases.js";

export const BENCHMARK_GROUPS = ["main", "micro"] as const;

export class BenchmarkFileError extends Error {
  readonly code = "BENCHMARK_FILE";
}

export interface Benchmark {
  /** `main/snailtracer`, `micro/signextend/d1`. */
  readonly name: string;
  readonly testCase: StateTestCase;
  /** The post state the suite records, to check every implementation against. */
  readonly expected: ExpectedOutcome;
}

function benchmarksOfFile(path: string, group: string): Benchmark[] {
  const decoded = decodeStateTestFile(readFileSync(path, "utf8"));
  if (!decoded.ok) throw new BenchmarkFileError(`${path}: ${decoded.error}`);
  const file = basename(path, ".json");
  const refs = listCases(`${group}/${file}.json`, decoded.tests).filter((ref) => isForkName(ref.fork));
  return refs.map((ref) => {
    const fork = ref.fork;
    if (!isForkName(fork)) throw new BenchmarkFileError(`${path}: unknown fork ${fork}`);
    const { testCase, expected } = buildCase(ref, fork, decoded.tests.get(ref.testName)!);
    const input = ref.id.slice(ref.id.lastIndexOf("::") + 2).replace(/g\d+v\d+$/, "");
    return { name: refs.length === 1 ? `${group}/${file}` : `${group}/${file}/${input}`, testCase, expected };
  });
}

/** Every benchmark under `root/benchmarks/{main,micro}` whose name matches `filter`, in name order per group. */
export function loadBenchmarks(root: string, filter?: RegExp): Benchmark[] {
  const benchmarks: Benchmark[] = [];
  for (const group of BENCHMARK_GROUPS) {
    const folder = join(root, "benchmarks", group);
    const files = readdirSync(folder).filter((name) => name.endsWith(".json")).sort();
    for (const name of files) benchmarks.push(...benchmarksOfFile(join(folder, name), group));
  }
  return filter === undefined ? benchmarks : benchmarks.filter((b) => filter.test(b.name));
}
