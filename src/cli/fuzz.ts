/**
 * `svm fuzz`: differential fuzzing of two implementations on generated state tests
 * (conformance/fuzz). Each divergence is shrunk, written as a GeneralStateTests file expecting
 * A's outcome, and printed with the first diverging trace line; the run ends with
 * `N passed, M failed` and exits 1 if anything diverged that no known difference of a peer
 * (conformance/fuzz/known-differences.ts) explains, or anything at all with --strict.
 * docs/fuzzing.md explains the generator.
 */
import { relative } from "node:path";
import { fuzz, FuzzerError, type Divergence } from "../../conformance/fuzz/campaign.js";
import { divergenceLines, explainedLine, normalisedLine, runsPerSecond, summaryLine } from "../../conformance/fuzz/report.js";
import { ReproducerError, writeReproducer } from "../../conformance/fuzz/reproducer.js";
import { FuzzStatusLine } from "../../conformance/fuzz/status-line.js";
import { ImplementationUnavailableError, loadFromRegistry } from "../../conformance/state-tests/load-implementation.js";
import { type Command, InputError, UsageError } from "./command.js";
import { implementations } from "./implementations.js";

interface FuzzArgs {
  readonly a: string;
  readonly b: string;
  readonly seed: number;
  readonly runs?: number;
  readonly time?: number;
  readonly out: string;
  readonly shrinkTime: number;
  readonly strict: boolean;
}

const DEFAULT_RUNS = 1000;
/** Inside .svm-out/, which git ignores, so findings are not committed by accident. */
const DEFAULT_OUT = ".svm-out/fuzz";
const DEFAULT_SHRINK_SECONDS = 60;
const VALUE_FLAGS = new Set(["--a", "--b", "--seed", "--runs", "--time", "--out", "--shrink-time"]);
const BOOLEAN_FLAGS = new Set(["--strict"]);

const names = Object.keys(implementations).join(", ");

const help = `Usage: svm fuzz --b NAME [--a NAME] [--seed S] [--runs N | --time SECONDS] [--out DIR] [--strict]

Generates state tests (programs with sound stack use and real jump targets, nested calls and
creates, precompile calls, storage, transient storage, memory at word boundaries, random
pre-states, transaction types 0-3 on Cancun, Shanghai and London), runs each on implementations
A and B with tracing, and compares state root, logs hash, gas used, output, status and the
canonical trace (depth, pc, gas, op, opName, top of stack, error).

A divergence is shrunk, written to DIR as a GeneralStateTests file whose post entry expects A's
outcome (so 'svm statetest --impl B FILE' reproduces it), and printed with the first diverging
trace line. The last line is 'N passed, M failed'.

Against a peer with known differences (ethereumjs; each listed with its reason in docs/fuzzing.md),
its cosmetic trace differences (e.g. an undefined opcode traced as INVALID, the untraced implicit
STOP) are normalised, and a divergence a known difference explains is counted, neither shrunk nor
failed: 'K explained divergences: id ×n, ...' comes before the last line, and failed counts only
unexplained divergences. --strict counts every divergence as failed.

Options:
  --a NAME            reference implementation: ${names} (default spec)
  --b NAME            implementation under test: ${names} (required)
  --seed S            32-bit integer seed; the same seed replays the same runs (default: random, printed)
  --runs N            number of runs (default ${DEFAULT_RUNS} when --time is not given)
  --time SECONDS      stop starting runs after this long (with --runs: whichever comes first)
  --out DIR           where reproducers go (default ${DEFAULT_OUT})
  --shrink-time SECS  time allowed to shrink one divergence (default ${DEFAULT_SHRINK_SECONDS})
  --strict            apply no known difference: every divergence fails

Exit code: 0 when no run diverged unexplained, 1 when one did, 2 on a usage error.

Example:
  svm fuzz --a spec --b src --seed 42 --runs 500 --out .svm-out/fuzz`;

function splitArgs(args: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (BOOLEAN_FLAGS.has(arg)) {
      if (values.has(arg)) throw new UsageError(`${arg} given twice`);
      values.set(arg, "");
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq !== -1 ? arg.slice(0, eq) : arg;
    if (!VALUE_FLAGS.has(flag)) throw new UsageError(`unknown argument '${arg}'`);
    const value = flag === arg ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "") throw new UsageError(`${flag} needs a value`);
    if (values.has(flag)) throw new UsageError(`${flag} given twice`);
    values.set(flag, value);
  }
  return values;
}

