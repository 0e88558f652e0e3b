/**
 * `npm run mutants`: how many of the project's own faults (catalogue.ts) a fixed spec ⇄ src fuzz
 * budget finds. Each mutant is planted in a scratch copy of dist/ (plant.ts) and a campaign runs
 * in a child process there (kill.ts) until the first divergence (killed) or the end of the budget
 * (survived); a mutant of the compile tier runs against src-compiled. The unmutated copy runs the
 * same budget first, against each implementation the chosen mutants need: if it diverges, every
 * kill would be meaningless, and the tool stops with exit 2.
 *
 * Exit 0 when the share killed reaches the target (default 90%), 1 when it does not, 2 on a
 * usage error or a divergence without any mutant. HELP below lists the options.
 */
import { type ChildProcess, execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FUZZ_FORKS, GENERATOR_FORKS, isFuzzFork } from "../../conformance/fuzz/scenario.js";
import { UsageError } from "../cli/command.js";
import { EXIT } from "../cli/exit-codes.js";
import { parseOptions } from "../cli/options.js";
import { implementationUnderTest, MUTANTS, type Mutant } from "./catalogue.js";
import type { KillResult } from "./kill-result.js";
import { ScratchTree } from "./plant.js";
import { type MutantOutcome, reportJson, reportTable, summarise, type Verdict } from "./report.js";

const DEFAULT_RUNS = 2000;
const DEFAULT_SEED = 1;
const DEFAULT_TARGET = 90;
const DEFAULT_TIMEOUT_SECONDS = 900;

export const HELP = `Usage: node dist/src/mutants/main.js [--runs N] [--seed S] [--fork F[,F...]] [--only NAME[,NAME...]]
                                  [--target PERCENT] [--timeout SECONDS] [--json]

Plants each mutant of src/mutants/catalogue.ts (a small fault in dist/src/vm) in a scratch copy of
dist/ and runs a fuzz campaign there, spec against src (against src-compiled for a mutant of the
compile tier), until the first divergence (killed) or the end of the budget (survived). The
unmutated copy runs the same budget first; if it diverges the tool stops with exit 2.

Options:
  --runs N              runs per mutant (default ${DEFAULT_RUNS})
  --seed S              campaign seed (default ${DEFAULT_SEED})
  --fork F[,F...]       forks the scenarios are drawn for (default ${FUZZ_FORKS.join(",")})
  --only NAME[,NAME...] these mutants only
  --target PERCENT      share to kill (default ${DEFAULT_TARGET})
  --timeout SECONDS     a campaign running longer counts as survived (default ${DEFAULT_TIMEOUT_SECONDS})
  --json                the report as JSON, with the evidence of each kill

Exit 0 when the share killed reaches the target, 1 when it does not, 2 on a usage error or a
divergence without any mutant.

Example:
  node dist/src/mutants/main.js --runs 300 --only clz-of-zero-255,compiled-shl-bound-255 --json`;
/** The checkout: the nearest folder above this module with a package.json (from dist/src/mutants or src/mutants alike). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("mutants: no package.json above the tool");
    dir = parent;
  }
  return dir;
}

export interface MutantsArgs {
  readonly runs: number;
  readonly seed: number;
  readonly forks: readonly string[];
  readonly mutants: readonly Mutant[];
  readonly target: number;
  readonly timeoutSeconds: number;
  readonly json: boolean;
}

function positiveInteger(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^[0-9]+$/.test(text) || Number(text) <= 0) throw new UsageError(`${flag} expects a positive integer, got '${text}'`);
  return Number(text);
}

export function parseMutantsArgs(args: readonly string[]): MutantsArgs {
  const options = parseOptions(args, [
    { name: "--runs", value: true },
    { name: "--seed", value: true },
    { name: "--fork", value: true },
    { name: "--only", value: true },
    { name: "--target", value: true },
    { name: "--timeout", value: true },
    { name: "--json", value: false },
  ]);
  if (options.positional.length > 0) throw new UsageError(`unexpected argument '${options.positional[0]}'`);
  const seedText = options.values.get("--seed");
  if (seedText !== undefined && !/^-?[0-9]+$/.test(seedText)) throw new UsageError(`--seed expects an integer, got '${seedText}'`);
  const forks = (options.values.get("--fork") ?? FUZZ_FORKS.join(",")).split(",");
  for (const fork of forks) if (!isFuzzFork(fork)) throw new UsageError(`--fork: no fork '${fork}' (one of: ${GENERATOR_FORKS.join(", ")})`);
  const only = options.values.get("--only")?.split(",");
  const mutants = only === undefined ? MUTANTS : MUTANTS.filter((m) => only.includes(m.name));
  const unknown = only?.filter((name) => !MUTANTS.some((m) => m.name === name)) ?? [];
  if (unknown.length > 0) throw new UsageError(`--only: no mutant named ${unknown.join(", ")}`);
  const target = Number(options.values.get("--target") ?? DEFAULT_TARGET);
  if (!(target >= 0 && target <= 100)) throw new UsageError("--target expects a percentage from 0 to 100");
  return {
    runs: positiveInteger("--runs", options.values.get("--runs"), DEFAULT_RUNS),
    seed: seedText === undefined ? DEFAULT_SEED : Number(seedText) | 0,
    forks,
    mutants,
    target,
    timeoutSeconds: positiveInteger("--timeout", options.values.get("--timeout"), DEFAULT_TIMEOUT_SECONDS),
    json: options.switches.has("--json"),
  };
}

/** The campaign running now, stopped with the tool on Ctrl-C or SIGTERM. */
let running: ChildProcess | undefined;

