/**
 * The ethereumjs peer adapter against real vectors (stExample and a few Cancun tests) and
 * against hand-built single calls whose answers follow from the specification.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { describe, expect, it } from "vitest";
import { decodeStateTestFile } from "../../conformance/formats/state-tests.js";
import type { CaseOutcome, TraceStep } from "../../interface/implementation.js";
import { isForkName } from "../../interface/implementation.js";
import { ethereumjsImplementation } from "../../conformance/peers/ethereumjs.js";
import { singleCallCase } from "../../conformance/single-call.js";
import { buildCase, listCases } from "../../conformance/state-tests/cases.js";
import { compareOutcome } from "../../conformance/state-tests/compare.js";
import { bytesToHex, hexToBytes } from "../../spec/primitives/bytes.js";

const STATE_TESTS = join(import.meta.dirname, "../../../shared/conformance/ethereum-tests/GeneralStateTests");

async function runVectorFile(relativePath: string, fork: string): Promise<{ passed: number; failures: string[] }> {
  const decoded = decodeStateTestFile(readFileSync(join(STATE_TESTS, relativePath), "utf8"));
  if (!decoded.ok) throw new Error(decoded.error);
  let passed = 0;
  const failures: string[] = [];
  for (const ref of listCases(relativePath, decoded.tests)) {
    if (ref.fork !== fork || !isForkName(ref.fork)) continue;
    const { testCase, expected } = buildCase(ref, ref.fork, decoded.tests.get(ref.testName)!);
    const verdict = compareOutcome(expected, await ethereumjsImplementation.runStateTest(testCase));
    if (verdict.pass) passed++;
    else failures.push(`${ref.id}: ${verdict.reason}`);
  }
  return { passed, failures };
}

function executed(outcome: CaseOutcome) {
  if (outcome.kind !== "executed") throw new Error(`expected execution, got rejection: ${outcome.message}`);
  return outcome;
}

describe("ethereumjs adapter on ethereum/tests vectors", () => {
  it.each([
    ["stExample/add11.json", "Cancun", 1],
    ["stExample/rangesExample.json", "Cancun", 24],
    ["stExample/invalidTr.json", "Cancun", 1],
    ["Cancun/stEIP1153-transientStorage/transStorageOK.json", "Cancun", 1],
    ["Cancun/stEIP4844-blobtransactions/opcodeBlobhBounds.json", "Cancun", 1],
  ])("%s (%s) matches the post state", async (file, fork, atLeast) => {
    const { passed, failures } = await runVectorFile(file, fork);
    expect(failures).toEqual([]);
    expect(passed).toBeGreaterThanOrEqual(atLeast);
  });
});

describe("ethereumjs adapter on single calls", () => {
  // PUSH1 n, BLOCKHASH, PUSH1 0, MSTORE, PUSH1 32, PUSH1 0, RETURN
  const blockHashOf = (n: number) => hexToBytes(`60${n.toString(16).padStart(2, "0")}40600052602060` + "00f3");

  it("BLOCKHASH of an earlier block is keccak256 of its decimal digits", async () => {
    const outcome = executed(await ethereumjsImplementation.runStateTest(singleCallCase({ code: blockHashOf(0) })));
    expect(outcome.status).toBe("success");
    expect(bytesToHex(outcome.output)).toBe(bytesToHex(keccak_256(new TextEncoder().encode("0"))));
  });

  it("BLOCKHASH of the current block is zero", async () => {
    const outcome = executed(await ethereumjsImplementation.runStateTest(singleCallCase({ code: blockHashOf(1) })));
    expect(bytesToHex(outcome.output)).toBe(bytesToHex(new Uint8Array(32)));
  });

  it.each(["Frontier", "Homestead", "EIP158", "Istanbul", "Berlin", "London", "Paris", "Shanghai"])(
    "runs a call under %s",
    async (fork) => {
      const outcome = executed(await ethereumjsImplementation.runStateTest(singleCallCase({ code: blockHashOf(0), fork })));
      expect(outcome.status).toBe("success");
      expect(outcome.output.length).toBe(32);
    },
  );

  it("charges the intrinsic 21000 plus each executed opcode", async () => {
    // PUSH1 1, PUSH1 2, ADD, STOP: 3 + 3 + 3 + 0
    const outcome = executed(await ethereumjsImplementation.runStateTest(singleCallCase({ code: hexToBytes("600160020100") })));
    expect(outcome.gasUsed).toBe(21_009n);
    expect(outcome.logsHash).toEqual(keccak_256(hexToBytes("0xc0")));
  });

  it("reports a revert with its data", async () => {
    // PUSH1 0xaa, PUSH1 0, MSTORE8, PUSH1 1, PUSH1 0, REVERT
    const outcome = executed(await ethereumjsImplementation.runStateTest(singleCallCase({ code: hexToBytes("60aa60005360016000fd") })));
    expect(outcome.status).toBe("revert");
    expect(bytesToHex(outcome.output)).toBe("0xaa");
  });

  it("rejects a transaction below its intrinsic gas and keeps the pre-state root", async () => {
    const code = hexToBytes("00");
    const rejected = await ethereumjsImplementation.runStateTest(singleCallCase({ code, gas: 20_999n }));
    expect(rejected.kind).toBe("rejected");
    if (rejected.kind !== "rejected") return;
    expect(rejected.error).toBe("INTRINSIC_GAS_TOO_LOW");
    const ran = executed(await ethereumjsImplementation.runStateTest(singleCallCase({ code, gas: 21_000n })));
    expect(bytesToHex(rejected.stateRoot)).not.toBe(bytesToHex(ran.stateRoot));
  });

  it("rejects a transaction asking for more gas than the block allows", async () => {
    const testCase = singleCallCase({ code: hexToBytes("00") });
    const tight = { ...testCase, env: { ...testCase.env, gasLimit: 100_000n } };
    const outcome = await ethereumjsImplementation.runStateTest(tight);
    expect(outcome.kind === "rejected" && outcome.error).toBe("GAS_ALLOWANCE_EXCEEDED");
  });

  it("traces every executed opcode with EIP-3155 depth and gas", async () => {
    const steps: TraceStep[] = [];
    await ethereumjsImplementation.runStateTest(singleCallCase({ code: hexToBytes("600160020100") }), {
      tracer: { step: (step) => steps.push(step) },
    });
    expect(steps.map((s) => s.opName)).toEqual(["PUSH1", "PUSH1", "ADD", "STOP"]);
    expect(steps.map((s) => s.pc)).toEqual([0, 2, 4, 5]);
    expect(steps[2]!.stack).toEqual([1n, 2n]);
    expect(steps[0]!.depth).toBe(1);
    expect(steps[0]!.gas - steps[1]!.gas).toBe(3n);
    expect(steps[0]!.gas).toBe(10_000_000n - 21_000n);
  });

  it("puts the error of an exceptional halt on the step that failed, and none on a REVERT", async () => {
    const trace = async (code: string) => {
      const steps: TraceStep[] = [];
      await ethereumjsImplementation.runStateTest(singleCallCase({ code: hexToBytes(code) }), { tracer: { step: (s) => steps.push(s) } });
      return steps;
    };
    // PUSH1 1, PUSH1 0, INVALID
    const invalid = await trace("60016000fe");
    expect(invalid.map((s) => s.error)).toEqual([undefined, undefined, "invalid opcode"]);
    // PUSH1 0, PUSH1 0, REVERT
    const reverted = await trace("60006000fd");
    expect(reverted.at(-1)).toMatchObject({ opName: "REVERT" });
    expect(reverted.every((s) => s.error === undefined)).toBe(true);
  });
});
