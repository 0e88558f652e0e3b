/**
 * `svm fuzz`: differential fuzzing of two implementations on generated state tests
 * (conformance/fuzz). Each divergence is shrunk, saved as a reproducer (a GeneralStateTests file
 * expecting A's outcome, recording both sides and what diverged) and printed with the first
 * diverging trace line; the run ends with `N passed, M failed`. `svm fuzz --replay FILE` runs a
 * reproducer's case on both sides again and says whether it still diverges.
 * docs/fuzzing.md explains the generator.
 */
import { relative } from "node:path";
import { fuzz, FuzzerError, type Divergence } from "../../conformance/fuzz/campaign.js";
import { replayReproducer } from "../../conformance/fuzz/replay.js";
import { divergenceLines, explainedLine, normalisedLine, replayLines, runsPerSecond, summaryLine } from "../../conformance/fuzz/report.js";
import { readReproducer, ReproducerError, writeReproducer } from "../../conformance/fuzz/reproducer.js";
import { FuzzStatusLine } from "../../conformance/fuzz/status-line.js";
import { FUZZ_FORKS, type FuzzFork, GENERATOR_FORKS, isFuzzFork } from "../../conformance/fuzz/scenario.js";
import type { Implementation } from "../../interface/implementation.js";
import { ImplementationUnavailableError, loadFromRegistry } from "../../conformance/state-tests/load-implementation.js";
import { type Command, InputError, UsageError } from "./command.js";
import { EXIT } from "./exit-codes.js";
import { implementationNames, implementations, isImplementationName } from "./implementations.js";
import { type OptionSpec, type ParsedOptions, parseOptions, positiveInteger } from "./options.js";
import { checkOutputFolder } from "./output-path.js";

interface CampaignArgs {
  readonly mode: "campaign";
  readonly a: string;
  readonly b: string;
  readonly seed: number;
  readonly runs?: number;
  readonly time?: number;
  readonly out: string;
  readonly shrinkTime: number;
  readonly strict: boolean;
  readonly forks: readonly FuzzFork[];
}

interface ReplayArgs {
  readonly mode: "replay";
  readonly file: string;
  /** Implementations other than the recorded ones, when given. */
  readonly a?: string;
  readonly b?: string;
  /** Apply no known difference even if the campaign did. */
  readonly strict: boolean;
}

const DEFAULT_RUNS = 1000;
/** Inside .svm-out/, which git ignores, so findings are not committed by accident. */
const DEFAULT_OUT = ".svm-out/fuzz";
const DEFAULT_SHRINK_SECONDS = 60;

const OPTIONS: readonly OptionSpec[] = [
  { name: "--a", value: true },
  { name: "--b", value: true },
  { name: "--seed", value: true },
  { name: "--runs", value: true },
  { name: "--time", value: true },
  { name: "--out", value: true },
  { name: "--shrink-time", value: true },
  { name: "--strict", value: false },
  { name: "--replay", value: true },
  { name: "--fork", value: true },
];

/** Options that only a campaign takes. */
const CAMPAIGN_ONLY = ["--seed", "--runs", "--time", "--out", "--shrink-time", "--fork"];

const names = implementationNames();

