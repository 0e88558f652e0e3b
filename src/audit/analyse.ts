/**
 * The static half of `svm audit`: compile a Solidity file (or every .sol file under a folder) with
 * the installed solc that fits its pragma, run every detector over solc's AST (and, when bytecode
 * is generated, the bytecode detectors over the runtime code), and return the
 * findings with file, line, snippet and a stable id. A file that does not compile is reported as
 * such and the others go on.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import {
  type CompiledContract,
  CompileError,
  compileSolidityProject,
  compileSoliditySource,
  formatDiagnostic,
  type SolidityCompilation,
  type SolidityOptions,
} from "../compile/index.js";
import { compileFailure } from "../compile/errors.js";
import { type AstNode, field, srcStart } from "./analysis/ast.js";
import { parentMap, statementOf } from "./analysis/flow.js";
import { buildProgram, type Program } from "./analysis/model.js";
import { normaliseCode, type SourceText } from "./analysis/source.js";
import { bytecodeHits } from "./bytecode/run.js";
import { mergeBytecodeFindings } from "./bytecode/merge.js";
import type { BytecodeDetector } from "./detectors/bytecode-detector.js";
import type { Detector, Hit } from "./detectors/detector.js";
import { BYTECODE_DETECTORS, DETECTORS } from "./detectors/index.js";
import type { DetectorInfo, Finding } from "./finding.js";

export interface AnalyseOptions {
  /**
   * Project root for unit names and imports (as `svm prove --root`). Default: the folder analysed
   * (analyseTarget on a folder), otherwise the current directory.
   */
  readonly root?: string;
  /** Import remappings; default `<root>/remappings.txt`. */
  readonly remappings?: readonly string[];
  /** Folders searched after the root for a non-relative import (solc's include paths; a Foundry project's libraries). */
  readonly includePaths?: readonly string[];
  /** Generate bytecode too (for confirmation and gas). Default true; false only parses and type-checks (faster). */
  readonly bytecode?: boolean;
  /** Only these detector ids (`DETECTORS` and `BYTECODE_DETECTORS` list them all; unknown ids select nothing). Default: all. */
  readonly detectors?: readonly string[];
  /** Leave out findings in files outside the target (imported dependencies). Default false. */
  readonly excludeDependencies?: boolean;
}

export type FileStatus = "analysed" | "not-compiled" | "failed";

export interface FileReport {
  /** The path as given, or relative to the folder given. */
  readonly file: string;
  readonly status: FileStatus;
  /** Why it was not analysed: the compiler's errors, or the analysis error. */
  readonly message?: string;
  /** The compiler used, when it compiled. */
  readonly compilerVersion?: string;
}

export interface AnalysisResult {
  readonly findings: Finding[];
  readonly files: FileReport[];
  /** Every contract compiled (with bytecode unless `bytecode: false`), for confirmation and gas. */
  readonly contracts: CompiledContract[];
}

/** The .sol files of a target: the file itself, or every .sol under the folder (node_modules and dot-folders skipped). */
export function solidityFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith(".sol")) found.push(path);
    }
  };
  visit(target);
  return found;
}

function stableId(detector: string, contract: string, fn: string, code: string, occurrence: number): string {
  const hash = createHash("sha256").update([detector, contract, fn, normaliseCode(code), String(occurrence)].join("\u0000"));
  return hash.digest("hex").slice(0, 16);
}

/** The lines a finding shows: a statement's, or only the header of a function (up to its body). */
function headerSpan(node: AstNode, source: SourceText): { line: number; endLine: number } {
  const body = node.nodeType === "FunctionDefinition" || node.nodeType === "ModifierDefinition" ? field(node, "body") : undefined;
  if (body === undefined) return source.span(node);
  const line = source.lineOf(srcStart(node));
  return { line, endLine: Math.max(line, source.lineOf(srcStart(body))) };
}

/**
 * Turns one detector's hits into findings, one per statement and contract; `seen` numbers identical
 * statements of a function for their ids.
 */
function findingsOf(info: DetectorInfo, hits: readonly Hit[], seen: Map<string, number>): Finding[] {
  const findings: Finding[] = [];
  const parentsOf = (hit: Hit) => parentMap(hit.function?.node ?? hit.contract.node);
  const located = new Set<string>();
  for (const hit of hits) {
    const statement = statementOf(hit.node, parentsOf(hit));
    const source = hit.contract.source;
    const { line, endLine } = headerSpan(statement, source);
    const place = `${source.name}:${line}:${hit.contract.name}`;
    if (located.has(place)) continue;
    located.add(place);
    const body = field(statement, "body");
    const code = statement.nodeType.endsWith("Definition") && body !== undefined
      ? source.between(srcStart(statement), srcStart(body))
      : source.textOf(statement);
    const fn = hit.function?.signature ?? "";
    const key = [info.id, hit.contract.name, fn, normaliseCode(code)].join("\u0000");
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    findings.push({
      id: stableId(info.id, hit.contract.name, fn, code, occurrence),
      detector: info,
      contract: hit.contract.name,
      function: fn,
      location: { file: source.name, line, endLine, snippet: source.lines(line, endLine) },
      message: hit.message,
      confirmed: false,
    });
  }
  return findings;
}

