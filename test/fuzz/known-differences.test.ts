/**
 * Known differences of the ethereumjs peer: each entry recognises its class on a small
 * constructed run (fake implementations named `spec` and `ethereumjs` replaying given traces and
 * outcomes), and does not recognise a near miss of it.
 */
import { describe, expect, it } from "vitest";
import { fuzz } from "../../conformance/fuzz/campaign.js";
import { type DifferentialResult, runDifferential } from "../../conformance/fuzz/differential.js";
import { KNOWN_DIFFERENCES, knownDifferencesFor } from "../../conformance/fuzz/known-differences.js";
import { explainedLine, normalisedLine } from "../../conformance/fuzz/report.js";
import type { CaseOutcome, HaltReason, Implementation, StateTestCase, TraceStep } from "../../interface/implementation.js";
import { specImplementation } from "../../conformance/impls/spec.js";
import { fake, type Step } from "../support/fake-implementation.js";
import { decodeTransaction, encodeTransaction } from "../../spec/transaction/index.js";

const CONTRACT = 0xc0de00n;

function testCase(to: bigint | null, fork: StateTestCase["fork"] = "Cancun"): StateTestCase {
  const txBytes = encodeTransaction({
    type: 0,
    nonce: 0n,
    gasLimit: 100_000n,
    to,
    value: 0n,
    data: new Uint8Array(0),
    accessList: [],
    gasPrice: 10n,
    v: 27n,
    chainId: null,
    r: 1n,
    s: 1n,
  });
  return { id: "known-differences", fork, env: { coinbase: 0n, gasLimit: 10n ** 7n, number: 1n, timestamp: 1n, difficulty: 0n }, pre: new Map(), txBytes };
}

const root = (byte: number) => new Uint8Array(32).fill(byte);

function executed(fields: Partial<Extract<CaseOutcome, { kind: "executed" }>> = {}): CaseOutcome {
  return { kind: "executed", stateRoot: root(1), logsHash: root(2), gasUsed: 50_000n, output: new Uint8Array(0), status: "success", ...fields };
}




interface Run {
  readonly case: StateTestCase;
  readonly spec: { steps: Step[]; outcome: CaseOutcome | { crash: string } };
  readonly ethereumjs: { steps: Step[]; outcome: CaseOutcome | { crash: string } };
}

async function compare(run: Run): Promise<DifferentialResult> {
  return runDifferential(
    fake("spec", run.spec.steps, run.spec.outcome),
    fake("ethereumjs", run.ethereumjs.steps, run.ethereumjs.outcome),
    run.case,
    { knownDifferences: KNOWN_DIFFERENCES },
  );
}

/** How a run ended after the known differences: agreed (listing normalisations), explained by an id, or unexplained. */
async function verdict(run: Run): Promise<string> {
  const result = await compare(run);
  if (result.agree) return `agree ${result.normalised.join(",")}`.trim();
  return result.explainedBy === undefined ? "unexplained" : `explained ${result.explainedBy}`;
}

/** The same run with one side changed. */
function withSide(run: Run, side: "spec" | "ethereumjs", change: Partial<Run["spec"]>): Run {
  return { ...run, [side]: { ...run[side], ...change } };
}

const push = (pc: number, gas: bigint, depth = 1): Step => ({ pc, gas, depth });

/**
 * The same run after a call into a frame that failed alike on both sides: each side then reports
 * errors in its trace, so errors are compared (as present or absent) for the steps that follow.
 */
function afterFailedCall(run: Run): Run {
  const failed: Step[] = [
    { pc: 0, op: 0xf1, opName: "CALL", gas: 99_000n, stack: [1000n] },
    { pc: 0, op: 0xfe, opName: "INVALID", gas: 1000n, depth: 2, error: "invalid opcode" },
  ];
  return withSide(withSide(run, "spec", { steps: [...failed, ...run.spec.steps] }), "ethereumjs", { steps: [...failed, ...run.ethereumjs.steps] });
}

