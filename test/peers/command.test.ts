/**
 * `--impl cmd:'COMMAND'`: the output parser on the shapes clients print, and the adapter driving
 * SVM itself (`svm statetest --json-trace`) and ethereumjs (its state-test script) as external
 * processes: their outcomes and traces must equal those of src/vm run in-process.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CanonicalTraceRecorder } from "../../conformance/fuzz/canonical-trace.js";
import { compareOutcomes } from "../../conformance/fuzz/compare-outcomes.js";
import { decodeStateTestFile } from "../../conformance/formats/state-tests.js";
import { isForkName, type StateTestCase } from "../../interface/implementation.js";
import { CommandPeerError, commandImplementation } from "../../conformance/peers/command.js";
import { transactionErrorOfClientText } from "../../conformance/peers/command-errors.js";
import { frameStatusOf, haltReasonOf } from "../../conformance/peers/command-halts.js";
import { parseCommandOutput } from "../../conformance/peers/command-output.js";
import { buildCase, listCases, type ExpectedOutcome } from "../../conformance/state-tests/cases.js";
import { compareOutcome } from "../../conformance/state-tests/compare.js";
import { bytesToHex } from "../../spec/primitives/bytes.js";
import { srcImplementation } from "../../src/vm/implementation.js";
import { PROJECT_ROOT, svm } from "../cli/svm-process.js";

const STATE_TESTS = join(PROJECT_ROOT, "../shared/conformance/ethereum-tests/GeneralStateTests");
const ROOT = "0x" + "ab".repeat(32);
const LOGS = "0x" + "cd".repeat(32);

/** The Cancun cases of a vector file, with what the vectors expect. */
function cancunCases(relativePath: string): { testCase: StateTestCase; expected: ExpectedOutcome }[] {
  const decoded = decodeStateTestFile(readFileSync(join(STATE_TESTS, relativePath), "utf8"));
  if (!decoded.ok) throw new Error(decoded.error);
  return listCases(relativePath, decoded.tests)
    .filter((ref) => ref.fork === "Cancun" && isForkName(ref.fork))
    .map((ref) => buildCase(ref, "Cancun", decoded.tests.get(ref.testName)!));
}

describe("reading a state-test binary's output", () => {
  it("reads go-ethereum's shape: steps and summary on stderr, a root without 0x, records on stdout", () => {
    const stderr = [
      '{"pc":0,"op":96,"gas":"0x5f5e0f8","gasCost":"0x3","memSize":0,"stack":[],"depth":1,"refund":0,"opName":"PUSH1"}',
      '{"pc":2,"op":0,"gas":"0x5f5e0f5","gasCost":"0x0","memSize":0,"stack":["0x1"],"depth":1,"refund":0,"opName":"STOP"}',
      'INFO [12-07|06:00:00] some log line',
      '{"output":"","gasUsed":"0x5208","time":1234}',
      `{"stateRoot": "${ROOT.slice(2)}"}`,
    ].join("\n");
    const stdout = `[\n  {\n    "name": "t",\n    "pass": false,\n    "stateRoot": "${ROOT}",\n    "fork": "Cancun",\n    "error": "post state root mismatch"\n  }\n]\n`;
    const output = parseCommandOutput(stderr, stdout);
    expect(output.steps.map((s) => [s.pc, s.opName, s.stack])).toEqual([[0, "PUSH1", []], [2, "STOP", [1n]]]);
    expect(bytesToHex(output.stateRoot!)).toBe(ROOT);
    expect(output.summary).toEqual({ gasUsed: 0x5208n, output: new Uint8Array(0) });
    expect(output.logsHash).toBeUndefined();
  });

  it("reads revm's one-line summary: root, logs root, decimal gas and its evmResult", () => {
    const line = `{"stateRoot":"${ROOT}","logsRoot":"${LOGS}","output":"0x01","gasUsed":8000000,"pass":false,"errorMsg":"","evmResult":"Halt: OutOfOffset","fork":"CANCUN"}`;
    const output = parseCommandOutput(line, "");
    expect(bytesToHex(output.logsHash!)).toBe(LOGS);
    expect(output.summary).toEqual({ gasUsed: 8_000_000n, output: Uint8Array.of(1), error: "OutOfOffset" });
  });

  it("reads besu's postHash and postLogsHash on stdout", () => {
    const output = parseCommandOutput("", `{"output":"0x","gasUsed":"0x1","postHash":"${ROOT}","postLogsHash":"${LOGS}","pass":true}`);
    expect(bytesToHex(output.stateRoot!)).toBe(ROOT);
    expect(bytesToHex(output.logsHash!)).toBe(LOGS);
  });

  it("names a halt by geth's words with their detail, revm's enum names, or not at all", () => {
    expect(haltReasonOf("out of gas: gas uint64 overflow")).toBe("out of gas");
    expect(haltReasonOf("contract creation code storage out of gas")).toBe("contract creation code storage out of gas");
    expect(haltReasonOf("stack underflow (0 <=> 1)")).toBe("stack underflow");
    expect(haltReasonOf("invalid opcode: opcode 0xc not defined")).toBe("invalid opcode");
    expect(haltReasonOf("OpcodeNotFound")).toBe("invalid opcode");
    expect(haltReasonOf("OutOfGas(Memory)")).toBe("out of gas");
    expect(haltReasonOf("Out of stack")).toBeUndefined();
    expect(haltReasonOf("Bad jump destination")).toBe("invalid jump destination");
    expect(haltReasonOf("the machine caught fire")).toBeUndefined();
    expect(frameStatusOf(undefined)).toBe("success");
    expect(frameStatusOf("execution reverted")).toBe("revert");
  });

  it("names a refusal by the client's words, or not at all", () => {
    expect(transactionErrorOfClientText("unexpected error: intrinsic gas too low: have 21000, want 53000")).toBe("INTRINSIC_GAS_TOO_LOW");
    expect(transactionErrorOfClientText("nonce too high: address 0x…, tx: 5 state: 0")).toBe("NONCE_MISMATCH");
    expect(transactionErrorOfClientText("TYPE_3_TX_PRE_FORK: blob transactions are not valid in London")).toBe("TYPE_3_TX_PRE_FORK");
    expect(transactionErrorOfClientText("something nobody says")).toBeUndefined();
  });
});