/** Runs the detectors over a built program and turns their hits into findings. */
export function detect(program: Program, detectors: readonly Detector[] = DETECTORS): Finding[] {
  const seen = new Map<string, number>();
  return detectors.flatMap((detector) => findingsOf(detector.info, detector.detect(program), seen));
}

/**
 * Adds the bytecode detectors' findings (src/audit/bytecode): one on the lines of an AST finding
 * of the same class strengthens that finding; the others are reported on their own.
 */
export function withBytecodeFindings(
  findings: readonly Finding[],
  program: Program,
  contracts: readonly CompiledContract[],
  detectors: readonly BytecodeDetector[] = BYTECODE_DETECTORS,
): Finding[] {
  const seen = new Map<string, number>();
  const found = bytecodeHits(program, contracts, detectors).map(({ detector, hits }) => ({
    twins: detector.twins,
    findings: findingsOf(detector.info, hits, seen),
  }));
  return mergeBytecodeFindings(findings, found);
}

function selectedDetectors<D extends { readonly info: DetectorInfo }>(all: readonly D[], options: AnalyseOptions): readonly D[] {
  if (options.detectors === undefined) return all;
  const wanted = new Set(options.detectors);
  return all.filter((d) => wanted.has(d.info.id));
}

export interface FileAnalysis {
  readonly report: FileReport;
  readonly findings: Finding[];
  readonly contracts: CompiledContract[];
}

function compileOptions(options: AnalyseOptions, root: string): SolidityOptions {
  return {
    root,
    ...(options.remappings === undefined ? {} : { remappings: options.remappings }),
    ...(options.includePaths === undefined ? {} : { includePaths: options.includePaths }),
    ast: true,
    codegen: options.bytecode !== false,
    relaxPinnedVersions: true,
    olderCompilersOnFailure: true,
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Compiles with `compile`, then runs the detectors; a failure of either is reported, not thrown. */
function analyseCompilation(shown: string, compile: () => SolidityCompilation, options: AnalyseOptions): FileAnalysis {
  let compilation: SolidityCompilation;
  try {
    compilation = compile();
  } catch (error) {
    if (error instanceof CompileError) {
      const message = error.diagnostics.map(formatDiagnostic).join("\n");
      return { report: { file: shown, status: "not-compiled", message }, findings: [], contracts: [] };
    }
    return { report: { file: shown, status: "failed", message: errorText(error) }, findings: [], contracts: [] };
  }
  const texts = new Map([...compilation.sources.byId.values()].map((s) => [s.name, s.content]));
  const compilerVersion = compilation.compilerVersion;
  try {
    const program = buildProgram(compilation.asts, texts, compilerVersion);
    let findings = detect(program, selectedDetectors(DETECTORS, options));
    if (options.bytecode !== false) {
      findings = withBytecodeFindings(findings, program, compilation.contracts, selectedDetectors(BYTECODE_DETECTORS, options));
    }
    if (options.excludeDependencies === true) findings = findings.filter((f) => f.location.file === compilation.entry);
    return { report: { file: shown, status: "analysed", compilerVersion }, findings, contracts: [...compilation.contracts] };
  } catch (error) {
    return {
      report: { file: shown, status: "failed", message: errorText(error), compilerVersion },
      findings: [],
      contracts: [...compilation.contracts],
    };
  }
}

/** Compiles and analyses one file; its findings and contracts, or why it was not analysed. */
export function analyseFile(file: string, options: AnalyseOptions = {}): FileAnalysis {
  const root = resolve(options.root ?? ".");
  const shown = relative(root, resolve(file)) || file;
  return analyseCompilation(shown, () => compileSolidityProject(file, compileOptions(options, root)), options);
}

/** Analyses Solidity given as text, named `sourceName` (default "input.sol"). */
export function analyseSource(source: string, options: AnalyseOptions & { readonly sourceName?: string } = {}): FileAnalysis {
  const root = resolve(options.root ?? ".");
  const sourceName = options.sourceName ?? "input.sol";
  return analyseCompilation(sourceName, () => compileSoliditySource(source, { ...compileOptions(options, root), sourceName }), options);
}

/**
 * Analyses a .sol file or every .sol file under a folder (a missing target throws a CompileError
 * with code INPUT). Findings in a file imported by several
 * analysed files are reported once (same id).
 */
export function analyseTarget(target: string, options: AnalyseOptions = {}): AnalysisResult {
  if (!existsSync(target)) throw compileFailure("INPUT", "InputError", `no such file or folder: ${target}`);
  const isFolder = statSync(target).isDirectory();
  const root = options.root ?? (isFolder ? target : ".");
  const findings = new Map<string, Finding>();
  const files: FileReport[] = [];
  const contracts = new Map<string, CompiledContract>();
  for (const file of solidityFiles(target)) {
    const result = analyseFile(file, { ...options, root });
    files.push(result.report);
    for (const finding of result.findings) if (!findings.has(finding.id)) findings.set(finding.id, finding);
    for (const contract of result.contracts) contracts.set(contract.fullyQualifiedName, contract);
  }
  return { findings: [...findings.values()], files, contracts: [...contracts.values()] };
}
