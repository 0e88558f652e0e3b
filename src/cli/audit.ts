/**
 * `svm audit` (issue 10): audits a Solidity file or folder — compile, detectors, exploit
 * confirmation on src/vm — and writes the report in Markdown, HTML, JSON and SARIF from one model
 * (src/audit/report-model.ts). Exit codes as every command (src/cli/exit-codes.ts): 1 when a
 * finding at or above `--fail-on` remains after the baseline, 2 for a usage or input error or when
 * nothing could be analysed. Files that do not compile are in every report and the run goes on.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { TerminalStatus } from "../../conformance/terminal-status.js";
import { auditorWith, confirmOnVm } from "../audit/audit-target.js";
import { type Auditor, AuditInputError, type AuditResult } from "../audit/auditor.js";
import { BaselineError, parseBaseline } from "../audit/baseline.js";
import { dependencyFilter } from "../audit/dependencies.js";
import { SEVERITIES, type Severity } from "../audit/finding.js";
import { buildReport, filesNotAnalysed, hasFindingAtOrAbove, type ReportFilters } from "../audit/report-model.js";
import { isReportFormat, REPORT_FORMATS, type ReportFormat, WRITERS } from "../audit/report/formats.js";
import { writeJson } from "../audit/report/json.js";
import { writeSummary } from "../audit/report/text.js";
import { missingImport, type ProjectLayout } from "../compile/index.js";
import { type Command, InputError, UsageError } from "./command.js";
import { EXIT } from "./exit-codes.js";
import { parseOptions } from "./options.js";
import { checkOutputFile, checkOutputFolder } from "./output-path.js";
import { importHint, layoutOf } from "./project-layout.js";
import { version } from "./main.js";

const OPTIONS = [
  { name: "--contract", value: true },
  { name: "--format", value: true },
  { name: "--out", value: true },
  { name: "--time-budget", value: true },
  { name: "--exclude-dependencies", value: false },
  { name: "--baseline", value: true },
  { name: "--fail-on", value: true },
  { name: "--json", value: false },
  { name: "--root", value: true },
  { name: "--remap", value: true, repeatable: true },
] as const;

/** The confirmation campaigns' default budget, in seconds. */
const DEFAULT_TIME_BUDGET_S = 30;
/** Where reports go when `--format` is given without `--out`. */
const DEFAULT_OUT = "svm-audit";

interface AuditArgs {
  readonly target: string;
  /** `--root`; without it the root is the Foundry project's (src/compile/project.ts). */
  readonly root?: string;
  readonly remappings: readonly string[];
  readonly contract?: string;
  readonly formats: readonly ReportFormat[];
  readonly out?: string;
  readonly timeBudgetMs: number;
  readonly excludeDependencies: boolean;
  readonly baseline?: string;
  readonly failOn: Severity;
  readonly json: boolean;
}

function parseFormats(text: string): ReportFormat[] {
  const formats = text.split(",").map((part) => part.trim());
  for (const format of formats) {
    if (!isReportFormat(format)) throw new UsageError(`--format: unknown format '${format}' (expected some of ${REPORT_FORMATS.join(",")})`);
  }
  return [...new Set(formats as ReportFormat[])];
}

function parseSeconds(text: string): number {
  const seconds = Number(text);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(text) || !(seconds > 0)) throw new UsageError(`--time-budget: expected a positive number of seconds, got '${text}'`);
  return Math.round(seconds * 1000);
}

function parseSeverity(text: string): Severity {
  const severity = SEVERITIES.find((s) => s === text);
  if (severity === undefined) throw new UsageError(`--fail-on: expected one of ${SEVERITIES.join(", ")}, got '${text}'`);
  return severity;
}

function parseArgs(args: readonly string[]): AuditArgs {
  const parsed = parseOptions(args, OPTIONS);
  if (parsed.positional.length !== 1) {
    throw new UsageError(parsed.positional.length === 0 ? "expected a .sol file or a folder to audit" : `expected one file or folder, got ${parsed.positional.length}`);
  }
  const target = parsed.positional[0]!;
  const value = (name: string) => parsed.values.get(name);
  const format = value("--format");
  const out = value("--out") ?? (format === undefined ? undefined : DEFAULT_OUT);
  const remappings = parsed.lists.get("--remap") ?? [];
  for (const remapping of remappings) if (!remapping.includes("=")) throw new UsageError(`--remap: expected prefix=target, got '${remapping}'`);
  return {
    target,
    ...(value("--root") === undefined ? {} : { root: value("--root")! }),
    remappings,
    ...(value("--contract") === undefined ? {} : { contract: value("--contract")! }),
    formats: format === undefined ? (out === undefined ? [] : [...REPORT_FORMATS]) : parseFormats(format),
    ...(out === undefined ? {} : { out }),
    timeBudgetMs: value("--time-budget") === undefined ? DEFAULT_TIME_BUDGET_S * 1000 : parseSeconds(value("--time-budget")!),
    excludeDependencies: parsed.switches.has("--exclude-dependencies"),
    ...(value("--baseline") === undefined ? {} : { baseline: value("--baseline")! }),
    failOn: value("--fail-on") === undefined ? "high" : parseSeverity(value("--fail-on")!),
    json: parsed.switches.has("--json"),
  };
}