describe("which implementations the known differences apply to", () => {
  it("applies ethereumjs's entries when exactly one side is ethereumjs, on that side", () => {
    expect(knownDifferencesFor("spec", "ethereumjs")?.peerSide).toBe("b");
    expect(knownDifferencesFor("ethereumjs", "src")?.peerSide).toBe("a");
    expect(knownDifferencesFor("spec", "src")).toBeUndefined();
    expect(knownDifferencesFor("ethereumjs", "ethereumjs")).toBeUndefined();
    for (const entry of KNOWN_DIFFERENCES) expect(entry.description.length, entry.id).toBeGreaterThan(100);
    expect(new Set(KNOWN_DIFFERENCES.map((entry) => entry.id)).size).toBe(KNOWN_DIFFERENCES.length);
  });

  it("the fixture transactions decode as intended", () => {
    expect(decodeTransaction(testCase(null).txBytes).to).toBeNull();
    expect(decodeTransaction(testCase(5n).txBytes).to).toBe(5n);
  });

  it("applies nothing without known differences (the default of runDifferential, and --strict)", async () => {
    const run = undefinedOpcodeRun(0x0c);
    const result = await runDifferential(fake("spec", run.spec.steps, run.spec.outcome), fake("ethereumjs", run.ethereumjs.steps, run.ethereumjs.outcome), run.case);
    expect(result).toMatchObject({ agree: false, normalised: [] });
    expect(result.explainedBy).toBeUndefined();
  });
});

function undefinedOpcodeRun(op: number, fork: StateTestCase["fork"] = "Cancun"): Run {
  const outcome = executed({ status: "invalid opcode", gasUsed: 100_000n });
  return {
    case: testCase(CONTRACT, fork),
    spec: { steps: [push(0, 90_000n), { pc: 2, op, opName: `opcode 0x${op.toString(16)}`, gas: 89_997n, stack: [1n], error: "invalid opcode" }], outcome },
    ethereumjs: { steps: [push(0, 90_000n), { pc: 2, op: 0xfe, opName: "INVALID", gas: 89_997n, stack: [1n], error: "invalid opcode" }], outcome: executed({ status: "invalid opcode", gasUsed: 100_000n }) },
  };
}

describe("ethereumjs-undefined-opcode-traced-as-invalid", () => {
  const id = "ethereumjs-undefined-opcode-traced-as-invalid";

  it("normalises INVALID for a byte the fork does not define, including opcodes of later forks", async () => {
    expect(await verdict(undefinedOpcodeRun(0x0c))).toBe(`agree ${id}`);
    expect(await verdict(undefinedOpcodeRun(0x5c, "Shanghai"))).toBe(`agree ${id}`);
  });

  it("does not hide INVALID for a defined opcode, or a different gas or stack", async () => {
    expect(await verdict(undefinedOpcodeRun(0x5c, "Cancun"))).toBe("unexplained");
    const run = undefinedOpcodeRun(0x0c);
    const gas = withSide(run, "ethereumjs", { steps: [run.ethereumjs.steps[0]!, { ...run.ethereumjs.steps[1], gas: 89_996n }] });
    expect(await verdict(gas)).toBe("unexplained");
    const top = withSide(run, "ethereumjs", { steps: [run.ethereumjs.steps[0]!, { ...run.ethereumjs.steps[1], stack: [2n] }] });
    expect(await verdict(top)).toBe("unexplained");
  });
});

describe("ethereumjs-implicit-stop-untraced", () => {
  const id = "ethereumjs-implicit-stop-untraced";
  const nested: Run = {
    case: testCase(CONTRACT),
    spec: { steps: [push(0, 90_000n), { pc: 0, op: 0x00, opName: "STOP", gas: 5000n, depth: 2 }, push(5, 80_000n)], outcome: executed() },
    ethereumjs: { steps: [push(0, 90_000n), push(5, 80_000n)], outcome: executed() },
  };

  it("normalises a STOP that ends its frame (nested, or at the end of the trace)", async () => {
    expect(await verdict(nested)).toBe(`agree ${id}`);
    const last = withSide(nested, "spec", { steps: [push(0, 90_000n), push(5, 80_000n), { pc: 7, op: 0x00, opName: "STOP", gas: 79_997n, stack: [1n] }] });
    expect(await verdict(withSide(last, "ethereumjs", { steps: [push(0, 90_000n), push(5, 80_000n)] }))).toBe(`agree ${id}`);
  });

  it("does not hide a STOP the frame continues after, or a peer that runs something else there", async () => {
    const continues = withSide(nested, "spec", { steps: [push(0, 90_000n), { pc: 2, op: 0x00, opName: "STOP", gas: 89_997n }, push(5, 80_000n)] });
    expect(await verdict(continues)).toBe("unexplained");
    const other = withSide(nested, "ethereumjs", { steps: [push(0, 90_000n), { pc: 0, op: 0x01, opName: "ADD", gas: 5000n, depth: 2 }, push(5, 80_000n)] });
    expect(await verdict(other)).toBe("unexplained");
  });
});

