/** The fuzzing loop, shrinking, reproducer files and the `svm fuzz` command. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { buildScenario } from "../../conformance/fuzz/build.js";
import { fuzz, runSeed } from "../../conformance/fuzz/campaign.js";
import { casesOfFile, replayReproducer } from "../../conformance/fuzz/replay.js";
import { divergenceLines, replayLines } from "../../conformance/fuzz/report.js";
import { readReproducer, writeReproducer } from "../../conformance/fuzz/reproducer.js";
import { scenarioArb } from "../../conformance/fuzz/scenario.js";
import { stateTestJson } from "../../conformance/fuzz/state-test-json.js";
import { decodeStateTestFile } from "../../conformance/formats/state-tests.js";
import type { CaseOutcome, Implementation, TraceStep } from "../../interface/implementation.js";
import { specImplementation } from "../../conformance/impls/spec.js";
import { buildCase, listCases } from "../../conformance/state-tests/cases.js";
import { compareOutcome } from "../../conformance/state-tests/compare.js";
import { main } from "../../src/cli/main.js";

const dir = mkdtempSync(join(tmpdir(), "svm-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The spec, except that after a dynamic-fee (type 2) transaction it reports a wrong state root. */
const brokenOnType2: Implementation = {
  name: "broken",
  runStateTest(testCase, options) {
    const outcome = specImplementation.runStateTest(testCase, options) as CaseOutcome;
    if (testCase.txBytes[0] !== 2 || outcome.kind !== "executed") return outcome;
    const stateRoot = Uint8Array.from(outcome.stateRoot);
    stateRoot[0]! ^= 1;
    return { ...outcome, stateRoot };
  },
};

/**
 * The spec, except that its trace reports one gas too many on every step after the first: a
 * deliberately broken tracer, whose divergences are in the trace only.
 */
const tracesGasWrong: Implementation = {
  name: "stub",
  runStateTest(testCase, options) {
    const tracer = options?.tracer;
    let steps = 0;
    const wrapped = tracer === undefined ? undefined : {
      step(step: TraceStep) {
        tracer.step(steps++ > 0 ? { ...step, gas: step.gas + 1n } : step);
      },
    };
    return specImplementation.runStateTest(testCase, wrapped === undefined ? {} : { tracer: wrapped });
  },
};

describe("fuzz campaign", () => {
  it("agrees with itself, and replays the same runs from the same seed", async () => {
    const transactions = async (seed: number) => {
      const seen: string[] = [];
      const recording: Implementation = { name: "recording", runStateTest: (testCase, options) => (seen.push(Buffer.from(testCase.txBytes).toString("hex")), specImplementation.runStateTest(testCase, options)) };
      const report = await fuzz({ a: specImplementation, b: recording, seed, runs: 15 });
      expect(report).toMatchObject({ runs: 15, passed: 15, failed: 0 });
      return seen;
    };
    const first = await transactions(3);
    expect(await transactions(3)).toEqual(first);
    expect(await transactions(4)).not.toEqual(first);
    expect(new Set(Array.from({ length: 50 }, (_, i) => runSeed(3, i))).size).toBe(50);
  });

  it("finds a seeded bug, shrinks it and writes a reproducer that fails only the broken side", async () => {
    const report = await fuzz({ a: specImplementation, b: brokenOnType2, seed: 11, runs: 25, shrinkSeconds: 5 });
    expect(report.failed).toBeGreaterThan(0);
    expect(report.passed + report.failed).toBe(25);
    const divergence = report.divergences[0]!;
    expect(divergence.scenario.tx.type).toBe(2);
    expect(divergence.result.differences.map((d) => d.what)).toEqual(["state root"]);
    expect(divergence.shrinks).toBeGreaterThan(0);
    expect(divergenceLines(divergence, "spec", "broken")).toEqual([
      expect.stringMatching(/^DIVERGENCE in run \d+ \(run seed -?\d+, shrunk \d+ times\)$/),
      expect.stringMatching(/^  state root: spec 0x[0-9a-f]{64}, broken 0x[0-9a-f]{64}$/),
    ]);
    // Shrinking removes everything the bug does not need: the contracts' code, the calldata.
    expect(divergence.scenario.contracts).toHaveLength(1);
    expect(divergence.scenario.contracts[0]!.program.blocks).toEqual([]);
    expect(divergence.scenario.tx.data).toHaveLength(0);

    const path = writeReproducer(dir, divergence, { a: "spec", b: "broken", strict: false, seed: 11 });
    const [testCase] = casesOfFile(path);
    const decoded = decodeStateTestFile(readFileSync(path, "utf8"));
    if (!decoded.ok) throw new Error(decoded.error);
    const [ref] = listCases(path, decoded.tests);
    const { expected } = buildCase(ref!, testCase!.fork, decoded.tests.get(ref!.testName)!);
    expect(compareOutcome(expected, specImplementation.runStateTest(testCase!) as CaseOutcome).pass).toBe(true);
    expect(compareOutcome(expected, brokenOnType2.runStateTest(testCase!) as CaseOutcome).pass).toBe(false);
  });

  it("saves trace-only divergences as reproducers that replay as diverging, and as agreeing once fixed", async () => {
    const report = await fuzz({ a: specImplementation, b: tracesGasWrong, seed: 7, runs: 5, shrinkSeconds: 2 });
    expect(report.failed).toBeGreaterThan(0);
    for (const divergence of report.divergences) {
      // Nothing a post entry can express differs: the outcome is the spec's.
      expect(divergence.result.differences).toEqual([]);
      expect(divergence.result.trace?.index).toBe(1);
      const path = writeReproducer(dir, divergence, { a: "spec", b: "stub", strict: true, seed: 7 });
      const { testCase, record } = readReproducer(path);
      expect(record).toMatchObject({ a: "spec", b: "stub", strict: true, seed: 7, run: divergence.run, runSeed: divergence.runSeed, differences: [] });
      expect(record.trace).toEqual(divergence.result.trace);
      expect(record.outcomes.a).toEqual(record.outcomes.b);
      // A state-test runner sees nothing wrong with the broken side...
      const [stateTestCase] = casesOfFile(path);
      const decoded = decodeStateTestFile(readFileSync(path, "utf8"));
      if (!decoded.ok) throw new Error(decoded.error);
      const [ref] = listCases(path, decoded.tests);
      const { expected } = buildCase(ref!, stateTestCase!.fork, decoded.tests.get(ref!.testName)!);
      expect(compareOutcome(expected, (await tracesGasWrong.runStateTest(stateTestCase!)) as CaseOutcome).pass).toBe(true);
      // ...but the replay compares traces, so it still diverges, as recorded; the spec against itself no longer does.
      const replay = await replayReproducer(testCase, specImplementation, tracesGasWrong, record.strict);
      expect(replay.diverges).toBe(true);
      expect(replay.result.trace).toEqual(record.trace);
      expect(replayLines(record, replay, "spec", "stub")[1]).toBe(`spec and stub still diverge, as recorded: trace (step ${record.trace!.index})`);
      const fixed = await replayReproducer(testCase, specImplementation, specImplementation, record.strict);
      expect(fixed.diverges).toBe(false);
      expect(replayLines(record, fixed, "spec", "spec")[1]).toBe("spec and spec no longer diverge");
    }
  });
});

