/**
 * What `svm txtest`, `svm trietest` and `svm rlptest` share: the arguments (paths, --tests,
 * --json, --verbose, and --fork where a suite has forks), finding the suite's default folder
 * under the vectors root, printing one line per failing case and the summary line, and the
 * exit code (1 when a case failed; 2 when nothing was selected or checked).
 */
import { FORKS, type ForkName, isKnownFork } from "../../spec/fork/names.js";
import { summaryLine } from "../../conformance/state-tests/result.js";
import { type FileRunner, runVectorFileRefs, writeVectorJsonReport } from "../../conformance/runners/vector-run.js";
import { type Command, UsageError } from "./command.js";
import { EXIT } from "./exit-codes.js";
import { type OptionSpec, parseOptions } from "./options.js";
import { checkOutputFile } from "./output-path.js";
import { requireSomethingChecked, requireSomethingMatched, vectorFiles } from "./vector-files.js";

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
  readonly paths: readonly string[];
  readonly tests?: string;
  readonly json?: string;
  readonly fork?: ForkName;
  readonly verbose: boolean;
}

function helpText(suite: VectorSuite): string {
  const forkLine = suite.hasForks ? `\n  --fork NAME    only this fork's results (${FORKS.join(", ")})` : "";
  return `Usage: svm ${suite.command} [files or folders...] [options]

${suite.summary.charAt(0).toUpperCase()}${suite.summary.slice(1)} (default: <vectors>/${suite.folder}, every *.json below it).
Prints one line per failing case, then \`N passed, M failed, K skipped\`. A relative path is looked
up in the current folder, then in <vectors>/${suite.folder}, then in <vectors>.

Options:${forkLine}
  --json FILE    write every case's result as JSON
  --tests DIR    ethereum/tests checkout (default: $SVM_TESTS_DIR, else ../shared/conformance/ethereum-tests)
  --verbose, -v  also list skipped cases and notes on passing cases

Example:
  ${suite.example}`;
}

function optionSpecs(suite: VectorSuite): OptionSpec[] {
  return [
    ...(suite.hasForks ? [{ name: "--fork", value: true }] : []),
    { name: "--json", value: true },
    { name: "--tests", value: true },
    { name: "--verbose", value: false, alias: "-v" },
  ];
}

function parseArgs(args: readonly string[], suite: VectorSuite): SuiteArgs {
  const { values, switches, positional } = parseOptions(args, optionSpecs(suite));
  const fork = values.get("--fork");
  if (fork !== undefined && !isKnownFork(fork)) throw new UsageError(`unknown fork '${fork}' (one of: ${FORKS.join(", ")})`);
  const tests = values.get("--tests");
  const json = values.get("--json");
  return {
    paths: positional,
    verbose: switches.has("--verbose"),
    ...(tests !== undefined && { tests }),
    ...(json !== undefined && { json }),
    ...(fork !== undefined && { fork }),
  };
}

export function vectorSuiteCommand(suite: VectorSuite): Command {
  return {
    name: suite.command,
    summary: suite.summary,
    help: helpText(suite),
    async run(args: readonly string[]): Promise<number> {
      const parsed = parseArgs(args, suite);
      if (parsed.json !== undefined) checkOutputFile("--json", parsed.json);
      const files = vectorFiles({ paths: parsed.paths, folder: suite.folder, ...(parsed.tests !== undefined && { tests: parsed.tests }) });
      const report = runVectorFileRefs(files, suite.runner(parsed.fork));
      requireSomethingMatched(report.results, files.length, parsed.fork === undefined ? "" : `--fork ${parsed.fork}`);
      for (const result of report.results) {
        if (result.status === "fail") console.log(`FAIL ${result.id}: ${result.reason ?? ""}`);
        else if (parsed.verbose && result.status === "skip") console.log(`SKIP ${result.id}: ${result.reason ?? ""}`);
        else if (parsed.verbose && result.note !== undefined) console.log(`NOTE ${result.id}: ${result.note}`);
      }
      console.log(summaryLine(report.summary));
      requireSomethingChecked(report.results);
      if (parsed.json !== undefined) writeVectorJsonReport(parsed.json, suite.command, report, suite.hasForks ? { fork: parsed.fork ?? null } : {});
      return report.summary.failed > 0 ? EXIT.failed : EXIT.held;
    },
  };
}