describe("ethereumjs-stack-underflow-step-untraced", () => {
  const id = "ethereumjs-stack-underflow-step-untraced";
  const log = { pc: 4, op: 0xa1, opName: "LOG1", gas: 89_994n, stack: [7n, 1n, 0n] };
  const run: Run = {
    case: testCase(CONTRACT),
    spec: { steps: [push(0, 90_000n), log, { pc: 5, op: 0xfd, opName: "REVERT", gas: 88_000n, error: "stack underflow" }], outcome: executed({ status: "stack underflow" }) },
    ethereumjs: { steps: [push(0, 90_000n), { ...log, error: "stack underflow" }], outcome: executed({ status: "stack underflow" }) },
  };

  it("normalises the underflow error put on the step before the untraced failing instruction", async () => {
    expect(await verdict(run)).toBe(`agree ${id}`);
  });

  it("does not hide another error there, or a failing step the frame continues after", async () => {
    expect(await verdict(withSide(run, "ethereumjs", { steps: [push(0, 90_000n), { ...log, error: "out of gas" }] }))).toBe("unexplained");
    const continues = withSide(run, "spec", { steps: [...run.spec.steps, push(6, 80_000n)] });
    expect(await verdict(withSide(continues, "ethereumjs", { steps: [...run.ethereumjs.steps, push(6, 80_000n)] }))).toBe("unexplained");
  });
});

describe("ethereumjs-code-deposit-error-on-return", () => {
  const id = "ethereumjs-code-deposit-error-on-return";
  const returning = { pc: 4, op: 0xf3, opName: "RETURN", gas: 300n, stack: [0x20n, 0n] };
  const creation: Run = {
    case: testCase(null),
    spec: { steps: [push(0, 400n), returning], outcome: executed({ status: "contract creation code storage out of gas" }) },
    ethereumjs: { steps: [push(0, 400n), { ...returning, error: "contract creation code storage out of gas" }], outcome: executed({ status: "contract creation code storage out of gas" }) },
  };

  it("normalises the creation's failure put on the RETURN that ended it (transaction or CREATE)", async () => {
    expect(await verdict(afterFailedCall(creation))).toBe(`agree ${id}`);
    const create = { pc: 9, op: 0xf0, opName: "CREATE", gas: 90_000n, stack: [2n, 0n, 0n] };
    const after = { pc: 10, op: 0x50, opName: "POP", gas: 80_000n, stack: [0n] };
    const nested: Run = {
      case: testCase(CONTRACT),
      spec: { steps: [create, { ...returning, depth: 2 }, after], outcome: executed() },
      ethereumjs: { steps: [create, { ...returning, depth: 2, error: "invalid code: must not begin with 0xef" }, after], outcome: executed() },
    };
    expect(await verdict(afterFailedCall(nested))).toBe(`agree ${id}`);
  });

  it("does not hide it outside a creation, on another instruction, or with another error", async () => {
    expect(await verdict(afterFailedCall({ ...creation, case: testCase(CONTRACT) }))).toBe("unexplained");
    const stop = { ...returning, op: 0x00, opName: "STOP" };
    const onStop = withSide(withSide(creation, "spec", { steps: [push(0, 400n), stop] }), "ethereumjs", { steps: [push(0, 400n), { ...stop, error: "out of gas" }] });
    expect(await verdict(afterFailedCall(onStop))).toBe("unexplained");
    expect(await verdict(afterFailedCall(withSide(creation, "ethereumjs", { steps: [push(0, 400n), { ...returning, error: "stack underflow" }] })))).toBe("unexplained");
  });
});