describe("state-test JSON", () => {
  it("round-trips generated cases, executed or rejected, with the spec's outcome as the expectation", () => {
    const kinds = new Set<string>();
    for (const [i, scenario] of fc.sample(scenarioArb, { seed: 5, numRuns: 40 }).entries()) {
      const built = buildScenario(scenario, `case${i}`);
      const outcome = specImplementation.runStateTest(built.testCase) as CaseOutcome;
      kinds.add(outcome.kind);
      const decoded = decodeStateTestFile(stateTestJson(`case${i}`, built, outcome));
      if (!decoded.ok) throw new Error(decoded.error);
      const [ref] = listCases("x.json", decoded.tests);
      const { testCase, expected } = buildCase(ref!, built.testCase.fork, decoded.tests.get(`case${i}`)!);
      expect(testCase.txBytes).toEqual(built.testCase.txBytes);
      expect(testCase.env).toEqual(built.testCase.env);
      expect([...testCase.pre.keys()]).toEqual([...built.testCase.pre.keys()]);
      expect(compareOutcome(expected, specImplementation.runStateTest(testCase) as CaseOutcome)).toMatchObject({ pass: true });
    }
    expect([...kinds].sort()).toEqual(["executed", "rejected"]);
  });
});

async function svm(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const log = vi.spyOn(console, "log").mockImplementation((...parts) => void (out += parts.join(" ") + "\n"));
  const error = vi.spyOn(console, "error").mockImplementation((...parts) => void (err += parts.join(" ") + "\n"));
  try {
    return { code: await main(args), out, err };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe("svm fuzz", () => {
  it("ends with 'N passed, M failed' and exits 0 when nothing diverged", async () => {
    const { code, out } = await svm("fuzz", "--a", "spec", "--b", "spec", "--seed", "1", "--runs", "4", "--out", dir);
    expect(code).toBe(0);
    expect(out).toContain("seed 1");
    expect(out.trim().split("\n").at(-1)).toBe("4 passed, 0 failed");
  });

  it("takes --strict as a flag without a value", async () => {
    const { code, out } = await svm("fuzz", "--b", "spec", "--strict", "--seed", "1", "--runs", "2", "--out", dir);
    expect(code).toBe(0);
    expect(out).toContain("seed 1 (strict)");
    expect(out.trim().split("\n").at(-1)).toBe("2 passed, 0 failed");
  });

  it("rejects bad usage with exit code 2", async () => {
    for (const args of [[], ["--b", "nope"], ["--b", "spec", "--runs", "0"], ["--b", "spec", "--seed", "x"], ["--b", "spec", "--time", "-1"], ["--b", "spec", "--bogus"], ["--b", "spec", "--strict=1"], ["--b", "spec", "--seed", "--runs"], ["--replay", "x.json", "--runs", "3"], ["--replay", "/nonexistent.json"], ["--b", "spec", "stray"]]) {
      const { code, err } = await svm("fuzz", ...args);
      expect(code, args.join(" ")).toBe(2);
      expect(err).toContain("svm fuzz:");
    }
  });
});
