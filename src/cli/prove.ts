/**
 * `svm prove`: symbolic property checking (issue 4; the conventions of halmos and hevm). Compiles
 * the Solidity or Yul input (src/compile), hands each test contract to the engine in proofs/, and
 * decodes counterexamples with the ABI (src/abi). Every counterexample printed was replayed
 * concretely on the spec and failed there too.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { functionsOf, selectorOf, signatureOf } from "../abi/index.js";
import { counterexampleJson, counterexampleText, type DecodingContext, renderCounterexample, type RenderedCounterexample } from "../audit/counterexample.js";
import { type CompiledContract, CompileError, compileSolidityProject, compileYul, missingImport, type ProjectLayout } from "../compile/index.js";
import { checkBytecode, checkContract, deployedRuntime } from "../../proofs/check.js";
import { type ReplaySubject, traceCounterexample } from "../../proofs/replay-trace.js";
import type { ParamType } from "../../proofs/calldata.js";
import type { KnownContract } from "../../proofs/invariants.js";
import { type ContractFunction, DEFAULT_OPTIONS, type PropertyContract, type PropertyResult, type ProveOptions, propertyKind } from "../../proofs/prove.js";
import { setArithmeticAbstraction } from "../../proofs/domain/abstraction-setting.js";
import { portfolio, setExternalSolvers, setSolverWorkers, warmSolverPool, z3 } from "../../proofs/z3/context.js";
import { type ExternalSolver, parseSolverSpec, solversOnPath } from "../../proofs/z3/external-solver.js";
import type { SolverStats } from "../../proofs/z3/portfolio.js";
import { TerminalStatus } from "../../conformance/terminal-status.js";
import { CORES, DEFAULT_POOL_SIZE, MAX_POOL_SIZE } from "../../proofs/z3/solver-pool.js";
import { ALL_PANIC_CODES } from "../../proofs/failure.js";
import { hexToBytes } from "../../spec/primitives/bytes.js";
import { FORK_NAMES, type ForkName, isForkName } from "../../interface/implementation.js";
import { type Command, InputError, UsageError } from "./command.js";
import { exitCode, solversLine, statsLine, summaryLine, tagOf } from "./prove-report.js";
import { type OptionSpec, parseOptions, positiveInteger, regexOption } from "./options.js";
import { checkOutputFile } from "./output-path.js";
import { importHint, layoutOf } from "./project-layout.js";

interface ProveArgs {
  readonly target: string;
  /** Import root (default: the Foundry project the target is in, else the folder given or the file's folder). */
  readonly root?: string;
  readonly remappings: readonly string[];
  readonly contract?: string;
  readonly json?: string;
  readonly options: ProveOptions;
  /** Whether --panic or --revert-fails chose what fails; bytecode mode otherwise looks for any Panic. */
  readonly failureChosen: boolean;
  /** Solver worker threads. */
  readonly solvers: number;
  /** Refuse a pinned pragma (`pragma solidity 0.8.19;`) whose compiler is not installed, instead of using the newest of its line. */
  readonly strictPragma: boolean;
  /** A pass within bounds counts as a pass for the exit code. */
  readonly acceptBounded: boolean;
  /** Show the call trace of each counterexample's replay. */
  readonly verbose: boolean;
  /** External solvers named with --solver, raced with Z3 besides the known ones on PATH. */
  readonly named: readonly ExternalSolver[];
  /** Z3 alone: no external solver. */
  readonly z3Only: boolean;
  /** Print each property's solver statistics. */
  readonly stats: boolean;
  /** Exact division, remainder, product and power terms from the start (for comparison). */
  readonly noAbstraction: boolean;
}

const OPTIONS: readonly OptionSpec[] = [
  { name: "--contract", value: true },
  { name: "--match", value: true },
  { name: "--loop", value: true },
  { name: "--depth", value: true },
  { name: "--timeout", value: true },
  { name: "--panic", value: true },
  { name: "--json", value: true },
  { name: "--root", value: true },
  { name: "--remap", value: true, repeatable: true },
  { name: "--solvers", value: true },
  { name: "--calldata", value: true },
  { name: "--fork", value: true },
  { name: "--symbolic-storage", value: false },
  { name: "--revert-fails", value: false },
  { name: "--strict-pragma", value: false },
  { name: "--accept-bounded", value: false },
  { name: "--verbose", value: false, alias: "-v" },
  { name: "--solver", value: true, repeatable: true },
  { name: "--z3-only", value: false },
  { name: "--stats", value: false },
  { name: "--no-abstraction", value: false },
];