/** Runs kill.js in the copy at `root`, spec against `implementation`; a campaign that outlives the timeout counts as survived. */
function campaign(root: string, args: MutantsArgs, implementation: string): Promise<Verdict> {
  const script = join(root, "dist", "src", "mutants", "kill.js");
  return new Promise((resolve, reject) => {
    running = execFile(
      process.execPath,
      [script, String(args.runs), String(args.seed), args.forks.join(","), implementation],
      { timeout: args.timeoutSeconds * 1000, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error !== null && error.killed === true) return resolve({ killed: false, runs: args.runs, timedOut: true });
        const last = stdout.trim().split("\n").at(-1);
        if (last === undefined || last === "") return reject(new Error(`the campaign printed no result: ${stderr.trim().split("\n").slice(0, 5).join(" | ")}`));
        resolve(JSON.parse(last) as KillResult);
      },
    );
  });
}

export async function runMutants(args: MutantsArgs, progress: (line: string) => void): Promise<number> {
  const tree = new ScratchTree(repoRoot());
  const stop = (signal: NodeJS.Signals) => {
    running?.kill();
    tree.dispose();
    process.exit(signal === "SIGINT" ? EXIT.interrupted : EXIT.failed);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    for (const implementation of new Set(args.mutants.map(implementationUnderTest))) {
      const baseline = await tree.withMutant(null, (root) => campaign(root, args, implementation));
      if (baseline.killed) {
        console.error(`mutants: spec and ${implementation} already diverge without a mutant (${"evidence" in baseline ? baseline.evidence : ""}); fix that first`);
        return EXIT.usage;
      }
      progress(`baseline: spec and ${implementation} agree on ${args.runs} runs`);
    }
    const outcomes: MutantOutcome[] = [];
    for (const mutant of args.mutants) {
      const start = performance.now();
      const verdict = await tree.withMutant(mutant, (root) => campaign(root, args, implementationUnderTest(mutant)));
      const outcome = { name: mutant.name, why: mutant.why, verdict, seconds: (performance.now() - start) / 1000 };
      outcomes.push(outcome);
      progress(`${outcomes.length}/${args.mutants.length} ${mutant.name}: ${verdict.killed ? `killed at run ${verdict.runs}` : "survived"}`);
    }
    const report = summarise({ runs: args.runs, seed: args.seed, forks: args.forks, targetPercent: args.target, outcomes });
    console.log(args.json ? reportJson(report) : reportTable(report));
    return report.percent >= args.target ? EXIT.held : EXIT.failed;
  } finally {
    tree.dispose();
  }
}

async function main(): Promise<void> {
  if (process.argv.slice(2).some((arg) => arg === "--help" || arg === "-h")) {
    console.log(HELP);
    return;
  }
  let args: MutantsArgs;
  try {
    args = parseMutantsArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`mutants: ${error.message}`);
    process.exitCode = EXIT.usage;
    return;
  }
  // Progress on a terminal only; piped or in CI the table (or JSON) is all.
  const progress = process.stderr.isTTY && process.env.CI === undefined ? (line: string) => console.error(line) : () => {};
  process.exitCode = await runMutants(args, progress);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