const help = `Usage: svm fuzz --b NAME [--a NAME] [--fork F[,F...]] [--seed S] [--runs N | --time SECONDS] [--out DIR] [--strict]
       svm fuzz --replay FILE [--a NAME] [--b NAME] [--strict]

Generates state tests (programs with sound stack use and real jump targets, nested calls and
creates, precompile calls, storage, transient storage, memory at word boundaries, random
pre-states, transaction types 0-4 with EIP-7702 authorizations, the BLS12-381 and P-256
precompiles, CLZ, each instruction swept over its operand boundaries, call chains 1024 deep,
on ${FUZZ_FORKS.join(", ")}), runs each on implementations A and B
with tracing, and compares state root, logs hash, gas used, output, status (the halt reason, in
go-ethereum's words) and the canonical trace (depth, pc, gas, op, opName, top of stack, error).
A side whose traced runs interpret (src-compiled, or src under SVM_TIER=always|adaptive) also runs
untraced: that outcome, from compiled code, is the one compared, and a difference between its
traced and untraced outcomes is a divergence too.

A divergence is shrunk, saved in DIR as a reproducer, and printed with the first diverging trace
line and the command that replays it. A reproducer is a GeneralStateTests file whose post entry
expects A's outcome (so 'svm statetest --impl B FILE' fails when the state root, logs or
rejection differ) and whose _info.svmFuzz records both sides, the seed and run, and what
diverged. The last line is 'N passed, M failed'.

--replay FILE runs the reproducer's case on both sides again (the recorded implementations, or
those --a and --b name) and compares outcome and trace as the campaign did: it prints how they
diverge now and exits 1, or says they no longer diverge and exits 0.

Against a peer with known differences (ethereumjs, revm; each listed with its reason in docs/fuzzing.md),
its cosmetic trace differences (e.g. an undefined opcode traced as INVALID, the untraced implicit
STOP) are normalised, and a divergence a known difference explains is counted, neither shrunk nor
failed: 'K explained divergences: id ×n, ...' comes before the last line, and failed counts only
unexplained divergences. --strict counts every divergence as failed.

Options:
  --a NAME            reference implementation: ${names} (default spec)
  --b NAME            implementation under test: ${names} (required for a campaign)
  --fork F[,F...]     the forks to generate for: ${GENERATOR_FORKS.join(", ")} (default: all but SVM)
  --seed S            32-bit integer seed, negative allowed; the same seed replays the same runs
                      (default: random, printed)
  --runs N            number of runs (default ${DEFAULT_RUNS} when --time is not given)
  --time SECONDS      stop starting runs after this long (with --runs: whichever comes first)
  --out DIR           where reproducers go (default ${DEFAULT_OUT})
  --shrink-time SECS  time allowed to shrink one divergence (default ${DEFAULT_SHRINK_SECONDS})
  --strict            apply no known difference: every divergence fails
  --replay FILE       run a saved reproducer again instead of a campaign

A campaign exits 0 when no run diverged unexplained, 1 when one did; a replay exits 0 when the
case no longer diverges, 1 when it still does.

Examples:
  svm fuzz --a spec --b src --seed 42 --runs 500 --out .svm-out/fuzz
  svm fuzz --replay .svm-out/fuzz/fuzz-spec-vs-src-seed42-run7.json`;

function positiveNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(text) || !Number.isFinite(value) || value <= 0) throw new UsageError(`${flag}: expected a positive number, got '${text}'`);
  return value;
}

function implementationName(flag: string, name: string): string {
  if (!isImplementationName(name)) throw new UsageError(`${flag}: unknown implementation '${name}' (one of: ${names})`);
  return name;
}

function parseSeed(text: string | undefined): number {
  if (text === undefined) return (Math.random() * 2 ** 32) | 0;
  if (!/^-?[0-9]+$/.test(text) || Number(text) < -(2 ** 31) || Number(text) >= 2 ** 32) {
    throw new UsageError(`--seed: expected a 32-bit integer, got '${text}'`);
  }
  return Number(text) | 0;
}

function optionalName(parsed: ParsedOptions, flag: string): string | undefined {
  const name = parsed.values.get(flag);
  return name === undefined ? undefined : implementationName(flag, name);
}

