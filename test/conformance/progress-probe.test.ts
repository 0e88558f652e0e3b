/**
 * The ProgressProbe of the implementation contract, on the spec, src/vm and ethereumjs: it is
 * told the pc and depth of exactly the steps the EIP-3155 trace lists, in the same order, and
 * attaching it changes nothing else. The program calls itself until the gas runs low, so the
 * steps span several depths and end in exceptional halts.
 */
import { describe, expect, it } from "vitest";
import type { CaseOutcome, Implementation, TraceStep } from "../../interface/implementation.js";
import { singleCallCase } from "../../conformance/single-call.js";
import { implementations } from "../../src/cli/implementations.js";

// PUSH1 0 ×4 (out/in offsets and sizes), PUSH1 0 (value), ADDRESS, GAS, CALL, STOP: each frame calls itself.
const SELF_CALL = Uint8Array.from([0x60, 0, 0x60, 0, 0x60, 0, 0x60, 0, 0x60, 0, 0x30, 0x5a, 0xf1, 0x00]);
const testCase = singleCallCase({ code: SELF_CALL, gas: 120_000n });

async function observe(implementation: Implementation) {
  const traced: [number, number][] = [];
  const probed: [number, number][] = [];
  const tracer = { step: (step: TraceStep) => void traced.push([step.pc, step.depth]) };
  const progress = { step: (pc: number, depth: number) => void probed.push([pc, depth]) };
  const withBoth: CaseOutcome = await implementation.runStateTest(testCase, { tracer, progress });
  const withProbe: CaseOutcome = await implementation.runStateTest(testCase, { progress: { step: () => {} } });
  const plain: CaseOutcome = await implementation.runStateTest(testCase);
  return { traced, probed, withBoth, withProbe, plain };
}

describe.each(["spec", "src", "ethereumjs"])("the progress probe on %s", (name) => {
  it("sees the traced steps, and changes no outcome", async () => {
    const { traced, probed, withBoth, withProbe, plain } = await observe(await implementations[name]!());
    expect(new Set(traced.map(([, depth]) => depth)).size).toBeGreaterThan(3);
    expect(probed).toEqual(traced);
    expect(withBoth).toEqual(plain);
    expect(withProbe).toEqual(plain);
  });
});
