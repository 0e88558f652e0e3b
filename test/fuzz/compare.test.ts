/** Canonical traces, outcome comparison and what the fuzzer prints. */
import { describe, expect, it } from "vitest";
import { CanonicalTraceRecorder, firstTraceDivergence } from "../../conformance/fuzz/canonical-trace.js";
import { compareOutcomes } from "../../conformance/fuzz/compare-outcomes.js";
import { statusText, summaryLine } from "../../conformance/fuzz/report.js";
import { FuzzStatusLine } from "../../conformance/fuzz/status-line.js";
import type { CaseOutcome, HaltReason, TraceStep } from "../../interface/implementation.js";

function step(fields: Partial<TraceStep>): TraceStep {
  return { pc: 0, op: 0x60, opName: "PUSH1", gas: 100n, gasCost: 3n, stack: [], depth: 1, refund: 0n, memSize: 0, ...fields };
}

function recorder(steps: TraceStep[]): CanonicalTraceRecorder {
  const r = new CanonicalTraceRecorder();
  steps.forEach((s) => r.step(s));
  return r;
}

describe("canonical traces", () => {
  it("agree on equal canonical fields, whatever gasCost, memSize, refund or lower stack items say", () => {
    const a = recorder([step({ stack: [1n, 2n], gasCost: 3n, memSize: 0 })]);
    const b = recorder([step({ stack: [9n, 2n], gasCost: 6n, memSize: 32, refund: 5n })]);
    expect(firstTraceDivergence(a, b)).toBeUndefined();
  });

  it("report the first step whose gas, pc, depth, op or top of stack differs", () => {
    const a = recorder([step({}), step({ pc: 2, gas: 97n, stack: [1n] }), step({ pc: 4 })]);
    const b = recorder([step({}), step({ pc: 2, gas: 96n, stack: [1n] }), step({ pc: 5 })]);
    const divergence = firstTraceDivergence(a, b);
    expect(divergence?.index).toBe(1);
    expect(divergence?.a).toContain('"gas":"0x61"');
    expect(divergence?.b).toContain('"gas":"0x60"');
    expect(firstTraceDivergence(recorder([step({ stack: [1n] })]), recorder([step({ stack: [2n] })]))?.index).toBe(0);
  });

  it("report a trace that ends early", () => {
    const divergence = firstTraceDivergence(recorder([step({})]), recorder([step({}), step({ pc: 2 })]));
    expect(divergence).toMatchObject({ index: 1, b: expect.stringContaining('"pc":2') });
    expect(divergence?.a).toBeUndefined();
  });

  it("name non-instructions alike, and compare opNames of instructions", () => {
    const a = recorder([step({ op: 0xef, opName: "opcode 0xef" })]);
    const b = recorder([step({ op: 0xef, opName: "0xef" })]);
    expect(firstTraceDivergence(a, b)).toBeUndefined();
    expect(firstTraceDivergence(recorder([step({ op: 0x44, opName: "PREVRANDAO" })]), recorder([step({ op: 0x44, opName: "DIFFICULTY" })]))).toBeDefined();
  });

  it("compare errors exactly, when both sides report errors", () => {
    const withError = (error: HaltReason) => recorder([step({ error })]);
    expect(firstTraceDivergence(withError("out of gas"), withError("out of gas"))).toBeUndefined();
    expect(firstTraceDivergence(withError("out of gas"), withError("invalid opcode"))?.index).toBe(0);
    expect(firstTraceDivergence(recorder([step({ error: "out of gas" }), step({})]), recorder([step({}), step({ error: "out of gas" })]))?.index).toBe(0);
    expect(firstTraceDivergence(withError("out of gas"), recorder([step({})]))).toBeUndefined();
  });
});

const root = (byte: number) => new Uint8Array(32).fill(byte);
const executed = (fields: Partial<Extract<CaseOutcome, { kind: "executed" }>>): CaseOutcome => ({
  kind: "executed",
  stateRoot: root(1),
  logsHash: root(2),
  gasUsed: 21000n,
  output: new Uint8Array(0),
  status: "success",
  ...fields,
});

describe("outcome comparison", () => {
  it("finds each differing observable, the halt reason included", () => {
    expect(compareOutcomes(executed({ status: "out of gas" }), executed({ status: "out of gas" }))).toEqual([]);
    expect(compareOutcomes(executed({ status: "out of gas" }), executed({ status: "invalid opcode" }))).toEqual([{ what: "status", a: "out of gas", b: "invalid opcode" }]);
    const found = compareOutcomes(executed({}), executed({ gasUsed: 21001n, stateRoot: root(9), status: "revert", output: Uint8Array.of(1) }));
    expect(found.map((d) => d.what)).toEqual(["status", "gas used", "output", "state root"]);
    expect(compareOutcomes(executed({}), executed({ logsHash: root(3) })).map((d) => d.what)).toEqual(["logs hash"]);
  });

  it("compares rejections by state root only, and an execution against a rejection", () => {
    const rejected = (error: "NONCE_MISMATCH" | "INSUFFICIENT_ACCOUNT_FUNDS"): CaseOutcome => ({ kind: "rejected", stateRoot: root(1), error, message: "" });
    expect(compareOutcomes(rejected("NONCE_MISMATCH"), rejected("INSUFFICIENT_ACCOUNT_FUNDS"))).toEqual([]);
    expect(compareOutcomes(rejected("NONCE_MISMATCH"), executed({}))[0]).toMatchObject({ what: "outcome" });
  });
});

describe("fuzz status line and summary", () => {
  const progress = { runs: 10, passed: 9, failed: 1, explained: 0, elapsedMs: 2000 };
  const capture = (isTTY: boolean, env: NodeJS.ProcessEnv) => {
    let written = "";
    const line = new FuzzStatusLine({ isTTY, write: (text: string) => (written += text) }, env);
    line.update(progress);
    line.clear();
    return written;
  };

  it("draws on a terminal, and stays quiet in CI or a pipe", () => {
    expect(capture(true, {})).toContain("10 runs  9 passed  1 failed  5.0 runs/s");
    expect(capture(true, { CI: "true" })).toBe("");
    expect(capture(false, {})).toBe("");
  });

  it("counts explained runs in the status line once there are any", () => {
    expect(statusText({ ...progress, passed: 9, explained: 3 })).toBe("10 runs  9 passed  1 failed  3 explained  5.0 runs/s");
  });

  it("ends a campaign with 'N passed, M failed'", () => {
    expect(summaryLine(progress)).toBe("9 passed, 1 failed");
  });
});
