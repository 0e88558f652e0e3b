/**
 * The fuzzing loop. Each run draws one scenario with its own seed (derived from the campaign seed
 * and the run number, so `--seed S` replays a campaign and a run can be found again), runs it on
 * both implementations and, on a divergence, lets fast-check shrink it to a smaller scenario that
 * still diverges. Runs are independent fast-check checks of one value each: a divergence is
 * counted and the campaign goes on.
 *
 * Against a peer with known differences (known-differences.ts), a divergence one of them explains
 * is counted under the entry's id, not shrunk and not failed; shrinking an unexplained divergence
 * keeps only smaller scenarios that still diverge unexplained. `strict` applies none of them.
 */
import fc from "fast-check";
import type { Implementation } from "../../interface/implementation.js";
import { type BuiltCase, buildScenario } from "./build.js";
import { type DifferentialResult, runDifferential } from "./differential.js";
import { KNOWN_DIFFERENCES } from "./known-differences.js";
import { type FuzzFork, type Scenario, scenarioArbFor, FUZZ_FORKS } from "./scenario.js";

/** The generator or the property itself failed, rather than an implementation: a bug in the fuzzer. */
export class FuzzerError extends Error {
  readonly code = "FUZZER";
}

export interface FuzzOptions {
  readonly a: Implementation;
  readonly b: Implementation;
  /** A 32-bit integer; the same seed generates the same runs. */
  readonly seed: number;
  /** Stop after this many runs. */
  readonly runs?: number;
  /** Stop starting runs after this many seconds. */
  readonly timeSeconds?: number;
  /** How long shrinking one divergence may take (default 60 s); the smallest case found by then is kept. */
  readonly shrinkSeconds?: number;
  /** The forks scenarios are drawn from (default: every fork the generator knows). */
  readonly forks?: readonly FuzzFork[];
  /** Count every divergence as failed: no known difference normalises or explains anything. */
  readonly strict?: boolean;
  readonly onProgress?: (progress: FuzzProgress) => void;
  readonly onDivergence?: (divergence: Divergence) => void | Promise<void>;
}

export interface FuzzProgress {
  readonly runs: number;
  /** Runs without an unexplained divergence (explained ones included). */
  readonly passed: number;
  /** Runs with an unexplained divergence. */
  readonly failed: number;
  /** Runs whose divergence a known difference explains. */
  readonly explained: number;
  readonly elapsedMs: number;
}

export interface Divergence {
  /** 0-based run number within the campaign. */
  readonly run: number;
  /** The fast-check seed of that run. */
  readonly runSeed: number;
  /** The shrunk scenario, the case built from it and how the implementations differed on it. */
  readonly scenario: Scenario;
  readonly built: BuiltCase;
  readonly result: DifferentialResult;
  readonly shrinks: number;
}

export interface FuzzReport extends FuzzProgress {
  readonly divergences: readonly Divergence[];
  /** Known-difference id → runs it explained. */
  readonly explainedBy: ReadonlyMap<string, number>;
  /** Trace-entry id → runs whose traces it normalised. */
  readonly normalisedBy: ReadonlyMap<string, number>;
}

/** How one run ended: agreed, diverged in a known way, or diverged (then shrunk). */
export type RunVerdict =
  | { readonly kind: "agreed"; readonly normalised: readonly string[] }
  | { readonly kind: "explained"; readonly id: string; readonly normalised: readonly string[] }
  | { readonly kind: "diverged"; readonly divergence: Divergence; readonly normalised: readonly string[] };

const DEFAULT_SHRINK_SECONDS = 60;

/** A well-mixed 32-bit seed for run `run` of a campaign (a murmur3-style finaliser). */
export function runSeed(seed: number, run: number): number {
  let h = (seed ^ Math.imul(run + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Longest a name may take in a case id; a `cmd:` peer's name is a whole command line. */
const NAME_CHARS = 40;

/** An implementation's name as it can appear in a file name (`cmd:evm --json statetest` → `cmd_evm_--json_statetest`). */
function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, NAME_CHARS);
}

/** The id a run's case carries (it names the reproducer file and its test). */
export function caseName(options: Pick<FuzzOptions, "a" | "b" | "seed">, run: number): string {
  return `fuzz-${fileSafe(options.a.name)}-vs-${fileSafe(options.b.name)}-seed${options.seed}-run${run}`;
}

/** Runs one scenario, shrinking it on an unexplained divergence. */
export async function fuzzRun(options: FuzzOptions, run: number): Promise<RunVerdict> {
  const id = caseName(options, run);
  const seed = runSeed(options.seed, run);
  const known = options.strict === true ? {} : { knownDifferences: KNOWN_DIFFERENCES };
  let first: DifferentialResult | undefined;
  let lastFailure: { scenario: Scenario; built: BuiltCase; result: DifferentialResult } | undefined;
  const property = fc.asyncProperty(scenarioArbFor(options.forks ?? FUZZ_FORKS), async (scenario) => {
    const built = buildScenario(scenario, id);
    const result = await runDifferential(options.a, options.b, built.testCase, known);
    first ??= result;
    const passes = result.agree || result.explainedBy !== undefined;
    if (!passes) lastFailure = { scenario, built, result };
    return passes;
  });
  const shrinkMs = (options.shrinkSeconds ?? DEFAULT_SHRINK_SECONDS) * 1000;
  const details = await fc.check(property, { seed, numRuns: 1, plugins: [fc.interruptAfterTimeLimit(shrinkMs)] });
  const normalised = first?.normalised ?? [];
  if (!details.failed || details.counterexample === null) {
    const explainedBy = first?.explainedBy;
    return explainedBy === undefined ? { kind: "agreed", normalised } : { kind: "explained", id: explainedBy, normalised };
  }
  if (lastFailure === undefined) {
    throw new FuzzerError(`run ${run} (seed ${seed}) failed inside the fuzzer: ${String(details.errorInstance)}`);
  }
  return { kind: "diverged", divergence: { run, runSeed: seed, ...lastFailure, shrinks: details.numShrinks }, normalised };
}

function increment(counts: Map<string, number>, id: string): void {
  counts.set(id, (counts.get(id) ?? 0) + 1);
}

/** Runs until `runs` runs are done or `timeSeconds` have passed (at least one of them must be given). */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  if (options.runs === undefined && options.timeSeconds === undefined) throw new FuzzerError("give a number of runs or a time limit");
  const start = performance.now();
  const deadline = options.timeSeconds === undefined ? Infinity : start + options.timeSeconds * 1000;
  const limit = options.runs ?? Infinity;
  const divergences: Divergence[] = [];
  const explainedBy = new Map<string, number>();
  const normalisedBy = new Map<string, number>();
  let runs = 0;
  let explained = 0;
  const progress = (): FuzzProgress => ({
    runs,
    passed: runs - divergences.length,
    failed: divergences.length,
    explained,
    elapsedMs: performance.now() - start,
  });
  while (runs < limit && performance.now() < deadline) {
    const verdict = await fuzzRun(options, runs);
    runs++;
    verdict.normalised.forEach((id) => increment(normalisedBy, id));
    if (verdict.kind === "explained") {
      explained++;
      increment(explainedBy, verdict.id);
    } else if (verdict.kind === "diverged") {
      divergences.push(verdict.divergence);
      await options.onDivergence?.(verdict.divergence);
    }
    options.onProgress?.(progress());
  }
  return { ...progress(), divergences, explainedBy, normalisedBy };
}