function parseArgs(args: readonly string[]): CampaignArgs | ReplayArgs {
  const parsed = parseOptions(args, OPTIONS);
  if (parsed.positional.length > 0) throw new UsageError(`unexpected argument '${parsed.positional[0]}' (a reproducer is replayed with --replay FILE)`);
  const strict = parsed.switches.has("--strict");
  const a = optionalName(parsed, "--a");
  const b = optionalName(parsed, "--b");
  const file = parsed.values.get("--replay");
  if (file !== undefined) {
    const campaignOption = CAMPAIGN_ONLY.find((flag) => parsed.values.has(flag));
    if (campaignOption !== undefined) throw new UsageError(`${campaignOption} is an option of a campaign, not of --replay`);
    return { mode: "replay", file, strict, ...(a !== undefined && { a }), ...(b !== undefined && { b }) };
  }
  if (b === undefined) throw new UsageError(`--b is required (one of: ${names})`);
  const runsText = parsed.values.get("--runs");
  const timeText = parsed.values.get("--time");
  const shrinkText = parsed.values.get("--shrink-time");
  const runs = runsText === undefined ? undefined : positiveInteger("--runs", runsText);
  const time = timeText === undefined ? undefined : positiveNumber("--time", timeText);
  return {
    mode: "campaign",
    a: a ?? "spec",
    b,
    seed: parseSeed(parsed.values.get("--seed")),
    ...(runs !== undefined ? { runs } : time === undefined && { runs: DEFAULT_RUNS }),
    ...(time !== undefined && { time }),
    out: parsed.values.get("--out") ?? DEFAULT_OUT,
    shrinkTime: shrinkText === undefined ? DEFAULT_SHRINK_SECONDS : positiveNumber("--shrink-time", shrinkText),
    strict,
    forks: parseForks(parsed.values.get("--fork")),
  };
}

function parseForks(text: string | undefined): readonly FuzzFork[] {
  if (text === undefined) return FUZZ_FORKS;
  const forks = text.split(",");
  for (const fork of forks) {
    if (!isFuzzFork(fork)) throw new UsageError(`--fork: the generator has no fork '${fork}' (one of: ${GENERATOR_FORKS.join(", ")})`);
  }
  return forks as FuzzFork[];
}

async function load(name: string): Promise<Implementation> {
  try {
    return await loadFromRegistry(implementations, name);
  } catch (error) {
    if (error instanceof ImplementationUnavailableError) throw new InputError(error.message);
    throw error;
  }
}

/** A path as a person typed it: relative to the current folder when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") ? path : rel;
}

async function campaign(options: CampaignArgs): Promise<number> {
  checkOutputFolder("--out", options.out);
  const a = await load(options.a);
  const b = await load(options.b);
  const status = new FuzzStatusLine(process.stderr);
  const context = { a: options.a, b: options.b, strict: options.strict, seed: options.seed };
  console.log(`fuzzing ${options.a} against ${options.b}, seed ${options.seed}${options.strict ? " (strict)" : ""}`);
  const report = (divergence: Divergence) => {
    status.clear();
    const lines = divergenceLines(divergence, options.a, options.b);
    try {
      const path = shown(writeReproducer(options.out, divergence, context));
      lines.push(`  reproducer: ${path}  (svm fuzz --replay ${path})`);
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
      forks: options.forks,
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
  return result.failed > 0 ? EXIT.failed : EXIT.held;
}

/** An implementation a reproducer names, which this svm may not have (then --a/--b choose another). */
function recordedName(file: string, name: string, flag: string): string {
  if (!isImplementationName(name)) throw new InputError(`${file} was recorded with implementation '${name}', which this svm does not have; choose one with ${flag} (one of: ${names})`);
  return name;
}

async function replay(options: ReplayArgs): Promise<number> {
  let reproducer;
  try {
    reproducer = readReproducer(options.file);
  } catch (error) {
    if (error instanceof ReproducerError) throw new InputError(error.message);
    throw error;
  }
  const { record, testCase } = reproducer;
  const aName = options.a ?? recordedName(options.file, record.a, "--a");
  const bName = options.b ?? recordedName(options.file, record.b, "--b");
  const outcome = await replayReproducer(testCase, await load(aName), await load(bName), options.strict || record.strict);
  console.log(replayLines(record, outcome, aName, bName).join("\n"));
  return outcome.diverges ? EXIT.failed : EXIT.held;
}

async function run(args: readonly string[]): Promise<number> {
  const options = parseArgs(args);
  return options.mode === "replay" ? replay(options) : campaign(options);
}

export const fuzzCommand: Command = {
  name: "fuzz",
  summary: "differential fuzzing: generated state tests on two implementations, shrunk reproducers, --replay",
  help,
  run,
};
