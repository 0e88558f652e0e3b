/**
 * conformance/interruptible/run.ts with stand-in implementations: a run is stopped on its
 * deadline or on an abort with the step count and pc its progress probe last saw; loading the
 * implementation is not charged to the deadline; an implementation that cannot be loaded is
 * ImplementationUnavailableError (which `svm run` reports as an input error, exit 2).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInterruptibly } from "../../conformance/interruptible/run.js";
import { singleCallCase } from "../../conformance/single-call.js";
import { ImplementationUnavailableError } from "../../conformance/state-tests/load-implementation.js";

const dir = mkdtempSync(join(tmpdir(), "svm-interruptible-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const registryModule = join(dir, "registry.mjs");
writeFileSync(
  registryModule,
  `
const outcome = { kind: "executed", stateRoot: new Uint8Array(32), logsHash: new Uint8Array(32), gasUsed: 21000n, output: Uint8Array.of(7), status: "success" };
export const implementations = {
  // Steps through pc 0..9 forever.
  endless: async () => ({ name: "endless", runStateTest(testCase, options) { for (let i = 0; ; i++) options.progress.step(i % 10, 1); } }),
  // Takes 1.5 s to load, then 300 ms to run.
  slowToLoad: async () => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return { name: "slowToLoad", runStateTest() { const end = Date.now() + 300; while (Date.now() < end); return outcome; } };
  },
  broken: async () => { throw new Error("not built yet"); },
};
`,
);
const testCase = singleCallCase({ code: Uint8Array.of(0) });

describe.concurrent("runInterruptibly", () => {
  it("stops an endless run on its deadline, with the steps and pc reached", async () => {
    const result = await runInterruptibly({ registryModule, implementationName: "endless", testCase, timeoutMs: 300 });
    expect(result.kind).toBe("stopped");
    if (result.kind !== "stopped") return;
    expect(result.reason).toBe("timeout");
    expect(result.progress.steps).toBeGreaterThan(0);
    expect(result.progress.pc).toBe((result.progress.steps - 1) % 10);
    expect(result.progress.depth).toBe(1);
    expect(result.progress.elapsedMs).toBeGreaterThanOrEqual(290);
  });

  it("reports progress while it runs", async () => {
    const seen: number[] = [];
    const result = await runInterruptibly({
      registryModule,
      implementationName: "endless",
      testCase,
      timeoutMs: 1200,
      onProgress: (progress) => void seen.push(progress.steps),
    });
    expect(result.kind).toBe("stopped");
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen.at(-1)!).toBeGreaterThan(seen[0]!);
  });

  it("stops on an abort signal", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 500);
    const result = await runInterruptibly({ registryModule, implementationName: "endless", testCase, signal: controller.signal });
    expect(result).toMatchObject({ kind: "stopped", reason: "interrupted" });
  });

  it("does not charge loading the implementation to the deadline", async () => {
    const result = await runInterruptibly({ registryModule, implementationName: "slowToLoad", testCase, timeoutMs: 1000 });
    expect(result).toMatchObject({ kind: "finished", outcome: { status: "success", gasUsed: 21000n, output: Uint8Array.of(7) } });
  });

  it("reports an implementation that cannot be loaded", async () => {
    const run = runInterruptibly({ registryModule, implementationName: "broken", testCase });
    await expect(run).rejects.toThrow(ImplementationUnavailableError);
    await expect(run).rejects.toThrow("implementation broken is not available: not built yet");
  });
});