function parsePanics(text: string): bigint[] {
  if (text === "all") return [...ALL_PANIC_CODES];
  return text.split(",").map((part) => {
    const trimmed = part.trim();
    if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(trimmed)) throw new UsageError(`--panic: expected codes like 0x11,0x12 or 'all', got '${part}'`);
    return BigInt(trimmed);
  });
}

function parseFork(text: string): ForkName {
  if (!isForkName(text)) throw new UsageError(`--fork: unknown fork '${text}' (one of: ${FORK_NAMES.join(", ")})`);
  return text;
}

function parseCalldata(text: string): "abi" | "abstract" {
  if (text !== "abi" && text !== "abstract") throw new UsageError(`--calldata: expected 'abi' or 'abstract', got '${text}'`);
  return text;
}

/** The number of solver workers asked for: at most twice the cores, since each one is a Z3 of its own competing for them. */
function parseSolvers(text: string): number {
  const count = positiveInteger("--solvers", text);
  if (count > MAX_POOL_SIZE) {
    throw new UsageError(`--solvers: ${count} is more than twice the ${CORES} cores of this machine (at most ${MAX_POOL_SIZE}); more solvers than cores only slow each other down`);
  }
  return count;
}

/** `--solver NAME=COMMAND`, repeatable: a later one of the same name replaces an earlier one. */
function parseExternalSolvers(specs: readonly string[]): ExternalSolver[] {
  const byName = new Map<string, ExternalSolver>();
  for (const spec of specs) {
    try {
      const solver = parseSolverSpec(spec);
      byName.set(solver.name, solver);
    } catch (error) {
      throw new UsageError(`--solver: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return [...byName.values()];
}

/** The known solvers on PATH, with those named by --solver added (or replacing one of the same name). */
function externalSolvers(named: readonly ExternalSolver[]): ExternalSolver[] {
  const names = new Set(named.map((solver) => solver.name));
  return [...solversOnPath().filter((solver) => !names.has(solver.name)), ...named];
}

function parseArgs(args: readonly string[]): ProveArgs {
  const parsed = parseOptions(args, OPTIONS);
  const text = (flag: string) => parsed.values.get(flag);
  const has = (flag: string) => parsed.switches.has(flag);
  if (has("--revert-fails") && text("--panic") !== undefined) throw new UsageError("--revert-fails and --panic choose different conventions: give one");
  if (parsed.positional.length !== 1) throw new UsageError("expected one input: a .sol file, a folder, a .yul file or runtime bytecode hex");
  const remappings = parsed.lists.get("--remap") ?? [];
  for (const remapping of remappings) if (!remapping.includes("=")) throw new UsageError(`--remap: expected prefix=target, got '${remapping}'`);
  const matchText = text("--match");
  const solverSpecs = parsed.lists.get("--solver") ?? [];
  if (has("--z3-only") && solverSpecs.length > 0) throw new UsageError("--z3-only and --solver contradict each other: give one");
  const options: ProveOptions = {
    ...DEFAULT_OPTIONS,
    ...(text("--loop") !== undefined && { loopBound: positiveInteger("--loop", text("--loop")!) }),
    ...(text("--depth") !== undefined && { depth: positiveInteger("--depth", text("--depth")!) }),
    ...(text("--timeout") !== undefined && { timeoutMs: positiveInteger("--timeout", text("--timeout")!) * 1000 }),
    ...(text("--panic") !== undefined && { panics: parsePanics(text("--panic")!) }),
    ...(has("--revert-fails") && { panics: "any-revert" as const }),
    ...(matchText !== undefined && { match: regexOption("--match", matchText) }),
    ...(has("--symbolic-storage") && { symbolicStorage: true }),
    ...(text("--calldata") !== undefined && { calldata: parseCalldata(text("--calldata")!) }),
    ...(text("--fork") !== undefined && { fork: parseFork(text("--fork")!) }),
  };
  return {
    target: parsed.positional[0]!,
    remappings,
    ...(text("--root") !== undefined && { root: text("--root")! }),
    ...(text("--contract") !== undefined && { contract: text("--contract")! }),
    ...(text("--json") !== undefined && { json: text("--json")! }),
    options,
    failureChosen: has("--revert-fails") || text("--panic") !== undefined,
    solvers: text("--solvers") === undefined ? DEFAULT_POOL_SIZE : parseSolvers(text("--solvers")!),
    strictPragma: has("--strict-pragma"),
    acceptBounded: has("--accept-bounded"),
    verbose: has("--verbose"),
    named: parseExternalSolvers(solverSpecs),
    z3Only: has("--z3-only"),
    stats: has("--stats"),
    noAbstraction: has("--no-abstraction"),
  };
}

/** Bytecode mode asks whether any Panic (or INVALID) is reachable, unless the user chose otherwise. */
function bytecodeOptions(args: ProveArgs): ProveOptions {
  return args.failureChosen ? args.options : { ...args.options, panics: "any-revert" };
}

/** The engine's view of a compiled contract's functions (JSON ABI types, selectors, signatures). */
export function functionsFor(contract: CompiledContract): ContractFunction[] {
  const parsed = functionsOf(contract.abi);
  const json = contract.abiJson.filter((item): item is { type: string; inputs?: ParamType[] } => (item as { type?: string }).type === "function");
  return parsed.map((fn, i) => ({
    name: fn.name,
    signature: signatureOf(fn),
    selector: selectorOf(fn),
    inputs: json[i]?.inputs ?? [],
    stateMutability: fn.stateMutability,
  }));
}

function solidityFiles(folder: string, skip: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder).sort()) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const path = join(folder, entry);
    if (skip.has(resolve(path))) continue;
    if (statSync(path).isDirectory()) out.push(...solidityFiles(path, skip));
    else if (entry.endsWith(".sol")) out.push(path);
  }
  return out;
}

/**
 * The Solidity files of a folder target, without the project's libraries (their tests are not
 * the project's properties); a Foundry project's root stands for its src and test folders.
 */
function solidityFilesOf(folder: string, layout: ProjectLayout): string[] {
  const libraries = new Set(layout.libs.map((lib) => resolve(layout.root, lib)));
  if (layout.marker === "foundry.toml" && resolve(folder) === layout.root) {
    const parts = [...new Set([layout.src, layout.test].map((part) => join(folder, part)))].filter((part) => existsSync(part) && statSync(part).isDirectory());
    return [...new Set(parts.flatMap((part) => solidityFiles(part, libraries)))];
  }
  return solidityFiles(folder, libraries);
}

/** A file of a folder that could not be checked (it does not compile, or its contracts do not deploy). */
interface FileError {
  readonly file: string;
  readonly message: string;
}

interface Line {
  readonly file: string;
  readonly result: PropertyResult;
  /** The portfolio's queries for this property (taken when its result arrives: properties are checked one at a time). */
  readonly stats: SolverStats;
  /** The counterexample decoded and its replay's logs and trace (src/audit/counterexample.ts), for a failure. */
  readonly counterexample: RenderedCounterexample | undefined;
}

/** A result as a line of the report: a counterexample is replayed once more, traced, and decoded. */
function lineOf(file: string, result: PropertyResult, subject: ReplaySubject, context: DecodingContext, fork: ForkName | undefined): Line {
  const cex = result.counterexample;
  const replay = cex === undefined ? undefined : traceCounterexample(subject, result.function, cex, fork);
  return { file, result, stats: portfolio().takeStats(), counterexample: renderCounterexample(result, context, replay) };
}

const NO_CONTRACTS: DecodingContext = { abis: new Map(), runtimes: new Map() };

function printLine(line: Line, verbose: boolean, stats: boolean): void {
  const r = line.result;
  const out = [`${tagOf(r)} ${r.contract}.${r.function} (paths: ${r.paths}, ${r.timeMs} ms)`];
  if (r.reason !== undefined) out.push(`    reason: ${r.reason}`);
  if (stats) out.push(`    ${statsLine(line.stats)}`);
  if (line.counterexample !== undefined) out.push(...counterexampleText(line.counterexample, verbose));
  process.stdout.write(`${out.join("\n")}\n`);
}

/**
 * What is being proved and for how long, on a terminal (one property can take the whole time
 * budget): redrawn every second while the solver works, silent in CI and pipes.
 */
class ProofStatus {
  private readonly line = new TerminalStatus<{ what: string; since: number }>(process.stdout, ({ what, since }) => `proving ${what} … ${Math.round((Date.now() - since) / 1000)} s`, { redrawMs: 1000 });
  private current: { what: string; since: number } | undefined;
  private readonly timer = setInterval(() => this.current !== undefined && this.line.update(this.current), 1000).unref();

  begin(what: string): void {
    this.current = { what, since: Date.now() };
    this.line.update(this.current);
  }

  clear(): void {
    this.current = undefined;
    this.line.clear();
  }

  stop(): void {
    clearInterval(this.timer);
    this.clear();
  }
}

/** What the selection matched, so that a run which checked nothing says why instead of passing. */
interface Selection {
  /** Properties selected and handed to the engine. */
  properties: number;
  /** Contracts compiled from the target files, and those that had properties (before --contract and --match). */
  readonly contracts: string[];
  readonly withProperties: string[];
  /** Solidity files found under a folder target. */
  files: number;
}

/** What one run of the command collects, and the solver workers' start-up every property waits for. */
interface RunState {
  readonly lines: Line[];
  readonly errors: FileError[];
  readonly status: ProofStatus;
  readonly selection: Selection;
  /** Starts Z3 and the solver workers on first call (a run that selects nothing starts none) and resolves once they are warm. */
  readonly solversReady: () => Promise<void>;
}

async function proveSolidity(file: string, layout: ProjectLayout, args: ProveArgs, state: RunState): Promise<void> {
  const { lines, status, selection } = state;
  const root = layout.root;
  let contracts: readonly CompiledContract[];
  try {
    const compilation = compileSolidityProject(file, {
      root,
      remappings: layout.remappings,
      includePaths: layout.includePaths,
      relaxPinnedVersions: !args.strictPragma,
    });
    for (const warning of compilation.warnings) {
      if (warning.type === "VersionWarning") process.stderr.write(`svm prove: warning: ${warning.file}: ${warning.message}\n`);
    }
    contracts = compilation.contracts;
  } catch (error) {
    if (error instanceof CompileError) throw new InputError(missingImport(error.message) ? `${error.message}${importHint(layout)}` : error.message);
    throw error;
  }
  const decoding: DecodingContext = {
    abis: new Map(contracts.map((c) => [c.name, c.abi])),
    runtimes: new Map(contracts.filter((c) => c.runtimeBytecode.length > 0).map((c) => [c.name, c.runtimeBytecode])),
  };
  const artifacts = contracts.map((c) => ({ name: c.name, sourceName: c.sourceName, creation: c.creationBytecode }));
  const known: KnownContract[] = contracts
    .filter((c) => c.runtimeBytecode.length > 0)
    .map((c) => ({ name: c.name, runtime: c.runtimeBytecode, functions: functionsFor(c) }));
  const own = relative(root, file);
  const deployable = contracts.filter((c) => c.creationBytecode.length > 0 && (c.sourceName === own || resolve(root, c.sourceName) === resolve(file)));
  selection.contracts.push(...deployable.map((c) => c.name));
  const withProperties = deployable.filter((c) => functionsOf(c.abi).some((f) => propertyKind(f.name) !== undefined));
  selection.withProperties.push(...withProperties.map((c) => c.name));
  const tests = withProperties.filter((c) => args.contract === undefined || c.name === args.contract);
  for (const test of tests) {
    const contract: PropertyContract = { name: test.name, creation: test.creationBytecode, functions: functionsFor(test), artifacts };
    const selected = contract.functions.filter((f) => propertyKind(f.name) !== undefined && (args.options.match?.test(f.name) ?? true)).length;
    if (selected === 0) continue;
    selection.properties += selected;
    await state.solversReady();
    await checkContract(
      contract,
      known,
      args.options,
      (result) => {
        status.clear();
        const line = lineOf(file, result, { kind: "contract", contract, known }, decoding, args.options.fork);
        lines.push(line);
        printLine(line, args.verbose, args.stats);
      },
      (fn) => {
        // What ran between properties (the deployment's setUp) is no property's.
        portfolio().takeStats();
        status.begin(`${test.name}.${fn.signature}`);
      },
    );
  }
}

/** Why nothing was checked, naming what matched nothing. */
function nothingSelected(args: ProveArgs, selection: Selection): string {
  const target = args.target;
  if (selection.files === 0) return `no .sol files under ${target}`;
  if (selection.withProperties.length === 0) {
    const found = selection.contracts.length === 0 ? "no deployable contracts" : `contracts ${selection.contracts.join(", ")}`;
    return `no properties (prove_, check_, proveFail_, invariant_ functions) in ${target}: found ${found}`;
  }
  if (args.contract !== undefined && !selection.withProperties.includes(args.contract)) {
    return `--contract ${args.contract}: no contract of that name with properties in ${target} (there are: ${[...new Set(selection.withProperties)].join(", ")})`;
  }
  return `--match ${args.options.match?.source ?? ""}: no property${args.contract === undefined ? "" : ` of ${args.contract}`} in ${target} matches`;
}

async function proveTarget(args: ProveArgs, state: RunState): Promise<void> {
  const { lines, errors, selection } = state;
  const target = args.target;
  let stats;
  try {
    stats = statSync(target);
  } catch {
    stats = undefined;
  }
  if (stats === undefined) {
    if (!/^(0x)?[0-9a-fA-F]*$/.test(target) || target.replace(/^0x/, "").length % 2 !== 0) {
      throw new InputError(`${target}: no such file, and not bytecode hex`);
    }
    selection.files = 1;
    selection.properties = 1;
    await state.solversReady();
    const runtime = hexToBytes(target);
    const result = await checkBytecode("bytecode", runtime, bytecodeOptions(args));
    const line = lineOf("", result, { kind: "bytecode", runtime }, NO_CONTRACTS, args.options.fork);
    lines.push(line);
    printLine(line, args.verbose, args.stats);
    return;
  }
  if (stats.isDirectory()) {
    const layout = layoutOf(args);
    const files = solidityFilesOf(target, layout);
    selection.files = files.length;
    // One file that does not compile must not cost the others their results.
    for (const file of files) {
      try {
        await proveSolidity(file, layout, args, state);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        process.stderr.write(`svm prove: ${file}: ${error.message}\n`);
        errors.push({ file, message: error.message });
      }
    }
    return;
  }
  selection.files = 1;
  if (target.endsWith(".yul")) {
    let compiled;
    try {
      compiled = compileYul(readFileSync(target, "utf8"));
    } catch (error) {
      if (error instanceof CompileError) throw new InputError(error.message);
      throw error;
    }
    // A Yul object with a nested object is creation code that deploys the inner one; a plain block runs as it is.
    const source = readFileSync(target, "utf8");
    const runtime = /\bobject\s+"[^"]*"\s*\{[\s\S]*\bobject\s+"/.test(source) ? deployedRuntime(compiled.bytecode) : compiled.bytecode;
    if (runtime === undefined) throw new InputError(`${target}: the Yul object's constructor failed or deployed no code`);
    selection.properties = 1;
    await state.solversReady();
    const result = await checkBytecode(compiled.name, runtime, bytecodeOptions(args));
    const line = lineOf(target, result, { kind: "bytecode", runtime }, NO_CONTRACTS, args.options.fork);
    lines.push(line);
    printLine(line, args.verbose, args.stats);
    return;
  }
  await proveSolidity(target, layoutOf(args), args, state);
}

function writeJson(path: string, lines: readonly Line[], errors: readonly FileError[], verbose: boolean, solvers: readonly string[]): void {
  const results = lines.map((line) => ({
    file: line.file,
    contract: line.result.contract,
    function: line.result.function,
    status: line.result.status,
    reason: line.result.reason ?? null,
    counterexample: line.counterexample === undefined ? null : counterexampleJson(line.counterexample, verbose),
    bounds: line.result.bounds,
    paths: line.result.paths,
    timeMs: line.result.timeMs,
    stats: line.stats,
  }));
  try {
    writeFileSync(path, `${JSON.stringify({ solvers, results, errors }, null, 2)}\n`);
  } catch (error) {
    throw new InputError(`--json: cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.json !== undefined) checkOutputFile("--json", args.json);
  // Each property's clock starts once the workers are warm, so Z3's start-up is never charged to it.
  let solvers: Promise<Awaited<ReturnType<typeof z3>>> | undefined;
  const state: RunState = {
    lines: [],
    errors: [],
    status: new ProofStatus(),
    selection: { properties: 0, contracts: [], withProperties: [], files: 0 },
    solversReady: async () => {
      solvers ??= z3().then(async (runtime) => {
        setSolverWorkers(args.solvers);
        setArithmeticAbstraction(!args.noAbstraction);
        setExternalSolvers(args.z3Only ? [] : externalSolvers(args.named));
        if (args.stats) process.stdout.write(`${solversLine(portfolio().names, args.z3Only)}\n`);
        await warmSolverPool();
        return runtime;
      });
      await solvers;
    },
  };
  const { lines, errors, selection } = state;
  try {
    await proveTarget(args, state);
  } finally {
    state.status.stop();
    if (solvers !== undefined) await (await solvers).shutdown();
  }
  if (selection.properties === 0 && errors.length === 0) throw new InputError(`nothing to check: ${nothingSelected(args, selection)}`);
  const statuses = lines.map((line) => line.result.status);
  process.stdout.write(`${summaryLine(statuses, errors.length)}\n`);
  if (args.json !== undefined) writeJson(args.json, lines, errors, args.verbose, solvers === undefined ? [] : portfolio().names);
  return exitCode(statuses, errors.length, args.acceptBounded);
}

export const proveCommand: Command = {
  name: "prove",
  summary: "check prove_/check_/invariant_ properties (or bytecode) symbolically with Z3 (raced with cvc5, boolector… when present); counterexamples replayed on the spec",
  help: `Usage: svm prove <file.sol | folder | file.yul | bytecode-hex> [--contract NAME] [--match REGEX]
                 [--loop N] [--depth N] [--timeout SECONDS] [--panic CODES | --revert-fails]
                 [--calldata abi|abstract] [--symbolic-storage] [--fork NAME] [--accept-bounded] [-v]
                 [--json FILE] [--root DIR] [--remap prefix=target]... [--solvers N] [--strict-pragma]
                 [--solver NAME=COMMAND]... [--z3-only] [--stats] [--no-abstraction]

Deploys each test contract and runs setUp() concretely on the spec, then explores every path of
each property with symbolic arguments (Z3). prove_/check_ functions fail on a failed assert
(Panic 0x01, and the Panic codes chosen with --panic), a ds-test/forge-std assertion failure
(failed() true, or a failed vm.assert* cheatcode, which forge-std v1.8+ assertions call), or
INVALID; other reverts, like inputs rejected by vm.assume, are assumptions
(halmos' convention), and a property whose every path reverts is reported as such.
proveFail_/checkFail_ functions (ds-test and hevm) must instead fail, by a revert or a failed
assertion, for every input.
invariant_ functions must hold after every sequence of up to --depth calls to the target
contracts from any caller (with any value, for payable functions). Runtime bytecode (hex) or Yul
is checked for a reachable Panic or INVALID with symbolic calldata (any Panic code, unless
--panic narrows it).

Each result is one of:
  [PASS]                      every input was explored and none fails
  [PASS (bounded: loop 16, calldata ≤ 1024 bytes)]
                              no input explored fails, but the bounds named cut the exploration
                              short: not a proof
  [FAIL]                      a counterexample, replayed concretely on the spec: the calls, the
                              assertion's message, the replay's console.log lines (and, with -v,
                              its call trace)
  [UNKNOWN]                   the solver or engine gave up, with the reason
and the run ends with "N passed, B bounded, M failed, U unknown".

A Foundry project is checked where it stands: the root is the nearest folder above the target
holding foundry.toml (else remappings.txt, else .git); foundry.toml's [profile.default] (or the
FOUNDRY_PROFILE one over it) src, test, libs and remappings, remappings.txt, and the libraries'
own remappings are read, so \`import "src/Counter.sol"\` in test/Counter.t.sol works from the
root. Without a project, the root is the folder given or the file's folder. An import that is not
found names every folder searched.

Options:
  --contract NAME     only this test contract
  --match REGEX       only properties whose name matches
  --loop N            symbolic branches taken at one pc per path before giving up (default ${DEFAULT_OPTIONS.loopBound})
  --depth N           longest call sequence for invariants (default ${DEFAULT_OPTIONS.depth})
  --timeout SECONDS   time budget per property (default ${DEFAULT_OPTIONS.timeoutMs / 1000}); the solvers' start-up is not counted
  --panic CODES       Panic codes that fail a property besides 0x01 (e.g. 0x11,0x12, or 'all')
  --revert-fails      forge's convention instead: every revert fails a property (a require, any
                      Panic, an unmet vm.expectRevert)
  --calldata MODE     abi (default): prove_ arguments are ABI-encoded values, as forge and halmos
                      give them; abstract: any bytes of any length after the selector (hevm's
                      convention)
  --symbolic-storage  prove_ functions start from arbitrary storage in the contracts setUp deployed
  --fork NAME         the fork the properties run under (default Cancun); SVM adds the SVM
                      precompiles (docs/extensions.md). A precompile called with symbolic input
                      answers through an uninterpreted function (docs/prove.md, "Precompiles")
  --accept-bounded    a pass within bounds counts as a pass for the exit code
  -v, --verbose       with each counterexample, the call trace of its replay (calls, events,
                      reverts, decoded with the ABI)
  --json FILE         write {"solvers":[names], "results":[{file, contract, function, status, bounds,
                      reason, counterexample, paths, timeMs, stats:{queries, answeredBy,
                      undecided, timeMs, removedBySimplifier, refined}}],
                      "errors":[{file, message}]}; status is
                      pass, bounded, fail or unknown (checked writable before anything runs)
  --root DIR          import root for Solidity (default: the Foundry project's root, else the
                      folder given or the file's folder)
  --remap P=T         an import remapping (repeatable; wins over the project's for its prefix)
  --solvers N         solver worker threads, each with its own Z3 (default: one per core, ${DEFAULT_POOL_SIZE}
                      here; at most twice the cores, ${MAX_POOL_SIZE} here)
  --solver NAME=CMD   an external SMT-LIB 2 solver raced with Z3 (repeatable): CMD reads a script
                      on standard input and answers check-sat and get-value, e.g.
                      --solver 'bitwuzla=bitwuzla --lang smt2'. cvc5, bitwuzla, yices-smt2 and
                      boolector are raced whenever they are on PATH (scripts/setup-solvers.sh
                      installs the Debian ones); without any, Z3 decides alone, and --stats says so.
                      Every query goes to Z3 and, after a 500 ms head start, to all the others;
                      the first sat or unsat is kept and the others are stopped; a sat model is
                      still replayed on the spec before it counts
  --z3-only           race no external solver
  --stats             per property: the solver queries asked, how many each solver answered
                      first, the queries the term simplifier made unnecessary, the queries
                      re-asked with exact arithmetic, and the time each solver spent (the JSON
                      has them as "stats")
  --no-abstraction    DIV, SDIV, MOD, SMOD, ADDMOD, MULMOD, EXP and products of symbolic words
                      as exact bit-vector terms from the start; by default they are uninterpreted
                      functions with lemmas, made exact only for a model that does not replay
  --strict-pragma     refuse a pinned pragma (pragma solidity 0.8.19;) whose compiler is not
                      installed; by default the newest installed compiler of its line is used,
                      with a warning

Exit codes of svm prove: 0 only when every property selected passed (bounded ones too, with
--accept-bounded); 1 when one failed, was unknown or only bounded, or a file of a folder could
not be checked (it is named on stderr and in the JSON's "errors", and the other files are still
checked); 2 on a usage or input error, and when nothing was selected (a file without
properties, --contract or --match matching nothing, a folder without .sol files).

Examples:
  svm prove test/Counter.t.sol                  (from a Foundry project's root)
  svm prove test/proofs/properties/Arithmetic.t.sol --match unsafe --json results.json
  svm prove 0x60c83611600857005bfe             (runtime bytecode: is a Panic or INVALID reachable?)`,
  run,
};
