/**
 * `svm statetest`: runs ethereum/tests GeneralStateTests on an implementation and reports every
 * failing case, then `N passed, M failed, K skipped`. Exit code 0 when every selected case was
 * checked and passed, 1 when a case failed, 2 on a usage or input error, including a selection
 * that matched no case or only skipped ones (docs/cli.md). The rules it applies are in
 * docs/conformance.md.
 */
import { FORK_NAMES, isForkName, type ForkName } from "../../interface/implementation.js";
import { CompiledModuleMissingError, compiledSibling } from "../../conformance/state-tests/compiled-path.js";
import { writeJsonReport } from "../../conformance/state-tests/json-report.js";
import { ImplementationUnavailableError, loadFromRegistry } from "../../conformance/state-tests/load-implementation.js";
import { StatusLine } from "../../conformance/state-tests/progress.js";
import { summaryLine } from "../../conformance/state-tests/result.js";
import { runStateTests, type StateTestRunReport } from "../../conformance/state-tests/runner.js";
import { parseShard, ShardSyntaxError, type Shard } from "../../conformance/state-tests/shard.js";
import { LineFile } from "../../conformance/trace/line-file.js";
import { type Command, InputError, UsageError } from "./command.js";
import { EXIT } from "./exit-codes.js";
import { implementationNames, implementations, isImplementationName } from "./implementations.js";
import { type OptionSpec, parseOptions, positiveInteger, regexOption } from "./options.js";
import { checkOutputFile } from "./output-path.js";
import { requireSomethingChecked, requireSomethingMatched, vectorFiles } from "./vector-files.js";

const help = `Usage: svm statetest [files or folders...] --impl NAME [options]

Runs GeneralStateTests (default: <vectors>/GeneralStateTests, every *.json below it) and prints
one line per failing case, then \`N passed, M failed, K skipped\`. A relative path is looked up in
the current folder, then in <vectors>/GeneralStateTests, then in <vectors>.

Options:
  --impl NAME       implementation to run: ${implementationNames()} (required);
                    cmd:'COMMAND' runs an external state-test binary on each case, the file's
                    path appended (docs/conformance.md lists the command lines of the clients)
  --fork NAME       only this fork's cases (${FORK_NAMES.join(", ")})
  --filter REGEX    only cases whose id matches (ids: file.json::test::Fork::d<i>g<j>v<k>)
  --workers N       worker threads (default: 1 for few cases, else one per core)
  --shard I/N       only shard I of N (round-robin over the sorted, selected cases)
  --json FILE       write every case's result as JSON
  --trace FILE      write EIP-3155 trace lines (forces 1 worker)
  --json-trace      speak the statetest protocol other tools drive clients by (goevmlab,
                    --impl cmd:): per case, EIP-3155 lines, the summary line and a
                    {"stateRoot","logsHash"} line on stderr (forces 1 worker; not with --trace)
  --tests DIR       ethereum/tests checkout (default: $SVM_TESTS_DIR, else ../shared/conformance/ethereum-tests)
  --verbose         also list skipped cases and notes on passing cases

Examples:
  svm statetest stExample --impl spec --fork Cancun
  svm statetest stExample stSelfBalance --impl src --fork Cancun --filter Balance --workers 2 --json report.json`;

interface StateTestArgs {
  readonly paths: readonly string[];
  readonly impl: string;
  readonly fork?: ForkName;
  readonly filter?: RegExp;
  readonly workers?: number;
  readonly shard?: Shard;
  readonly json?: string;
  readonly trace?: string;
  readonly jsonTrace: boolean;
  readonly tests?: string;
  readonly verbose: boolean;
}

const OPTIONS: readonly OptionSpec[] = [
  { name: "--impl", value: true },
  { name: "--fork", value: true },
  { name: "--filter", value: true },
  { name: "--workers", value: true },
  { name: "--shard", value: true },
  { name: "--json", value: true },
  { name: "--trace", value: true },
  { name: "--json-trace", value: false },
  { name: "--tests", value: true },
  { name: "--verbose", value: false, alias: "-v" },
];

