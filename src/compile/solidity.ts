/**
 * Compiling a Solidity file: load its import graph, pick the newest installed solc that satisfies
 * every `pragma solidity` in it, compile through standard JSON, and return every contract of every
 * file in the graph.
 */
import { resolve } from "node:path";
import { type CompilerChoice, olderCompilers, selectCompiler } from "./compilers.js";
import { type CompileDiagnostic, CompileError } from "./errors.js";
import { type CompiledContract, type SourceTable, toCompiledContract } from "./output.js";
import { parseRemapping, type Remapping } from "./remapping.js";
import { solidityPragmas } from "./sourceScan.js";
import { loadSourceGraph, remappingsFile, type SearchPath, type SourceGraph, sourceGraphOf } from "./sources.js";
import { runStandardJson } from "./standardJson.js";

export interface SolidityOptions {
  /** Project root: unit names and non-relative imports are relative to it. Default: the current directory. */
  readonly root?: string;
  /**
   * `[context:]prefix=target` remappings, as `solc --remap` takes them. Default: the lines of
   * `<root>/remappings.txt` if it exists, otherwise none.
   */
  readonly remappings?: readonly string[];
  /**
   * Folders searched after the root for a non-relative import (solc's `--include-path`; a Foundry
   * project's library folders: see project.ts). Default: none.
   */
  readonly includePaths?: readonly string[];
  /** Run solc's optimizer (200 runs). Default false: unoptimized code maps most directly to source. */
  readonly optimize?: boolean;
  /** solc's `evmVersion` (e.g. "cancun"). Default: the compiler's own default. */
  readonly evmVersion?: string;
  /**
   * Accept the newest installed compiler of the same minor line when a pragma pins a version that is
   * not installed (`pragma solidity 0.8.19;` compiles with 0.8.30); the pin is then neutralised in
   * the compiled text and a warning says so. Default false: the pragma is obeyed.
   */
  readonly relaxPinnedVersions?: boolean;
  /** Also return every source unit's AST (solc's compact JSON AST, `sources[unit].ast`). Default false. */
  readonly ast?: boolean;
  /** Generate code (bytecode, source maps, ABI, storage layout). Default true; false with `ast` only parses and type-checks. */
  readonly codegen?: boolean;
  /**
   * When the newest compiler that satisfies the pragmas rejects the source, try the older installed
   * ones that satisfy them too (newest first): an open range such as `>=0.5.11` admits 0.8.x, which
   * rejects code written for 0.5. The first compiler's errors are reported if none accepts it. Default false.
   */
  readonly olderCompilersOnFailure?: boolean;
}

export interface SolidityCompilation {
  /** Long version of the compiler that was chosen, e.g. `0.8.30+commit.73712a01.Emscripten.clang`. */
  readonly compilerVersion: string;
  /** Unit name of the file asked for. */
  readonly entry: string;
  readonly contracts: readonly CompiledContract[];
  readonly warnings: readonly CompileDiagnostic[];
  readonly sources: SourceTable;
  /** Unit name → solc's compact JSON AST of that unit; empty unless `ast` was asked for. */
  readonly asts: ReadonlyMap<string, unknown>;
}

/** The outputs SVM uses; unknown selections are ignored by old compilers, so one list fits all versions. */
const OUTPUTS = [
  "abi",
  "evm.bytecode.object",
  "evm.bytecode.sourceMap",
  "evm.bytecode.linkReferences",
  "evm.deployedBytecode.object",
  "evm.deployedBytecode.sourceMap",
  "evm.deployedBytecode.linkReferences",
  "evm.methodIdentifiers",
  "storageLayout",
];

/**
 * The source with `pragma solidity <range>;` replaced by `pragma solidity *;` padded with spaces to
 * the same length, so byte offsets (diagnostics, source maps) still point at the original text.
 */
function withoutPin(source: string, range: string): string {
  return source.replace(/\bpragma\s+solidity\s+([^;]+);/g, (whole, found: string) =>
    found.trim() === range ? `pragma solidity *${" ".repeat(whole.length - "pragma solidity *;".length)};` : whole,
  );
}

function searchPath(options: SolidityOptions, root: string): SearchPath {
  return { root, includePaths: (options.includePaths ?? []).map((folder) => resolve(root, folder)) };
}

function remappingsOf(options: SolidityOptions, root: string): { texts: readonly string[]; parsed: Remapping[] } {
  const texts = options.remappings ?? remappingsFile(root);
  return { texts, parsed: texts.map(parseRemapping) };
}

