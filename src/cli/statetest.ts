/**
 * `svm statetest`: runs ethereum/tests GeneralStateTests on an implementation and reports every
 * failing case, then `N passed, M failed, K skipped`. Exit code 1 when a case failed, 2 on a
 * usage error. The rules it applies are in docs/conformance.md.
 */
import { join } from "node:path";
import { FORK_NAMES, isForkName, type ForkName } from "../../conformance/implementation.js";
import { MissingPathError, stateTestFiles, type StateTestFileRef } from "../../conformance/state-tests/files.js";
import { CompiledModuleMissingError, compiledSibling } from "../../conformance/state-tests/compiled-path.js";
import { writeJsonReport } from "../../conformance/state-tests/json-report.js";
import { ImplementationUnavailableError, loadFromRegistry } from "../../conformance/state-tests/load-implementation.js";
import { StatusLine } from "../../conformance/state-tests/progress.js";
import { summaryLine } from "../../conformance/state-tests/result.js";
import { runStateTests, type StateTestRunReport } from "../../conformance/state-tests/runner.js";
import { parseShard, ShardSyntaxError, type Shard } from "../../conformance/state-tests/shard.js";
import { LineFile } from "../../conformance/trace/line-file.js";
import { vectorsRoot, VectorsNotFoundError } from "../../conformance/vectors-location.js";
import { type Command, InputError, UsageError } from "./command.js";
import { implementations } from "./implementations.js";
import { splitFlags } from "./split-flags.js";

const help = `Usage: svm statetest [files or folders...] --impl NAME [options]

Runs GeneralStateTests (default: <vectors>/GeneralStateTests, every *.json below it).

Options:
  --impl NAME       implementation to run: ${Object.keys(implementations).join(", ")} (required)
  --fork NAME       only this fork's cases (${FORK_NAMES.join(", ")})
  --filter REGEX    only cases whose id matches (ids: file.json::test::Fork::d<i>g<j>v<k>)
  --workers N       worker threads (default: 1 for few cases, else one per core)
  --shard I/N       only shard I of N (round-robin over the sorted, selected cases)
  --json FILE       write every case's result as JSON
  --trace FILE      write EIP-3155 trace lines (forces 1 worker)
  --tests DIR       ethereum/tests checkout (default: $SVM_TESTS_DIR, else ../shared/conformance/ethereum-tests)
  --verbose         also list skipped cases and notes on passing cases

Example:
  svm statetest --impl spec --fork Cancun --filter 'stExample/' --workers 2`;

interface StateTestArgs {
  readonly paths: string[];
  readonly impl: string;
  readonly fork?: ForkName;
  readonly filter?: RegExp;
  readonly workers?: number;
  readonly shard?: Shard;
  readonly json?: string;
  readonly trace?: string;
  readonly tests?: string;
  readonly verbose: boolean;
}

const VALUE_FLAGS = new Set(["--impl", "--fork", "--filter", "--workers", "--shard", "--json", "--trace", "--tests"]);

function parseArgs(args: readonly string[]): StateTestArgs {
  const { values, verbose, paths } = splitFlags(args, VALUE_FLAGS);
  const impl = values.get("--impl");
  if (impl === undefined) throw new UsageError(`--impl is required (one of: ${Object.keys(implementations).join(", ")})`);
  if (!Object.hasOwn(implementations, impl)) {
    throw new UsageError(`unknown implementation '${impl}' (one of: ${Object.keys(implementations).join(", ")})`);
  }
  const fork = values.get("--fork");
  if (fork !== undefined && !isForkName(fork)) throw new UsageError(`unknown fork '${fork}' (one of: ${FORK_NAMES.join(", ")})`);
  const filterText = values.get("--filter");
  let filter: RegExp | undefined;
  if (filterText !== undefined) {
    try {
      filter = new RegExp(filterText);
    } catch (error) {
      throw new UsageError(`--filter: ${(error as Error).message}`);
    }
  }
  const workersText = values.get("--workers");
  const workers = workersText === undefined ? undefined : Number(workersText);
  if (workers !== undefined && (!Number.isSafeInteger(workers) || workers < 1)) {
    throw new UsageError(`--workers expects a positive integer, got '${workersText}'`);
  }
  const shardText = values.get("--shard");
  let shard: Shard | undefined;
  if (shardText !== undefined) {
    try {
      shard = parseShard(shardText);
    } catch (error) {
      if (error instanceof ShardSyntaxError) throw new UsageError(error.message);
      throw error;
    }
  }
  return {
    paths: [...paths],
    impl,
    verbose,
    fork: fork as ForkName | undefined,
    filter,
    workers,
    shard,
    json: values.get("--json"),
    trace: values.get("--trace"),
    tests: values.get("--tests"),
  };
}

