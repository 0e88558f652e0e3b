/**
 * Timing implementations on one benchmark, fairly: all in one process, interleaved run by run
 * (A, B, A, B, …) so that a slow phase of the machine (another process, thermal throttling)
 * hits every implementation alike; after warm-up runs that let V8 optimise each one's hot code;
 * with a garbage collection before each timed run when node was started with --expose-gc, so no
 * implementation pays for the garbage of the one before it. A run is one whole
 * `runStateTest` call: building the pre-state, executing the transaction, computing the root.
 */
import { bytesEqual, bytesToHex } from "../../spec/primitives/bytes.js";
import type { CaseOutcome, Implementation } from "../../interface/implementation.js";
import { disagreements } from "./agreement.js";
import type { CallPeer } from "./call-peer.js";
import { median } from "./statistics.js";
import type { Benchmark } from "./suite.js";

export interface MeasureOptions {
  /** Timed runs per implementation (the median of them is reported). */
  readonly runs: number;
  /** Untimed runs per implementation before the timed ones. */
  readonly warmup: number;
  /** Outside EVMs timed alongside, after the implementations in each round. */
  readonly peers?: readonly CallPeer[];
  /** Called after each timed run, e.g. to show progress. */
  readonly onRun?: (benchmark: string, implementation: string, milliseconds: number) => void;
}

export interface ImplementationTiming {
  readonly runsMs: readonly number[];
  readonly medianMs: number;
  /** The very first run (a warm-up run when there is one): what a cold process pays, compiling included. */
  readonly firstMs: number;
}

export interface BenchmarkResult {
  readonly benchmark: string;
  /** Gas used by the transaction, from the first implementation's outcome (0 when it was rejected). */
  readonly gasUsed: bigint;
  readonly timings: ReadonlyMap<string, ImplementationTiming>;
  /** Empty when every implementation matched the suite's post state and the others. */
  readonly problems: readonly string[];
  /** Milliseconds a compile tier spent translating code during this benchmark's runs, when the caller measured it. */
  readonly compileMs?: number;
}

const collectGarbage: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

async function timedRun(implementation: Implementation, benchmark: Benchmark): Promise<{ ms: number; outcome: CaseOutcome }> {
  collectGarbage?.();
  const start = process.hrtime.bigint();
  const outcome = await implementation.runStateTest(benchmark.testCase);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, outcome };
}

/** A peer's output against the first implementation's (a peer reports nothing else to compare). */
function peerProblems(reference: CaseOutcome | undefined, outputs: ReadonlyMap<string, Uint8Array>): string[] {
  if (reference?.kind !== "executed") return [];
  return [...outputs]
    .filter(([, output]) => !bytesEqual(output, reference.output))
    .map(([name, output]) => `${name} returned ${bytesToHex(output).slice(0, 26)}…, not ${bytesToHex(reference.output).slice(0, 26)}…`);
}

export async function measureBenchmark(
  benchmark: Benchmark,
  implementations: readonly Implementation[],
  options: MeasureOptions,
): Promise<BenchmarkResult> {
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new RangeError(`runs must be a positive integer, got ${options.runs}`);
  if (!Number.isInteger(options.warmup) || options.warmup < 0) throw new RangeError(`warmup must be a non-negative integer, got ${options.warmup}`);
  const peers = options.peers ?? [];
  const outcomes = new Map<string, CaseOutcome>();
  const peerOutputs = new Map<string, Uint8Array>();
  const runs = new Map<string, number[]>([...implementations, ...peers].map((impl) => [impl.name, []]));
  const firsts = new Map<string, number>();
  const record = (name: string, round: number, ms: number) => {
    if (round === 0) firsts.set(name, ms);
    if (round < options.warmup) return;
    runs.get(name)!.push(ms);
    options.onRun?.(benchmark.name, name, ms);
  };
  for (const peer of peers) await peer.prepare(benchmark);
  for (let round = 0; round < options.warmup + options.runs; round++) {
    for (const implementation of implementations) {
      const { ms, outcome } = await timedRun(implementation, benchmark);
      if (!outcomes.has(implementation.name)) outcomes.set(implementation.name, outcome);
      record(implementation.name, round, ms);
    }
    for (const peer of peers) {
      const { ms, output } = await peer.run(benchmark);
      if (!peerOutputs.has(peer.name)) peerOutputs.set(peer.name, output);
      record(peer.name, round, ms);
    }
  }
  const first = outcomes.values().next().value;
  return {
    benchmark: benchmark.name,
    gasUsed: first?.kind === "executed" ? first.gasUsed : 0n,
    timings: new Map([...runs].map(([name, ms]) => [name, { runsMs: ms, medianMs: median(ms), firstMs: firsts.get(name)! }])),
    problems: [...disagreements(benchmark.expected, outcomes), ...peerProblems(first, peerOutputs)],
  };
}
