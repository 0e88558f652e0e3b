/**
 * What `svm fuzz --a src --b revm` found (reproducers in test/peers/revm-findings/): the harness
 * faults fixed in the anvil adapter run again on revm and must now agree with src, and each known
 * difference of revm recognises its recorded divergence (the recorded outcomes replayed by fake
 * implementations named `src` and `revm`) but not a near miss of it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runDifferential } from "../../conformance/fuzz/differential.js";
import { KNOWN_DIFFERENCES } from "../../conformance/fuzz/known-differences.js";
import { casesOfFile, replayReproducer } from "../../conformance/fuzz/replay.js";
import { unsettableValueUsed } from "../../conformance/peers/anvil-environment.js";
import { RevmAnvil } from "../../conformance/peers/revm-anvil.js";
import { stateTestBlockHash } from "../../conformance/peers/ethereumjs-blockchain.js";
import { hexToBytes } from "../../spec/primitives/bytes.js";
import { srcImplementation } from "../../src/vm/implementation.js";
import { fake } from "../support/fake-implementation.js";
import type { CaseOutcome, Implementation, StateTestCase, TraceStep } from "../../interface/implementation.js";

const FINDINGS = join(import.meta.dirname, "revm-findings");
const finding = (name: string): string => join(FINDINGS, `${name}.json`);

interface RecordedOutcome {
  readonly kind: "executed";
  readonly stateRoot: string;
  readonly logsHash: string;
  readonly gasUsed: string;
  readonly output: string;
  readonly status: string;
}

/** The outcome a reproducer recorded for side `side`, with `change` applied. */
function recorded(name: string, side: "a" | "b", change: Partial<Record<keyof RecordedOutcome, string>> = {}): CaseOutcome {
  const file = JSON.parse(readFileSync(finding(name), "utf8")) as Record<string, { _info: { svmFuzz: { outcomes: Record<string, RecordedOutcome> } } }>;
  const outcome = { ...Object.values(file)[0]!._info.svmFuzz.outcomes[side]!, ...change };
  return {
    kind: "executed",
    stateRoot: hexToBytes(outcome.stateRoot),
    logsHash: hexToBytes(outcome.logsHash),
    gasUsed: BigInt(outcome.gasUsed),
    output: hexToBytes(outcome.output),
    status: outcome.status as Extract<CaseOutcome, { kind: "executed" }>["status"],
  };
}



interface Side {
  readonly steps?: Partial<TraceStep>[];
  readonly outcome: CaseOutcome | { crash: string };
}

/** How src and revm compare with the known differences applied: agree (with normalisations), explained by an id, or unexplained. */
async function verdict(testCase: StateTestCase, src: Side, revm: Side): Promise<string> {
  const result = await runDifferential(fake("src", src.steps ?? [], src.outcome), fake("revm", revm.steps ?? [], revm.outcome), testCase, {
    knownDifferences: KNOWN_DIFFERENCES,
  });
  if (result.agree) return `agree ${result.normalised.join(",")}`.trim();
  return result.explainedBy === undefined ? "unexplained" : `explained ${result.explainedBy}`;
}

const caseOf = (name: string): StateTestCase => casesOfFile(finding(name))[0]!;

describe("harness faults of the anvil adapter, fixed", () => {
  const revm = new RevmAnvil();
  afterAll(() => revm.close());

  const fixed = ["authorization-clearing-a-delegation", "touched-empty-account-with-storage", "self-delegation-runs-its-designator", "call-beyond-balance-leaves-empty-recipient"];
  for (const name of fixed) {
    it(`${name}: revm and src agree on outcome and trace`, async () => {
      const replay = await replayReproducer(caseOf(name), srcImplementation, revm, true);
      expect(replay.result.agree, JSON.stringify(replay.result.differences)).toBe(true);
    }, 60_000);
  }

  it("names a DUP1 underflow's status from the struct logs, which anvil's call tracer words `Out of stack`", async () => {
    const outcome = await revm.runStateTest(caseOf("dup1-underflow-named-stack-overflow"));
    expect(outcome.kind === "executed" && outcome.status).toBe("stack limit reached 1024 (1023)");
  }, 60_000);
});

