/**
 * A side whose tracing changes its engine (Implementation.tracingChangesEngine; src with its
 * compile tier on interprets a traced run): the differential run compares its untraced outcome,
 * reports a difference between its traced and untraced outcomes as a divergence of its own, and
 * the campaign shrinks it and saves a reproducer that replays as diverging. Then a real campaign,
 * spec ⇄ src-compiled as `svm fuzz` loads them, runs compiled code.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { fuzz } from "../../conformance/fuzz/campaign.js";
import { runDifferential } from "../../conformance/fuzz/differential.js";
import { KNOWN_DIFFERENCES } from "../../conformance/fuzz/known-differences.js";
import { replayReproducer } from "../../conformance/fuzz/replay.js";
import { differenceLines, replayLines } from "../../conformance/fuzz/report.js";
import { readReproducer, writeReproducer } from "../../conformance/fuzz/reproducer.js";
import { specImplementation } from "../../conformance/impls/spec.js";
import { loadFromRegistry } from "../../conformance/state-tests/load-implementation.js";
import type { CaseOutcome, Implementation, StateTestCase } from "../../interface/implementation.js";
import { implementations } from "../../src/cli/implementations.js";
import { compileCacheStats, currentTier, setTier } from "../../src/vm/compile/tier.js";
import { primeInterpreter } from "../../src/vm/prime.js";
import { fake, fakeWithEngines } from "../support/fake-implementation.js";

const dir = mkdtempSync(join(tmpdir(), "svm-engine-split-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const initialTier = currentTier();
afterEach(() => setTier(initialTier));

/** The fakes ignore their case; runDifferential only passes it on. */
const anyCase = { id: "engine-split", fork: "Osaka" } as StateTestCase;

const root = (byte: number) => new Uint8Array(32).fill(byte);

function executed(fields: Partial<Extract<CaseOutcome, { kind: "executed" }>> = {}): CaseOutcome {
  return { kind: "executed", stateRoot: root(1), logsHash: root(2), gasUsed: 50_000n, output: new Uint8Array(0), status: "success", ...fields };
}

describe("a differential run with a side whose tracing changes its engine", () => {
  it("compares that side's untraced outcome, and reports its traced ⇄ untraced difference as a divergence", async () => {
    const spec = fake("spec", [{}], executed());
    const compiled = fakeWithEngines("src-compiled", [{}], executed(), executed({ gasUsed: 50_001n }));
    const result = await runDifferential(spec, compiled, anyCase);
    expect(result.agree).toBe(false);
    expect(result.differences).toEqual([{ what: "gas used", a: "50000", b: "50001" }]);
    expect(result.engineSplits).toEqual([{ side: "b", differences: [{ what: "gas used", a: "50000", b: "50001" }] }]);
    // The trace is the traced run's, and it agrees.
    expect(result.trace).toBeUndefined();
    expect(differenceLines(result, "spec", "src-compiled")).toEqual([
      "  gas used: spec 50000, src-compiled 50001",
      "  src-compiled disagrees with itself: a traced run takes another engine (the interpreter) than an untraced one",
      "    gas used: traced 50000, untraced 50001",
    ]);
  });

  it("makes no untraced run of a side without the property", async () => {
    const compiled = fakeWithEngines("src-compiled", [{}], executed(), executed({ gasUsed: 50_001n }));
    const result = await runDifferential(fake("spec", [{}], executed()), { ...compiled, tracingChangesEngine: false }, anyCase);
    expect(result.agree).toBe(true);
    expect(result.engineSplits).toBeUndefined();
  });

  it("diverges when the untraced outcome matches the other side but the traced one does not, on either side", async () => {
    const compiled = fakeWithEngines("src-compiled", [{}], executed({ status: "out of gas" }), executed());
    const result = await runDifferential(compiled, fake("spec", [{}], executed()), anyCase);
    expect(result.agree).toBe(false);
    expect(result.differences).toEqual([]);
    expect(result.engineSplits).toEqual([{ side: "a", differences: [{ what: "status", a: "out of gas", b: "success" }] }]);
  });

  it("counts an untraced crash on both comparisons, and no known difference of a peer explains a split", async () => {
    const compiled = fakeWithEngines("src", [{}], executed(), { crash: "compiled code threw" });
    const result = await runDifferential(compiled, fake("ethereumjs", [{}], executed()), anyCase, { knownDifferences: KNOWN_DIFFERENCES });
    expect(result.agree).toBe(false);
    expect(result.explainedBy).toBeUndefined();
    expect(result.differences).toEqual([{ what: "crash", a: "Error: compiled code threw", b: "no crash" }]);
    expect(result.engineSplits).toEqual([{ side: "a", differences: [{ what: "crash", a: "no crash", b: "Error: compiled code threw" }] }]);
  });

  it("agrees when both engines agree with each other and with the other side", async () => {
    const result = await runDifferential(fake("spec", [{}], executed()), fakeWithEngines("src-compiled", [{}], executed(), executed()), anyCase);
    expect(result).toMatchObject({ agree: true, differences: [] });
    expect(result.engineSplits).toBeUndefined();
  });
});

