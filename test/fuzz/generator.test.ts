/** The generator: assembled labels, sound stack use and jumps, signed transactions of every type. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assemble, AssemblyError, op, push } from "../../conformance/fuzz/assembler.js";
import { buildScenario, CHAIN_ID } from "../../conformance/fuzz/build.js";
import { CanonicalTraceRecorder, canonicalLine } from "../../conformance/fuzz/canonical-trace.js";
import { type Block, programBytes, type Program } from "../../conformance/fuzz/program.js";
import { programArb } from "../../conformance/fuzz/program-arbitrary.js";
import { scenarioArb } from "../../conformance/fuzz/scenario.js";
import { SIGNERS } from "../../conformance/fuzz/world.js";
import type { CaseOutcome } from "../../interface/implementation.js";
import { specImplementation } from "../../conformance/impls/spec.js";
import { singleCallCase } from "../../conformance/single-call.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { decodeTransaction, recoverSender } from "../../spec/transaction/index.js";

describe("assembler", () => {
  it("turns labels into JUMPDESTs and label pushes into PUSH2 of their offset", () => {
    const code = assemble([push(1n), { kind: "pushLabel", label: 7 }, op("JUMPI"), op("INVALID"), { kind: "label", label: 7 }, op("STOP")]);
    // PUSH1 01, PUSH2 0007, JUMPI, INVALID, JUMPDEST (offset 7), STOP
    expect([...code]).toEqual([0x60, 0x01, 0x61, 0x00, 0x07, 0x57, 0xfe, 0x5b, 0x00]);
  });

  it("pushes with the fewest bytes, zero as PUSH1 0", () => {
    expect([...assemble([push(0n), push(0x1234n)])]).toEqual([0x60, 0x00, 0x61, 0x12, 0x34]);
  });

  it("rejects a label pushed but never placed, or placed twice", () => {
    expect(() => assemble([{ kind: "pushLabel", label: 1 }])).toThrow(AssemblyError);
    expect(() => assemble([{ kind: "label", label: 1 }, { kind: "label", label: 1 }])).toThrow(AssemblyError);
    expect(() => assemble([push(-1n)])).toThrow(AssemblyError);
  });
});

/** Raw bytes, dead bytes after a JUMP (whose pushes may swallow the jump's JUMPDEST), and stacks filled to the 1024 limit on purpose. */
function hasRaw(blocks: readonly Block[]): boolean {
  return blocks.some((b) => b.kind === "raw" || b.kind === "jump" || b.kind === "fill" || ((b.kind === "loop" || b.kind === "branch") && hasRaw(b.body)));
}

describe("generated programs", () => {
  it("never underflow the stack nor jump to a non-JUMPDEST, unless they hold raw bytes", () => {
    // Depth 1 only: contracts a program creates and then calls may run random runtime bytes.
    const programs = fc.sample(programArb, { seed: 20261125, numRuns: 180 }).filter((p: Program) => !hasRaw(p.blocks));
    expect(programs.length).toBeGreaterThan(100);
    let steps = 0;
    for (const program of programs) {
      const recorder = new CanonicalTraceRecorder();
      specImplementation.runStateTest(singleCallCase({ code: programBytes(program), gas: 3_000_000n }), { tracer: recorder });
      steps += recorder.steps.length;
      const bad = recorder.steps.filter((s) => s.depth === 1 && (s.error === "stack underflow" || s.error === "invalid jump destination" || s.error === "stack limit reached 1024 (1023)"));
      expect(bad.map(canonicalLine)).toEqual([]);
    }
    expect(steps / programs.length).toBeGreaterThan(20);
  });

  it("jump over dead code, unless a push in it swallows the JUMPDEST", () => {
    const run = (dead: number[]) => {
      const recorder = new CanonicalTraceRecorder();
      const code = programBytes({ blocks: [{ kind: "jump", dead: Uint8Array.from(dead) }], end: { kind: "stop" } });
      const outcome = specImplementation.runStateTest(singleCallCase({ code }), { tracer: recorder }) as CaseOutcome;
      return outcome.kind === "executed" ? outcome.status : outcome.kind;
    };
    expect(run([0xfe, 0x5b])).toBe("success");
    expect(run([0x60])).toBe("invalid jump destination");
  });

  it("loop bodies run `count` times", () => {
    const body: Block[] = [{ kind: "effect", mnemonic: "LOG0", operands: [0n, 0n] }];
    const code = programBytes({ blocks: [{ kind: "loop", count: 3, body }], end: { kind: "stop" } });
    const recorder = new CanonicalTraceRecorder();
    specImplementation.runStateTest(singleCallCase({ code }), { tracer: recorder });
    expect(recorder.steps.filter((s) => s.opName === "LOG0")).toHaveLength(3);
    expect(recorder.steps.at(-1)?.opName).toBe("STOP");
  });
});

describe("generated scenarios", () => {
  const scenarios = fc.sample(scenarioArb, { seed: 7, numRuns: 120 });

  it("sign with the chosen signer's key, for every transaction type", () => {
    const types = new Set<number>();
    for (const scenario of scenarios) {
      const { testCase, transaction } = buildScenario(scenario, "t");
      // An authorization nonce of 2^64 is generated on purpose: such a transaction does not decode (EIP-7702).
      if (transaction.type === 4 && transaction.authorizationList.some((a) => a.nonce >= 1n << 64n)) {
        expect(() => decodeTransaction(testCase.txBytes)).toThrow();
        continue;
      }
      const decoded = decodeTransaction(testCase.txBytes);
      expect(decoded.type).toBe(scenario.tx.type);
      expect(recoverSender(decoded, SCHEDULES[scenario.fork], CHAIN_ID)).toBe(SIGNERS[scenario.tx.signer]!.address);
      expect(decoded.nonce).toBe(transaction.nonce);
      types.add(decoded.type);
    }
    expect([...types].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("mostly execute, in all five forks, with every transaction type", () => {
    const executedTypes = new Set<number>();
    const forks = new Set<string>();
    let executed = 0;
    for (const scenario of scenarios) {
      const outcome = specImplementation.runStateTest(buildScenario(scenario, "t").testCase) as CaseOutcome;
      if (outcome.kind !== "executed") continue;
      executed++;
      executedTypes.add(scenario.tx.type);
      forks.add(scenario.fork);
    }
    // Some scenarios are invalid on purpose (a type-4 transaction before Prague, gas one below
    // EIP-7623's floor, an empty authorization list, a nonce too high or low, too little gas).
    expect(executed / scenarios.length).toBeGreaterThan(0.6);
    expect([...executedTypes].sort()).toEqual([0, 1, 2, 3, 4]);
    expect([...forks].sort()).toEqual(["Cancun", "London", "Osaka", "Prague", "Shanghai"]);
  });
});
