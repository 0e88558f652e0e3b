/**
 * `svm prove`: symbolic property checking (issue 4; the conventions of halmos and hevm). Compiles
 * the Solidity or Yul input (src/compile), hands each test contract to the engine in proofs/, and
 * decodes counterexamples with the ABI (src/abi). Every counterexample printed was replayed
 * concretely on the spec and failed there too.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { type Abi, type AbiFunction, decodeCall, decodeRevert, formatCall, functionsOf, selectorOf, signatureOf, toChecksumAddress } from "../abi/index.js";
import { type CompiledContract, CompileError, compileSolidityProject, compileYul } from "../compile/index.js";
import { checkBytecode, checkContract, deployedRuntime } from "../../proofs/check.js";
import type { ParamType } from "../../proofs/calldata.js";
import type { KnownContract } from "../../proofs/invariants.js";
import { type ContractFunction, DEFAULT_OPTIONS, type PropertyContract, type PropertyResult, type ProveOptions, propertyKind } from "../../proofs/prove.js";
import { setSolverWorkers, z3 } from "../../proofs/z3/context.js";
import { TerminalStatus } from "../../conformance/terminal-status.js";
import { DEFAULT_POOL_SIZE } from "../../proofs/z3/solver-pool.js";
import { ALL_PANIC_CODES } from "../../proofs/failure.js";
import { bytesToHex, hexToBytes } from "../../spec/primitives/bytes.js";
import { type Command, InputError, UsageError } from "./command.js";

interface ProveArgs {
  readonly target: string;
  /** Import root (default: the folder given, or the file's folder). */
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
}

const VALUE_FLAGS = new Set(["--contract", "--match", "--loop", "--depth", "--timeout", "--panic", "--json", "--root", "--solvers"]);

function positiveInteger(flag: string, text: string): number {
  if (!/^[0-9]+$/.test(text) || Number(text) < 1) throw new UsageError(`${flag}: expected a positive integer, got '${text}'`);
  return Number(text);
}

function parsePanics(text: string): bigint[] {
  if (text === "all") return [...ALL_PANIC_CODES];
  return text.split(",").map((part) => {
    const trimmed = part.trim();
    if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(trimmed)) throw new UsageError(`--panic: expected codes like 0x11,0x12 or 'all', got '${part}'`);
    return BigInt(trimmed);
  });
}