describe("known differences of revm, on the recorded divergences", () => {
  it("revm-refund-for-absent-authority: at most 12,500 gas less per absent authority, nothing else but the state root", async () => {
    const testCase = caseOf("refund-for-absent-authority");
    const src = { outcome: recorded("refund-for-absent-authority", "a") };
    expect(await verdict(testCase, src, { outcome: recorded("refund-for-absent-authority", "b") })).toBe("explained revm-refund-for-absent-authority");
    // One authority absent from the pre-state: 12,501 gas less is more than its refund.
    expect(await verdict(testCase, src, { outcome: recorded("refund-for-absent-authority", "b", { gasUsed: String(46124 - 12501) }) })).toBe("unexplained");
    expect(await verdict(testCase, src, { outcome: recorded("refund-for-absent-authority", "b", { gasUsed: "46125" }) })).toBe("unexplained");
    expect(await verdict(testCase, src, { outcome: recorded("refund-for-absent-authority", "b", { status: "out of gas" }) })).toBe("unexplained");
    // The same gas difference on a transaction whose authorities all exist.
    const existing = caseOf("authorization-clearing-a-delegation");
    const srcThere = { outcome: recorded("refund-for-absent-authority", "a") };
    expect(await verdict(existing, srcThere, { outcome: recorded("refund-for-absent-authority", "b") })).toBe("unexplained");
  });

  it("revm-refund-for-absent-authority with another difference only when another entry explains that one", async () => {
    const name = "refund-for-absent-authority-and-dup1-underflow";
    const testCase = caseOf(name);
    const last = (error: TraceStep["error"]) => [{ op: 0x80, opName: "DUP1", error }];
    const src = { steps: last("stack underflow"), outcome: recorded(name, "a") };
    expect(await verdict(testCase, src, { steps: last("stack limit reached 1024 (1023)"), outcome: recorded(name, "b") })).toBe(
      "explained revm-refund-for-absent-authority",
    );
    expect(await verdict(testCase, src, { steps: last("stack limit reached 1024 (1023)"), outcome: recorded(name, "b", { status: "out of gas" }) })).toBe("unexplained");
  });

  it("revm-dup-swap-underflow-as-stack-overflow: the step and the status, only on DUP or SWAP", async () => {
    const testCase = caseOf("dup1-underflow-named-stack-overflow");
    const dup = { op: 0x80, opName: "DUP1" };
    const src = { steps: [{ ...dup, error: "stack underflow" as const }], outcome: recorded("dup1-underflow-named-stack-overflow", "a", { status: "stack underflow" }) };
    const revm = (op: Partial<TraceStep>) => ({
      steps: [{ ...op, error: "stack limit reached 1024 (1023)" as const }],
      outcome: recorded("dup1-underflow-named-stack-overflow", "a", { status: "stack limit reached 1024 (1023)" }),
    });
    expect(await verdict(testCase, src, revm(dup))).toBe("explained revm-dup-swap-underflow-status-as-stack-overflow");
    const add = { op: 0x01, opName: "ADD" };
    expect(await verdict(testCase, { ...src, steps: [{ ...add, error: "stack underflow" }] }, revm(add))).toBe("unexplained");
  });

  it("revm-static-context-checked-before-price: write protection for out of gas on SSTORE, not for another halt", async () => {
    const testCase = caseOf("static-sstore-at-the-sentry");
    const outcome = recorded("static-sstore-at-the-sentry", "a");
    const sstore = { depth: 2, pc: 38, gas: 1n, op: 0x55, opName: "SSTORE" };
    const src = { steps: [{ ...sstore, error: "out of gas" as const }], outcome };
    expect(await verdict(testCase, src, { steps: [{ ...sstore, error: "write protection" }], outcome })).toBe("agree revm-static-context-checked-before-price");
    expect(await verdict(testCase, { steps: [{ ...sstore, error: "invalid opcode" }], outcome }, { steps: [{ ...sstore, error: "write protection" }], outcome })).toBe("unexplained");
  });

  it("revm-direct-precompile-failure-worded-otherwise: out of gas and precompile failed swapped, nothing else", async () => {
    const name = "bls-pairing-empty-input-length-checked-first";
    const testCase = caseOf(name);
    const src = { outcome: recorded(name, "a") };
    expect(await verdict(testCase, src, { outcome: recorded(name, "b") })).toBe("explained revm-direct-precompile-failure-worded-otherwise");
    expect(await verdict(testCase, src, { outcome: recorded(name, "b", { status: "revert" }) })).toBe("unexplained");
    expect(await verdict(testCase, src, { outcome: recorded(name, "b", { gasUsed: "40801" }) })).toBe("unexplained");
    // Code ran (a traced step on both sides): not a transaction straight to the precompile's halt.
    expect(await verdict(testCase, { steps: [{}], outcome: recorded(name, "a") }, { steps: [{}], outcome: recorded(name, "b") })).toBe("unexplained");
  });

  it("revm-anvil-blob-transaction-not-run: anvil's refusal of a type-3 transaction only", async () => {
    const crash = { crash: "RevmAnvilError: anvil cannot take a blob transaction without its sidecar (a limit of driving revm through anvil)" };
    const src = { outcome: recorded("static-sstore-at-the-sentry", "a") };
    expect(await verdict(caseOf("blob-transaction-without-sidecar"), src, { outcome: crash })).toBe("explained revm-anvil-blob-transaction-not-run");
    expect(await verdict(caseOf("static-sstore-at-the-sentry"), src, { outcome: crash })).toBe("unexplained");
  });

  it("revm-anvil-block-environment-not-settable: a recent BLOCKHASH popped at once, not one stored", async () => {
    const testCase = caseOf("static-sstore-at-the-sentry");
    const outcome = recorded("static-sstore-at-the-sentry", "a");
    const blockhash = { op: 0x40, opName: "BLOCKHASH", stack: [0n] };
    const next = (op: number, opName: string, top: bigint) => ({ pc: 1, op, opName, stack: [top] });
    const src = (op: number, opName: string) => ({ steps: [blockhash, next(op, opName, 0x11n)], outcome });
    const revm = (op: number, opName: string) => ({ steps: [blockhash, next(op, opName, 0x22n)], outcome });
    expect(await verdict(testCase, src(0x50, "POP"), revm(0x50, "POP"))).toBe("agree revm-anvil-block-environment-not-settable");
    expect(await verdict(testCase, src(0x55, "SSTORE"), revm(0x55, "SSTORE"))).toBe("unexplained");
  });
});