describe("ethereumjs-code-deposit-status-as-out-of-gas", () => {
  const id = "ethereumjs-code-deposit-status-as-out-of-gas";
  const returning = { pc: 4, op: 0xf3, opName: "RETURN", gas: 300n, stack: [0x20n, 0n] };
  const creation: Run = {
    case: testCase(null),
    spec: { steps: [push(0, 400n), returning], outcome: executed({ status: "contract creation code storage out of gas" }) },
    ethereumjs: { steps: [push(0, 400n), { ...returning, error: "out of gas" }], outcome: executed({ status: "out of gas" }) },
  };

  it("explains ethereumjs's `out of gas` for a creation transaction's failed code deposit", async () => {
    expect(await verdict(creation)).toBe(`explained ${id}`);
  });

  it("does not explain it on a call, after another last step, or with another difference", async () => {
    expect(await verdict({ ...creation, case: testCase(CONTRACT) })).toBe("unexplained");
    const stop = { ...returning, op: 0x00, opName: "STOP" };
    expect(await verdict(withSide(withSide(creation, "spec", { steps: [push(0, 400n), stop] }), "ethereumjs", { steps: [push(0, 400n), stop] }))).toBe("unexplained");
    expect(await verdict(withSide(creation, "ethereumjs", { outcome: executed({ status: "out of gas", gasUsed: 1n }) }))).toBe("unexplained");
  });
});

describe("ethereumjs-returndata-out-of-bounds as out of gas", () => {
  const copy = { pc: 6, op: 0x3e, opName: "RETURNDATACOPY", gas: 9000n, stack: [1n, 0n, 0n] };
  const topLevel: Run = {
    case: testCase(CONTRACT),
    spec: { steps: [push(0, 9006n), { ...copy, error: "return data out of bounds" }], outcome: executed({ status: "return data out of bounds" }) },
    ethereumjs: { steps: [push(0, 9006n), { ...copy, error: "out of gas" }], outcome: executed({ status: "out of gas" }) },
  };

  it("normalises the step's error and explains the status of the frame it ended", async () => {
    expect(await verdict(topLevel)).toBe("explained ethereumjs-returndata-out-of-bounds-status-as-out-of-gas");
    const call = { pc: 20, op: 0xf1, opName: "CALL", gas: 99_000n, stack: [1000n] };
    const after = { pc: 21, op: 0x50, opName: "POP", gas: 90_000n, stack: [0n] };
    const nested: Run = {
      case: testCase(CONTRACT),
      spec: { steps: [call, { ...copy, depth: 2, error: "return data out of bounds" }, after], outcome: executed() },
      ethereumjs: { steps: [call, { ...copy, depth: 2, error: "out of gas" }, after], outcome: executed() },
    };
    expect(await verdict(nested)).toBe("agree ethereumjs-returndata-out-of-bounds-step-as-out-of-gas");
  });

  it("does not hide another instruction's error, another wording, or a difference after it", async () => {
    const mload = { ...copy, op: 0x51, opName: "MLOAD" };
    expect(await verdict(withSide(withSide(topLevel, "spec", { steps: [push(0, 9006n), { ...mload, error: "return data out of bounds" }] }), "ethereumjs", { steps: [push(0, 9006n), { ...mload, error: "out of gas" }] }))).toBe("unexplained");
    expect(await verdict(withSide(topLevel, "ethereumjs", { outcome: executed({ status: "stack underflow" }) }))).toBe("unexplained");
    expect(await verdict(withSide(topLevel, "ethereumjs", { outcome: executed({ status: "out of gas", gasUsed: 1n }) }))).toBe("unexplained");
  });
});

