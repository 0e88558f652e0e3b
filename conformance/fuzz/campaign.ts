/**
 * The fuzzing loop. Each run draws one scenario with its own seed (derived from the campaign seed
 * and the run number, so `--seed S` replays a campaign and a run can be found again), runs it on
 * both implementations and, on a divergence, lets fast-check shrink it to a smaller scenario that
 * still diverges. Runs are independent fast-check checks of one value each: a divergence is
 * counted and the campaign goes on.
 */
import fc from "fast-check";
import type { Implementation } from "../implementation.js";
import { type BuiltCase, buildScenario } from "./build.js";
import { type DifferentialResult, runDifferential } from "./differential.js";
import { type Scenario, scenarioArb } from "./scenario.js";

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
  readonly onProgress?: (progress: FuzzProgress) => void;
  readonly onDivergence?: (divergence: Divergence) => void | Promise<void>;
}

export interface FuzzProgress {
  readonly runs: number;
  readonly passed: number;
  readonly failed: number;
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
}

const DEFAULT_SHRINK_SECONDS = 60;

/** A well-mixed 32-bit seed for run `run` of a campaign (a murmur3-style finaliser). */
export function runSeed(seed: number, run: number): number {
  let h = (seed ^ Math.imul(run + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** The id a run's case carries (it names the reproducer file and its test). */
export function caseName(options: Pick<FuzzOptions, "a" | "b" | "seed">, run: number): string {
  return `fuzz-${options.a.name}-vs-${options.b.name}-seed${options.seed}-run${run}`;
}

/** Runs one scenario (shrinking it on a divergence); returns the divergence or undefined. */
export async function fuzzRun(options: FuzzOptions, run: number): Promise<Divergence | undefined> {
  const id = caseName(options, run);
  const seed = runSeed(options.seed, run);
  let lastFailure: { scenario: Scenario; built: BuiltCase; result: DifferentialResult } | undefined;
  const property = fc.asyncProperty(scenarioArb, async (scenario) => {
    const built = buildScenario(scenario, id);
    const result = await runDifferential(options.a, options.b, built.testCase);
    if (!result.agree) lastFailure = { scenario, built, result };
    return result.agree;
  });
  const shrinkMs = (options.shrinkSeconds ?? DEFAULT_SHRINK_SECONDS) * 1000;
  const details = await fc.check(property, { seed, numRuns: 1, plugins: [fc.interruptAfterTimeLimit(shrinkMs)] });
  if (!details.failed || details.counterexample === null) return undefined;
  if (lastFailure === undefined) {
    throw new FuzzerError(`run ${run} (seed ${seed}) failed inside the fuzzer: ${String(details.errorInstance)}`);
  }
  return { run, runSeed: seed, ...lastFailure, shrinks: details.numShrinks };
}

/** Runs until `runs` runs are done or `timeSeconds` have passed (at least one of them must be given). */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  if (options.runs === undefined && options.timeSeconds === undefined) throw new FuzzerError("give a number of runs or a time limit");
  const start = performance.now();
  const deadline = options.timeSeconds === undefined ? Infinity : start + options.timeSeconds * 1000;
  const limit = options.runs ?? Infinity;
  const divergences: Divergence[] = [];
  let runs = 0;
  const progress = (): FuzzProgress => ({ runs, passed: runs - divergences.length, failed: divergences.length, elapsedMs: performance.now() - start });
  while (runs < limit && performance.now() < deadline) {
    const divergence = await fuzzRun(options, runs);
    runs++;
    if (divergence !== undefined) {
      divergences.push(divergence);
      await options.onDivergence?.(divergence);
    }
    options.onProgress?.(progress());
  }
  return { ...progress(), divergences };
}