function positiveNumber(flag: string, text: string | undefined, integer: boolean): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  const valid = integer ? Number.isSafeInteger(value) && value > 0 : Number.isFinite(value) && value > 0;
  if (!/^[0-9.]+$/.test(text) || !valid) throw new UsageError(`${flag} expects a positive ${integer ? "integer" : "number"}, got '${text}'`);
  return value;
}

function implementationName(flag: string, name: string | undefined): string {
  if (name === undefined) throw new UsageError(`${flag} is required (one of: ${names})`);
  if (!Object.hasOwn(implementations, name)) throw new UsageError(`${flag}: unknown implementation '${name}' (one of: ${names})`);
  return name;
}

function parseSeed(text: string | undefined): number {
  if (text === undefined) return (Math.random() * 2 ** 32) | 0;
  if (!/^-?[0-9]+$/.test(text) || Number(text) < -(2 ** 31) || Number(text) >= 2 ** 32) {
    throw new UsageError(`--seed expects a 32-bit integer, got '${text}'`);
  }
  return Number(text) | 0;
}

function parseArgs(args: readonly string[]): FuzzArgs {
  const values = splitArgs(args);
  const runs = positiveNumber("--runs", values.get("--runs"), true);
  const time = positiveNumber("--time", values.get("--time"), false);
  return {
    a: implementationName("--a", values.get("--a") ?? "spec"),
    b: implementationName("--b", values.get("--b")),
    seed: parseSeed(values.get("--seed")),
    runs: runs ?? (time === undefined ? DEFAULT_RUNS : undefined),
    time,
    out: values.get("--out") ?? DEFAULT_OUT,
    shrinkTime: positiveNumber("--shrink-time", values.get("--shrink-time"), false) ?? DEFAULT_SHRINK_SECONDS,
    strict: values.has("--strict"),
  };
}

async function load(name: string) {
  try {
    return await loadFromRegistry(implementations, name);
  } catch (error) {
    if (error instanceof ImplementationUnavailableError) throw new InputError(error.message);
    throw error;
  }
}

async function run(args: readonly string[]): Promise<number> {
  const options = parseArgs(args);
  const a = await load(options.a);
  const b = await load(options.b);
  const status = new FuzzStatusLine(process.stderr);
  console.log(`fuzzing ${options.a} against ${options.b}, seed ${options.seed}${options.strict ? " (strict)" : ""}`);
  const report = (divergence: Divergence) => {
    status.clear();
    const lines = divergenceLines(divergence, options.a, options.b);
    try {
      const path = relative(process.cwd(), writeReproducer(options.out, divergence)) || options.out;
      lines.push(`  reproducer: ${path}  (svm statetest --impl ${options.b} ${path})`);
    } catch (error) {
      if (!(error instanceof ReproducerError)) throw error;
      lines.push(`  no reproducer: ${error.message}`);
    }
    console.log(lines.join("\n"));
  };
  let result;
  try {
    result = await fuzz({
      a,
      b,
      seed: options.seed,
      shrinkSeconds: options.shrinkTime,
      strict: options.strict,
      ...(options.runs !== undefined && { runs: options.runs }),
      ...(options.time !== undefined && { timeSeconds: options.time }),
      onProgress: (progress) => status.update(progress),
      onDivergence: report,
    });
  } catch (error) {
    if (error instanceof FuzzerError) throw new InputError(error.message);
    throw error;
  }
  status.clear();
  console.log(`${result.runs} runs in ${(result.elapsedMs / 1000).toFixed(1)}s (${runsPerSecond(result).toFixed(1)} runs/s)`);
  for (const line of [normalisedLine(result), explainedLine(result)]) if (line !== undefined) console.log(line);
  console.log(summaryLine(result));
  return result.failed > 0 ? 1 : 0;
}

export const fuzzCommand: Command = {
  name: "fuzz",
  summary: "differential fuzzing: generated state tests on two implementations, shrunk reproducers",
  help,
  run,
};