describe("ethereumjs-gas-checked-before-stack", () => {
  // DUP1 (static price 3) on an empty stack with 2 gas left: stack underflow first (geth, spec), out of gas in ethereumjs.
  const dup = { pc: 2, op: 0x80, opName: "DUP1", gas: 2n, stack: [] };
  const jumpdest = { pc: 0, op: 0x5b, opName: "JUMPDEST", gas: 3n, stack: [] };
  const topLevel: Run = {
    case: testCase(CONTRACT),
    spec: { steps: [jumpdest, { ...dup, error: "stack underflow" }], outcome: executed({ status: "stack underflow" }) },
    ethereumjs: { steps: [jumpdest, { ...dup, error: "out of gas" }], outcome: executed({ status: "out of gas" }) },
  };

  it("normalises the step and explains the status when the step could pay neither", async () => {
    expect(await verdict(topLevel)).toBe("explained ethereumjs-gas-checked-before-stack-status");
    const result = await compare(topLevel);
    expect(result.normalised).toEqual(["ethereumjs-gas-checked-before-stack"]);
  });

  it("also when the instruction has a memory price ethereumjs computes from the items it peeks", async () => {
    const log2 = { pc: 2, op: 0xa2, opName: "LOG2", gas: 3994n, stack: [0n, 0x600060006000n] };
    const run = withSide(withSide(topLevel, "spec", { steps: [jumpdest, { ...log2, error: "stack underflow" }] }), "ethereumjs", { steps: [jumpdest, { ...log2, error: "out of gas" }] });
    expect(await verdict(run)).toBe("explained ethereumjs-gas-checked-before-stack-status");
  });

  it("does not hide it when the gas would have paid the static price, or for another error", async () => {
    const paid = { ...dup, gas: 3n };
    expect(await verdict(withSide(withSide(topLevel, "spec", { steps: [jumpdest, { ...paid, error: "stack underflow" }] }), "ethereumjs", { steps: [jumpdest, { ...paid, error: "out of gas" }] }))).toBe("unexplained");
    expect(await verdict(withSide(withSide(topLevel, "spec", { steps: [jumpdest, { ...dup, error: "invalid opcode" }], outcome: executed({ status: "invalid opcode" }) }), "ethereumjs", {}))).toBe("unexplained");
  });
});

describe("ethereumjs-static-context-checked-before-price", () => {
  const id = "ethereumjs-static-context-checked-before-price";
  const call = { pc: 13, op: 0xf1, opName: "CALL", gas: 0n, stack: [5n, 0n, 0n, 0n, 0n, 1n, 0n], depth: 2 };
  const outer = { pc: 0, op: 0xfa, opName: "STATICCALL", gas: 90_000n, stack: [0n, 0n, 0n, 0n, 0xc0den, 100n] };
  const after = { pc: 1, op: 0x50, opName: "POP", gas: 80_000n, stack: [0n] };
  const inStaticFrame = (step: Step, spec: HaltReason): Run => ({
    case: testCase(CONTRACT),
    spec: { steps: [outer, { ...step, error: spec }, after], outcome: executed() },
    ethereumjs: { steps: [outer, { ...step, error: "write protection" }, after], outcome: executed() },
  });

  it("normalises a CREATE, SELFDESTRUCT, LOG or CALL that fails its price or stack, which ethereumjs reports as write protection", async () => {
    expect(await verdict(inStaticFrame(call, "out of gas"))).toBe(`agree ${id}`);
    expect(await verdict(inStaticFrame({ ...call, op: 0xf0, opName: "CREATE" }, "out of gas"))).toBe(`agree ${id}`);
    expect(await verdict(inStaticFrame({ ...call, op: 0xff, opName: "SELFDESTRUCT", gas: 1n }, "out of gas"))).toBe(`agree ${id}`);
    expect(await verdict(inStaticFrame({ ...call, op: 0xa4, opName: "LOG4" }, "stack underflow"))).toBe(`agree ${id}`);
  });

  it("on TSTORE only for a stack underflow (its price is charged before ethereumjs's static check)", async () => {
    const tstore = { ...call, op: 0x5d, opName: "TSTORE", gas: 100n };
    expect(await verdict(inStaticFrame(tstore, "stack underflow"))).toBe(`agree ${id}`);
    expect(await verdict(inStaticFrame(tstore, "out of gas"))).toBe("unexplained");
  });

  it("does not hide it the other way round, for another error, or with a difference after it", async () => {
    const reversed = withSide(withSide(inStaticFrame(call, "out of gas"), "spec", { steps: [outer, { ...call, error: "write protection" }, after] }), "ethereumjs", { steps: [outer, { ...call, error: "out of gas" }, after] });
    expect(await verdict(reversed)).toBe("unexplained");
    expect(await verdict(inStaticFrame(call, "invalid jump destination"))).toBe("unexplained");
    expect(await verdict(withSide(inStaticFrame(call, "out of gas"), "ethereumjs", { steps: [outer, { ...call, error: "write protection" }, { ...after, gas: 79_999n }] }))).toBe("unexplained");
  });
});

