import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Implementation } from "../../interface/implementation.js";
import { stateTestFiles } from "../../conformance/state-tests/files.js";
import { jsonReport } from "../../conformance/state-tests/json-report.js";
import { ImplementationUnavailableError } from "../../conformance/state-tests/load-implementation.js";
import { summaryLine } from "../../conformance/state-tests/result.js";
import { runStateTests, type StateTestRunOptions } from "../../conformance/state-tests/runner.js";
import { main } from "../../src/cli/main.js";
import { executed, fixedOutcome, LOGS_A, LOGS_B, rejected, ROOT_A, ROOT_B, stateTest, vectorFolder } from "./state-tests-fixtures.js";

/** Cancun: 2 pass (root A), 1 fails on its root; 1 expects an exception; Glamsterdam is skipped; bad.json is malformed. */
function sampleFolder(): string {
  return vectorFolder({
    "one.json": {
      first: stateTest({
        Cancun: [
          { d: 0, hash: ROOT_A, logs: LOGS_A },
          { d: 1, hash: ROOT_B, logs: LOGS_A },
          { d: 1, g: 1, hash: ROOT_A, logs: LOGS_A, expectException: "TransactionException.INTRINSIC_GAS_TOO_LOW" },
        ],
        Glamsterdam: [{ d: 0, hash: ROOT_A, logs: LOGS_A }],
      }),
    },
    "two.json": { second: stateTest({ Cancun: [{ d: 0, v: 1, hash: ROOT_A, logs: LOGS_A }] }) },
    "bad.json": '{"broken": ',
  });
}

function options(dir: string, implementation: Implementation, extra: Partial<StateTestRunOptions> = {}): StateTestRunOptions {
  return {
    files: stateTestFiles([dir], [dir]),
    implementation: { name: implementation.name, load: async () => implementation },
    ...extra,
  };
}