/** The spec, except that untraced (its "compiled" engine) it reports a wrong state root after a dynamic-fee (type 2) transaction. */
const compiledBrokenOnType2: Implementation = {
  name: "tiered",
  tracingChangesEngine: true,
  runStateTest(testCase, options) {
    const outcome = specImplementation.runStateTest(testCase, options) as CaseOutcome;
    if (options?.tracer !== undefined || testCase.txBytes[0] !== 2 || outcome.kind !== "executed") return outcome;
    const stateRoot = Uint8Array.from(outcome.stateRoot);
    stateRoot[0]! ^= 1;
    return { ...outcome, stateRoot };
  },
};

describe("a campaign against an implementation whose untraced engine is wrong", () => {
  it("finds and shrinks the split, and its reproducer replays as diverging, as recorded", async () => {
    // Traced only, as every campaign ran before: the broken engine never runs.
    const blind = await fuzz({ a: specImplementation, b: { ...compiledBrokenOnType2, tracingChangesEngine: false }, seed: 11, runs: 25 });
    expect(blind.failed).toBe(0);

    const report = await fuzz({ a: specImplementation, b: compiledBrokenOnType2, seed: 11, runs: 25, shrinkSeconds: 5 });
    expect(report.failed).toBeGreaterThan(0);
    const divergence = report.divergences[0]!;
    expect(divergence.scenario.tx.type).toBe(2);
    expect(divergence.shrinks).toBeGreaterThan(0);
    expect(divergence.result.differences.map((d) => d.what)).toEqual(["state root"]);
    expect(divergence.result.engineSplits?.map((s) => [s.side, s.differences.map((d) => d.what)])).toEqual([["b", ["state root"]]]);

    const path = writeReproducer(dir, divergence, { a: "spec", b: "tiered", strict: false, seed: 11 });
    const { testCase, record } = readReproducer(path);
    expect(record.engineSplits).toEqual([{ side: "b", differences: [expect.objectContaining({ what: "state root" })] }]);
    const replay = await replayReproducer(testCase, specImplementation, compiledBrokenOnType2, record.strict);
    expect(replay.diverges).toBe(true);
    expect(replayLines(record, replay, "spec", "tiered")[1]).toBe("spec and tiered still diverge, as recorded: state root, b traced ⇄ untraced state root");
    // The post entry expects the spec's outcome, so a state-test runner fails the broken engine too.
    expect(record.outcomes.b).not.toEqual(record.outcomes.a);
  });
});

describe("spec ⇄ src-compiled as svm fuzz loads them", () => {
  it("runs compiled code, which a traced-only campaign never did", { timeout: 30_000 }, async () => {
    const compiled = await loadFromRegistry(implementations, "src-compiled");
    expect(compiled.tracingChangesEngine).toBe(true);
    // The first run of a process primes the JIT with a synthetic program, untraced even in a traced
    // run (src/vm/prime.ts), which compiles it once: prime first, so only the campaigns' code counts.
    setTier("always");
    primeInterpreter();
    setTier(initialTier);
    const start = compileCacheStats().compiled;
    const tracedOnly = await fuzz({ a: specImplementation, b: { ...compiled, tracingChangesEngine: false }, seed: 5, runs: 20 });
    expect(tracedOnly).toMatchObject({ runs: 20, failed: 0 });
    expect(compileCacheStats().compiled).toBe(start);
    const report = await fuzz({ a: specImplementation, b: compiled, seed: 5, runs: 20 });
    expect(report).toMatchObject({ runs: 20, failed: 0 });
    expect(compileCacheStats().compiled).toBeGreaterThan(start);
  });

  it("src says tracing changes its engine while its tier is not never (SVM_TIER, or setTier)", async () => {
    const src = await loadFromRegistry(implementations, "src");
    setTier("never");
    expect(src.tracingChangesEngine).toBe(false);
    setTier("adaptive");
    expect(src.tracingChangesEngine).toBe(true);
    setTier("always");
    expect(src.tracingChangesEngine).toBe(true);
    expect((await loadFromRegistry(implementations, "src-interpreter")).tracingChangesEngine).toBe(false);
    expect((await loadFromRegistry(implementations, "src-compiled")).tracingChangesEngine).toBe(true);
    expect((await loadFromRegistry(implementations, "src-adaptive")).tracingChangesEngine).toBe(true);
  });
});