function shardOption(text: string): Shard {
  try {
    return parseShard(text);
  } catch (error) {
    if (error instanceof ShardSyntaxError) throw new UsageError(error.message);
    throw error;
  }
}

function parseArgs(args: readonly string[]): StateTestArgs {
  const { values, switches, positional } = parseOptions(args, OPTIONS);
  const impl = values.get("--impl");
  if (impl === undefined) throw new UsageError(`--impl is required (one of: ${implementationNames()})`);
  if (!isImplementationName(impl)) {
    throw new UsageError(`unknown implementation '${impl}' (one of: ${implementationNames()})`);
  }
  const fork = values.get("--fork");
  if (fork !== undefined && !isForkName(fork)) throw new UsageError(`unknown fork '${fork}' (one of: ${FORK_NAMES.join(", ")})`);
  const filter = values.get("--filter");
  const workers = values.get("--workers");
  const shard = values.get("--shard");
  if (switches.has("--json-trace") && values.has("--trace")) throw new UsageError("--json-trace and --trace both take the trace: give one");
  return {
    paths: positional,
    impl,
    verbose: switches.has("--verbose"),
    jsonTrace: switches.has("--json-trace"),
    ...(fork !== undefined && { fork }),
    ...(filter !== undefined && { filter: regexOption("--filter", filter) }),
    ...(workers !== undefined && { workers: positiveInteger("--workers", workers) }),
    ...(shard !== undefined && { shard: shardOption(shard) }),
    ...(values.has("--json") && { json: values.get("--json")! }),
    ...(values.has("--trace") && { trace: values.get("--trace")! }),
    ...(values.has("--tests") && { tests: values.get("--tests")! }),
  };
}

/** The selection options as typed, to name what matched nothing. */
function selectionText(args: StateTestArgs): string {
  const parts = [
    args.fork !== undefined && `--fork ${args.fork}`,
    args.filter !== undefined && `--filter ${args.filter.source}`,
    args.shard !== undefined && `--shard ${args.shard.index}/${args.shard.count}`,
  ];
  return parts.filter((part) => part !== false).join(" ");
}

function printReport(report: StateTestRunReport, verbose: boolean): void {
  for (const r of report.results) {
    if (r.status === "fail") console.log(`FAIL ${r.id}: ${r.reason ?? ""}`);
    else if (verbose && r.status === "skip") console.log(`SKIP ${r.id}: ${r.reason ?? ""}`);
    else if (verbose && r.note !== undefined) console.log(`NOTE ${r.id}: ${r.note}`);
  }
  console.log(summaryLine(report.summary));
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

async function run(rawArgs: readonly string[]): Promise<number> {
  const args = parseArgs(rawArgs);
  if (args.json !== undefined) checkOutputFile("--json", args.json);
  if (args.trace !== undefined) checkOutputFile("--trace", args.trace);
  const files = vectorFiles({ paths: args.paths, folder: "GeneralStateTests", ...(args.tests !== undefined && { tests: args.tests }) });
  const status = new StatusLine(process.stderr);
  const STDERR = 2;
  const trace = args.trace !== undefined ? new LineFile(args.trace) : args.jsonTrace ? new LineFile(STDERR) : undefined;
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
      stateRootLine: args.jsonTrace,
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
  requireSomethingMatched(report.results, files.length, selectionText(args));
  printReport(report, args.verbose);
  requireSomethingChecked(report.results);
  if (args.json !== undefined) writeJsonReport(args.json, report, { implementation: args.impl, fork: args.fork, shard: args.shard });
  return report.summary.failed > 0 ? EXIT.failed : EXIT.held;
}

export const statetestCommand: Command = {
  name: "statetest",
  summary: "run ethereum/tests GeneralStateTests on an implementation",
  help,
  run,
};