function outputSelection(options: SolidityOptions): Record<string, Record<string, readonly string[]>> {
  const selection: Record<string, readonly string[]> = {};
  if (options.ast === true) selection[""] = ["ast"];
  if (options.codegen !== false) selection["*"] = OUTPUTS;
  return { "*": selection };
}

function compileGraph(graph: SourceGraph, remappings: readonly string[], options: SolidityOptions): SolidityCompilation {
  const ranges = [...graph.sources].flatMap(([unit, content]) =>
    solidityPragmas(content).map((range) => ({ range, file: unit })),
  );
  const choice = selectCompiler(ranges, options.relaxPinnedVersions === true);
  if (options.olderCompilersOnFailure !== true) return compileWith(choice, graph, remappings, options);
  const older = olderCompilers(choice.solc, ranges);
  try {
    return compileWith(choice, graph, remappings, options);
  } catch (error) {
    if (!(error instanceof CompileError) || error.code !== "COMPILE") throw error;
    for (const solc of older) {
      try {
        return compileWith({ solc, relaxed: [] }, graph, remappings, options);
      } catch (retry) {
        if (!(retry instanceof CompileError) || retry.code !== "COMPILE") throw retry;
      }
    }
    throw error;
  }
}

function compileWith(
  { solc, relaxed }: CompilerChoice,
  graph: SourceGraph,
  remappings: readonly string[],
  options: SolidityOptions,
): SolidityCompilation {
  const sourceTexts = new Map(graph.sources);
  const compiledTexts = new Map(graph.sources);
  for (const { file, range } of relaxed) compiledTexts.set(file, withoutPin(compiledTexts.get(file) as string, range));
  const relaxWarnings: CompileDiagnostic[] = relaxed.map(({ file, range }) => ({
    severity: "warning",
    file,
    line: 0,
    column: 0,
    type: "VersionWarning",
    message: `pragma solidity ${range} pins a compiler that is not installed; compiled with ${solc.longVersion}`,
  }));
  const input = {
    language: "Solidity" as const,
    sources: Object.fromEntries([...compiledTexts].map(([unit, content]) => [unit, { content }])),
    settings: {
      remappings,
      optimizer: { enabled: options.optimize === true, runs: 200 },
      ...(options.evmVersion === undefined ? {} : { evmVersion: options.evmVersion }),
      outputSelection: outputSelection(options),
    },
  };
  const output = runStandardJson(solc, input, graph.read, sourceTexts);
  const table: SourceTable = {
    byId: new Map(
      Object.entries(output.sources).map(([name, { id }]) => [id, { name, content: sourceTexts.get(name) ?? "" }]),
    ),
  };
  const contracts = Object.entries(output.contracts).flatMap(([sourceName, byName]) =>
    Object.entries(byName).map(([name, raw]) => toCompiledContract(sourceName, name, raw, solc.longVersion, table)),
  );
  const substitutionWarnings: CompileDiagnostic[] = [...graph.substituted].map(([unit, shim]) => ({
    severity: "warning",
    file: unit,
    line: 0,
    column: 0,
    type: "ImportWarning",
    message: `not found under the root; compiled the built-in ${shim} in its place`,
  }));
  const warnings = [...relaxWarnings, ...substitutionWarnings, ...output.warnings];
  const asts = new Map(Object.entries(output.sources).flatMap(([name, { ast }]) => (ast === undefined ? [] : [[name, ast]])));
  return { compilerVersion: solc.longVersion, entry: graph.entry, contracts, warnings, sources: table, asts };
}

/** Compiles `file` and its imports; throws CompileError (with file:line:col of every error) on failure. */
export function compileSolidityProject(file: string, options: SolidityOptions = {}): SolidityCompilation {
  const root = resolve(options.root ?? ".");
  const remappings = remappingsOf(options, root);
  return compileGraph(loadSourceGraph(file, searchPath(options, root), remappings.parsed), remappings.texts, options);
}

/**
 * Compiles Solidity given as text (named `sourceName`, default "input.sol", inside the root); its
 * imports are resolved as for a file at that place.
 */
export function compileSoliditySource(
  source: string,
  options: SolidityOptions & { readonly sourceName?: string } = {},
): SolidityCompilation {
  const root = resolve(options.root ?? ".");
  const remappings = remappingsOf(options, root);
  const graph = sourceGraphOf(options.sourceName ?? "input.sol", source, searchPath(options, root), remappings.parsed);
  return compileGraph(graph, remappings.texts, options);
}

/** `compileSolidityProject(…).contracts`: every contract of the file and of the files it imports. */
export function compileSolidity(file: string, options: SolidityOptions = {}): CompiledContract[] {
  return [...compileSolidityProject(file, options).contracts];
}