describe("cmd: peers as external processes", () => {
  const svmPeer = commandImplementation(`${process.execPath} bin/svm.js statetest --impl src --json-trace`);
  const ethereumjsPeer = commandImplementation(`${process.execPath} dist/conformance/peers/ethereumjs-statetest.js`);

  it.each([
    ["SVM (svm statetest --json-trace)", svmPeer],
    ["ethereumjs (its state-test script)", ethereumjsPeer],
  ])("%s agrees with src/vm in-process, outcome and trace, and passes the vectors", async (_name, peer) => {
    const cases = [...cancunCases("stLogTests/log1_MaxTopic.json").slice(0, 1), ...cancunCases("stExample/invalidTr.json").slice(0, 1)];
    expect(cases).toHaveLength(2);
    for (const { testCase, expected } of cases) {
      const viaCommand = new CanonicalTraceRecorder();
      const inProcess = new CanonicalTraceRecorder();
      const outcome = await peer.runStateTest(testCase, { tracer: viaCommand });
      const reference = await srcImplementation.runStateTest(testCase, { tracer: inProcess });
      expect(compareOutcomes(reference, outcome)).toEqual([]);
      expect(compareOutcome(expected, outcome)).toMatchObject({ pass: true });
      expect(viaCommand.steps.map(({ error: _, ...step }) => step)).toEqual(inProcess.steps.map(({ error: _, ...step }) => step));
    }
    const outcomes = await Promise.all(cases.map(({ testCase }) => peer.runStateTest(testCase)));
    expect(outcomes.map((o) => o.kind)).toEqual(["executed", "rejected"]);
    expect(outcomes[0]!.kind === "executed" && outcomes[0]!.logsHash).toBeInstanceOf(Uint8Array);
  }, 30_000);

  it("refuses a command that is not installed, naming it, before any case runs", () => {
    expect(() => commandImplementation("no-such-evm-binary statetest")).toThrow(CommandPeerError);
    expect(() => commandImplementation("no-such-evm-binary statetest")).toThrow(/no-such-evm-binary/);
  });

  it("reports a command that crashes as a problem with the command, not as a verdict", async () => {
    const crashing = commandImplementation(`${process.execPath} -e "process.stderr.write('boom'); process.exit(3)"`);
    const [{ testCase }] = cancunCases("stExample/add11.json");
    await expect(crashing.runStateTest(testCase!)).rejects.toThrow(/exit 3\) printed no state root: boom/);
  });
});

describe("svm statetest --impl cmd:", () => {
  it("runs a vector file through an external SVM and passes it", async () => {
    const result = await svm(["statetest", "stExample/add11.json", "--fork", "Cancun", "--impl", `cmd:${process.execPath} bin/svm.js statetest --impl src --json-trace`]);
    expect(result.stdout).toMatch(/^1 passed, 0 failed, 0 skipped/m);
    expect(result.code).toBe(0);
  });

  it("is an input error (exit 2) naming a command that is not installed", async () => {
    const result = await svm(["statetest", "stExample/add11.json", "--impl", "cmd:no-such-evm-binary statetest"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/'no-such-evm-binary' is not a command/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("--json-trace prints, per case, EIP-3155 lines, the summary and the state-root line on stderr", async () => {
    const result = await svm(["statetest", "stExample/add11.json", "--fork", "Cancun", "--impl", "src", "--json-trace"]);
    const lines = result.stderr.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ pc: 0, depth: 1 });
    expect(Object.keys(lines.at(-1)!)).toEqual(["stateRoot", "logsHash"]);
    expect(lines.at(-2)).toHaveProperty("gasUsed");
    expect(result.code).toBe(0);
  });
});
