/**
 * What `svm txtest`, `svm trietest` and `svm rlptest` share: the arguments (paths, --tests,
 * --json, --verbose, and --fork where a suite has forks), finding the suite's default folder
 * under the vectors root, printing one line per failing case and the summary line, and the
 * exit code (1 when a case failed).
 */
import { join } from "node:path";
import { FORKS, type ForkName, isKnownFork } from "../../spec/fork/names.js";
import { MissingPathError } from "../../conformance/state-tests/files.js";
import { summaryLine } from "../../conformance/state-tests/result.js";
import { type FileRunner, runVectorFiles, writeVectorJsonReport } from "../../conformance/runners/vector-run.js";
import { VectorsNotFoundError, vectorsRoot } from "../../conformance/vectors-location.js";
import { type Command, InputError, UsageError } from "./command.js";
import { splitFlags } from "./split-flags.js";

export interface VectorSuite {
  readonly command: string;
  readonly summary: string;
  /** The suite's folder under the vectors root, e.g. "TrieTests". */
  readonly folder: string;
  /** Whether results are per fork, so that --fork applies. */
  readonly hasForks: boolean;
  readonly example: string;
  /** Builds the per-file runner for the chosen fork (undefined: all forks). */
  runner(fork: ForkName | undefined): FileRunner;
}

interface SuiteArgs {
  readonly paths: string[];
  readonly tests?: string;
  readonly json?: string;
  readonly fork?: ForkName;
  readonly verbose: boolean;
}

function helpText(suite: VectorSuite): string {
  const forkLine = suite.hasForks ? `\n  --fork NAME    only this fork's results (${FORKS.join(", ")})` : "";
  return `Usage: svm ${suite.command} [files or folders...] [options]

${suite.summary.charAt(0).toUpperCase()}${suite.summary.slice(1)} (default: <vectors>/${suite.folder}, every *.json below it).
Prints one line per failing case, then \`N passed, M failed, K skipped\`; exits 1 if any case failed.

Options:${forkLine}
  --json FILE    write every case's result as JSON
  --tests DIR    ethereum/tests checkout (default: $SVM_TESTS_DIR, else ../shared/conformance/ethereum-tests)
  --verbose      also list skipped cases and notes on passing cases

Example:
  ${suite.example}`;
}

function parseArgs(args: readonly string[], suite: VectorSuite): SuiteArgs {
  const valueFlags = new Set(suite.hasForks ? ["--tests", "--json", "--fork"] : ["--tests", "--json"]);
  const { values, verbose, paths } = splitFlags(args, valueFlags);
  const fork = values.get("--fork");
  if (fork !== undefined && !isKnownFork(fork)) throw new UsageError(`unknown fork '${fork}' (one of: ${FORKS.join(", ")})`);
  const tests = values.get("--tests");
  const json = values.get("--json");
  return {
    paths: [...paths],
    verbose,
    ...(tests === undefined ? {} : { tests }),
    ...(json === undefined ? {} : { json }),
    ...(fork === undefined ? {} : { fork }),
  };
}

/** The vectors root, only needed when no path is given or to name files relative to it. */
function findRoot(flag: string | undefined, required: boolean): string | undefined {
  try {
    return vectorsRoot(flag);
  } catch (error) {
    if (error instanceof VectorsNotFoundError && (required || flag !== undefined)) throw new InputError(error.message);
    if (error instanceof VectorsNotFoundError) return undefined;
    throw error;
  }
}

export function vectorSuiteCommand(suite: VectorSuite): Command {
  return {
    name: suite.command,
    summary: suite.summary,
    help: helpText(suite),
    async run(args: readonly string[]): Promise<number> {
      const parsed = parseArgs(args, suite);
      const root = findRoot(parsed.tests, parsed.paths.length === 0);
      const bases = root === undefined ? [] : [join(root, suite.folder), root];
      const paths = parsed.paths.length > 0 ? parsed.paths : [join(root!, suite.folder)];
      let report;
      try {
        report = runVectorFiles(paths, bases, suite.runner(parsed.fork));
      } catch (error) {
        if (error instanceof MissingPathError) throw new InputError(error.message);
        throw error;
      }
      for (const result of report.results) {
        if (result.status === "fail") console.log(`FAIL ${result.id}: ${result.reason ?? ""}`);
        else if (parsed.verbose && result.status === "skip") console.log(`SKIP ${result.id}: ${result.reason ?? ""}`);
        else if (parsed.verbose && result.note !== undefined) console.log(`NOTE ${result.id}: ${result.note}`);
      }
      if (parsed.json !== undefined) {
        try {
          writeVectorJsonReport(parsed.json, suite.command, report, suite.hasForks ? { fork: parsed.fork ?? null } : {});
        } catch (error) {
          throw new InputError(`cannot write --json ${parsed.json}: ${(error as Error).message}`);
        }
      }
      console.log(summaryLine(report.summary));
      return report.summary.failed > 0 ? 1 : 0;
    },
  };
}