describe("ethereumjs-direct-precompile-failure-status", () => {
  const id = "ethereumjs-direct-precompile-failure-status";
  const run: Run = {
    case: testCase(0x05n),
    spec: { steps: [], outcome: executed({ status: "precompile failed", gasUsed: 100_000n }) },
    ethereumjs: { steps: [], outcome: executed({ status: "revert", gasUsed: 100_000n }) },
  };

  it("explains a halt labelled revert, or a refused input labelled out of gas, on a transaction to a precompile", async () => {
    expect(await verdict(run)).toBe(`explained ${id}`);
    expect(await verdict(withSide(run, "ethereumjs", { outcome: executed({ status: "out of gas", gasUsed: 100_000n }) }))).toBe(`explained ${id}`);
    expect(await verdict(withSide(run, "spec", { outcome: executed({ status: "out of gas", gasUsed: 100_000n }) }))).toBe(`explained ${id}`);
    expect(await verdict(withSide(run, "ethereumjs", { outcome: executed({ status: "invalid opcode", gasUsed: 100_000n }) }))).toBe("unexplained");
    const lengthFirst = withSide(withSide(run, "spec", { outcome: executed({ status: "out of gas", gasUsed: 100_000n }) }), "ethereumjs", { outcome: executed({ status: "precompile failed", gasUsed: 100_000n }) });
    expect(await verdict(lengthFirst)).toBe(`explained ${id}`);
  });

  it("does not explain it with a gas difference, for a contract, or for a success labelled revert", async () => {
    expect(await verdict(withSide(run, "ethereumjs", { outcome: executed({ status: "revert", gasUsed: 99_000n }) }))).toBe("unexplained");
    expect(await verdict({ ...run, case: testCase(CONTRACT) })).toBe("unexplained");
    expect(await verdict(withSide(run, "spec", { outcome: executed({ status: "success", gasUsed: 100_000n }) }))).toBe("unexplained");
  });
});

describe("ethereumjs-creation-output-is-code", () => {
  const id = "ethereumjs-creation-output-is-code";
  const run: Run = {
    case: testCase(null),
    spec: { steps: [push(0, 90_000n)], outcome: executed() },
    ethereumjs: { steps: [push(0, 90_000n)], outcome: executed({ output: Uint8Array.of(0x60, 0x00) }) },
  };

  it("explains the deployed code as a creation's output", async () => {
    expect(await verdict(run)).toBe(`explained ${id}`);
  });

  it("does not explain it for a call, with a state difference, or with output on the spec's side", async () => {
    expect(await verdict({ ...run, case: testCase(CONTRACT) })).toBe("unexplained");
    expect(await verdict(withSide(run, "ethereumjs", { outcome: executed({ output: Uint8Array.of(0x60), stateRoot: root(9) }) }))).toBe("unexplained");
    expect(await verdict(withSide(run, "spec", { outcome: executed({ output: Uint8Array.of(0x61) }) }))).toBe("unexplained");
  });
});

describe("ethereumjs-eip3541-applied-to-revert-data", () => {
  const id = "ethereumjs-eip3541-applied-to-revert-data";
  const revert = { pc: 6, op: 0xfd, opName: "REVERT", gas: 5000n, stack: [1n, 0n] };
  const topLevel: Run = {
    case: testCase(null),
    spec: { steps: [push(0, 5003n), revert], outcome: executed({ status: "revert", output: Uint8Array.of(0xef), gasUsed: 60_000n }) },
    ethereumjs: {
      steps: [push(0, 5003n), { ...revert, error: "invalid code: must not begin with 0xef" }],
      outcome: executed({ status: "invalid code: must not begin with 0xef", gasUsed: 100_000n, stateRoot: root(7) }),
    },
  };
  const create = { pc: 9, op: 0xf5, opName: "CREATE2", gas: 90_000n, stack: [0n, 1n, 0n, 0n] };
  const after = (gas: bigint) => ({ pc: 10, op: 0x50, opName: "POP", gas, stack: [0n] });
  const nested: Run = {
    case: testCase(CONTRACT),
    spec: { steps: [create, { ...revert, depth: 2 }, after(80_000n)], outcome: executed({ gasUsed: 40_000n }) },
    ethereumjs: {
      steps: [create, { ...revert, depth: 2, error: "invalid code: must not begin with 0xef" }, after(75_000n)],
      outcome: executed({ gasUsed: 45_000n, stateRoot: root(7) }),
    },
  };

  it("explains a creation transaction whose initcode reverted with 0xEF data", async () => {
    expect(await verdict(topLevel)).toBe(`explained ${id}`);
  });

  it("explains a CREATE/CREATE2 whose revert cost the peer the child's leftover gas (errors compared or not)", async () => {
    expect(await verdict(nested)).toBe(`explained ${id}`);
    expect(await verdict(afterFailedCall(nested))).toBe(`explained ${id}`);
    expect(await verdict(afterFailedCall(topLevel))).toBe(`explained ${id}`);
  });

  it("does not explain revert data without 0xEF, more gas lost than the child had, or a CALL", async () => {
    expect(await verdict(withSide(topLevel, "spec", { outcome: executed({ status: "revert", output: Uint8Array.of(0x60), gasUsed: 60_000n }) }))).toBe("unexplained");
    expect(await verdict(withSide(nested, "ethereumjs", { steps: [create, { ...revert, depth: 2, error: "invalid code: must not begin with 0xef" }, after(74_000n)] }))).toBe("unexplained");
    const call = { ...create, op: 0xf1, opName: "CALL" };
    const viaCall = withSide(withSide(nested, "spec", { steps: [call, { ...revert, depth: 2 }, after(80_000n)] }), "ethereumjs", {
      steps: [call, { ...revert, depth: 2, error: "invalid code: must not begin with 0xef" }, after(75_000n)],
    });
    expect(await verdict(viaCall)).toBe("unexplained");
  });
});