describe("state-test runner", () => {
  it("counts passes, failures, skips and malformed files, sorted by id", async () => {
    const dir = sampleFolder();
    const report = await runStateTests(options(dir, fixedOutcome(executed(ROOT_A, LOGS_A))));
    expect(report.summary).toEqual({ passed: 2, failed: 3, skipped: 1 });
    expect(summaryLine(report.summary)).toBe("2 passed, 3 failed, 1 skipped");
    const ids = report.results.map((r) => r.id);
    expect(ids).toEqual([
      "bad.json",
      "one.json::first::Cancun::d0g0v0",
      "one.json::first::Cancun::d1g0v0",
      "one.json::first::Cancun::d1g1v0",
      "one.json::first::Glamsterdam::d0g0v0",
      "two.json::second::Cancun::d0g0v1",
    ]);
    const byId = new Map(report.results.map((r) => [r.id, r]));
    expect(byId.get("bad.json")).toMatchObject({ status: "fail", reason: expect.stringMatching(/^malformed file: invalid JSON/) });
    expect(byId.get("one.json::first::Cancun::d1g0v0")?.reason).toBe(`state root: expected ${ROOT_B}, got ${ROOT_A}`);
    expect(byId.get("one.json::first::Cancun::d1g1v0")?.reason).toContain("expected exception TransactionException.INTRINSIC_GAS_TOO_LOW");
    expect(byId.get("one.json::first::Glamsterdam::d0g0v0")?.status).toBe("skip");
    expect(byId.get("two.json::second::Cancun::d0g0v1")).toMatchObject({ status: "pass", gasUsed: 21000n });
  });

  it("agrees with the outcomes: a rejecting implementation passes only the case expecting an exception", async () => {
    const report = await runStateTests(options(sampleFolder(), fixedOutcome(rejected(ROOT_A, "INTRINSIC_GAS_TOO_LOW")), { fork: "Cancun" }));
    expect(report.summary).toEqual({ passed: 1, failed: 4, skipped: 0 });
    expect(report.results.find((r) => r.status === "pass")?.id).toBe("one.json::first::Cancun::d1g1v0");
  });

  it("turns a throwing case into a failure and goes on", async () => {
    let calls = 0;
    const flaky: Implementation = {
      name: "flaky",
      runStateTest: (testCase) => {
        calls++;
        if (testCase.id.endsWith("d0g0v0")) throw new Error("boom");
        return executed(ROOT_A, LOGS_A);
      },
    };
    const report = await runStateTests(options(sampleFolder(), flaky, { filter: /Cancun/ }));
    expect(calls).toBe(4);
    expect(report.results.find((r) => r.id === "one.json::first::Cancun::d0g0v0")).toMatchObject({ status: "fail", reason: "threw Error: boom" });
  });

  it("applies --filter to case ids and the shards add up to the whole run", async () => {
    const dir = sampleFolder();
    const impl = fixedOutcome(executed(ROOT_A, LOGS_A));
    const whole = await runStateTests(options(dir, impl));
    const parts = await Promise.all([1, 2, 3].map((index) => runStateTests(options(dir, impl, { shard: { index, count: 3 } }))));
    expect(parts.flatMap((p) => p.results.map((r) => r.id)).sort()).toEqual(whole.results.map((r) => r.id));
    const filtered = await runStateTests(options(dir, impl, { filter: /two\.json/ }));
    expect(filtered.results.map((r) => r.id)).toEqual(["two.json::second::Cancun::d0g0v1"]);
  });

  it("writes EIP-3155 steps and a summary line per case when tracing", async () => {
    const tracing: Implementation = {
      name: "tracing",
      runStateTest: (_case, opts) => {
        opts?.tracer?.step({ pc: 0, op: 0, opName: "STOP", gas: 10n, gasCost: 0n, stack: [], depth: 1, refund: 0n, memSize: 0 });
        return executed(ROOT_A, LOGS_A, 0x5208n);
      },
    };
    const lines: string[] = [];
    const report = await runStateTests(options(sampleFolder(), tracing, { filter: /two\.json/, traceLine: (l) => lines.push(l) }));
    expect(report.workers).toBe(1);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { pc: 0, op: 0, gas: "0xa", gasCost: "0x0", memSize: 0, stack: [], depth: 1, refund: 0, opName: "STOP" },
      { stateRoot: ROOT_A, output: "0x", gasUsed: "0x5208" },
    ]);
  });

  it("produces the JSON report shape", async () => {
    const report = await runStateTests(options(sampleFolder(), fixedOutcome(executed(ROOT_A, LOGS_A))));
    const json = JSON.parse(JSON.stringify(jsonReport(report, { implementation: "fake", shard: { index: 1, count: 1 } })));
    expect(json.summary).toMatchObject({ passed: 2, failed: 3, skipped: 1, total: 6, implementation: "fake", fork: null, shard: "1/1" });
    expect(json.cases[5]).toMatchObject({ id: "two.json::second::Cancun::d0g0v1", status: "pass", reason: null, gasUsed: "0x5208" });
    expect(typeof json.cases[5].timeMs).toBe("number");
  });
});

/** A registry module in plain JS, as worker threads load it (they cannot load TypeScript). */
function registryModule(dir: string, body: string): string {
  const path = join(dir, "registry.mjs");
  writeFileSync(path, body);
  return path;
}

const FAKE_REGISTRY = `
const hex = (h) => Uint8Array.from(Buffer.from(h.slice(2), "hex"));
export const implementations = {
  fake: async () => ({
    name: "fake",
    runStateTest: (c) => {
      if (c.id.includes("d1g1")) throw new Error("worker boom");
      return { kind: "executed", stateRoot: hex("${ROOT_A}"), logsHash: hex("${LOGS_A}"), gasUsed: 7n, output: new Uint8Array(0), status: "success" };
    },
  }),
  broken: async () => { throw new Error("not built yet"); },
};`;