describe("block values anvil cannot be told", () => {
  const testCase = caseOf("static-sstore-at-the-sentry");
  const hashOfBlock0 = `0x${Buffer.from(stateTestBlockHash(0n)).toString("hex")}`;
  const log = (op: string, stack: string[]) => ({ pc: 0, op, gas: 100, gasCost: 3, depth: 1, stack });

  it("refuses a case whose recent BLOCKHASH differs from the state test's and is used, not one popped or equal", () => {
    expect(unsettableValueUsed([log("BLOCKHASH", ["0x0"]), log("PUSH1", ["0x1234"])], testCase)).toMatch(/BLOCKHASH at pc 0/);
    expect(unsettableValueUsed([log("BLOCKHASH", ["0x0"]), log("POP", ["0x1234"])], testCase)).toBeUndefined();
    expect(unsettableValueUsed([log("BLOCKHASH", ["0x0"]), log("PUSH1", [hashOfBlock0])], testCase)).toBeUndefined();
  });

  it("refuses a PREVRANDAO anvil names DIFFICULTY whose value differs from the case's", () => {
    expect(unsettableValueUsed([log("DIFFICULTY", []), log("PUSH1", ["0x5"])], testCase)).toMatch(/DIFFICULTY/);
    expect(unsettableValueUsed([log("DIFFICULTY", []), log("PUSH1", ["0x0"])], testCase)).toBeUndefined();
  });
});