function parseArgs(args: readonly string[]): ProveArgs {
  const values = new Map<string, string>();
  const positional: string[] = [];
  const remappings: string[] = [];
  let symbolicStorage = false;
  let revertFails = false;
  let strictPragma = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag === "--symbolic-storage") {
      symbolicStorage = true;
    } else if (flag === "--revert-fails") {
      revertFails = true;
    } else if (flag === "--strict-pragma") {
      strictPragma = true;
    } else if (flag === "--remap") {
      const value = inline ?? args[++i];
      if (value === undefined || !value.includes("=")) throw new UsageError("--remap needs prefix=target");
      remappings.push(value);
    } else if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      if (values.has(flag)) throw new UsageError(`${flag} given twice`);
      values.set(flag, value);
    } else if (arg.startsWith("--")) throw new UsageError(`unknown argument '${arg}'`);
    else positional.push(arg);
  }
  if (revertFails && values.has("--panic")) throw new UsageError("--revert-fails and --panic choose different conventions: give one");
  if (positional.length !== 1) throw new UsageError("expected one input: a .sol file, a folder, a .yul file or runtime bytecode hex");
  let match: RegExp | undefined;
  const matchText = values.get("--match");
  if (matchText !== undefined) {
    try {
      match = new RegExp(matchText);
    } catch (error) {
      throw new UsageError(`--match: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const text = (flag: string) => values.get(flag);
  const options: ProveOptions = {
    ...DEFAULT_OPTIONS,
    ...(text("--loop") !== undefined && { loopBound: positiveInteger("--loop", text("--loop")!) }),
    ...(text("--depth") !== undefined && { depth: positiveInteger("--depth", text("--depth")!) }),
    ...(text("--timeout") !== undefined && { timeoutMs: positiveInteger("--timeout", text("--timeout")!) * 1000 }),
    ...(text("--panic") !== undefined && { panics: parsePanics(text("--panic")!) }),
    ...(revertFails && { panics: "any-revert" as const }),
    ...(match !== undefined && { match }),
    ...(symbolicStorage && { symbolicStorage }),
  };
  return {
    target: positional[0]!,
    remappings,
    ...(text("--root") !== undefined && { root: text("--root")! }),
    ...(text("--contract") !== undefined && { contract: text("--contract")! }),
    ...(text("--json") !== undefined && { json: text("--json")! }),
    options,
    failureChosen: revertFails || text("--panic") !== undefined,
    solvers: text("--solvers") === undefined ? DEFAULT_POOL_SIZE : positiveInteger("--solvers", text("--solvers")!),
    strictPragma,
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

function solidityFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder).sort()) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) out.push(...solidityFiles(path));
    else if (entry.endsWith(".sol")) out.push(path);
  }
  return out;
}

/** A file of a folder that could not be checked (it does not compile, or its contracts do not deploy). */
interface FileError {
  readonly file: string;
  readonly message: string;
}

interface Line {
  readonly file: string;
  readonly result: PropertyResult;
  readonly abis: ReadonlyMap<string, Abi>;
}

function decodeStep(abis: ReadonlyMap<string, Abi>, contract: string, step: { function: string; calldata: Uint8Array }): string {
  const [owner, signature] = step.function.includes(".") ? step.function.split(/\.(.*)/s) : [contract, step.function];
  const abi = abis.get(owner!);
  if (abi === undefined || signature === "(calldata)") return bytesToHex(step.calldata);
  try {
    const decoded = decodeCall(abi, step.calldata);
    return formatCall(decoded.function as AbiFunction, decoded.args);
  } catch {
    return `${signature} with calldata ${bytesToHex(step.calldata)}`;
  }
}

/** The replay's failure, with revert data explained by the ABI (Error(string), custom errors). */
function describeFailure(failure: string, abi: Abi | undefined): string {
  const raw = /^revert with (0x[0-9a-f]*)$/.exec(failure);
  if (raw === null) return failure;
  const reason = decodeRevert(hexToBytes(raw[1]!), abi ?? []);
  switch (reason.kind) {
    case "empty":
      return "revert (no data)";
    case "error":
      return `revert: Error(${JSON.stringify(reason.message)})`;
    case "panic":
      return `revert: Panic(0x${reason.code.toString(16)}): ${reason.reason}`;
    case "custom":
      return `revert: ${formatCall({ name: reason.error.name, inputs: reason.error.inputs }, reason.args)}`;
    default:
      return failure;
  }
}

const address = (value: bigint) => toChecksumAddress(`0x${value.toString(16).padStart(40, "0")}`);

function counterexampleJson(line: Line) {
  const cex = line.result.counterexample;
  if (cex === undefined) return null;
  return {
    failure: describeFailure(cex.failure, line.abis.get(line.result.contract)),
    storage: (cex.storage ?? []).map((s) => ({ address: address(s.address), slot: `0x${s.slot.toString(16)}`, value: `0x${s.value.toString(16)}` })),
    calls: cex.calls.map((step) => ({
      function: step.function,
      call: decodeStep(line.abis, line.result.contract, step),
      caller: address(step.caller),
      value: step.value.toString(),
      calldata: bytesToHex(step.calldata),
    })),
  };
}

function printLine(line: Line): void {
  const r = line.result;
  const tag = r.status === "pass" ? "[PASS]" : r.status === "fail" ? "[FAIL]" : "[UNKNOWN]";
  const bounds = r.bounds.length > 0 ? `, bounds: ${r.bounds.join(", ")}` : "";
  process.stdout.write(`${tag} ${r.contract}.${r.function} (paths: ${r.paths}, ${r.timeMs} ms${bounds})\n`);
  if (r.reason !== undefined) process.stdout.write(`    reason: ${r.reason}\n`);
  const cex = r.counterexample;
  if (cex !== undefined) {
    process.stdout.write(`    counterexample (replayed on the spec: ${describeFailure(cex.failure, line.abis.get(r.contract))}):\n`);
    for (const s of cex.storage ?? []) process.stdout.write(`      storage of ${address(s.address)}: slot 0x${s.slot.toString(16)} = 0x${s.value.toString(16)}\n`);
    for (const step of cex.calls) {
      const value = step.value === 0n ? "" : ` value ${step.value}`;
      process.stdout.write(`      from ${address(step.caller)}${value}: ${decodeStep(line.abis, r.contract, step)}\n`);
    }
  }
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

async function proveSolidity(file: string, root: string, args: ProveArgs, lines: Line[], status: ProofStatus): Promise<void> {
  let contracts: readonly CompiledContract[];
  try {
    const compilation = compileSolidityProject(file, { root, remappings: args.remappings, relaxPinnedVersions: !args.strictPragma });
    for (const warning of compilation.warnings) {
      if (warning.type === "VersionWarning") process.stderr.write(`svm prove: warning: ${warning.file}: ${warning.message}\n`);
    }
    contracts = compilation.contracts;
  } catch (error) {
    if (error instanceof CompileError) throw new InputError(error.message);
    throw error;
  }
  const abis = new Map(contracts.map((c) => [c.name, c.abi]));
  const artifacts = contracts.map((c) => ({ name: c.name, sourceName: c.sourceName, creation: c.creationBytecode }));
  const known: KnownContract[] = contracts
    .filter((c) => c.runtimeBytecode.length > 0)
    .map((c) => ({ name: c.name, runtime: c.runtimeBytecode, functions: functionsFor(c) }));
  const own = relative(root, file);
  const tests = contracts.filter(
    (c) =>
      c.creationBytecode.length > 0 &&
      (c.sourceName === own || resolve(root, c.sourceName) === resolve(file)) &&
      (args.contract === undefined || c.name === args.contract) &&
      functionsOf(c.abi).some((f) => propertyKind(f.name) !== undefined),
  );
  for (const test of tests) {
    const contract: PropertyContract = { name: test.name, creation: test.creationBytecode, functions: functionsFor(test), artifacts };
    await checkContract(
      contract,
      known,
      args.options,
      (result) => {
        status.clear();
        const line = { file, result, abis };
        lines.push(line);
        printLine(line);
      },
      (fn) => status.begin(`${test.name}.${fn.signature}`),
    );
  }
}

async function proveTarget(args: ProveArgs, lines: Line[], errors: FileError[], status: ProofStatus): Promise<void> {
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
    const result = await checkBytecode("bytecode", hexToBytes(target), bytecodeOptions(args));
    const line = { file: "", result, abis: new Map() };
    lines.push(line);
    printLine(line);
    return;
  }
  if (stats.isDirectory()) {
    // One file that does not compile must not cost the others their results.
    for (const file of solidityFiles(target)) {
      try {
        await proveSolidity(file, args.root ?? target, args, lines, status);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        process.stderr.write(`svm prove: ${file}: ${error.message}\n`);
        errors.push({ file, message: error.message });
      }
    }
    return;
  }
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
    const result = await checkBytecode(compiled.name, runtime, bytecodeOptions(args));
    const line = { file: target, result, abis: new Map() };
    lines.push(line);
    printLine(line);
    return;
  }
  await proveSolidity(target, args.root ?? dirname(target), args, lines, status);
}

async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const lines: Line[] = [];
  const errors: FileError[] = [];
  const runtime = await z3();
  setSolverWorkers(args.solvers);
  const status = new ProofStatus();
  try {
    await proveTarget(args, lines, errors, status);
  } finally {
    status.stop();
    await runtime.shutdown();
  }
  const count = (status: string) => lines.filter((l) => l.result.status === status).length;
  const notChecked = errors.length === 0 ? "" : `, ${errors.length} ${errors.length === 1 ? "file" : "files"} not checked`;
  process.stdout.write(`${count("pass")} passed, ${count("fail")} failed, ${count("unknown")} unknown${notChecked}\n`);
  if (args.json !== undefined) {
    const results = lines.map((line) => ({
      file: line.file,
      contract: line.result.contract,
      function: line.result.function,
      status: line.result.status,
      reason: line.result.reason ?? null,
      counterexample: counterexampleJson(line),
      bounds: line.result.bounds,
      paths: line.result.paths,
      timeMs: line.result.timeMs,
    }));
    try {
      writeFileSync(args.json, `${JSON.stringify({ results, errors }, null, 2)}\n`);
    } catch (error) {
      throw new InputError(`--json: cannot write ${args.json}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return count("fail") > 0 || errors.length > 0 ? 1 : 0;
}

export const proveCommand: Command = {
  name: "prove",
  summary: "check prove_/check_/invariant_ properties (or bytecode) symbolically with Z3; counterexamples replayed on the spec",
  help: `Usage: svm prove <file.sol | folder | file.yul | bytecode-hex> [--contract NAME] [--match REGEX]
                 [--loop N] [--depth N] [--timeout SECONDS] [--panic CODES] [--json FILE]
                 [--root DIR] [--remap prefix=target]... [--symbolic-storage] [--revert-fails]
                 [--solvers N] [--strict-pragma]

Deploys each test contract and runs setUp() concretely on the spec, then explores every path of
each property with symbolic arguments (Z3). prove_/check_ functions fail on a failed assert
(Panic 0x01, and the Panic codes chosen with --panic), a ds-test/forge-std assertion failure
(failed() true), or INVALID; other reverts, like inputs rejected by vm.assume, are assumptions
(halmos' convention), and a property whose every path reverts is reported as such.
proveFail_/checkFail_ functions (ds-test and hevm) must instead fail, by a revert or a failed
assertion, for every input.
invariant_ functions must hold after every sequence of up to --depth calls to the target
contracts from any caller (with any value, for payable functions). Runtime bytecode (hex) or Yul is checked for a reachable Panic or
INVALID with symbolic calldata (any Panic code, unless --panic narrows it). Each result is pass (with the bounds used), fail with a
counterexample that was replayed concretely on the spec, or unknown with the reason.

Options:
  --contract NAME    only this test contract
  --match REGEX      only properties whose name matches
  --loop N           symbolic branches taken at one pc per path before giving up (default ${DEFAULT_OPTIONS.loopBound})
  --depth N          longest call sequence for invariants (default ${DEFAULT_OPTIONS.depth})
  --timeout SECONDS  time budget per property (default ${DEFAULT_OPTIONS.timeoutMs / 1000})
  --panic CODES      Panic codes that fail a property besides 0x01 (e.g. 0x11,0x12, or 'all')
  --revert-fails     forge's convention instead: every revert fails a property (a require, any
                     Panic, an unmet vm.expectRevert)
  --json FILE        write {"results":[{file, contract, function, status, reason, counterexample, timeMs}]}
  --root DIR         import root for Solidity (default: the folder given, or the file's folder)
  --remap P=T        an import remapping (repeatable)
  --symbolic-storage prove_ functions start from arbitrary storage in the contracts setUp deployed
  --solvers N        solver worker threads, each with its own Z3 (default: one per core, at most 4)
  --strict-pragma    refuse a pinned pragma (pragma solidity 0.8.19;) whose compiler is not
                     installed; by default the newest installed compiler of its line is used,
                     with a warning

Exit code: 1 when a property failed (or, for a folder, a file could not be checked: it is named
on stderr and in the JSON's "errors", and the other files are still checked), 0 otherwise
(unknown results included), 2 on usage errors.

Example:
  svm prove test/proofs/properties/Arithmetic.t.sol --match unsafe --json results.json`,
  run,
};