function readBaseline(file: string): ReadonlySet<string> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(`--baseline: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    if (error instanceof BaselineError) throw new InputError(`--baseline: ${file}: ${error.message}`);
    throw error;
  }
}

/** Everything that can be refused is refused here, before the (long) analysis starts. */
function filtersFor(args: AuditArgs, layout: ProjectLayout): ReportFilters {
  if (!existsSync(args.target)) throw new InputError(`no such file or folder: ${args.target}`);
  if (args.out !== undefined) {
    checkOutputFolder("--out", args.out);
    for (const format of args.formats) checkOutputFile("--out", join(args.out, WRITERS[format].fileName));
  }
  const filters: { -readonly [K in keyof ReportFilters]: ReportFilters[K] } = {};
  if (args.baseline !== undefined) filters.baseline = { file: args.baseline, ids: readBaseline(args.baseline) };
  if (args.excludeDependencies) {
    const audited = relative(layout.root, resolve(statSync(args.target).isDirectory() ? args.target : dirname(args.target)));
    filters.isDependency = dependencyFilter(layout.remappings, audited, layout.libs);
  }
  return filters;
}

const HELP = `Usage: svm audit <file.sol | folder> [--contract NAME] [--format md,html,json,sarif] [--out DIR]
                 [--time-budget S] [--exclude-dependencies] [--baseline FILE] [--fail-on SEVERITY]
                 [--json] [--root DIR] [--remap prefix=target]...

Compiles each Solidity file with the installed solc its pragma asks for, runs the detectors (each
with an SWC id, a category, severity and confidence), tries to exploit each finding on the SVM
(a finding whose exploit ran is "confirmed", with its transactions), and reports. A file that does
not compile is listed in every report with the compiler's reason; the others go on.

Imports resolve as in \`svm prove\` and Foundry: the root is the nearest folder above the target
holding foundry.toml (else remappings.txt, else .git); foundry.toml's src, libs and remappings,
remappings.txt and the libraries' own remappings are read, so \`svm audit src/Vault.sol\` works
from the root or any folder of the project. An import that is not found names the folders searched.

Options:
  --contract NAME          only this contract's findings and exploit campaign
  --format LIST            report formats to write, comma-separated: md, html, json, sarif
                           (default: all four when --out is given)
  --out DIR                folder for the reports audit.md, audit.html, audit.json, audit.sarif
                           (default: ${DEFAULT_OUT} when --format is given; no files otherwise)
  --time-budget S          seconds for the exploit campaigns and prover queries together
                           (default ${DEFAULT_TIME_BUDGET_S})
  --exclude-dependencies   leave out the project's library folders (foundry.toml's libs, lib/ by
                           default), node_modules/ and remapped library folders: their files are
                           compiled only as imports, and their findings are left out
  --baseline FILE          hide findings whose ids are in this earlier JSON report (audit.json);
                           ids survive unrelated edits, so triage does too
  --fail-on SEVERITY       exit 1 when a finding at or above it remains: high, medium, low,
                           informational (default high)
  --json                   print the JSON report on stdout instead of the summary
  --root DIR               import root; report paths are relative to it (default: the Foundry
                           project's root, else the folder given or the file's folder)
  --remap P=T              an import remapping (repeatable; wins over the project's for its prefix)

Example:
  svm audit contracts/ --out audit --fail-on medium
  svm audit src/Bank.sol --format sarif --baseline audit/audit.json`;

/** A file that did not compile for an import not found also says where the root is and how to move it, as `svm prove` does. */
function withImportHints(result: AuditResult, layout: ProjectLayout): AuditResult {
  const files = result.files.map((file) => (!file.analysed && missingImport(file.reason) ? { ...file, reason: `${file.reason}${importHint(layout)}` } : file));
  return { ...result, files };
}

/** Runs the engine, with a status line on a terminal; its input errors become the CLI's. */
async function runAuditor(auditor: Auditor, args: AuditArgs, layout: ProjectLayout, filters: ReportFilters): Promise<AuditResult> {
  const status = new TerminalStatus<string>(process.stderr, (text) => text, { redrawMs: 0 });
  status.update(`svm audit: compiling, analysing and confirming ${args.target} (campaigns within ${args.timeBudgetMs / 1000} s)…`);
  try {
    return await auditor(args.target, {
      root: layout.root,
      remappings: layout.remappings,
      includePaths: layout.includePaths,
      ...(args.contract === undefined ? {} : { contract: args.contract }),
      ...(filters.isDependency === undefined ? {} : { isDependency: filters.isDependency }),
      timeBudgetMs: args.timeBudgetMs,
    });
  } catch (error) {
    if (error instanceof AuditInputError) throw new InputError(error.message);
    throw error;
  } finally {
    status.clear();
  }
}

export function auditCommandWith(auditor: Auditor): Command {
  return {
    name: "audit",
    summary: "audit Solidity: detectors, exploits confirmed on the SVM, Markdown/HTML/JSON/SARIF reports",
    help: HELP,
    async run(argv) {
      const args = parseArgs(argv);
      if (!existsSync(args.target)) throw new InputError(`no such file or folder: ${args.target}`);
      const layout = layoutOf(args);
      const filters = filtersFor(args, layout);
      const input = withImportHints(await runAuditor(auditor, args, layout, filters), layout);
      if (input.files.length === 0) throw new InputError(`no Solidity file to audit in ${args.target}`);
      const report = buildReport({ ...input, tool: { name: "svm", version: version() } }, filters);
      const written = args.formats.map((format) => {
        const path = join(args.out ?? DEFAULT_OUT, WRITERS[format].fileName);
        writeFileSync(path, WRITERS[format].write(report));
        return path;
      });
      if (args.json) {
        process.stdout.write(writeJson(report));
      } else {
        process.stdout.write(writeSummary(report));
        if (written.length > 0) process.stdout.write(`reports: ${written.join(", ")}\n`);
      }
      if (filesNotAnalysed(report).length === report.files.length) {
        console.error(`svm audit: nothing could be analysed: none of the ${report.files.length} file(s) compiled`);
        return EXIT.usage;
      }
      return hasFindingAtOrAbove(report, args.failOn) ? EXIT.failed : EXIT.held;
    },
  };
}


export const auditCommand = auditCommandWith(auditorWith(confirmOnVm));