describe("ethereumjs-trace-crash-on-huge-memory", () => {
  const id = "ethereumjs-trace-crash-on-huge-memory";
  const huge = { pc: 6, op: 0xfd, opName: "REVERT", gas: 70_000n, stack: [2n ** 256n - 1n, 0n], error: "out of gas" };
  const run: Run = {
    case: testCase(CONTRACT),
    spec: { steps: [push(0, 70_006n), huge], outcome: executed({ status: "out of gas" }) },
    ethereumjs: { steps: [push(0, 70_006n)], outcome: { crash: "Invalid typed array length: 18446744073709543000" } },
  };

  it("explains the peer's crash where the other side runs out of gas on memory", async () => {
    expect(await verdict(run)).toBe(`explained ${id}`);
  });

  it("does not explain another crash, a crash at a non-memory instruction, or one where the other side succeeds", async () => {
    expect(await verdict(withSide(run, "ethereumjs", { outcome: { crash: "TypeError: x is undefined" } }))).toBe("unexplained");
    expect(await verdict(withSide(run, "spec", { steps: [push(0, 70_006n), { ...huge, op: 0x01, opName: "ADD" }] }))).toBe("unexplained");
    expect(await verdict(withSide(run, "spec", { steps: [push(0, 70_006n), { ...huge, error: undefined }] }))).toBe("unexplained");
  });
});

describe("a campaign against a peer with a known difference", () => {
  /** The spec, under ethereumjs's name, reporting a successful creation's code as its output. */
  const creationOutputPeer: Implementation = {
    name: "ethereumjs",
    runStateTest(testCase, options) {
      const outcome = specImplementation.runStateTest(testCase, options) as CaseOutcome;
      if (outcome.kind !== "executed" || outcome.status !== "success" || decodeTransaction(testCase.txBytes).to !== null) return outcome;
      return { ...outcome, output: Uint8Array.of(0x60, 0x00) };
    },
  };

  it("counts explained divergences by id without failing, and fails them all with strict", async () => {
    const report = await fuzz({ a: specImplementation, b: creationOutputPeer, seed: 1, runs: 40 });
    expect(report.explained).toBeGreaterThan(0);
    expect(report).toMatchObject({ failed: 0, passed: 40 });
    expect([...report.explainedBy]).toEqual([["ethereumjs-creation-output-is-code", report.explained]]);
    expect(explainedLine(report)).toBe(`${report.explained} explained divergence${report.explained === 1 ? "" : "s"}: ethereumjs-creation-output-is-code ×${report.explained}`);
    expect(normalisedLine(report)).toBeUndefined();
    const strict = await fuzz({ a: specImplementation, b: creationOutputPeer, seed: 1, runs: 40, strict: true, shrinkSeconds: 1 });
    expect(strict).toMatchObject({ failed: report.explained, explained: 0 });
  });
});