describe("state-test runner with worker threads (needs a build: npx tsc -p .)", () => {
  it("gives the same results as the in-thread run", async () => {
    const dir = sampleFolder();
    const registry = registryModule(dir, FAKE_REGISTRY);
    const { implementations } = (await import(registry)) as { implementations: Record<string, () => Promise<Implementation>> };
    const source = { name: "fake", load: () => implementations.fake!(), registryModule: registry };
    const files = stateTestFiles([dir], [dir]);
    const inThread = await runStateTests({ files, implementation: source, workers: 1 });
    const pooled = await runStateTests({ files, implementation: source, workers: 2 });
    expect(pooled.workers).toBe(2);
    const strip = (r: { results: readonly { id: string; status: string; reason?: string }[] }) => r.results.map(({ id, status, reason }) => ({ id, status, reason }));
    expect(strip(pooled)).toEqual(strip(inThread));
    expect(pooled.results.find((r) => r.id.includes("d1g1"))?.reason).toBe("threw Error: worker boom");
    expect(pooled.summary).toEqual({ passed: 2, failed: 3, skipped: 1 });
  });

  it("fails the unfinished cases of a worker that dies, and goes on with a new worker", async () => {
    const dir = sampleFolder();
    const registry = registryModule(
      dir,
      FAKE_REGISTRY.replace('if (c.id.includes("d1g1")) throw new Error("worker boom");', 'if (c.id.includes("Cancun::d1g0v0")) process.exit(3);'),
    );
    const report = await runStateTests({
      files: stateTestFiles([dir], [dir]),
      implementation: { name: "fake", load: async () => fixedOutcome(executed(ROOT_A, LOGS_A)), registryModule: registry },
      workers: 2,
    });
    const byId = new Map(report.results.map((r) => [r.id, r]));
    expect(byId.get("one.json::first::Cancun::d0g0v0")?.status).toBe("pass");
    expect(byId.get("one.json::first::Cancun::d1g0v0")).toMatchObject({ status: "fail", reason: "worker died: exited with code 3" });
    expect(byId.get("one.json::first::Cancun::d1g1v0")).toMatchObject({ status: "fail", reason: "worker died: exited with code 3" });
    expect(byId.get("two.json::second::Cancun::d0g0v1")?.status).toBe("pass");
    expect(report.results).toHaveLength(6);
  });

  it("stops with a clear error when workers cannot load the implementation", async () => {
    const dir = sampleFolder();
    const registry = registryModule(dir, FAKE_REGISTRY);
    const run = runStateTests({
      files: stateTestFiles([dir], [dir]),
      implementation: { name: "broken", load: async () => fixedOutcome(executed(ROOT_A, LOGS_A)), registryModule: registry },
      workers: 2,
    });
    await expect(run).rejects.toThrow(ImplementationUnavailableError);
    await expect(run).rejects.toThrow("implementation broken is not available: not built yet");
  });
});

describe("svm statetest", () => {
  afterEach(() => vi.restoreAllMocks());

  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
    vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
    return { out, err };
  }

  it("exits 2 on usage errors", async () => {
    const { err } = capture();
    expect(await main(["statetest"])).toBe(2);
    expect(await main(["statetest", "--impl", "nope"])).toBe(2);
    expect(await main(["statetest", "--impl", "spec", "--fork", "Cancn"])).toBe(2);
    expect(await main(["statetest", "--impl", "spec", "--shard", "3/2"])).toBe(2);
    expect(await main(["statetest", "--impl", "spec", "--workers", "0"])).toBe(2);
    expect(await main(["statetest", "--impl", "spec", "--bogus"])).toBe(2);
    expect(await main(["statetest", "--impl", "spec", "/no/such/folder"])).toBe(2);
    expect(err.join("\n")).toContain("unknown fork 'Cancn'");
  });

  it("prints failures and the summary line, writes --json and exits 1 when a case failed", async () => {
    const { out } = capture();
    const dir = vectorFolder({ "bad.json": '{"x": {"env": 1}}' });
    const jsonFile = join(dir, "report.json");
    expect(await main(["statetest", "--impl", "ethereumjs", dir, "--json", jsonFile])).toBe(1);
    expect(out[0]).toMatch(/^FAIL .*bad\.json: malformed file: x: env: expected env, got 1/);
    expect(out[out.length - 1]).toBe("0 passed, 1 failed, 0 skipped");
    expect(JSON.parse(readFileSync(jsonFile, "utf8")).summary).toMatchObject({ failed: 1, implementation: "ethereumjs" });
  });
});