function printReport(report: StateTestRunReport, verbose: boolean): void {
  for (const r of report.results) {
    if (r.status === "fail") console.log(`FAIL ${r.id}: ${r.reason ?? ""}`);
    else if (verbose && r.status === "skip") console.log(`SKIP ${r.id}: ${r.reason ?? ""}`);
    else if (verbose && r.note !== undefined) console.log(`NOTE ${r.id}: ${r.note}`);
  }
  console.log(summaryLine(report.summary));
}

/** The vectors folder; with explicit paths and no --tests it may be absent (ids are then relative to the working directory). */
function findVectorsRoot(args: StateTestArgs): string | undefined {
  try {
    return vectorsRoot(args.tests);
  } catch (error) {
    if (!(error instanceof VectorsNotFoundError)) throw error;
    if (args.paths.length > 0 && args.tests === undefined) return undefined;
    throw new UsageError(error.message);
  }
}

function locateFiles(args: StateTestArgs): StateTestFileRef[] {
  const root = findVectorsRoot(args);
  const bases = root === undefined ? [] : [join(root, "GeneralStateTests"), root];
  const paths = args.paths.length > 0 ? args.paths : bases.slice(0, 1);
  try {
    return stateTestFiles(paths, bases);
  } catch (error) {
    if (error instanceof MissingPathError) throw new UsageError(error.message);
    throw error;
  }
}

/** This registry's compiled module, for worker threads; without a build the run stays in one thread. */
function registryForWorkers(): { registryModule?: string } {
  try {
    return { registryModule: compiledSibling(import.meta.url, "implementations") };
  } catch (error) {
    if (error instanceof CompiledModuleMissingError) return {};
    throw error;
  }
}

/** Runs `write` on an output file, turning a file-system error into a one-line message. */
function openOutput<T>(path: string, flag: string, write: (path: string) => T): T {
  try {
    return write(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new InputError(`${flag}: cannot write ${path}: ${(error as Error).message}`);
  }
}

async function run(rawArgs: readonly string[]): Promise<number> {
  const args = parseArgs(rawArgs);
  const files = locateFiles(args);
  const status = new StatusLine(process.stderr);
  const trace = args.trace === undefined ? undefined : openOutput(args.trace, "--trace", (path) => new LineFile(path));
  let report: StateTestRunReport;
  try {
    report = await runStateTests({
      files,
      implementation: {
        name: args.impl,
        load: () => loadFromRegistry(implementations, args.impl),
        ...registryForWorkers(),
      },
      fork: args.fork,
      filter: args.filter,
      shard: args.shard,
      workers: args.workers,
      traceLine: trace?.writeLine,
      onProgress: (progress) => status.update(progress),
      onSlow: (id, ms) => status.message(`slow: ${id} has run for ${Math.round(ms / 1000)} s`),
    });
  } catch (error) {
    if (error instanceof ImplementationUnavailableError) throw new InputError(error.message);
    throw error;
  } finally {
    status.clear();
    trace?.close();
  }
  printReport(report, args.verbose);
  if (args.json !== undefined) {
    const context = { implementation: args.impl, fork: args.fork, shard: args.shard };
    openOutput(args.json, "--json", (path) => writeJsonReport(path, report, context));
  }
  return report.summary.failed > 0 ? 1 : 0;
}

export const statetestCommand: Command = {
  name: "statetest",
  summary: "run ethereum/tests GeneralStateTests on an implementation",
  help,
  run,
};
