import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeStateTestFile } from "../../conformance/formats/state-tests.js";
import { FORK_NAMES } from "../../interface/implementation.js";
import { buildCase, listCases } from "../../conformance/state-tests/cases.js";
import { compareOutcome, expectedExceptionNames } from "../../conformance/state-tests/compare.js";
import { fileIdOf, stateTestFiles } from "../../conformance/state-tests/files.js";
import { StatusLine, statusText } from "../../conformance/state-tests/progress.js";
import { planRun, type Enumerated } from "../../conformance/state-tests/selection.js";
import { parseShard, shardOf } from "../../conformance/state-tests/shard.js";
import { SlowWatch } from "../../conformance/state-tests/slow-watch.js";
import { encodeTraceStep, encodeTraceSummary } from "../../conformance/trace/eip3155.js";
import { vectorsRoot } from "../../conformance/vectors-location.js";
import { executed, hex, LOGS_A, LOGS_B, rejected, ROOT_A, ROOT_B, stateTest, vectorFolder } from "./state-tests-fixtures.js";

function decodeOk(value: unknown) {
  const decoded = decodeStateTestFile(JSON.stringify(value));
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.tests;
}

function decodeError(value: unknown): string {
  const decoded = decodeStateTestFile(typeof value === "string" ? value : JSON.stringify(value));
  if (decoded.ok) throw new Error("decoded a malformed file");
  return decoded.error;
}

const twoForks = {
  t1: stateTest({
    Cancun: [
      { d: 1, g: 0, v: 1, hash: ROOT_A, logs: LOGS_A },
      { d: 0, g: 1, v: 0, hash: ROOT_B, logs: LOGS_B, expectException: "TransactionException.INTRINSIC_GAS_TOO_LOW" },
    ],
    Shanghai: [{ d: 0, hash: ROOT_A, logs: LOGS_A }],
  }),
};

describe("GeneralStateTests codec", () => {
  it("decodes a real vector into bigints, bytes and maps", () => {
    const text = readFileSync(join(vectorsRoot(), "GeneralStateTests/stExample/add11.json"), "utf8");
    const decoded = decodeStateTestFile(text);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const test = decoded.tests.get("add11")!;
    expect(test.env.currentGasLimit).toBe(0xff112233445566n);
    expect(test.pre.get(0x095e7baea6a6c7c4c2dfeb977efac326af552d87n)?.code).toEqual(hex("0x600160010160005500"));
    expect(test.post.Cancun![0]!.indexes).toEqual({ data: 0, gas: 0, value: 0 });
    expect(test.post.Cancun![0]!.hash.length).toBe(32);
  });

  it("decodes contract creation (`to` empty) and optional env fields", () => {
    const value = stateTest({ Cancun: [{ d: 0, hash: ROOT_A, logs: LOGS_A }] });
    (value.transaction as Record<string, unknown>).to = "";
    delete (value.env as Record<string, unknown>).currentExcessBlobGas;
    const test = decodeOk({ t: value }).get("t")!;
    expect(test.transaction.to).toBeNull();
    expect(test.env.currentExcessBlobGas).toBeUndefined();
  });

  it("names the JSON path of a value of the wrong type", () => {
    const value = stateTest({ Cancun: [{ d: 0, hash: ROOT_A, logs: LOGS_A }] });
    ((value.post as any).Cancun[0].indexes as Record<string, unknown>).data = "0";
    expect(decodeError({ t: value })).toMatch(/^t: post\.Cancun\[0\]\.indexes\.data: expected number, got "0"/);
  });

  it("names a missing field, a bad address key and a bad storage value", () => {
    const missing = stateTest({ Cancun: [{ d: 0, hash: ROOT_A, logs: LOGS_A }] });
    delete (missing.env as Record<string, unknown>).currentNumber;
    expect(decodeError({ t: missing })).toContain("env.currentNumber: expected hex quantity, got nothing");

    const badKey = stateTest({ Cancun: [{ d: 0, hash: ROOT_A, logs: LOGS_A }] });
    (badKey.pre as Record<string, unknown>)["0x12"] = {};
    expect(decodeError({ t: badKey })).toContain("pre.0x12: expected address");

    const badSlot = stateTest({ Cancun: [{ d: 0, hash: ROOT_A, logs: LOGS_A }] });
    (badSlot.pre as any)["0x095e7baea6a6c7c4c2dfeb977efac326af552d87"].storage["0x05"] = 7;
    expect(decodeError({ t: badSlot })).toContain("pre.0x095e7baea6a6c7c4c2dfeb977efac326af552d87.storage.0x05: expected hex quantity, got 7");
  });

  it("rejects odd-length bytes, short hashes and out-of-range indexes", () => {
    const oddData = stateTest({ Cancun: [{ d: 0, hash: ROOT_A, logs: LOGS_A }] });
    (oddData.transaction as any).data[1] = "0x123";
    expect(decodeError({ t: oddData })).toContain("transaction.data[1]: expected hex bytes");
    expect(decodeError({ t: stateTest({ Cancun: [{ d: 0, hash: "0x12", logs: LOGS_A }] }) })).toContain("post.Cancun[0].hash: expected 32-byte hash");
    expect(decodeError({ t: stateTest({ Cancun: [{ d: 2, hash: ROOT_A, logs: LOGS_A }] }) })).toContain(
      "post.Cancun[0].indexes.data: 2 is out of range (transaction.data has 2 entries)",
    );
  });

  it("reports bad JSON, a non-object and an empty file", () => {
    expect(decodeError("{")).toMatch(/^invalid JSON/);
    expect(decodeError("[]")).toMatch(/^expected an object of tests/);
    expect(decodeError("{}")).toBe("the file holds no tests");
  });
});

describe("case enumeration", () => {
  const tests = decodeOk(twoForks);

  it("gives one case per (test, fork, post entry) with file::test::fork::d<i>g<j>v<k> ids", () => {
    expect(listCases("dir/f.json", tests).map((r) => r.id)).toEqual([
      "dir/f.json::t1::Cancun::d1g0v1",
      "dir/f.json::t1::Cancun::d0g1v0",
      "dir/f.json::t1::Shanghai::d0g0v0",
    ]);
  });

  it("builds the case: env, pre-state without zero slots, txbytes, expectation", () => {
    const [, second] = listCases("f.json", tests);
    const { testCase, expected } = buildCase(second!, "Cancun", tests.get("t1")!);
    expect(testCase.id).toBe("f.json::t1::Cancun::d0g1v0");
    expect(testCase.env).toMatchObject({ coinbase: 0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ban, number: 1n, baseFee: 10n, excessBlobGas: 0n });
    const account = testCase.pre.get(0x095e7baea6a6c7c4c2dfeb977efac326af552d87n)!;
    expect([...account.storage]).toEqual([[1n, 2n]]);
    expect(testCase.txBytes).toEqual(hex("0x00"));
    expect(expected.exception).toBe("TransactionException.INTRINSIC_GAS_TOO_LOW");
    expect(expected.stateRoot).toEqual(hex(ROOT_B));
  });
});

describe("selection and sharding", () => {
  const items: Enumerated[] = [];
  for (const file of ["b.json", "a.json", "c.json"]) {
    for (const ref of listCases(file, decodeOk(twoForks))) items.push({ kind: "case", path: `/x/${file}`, fileId: file, ref });
  }
  items.push({ kind: "malformed", path: "/x/bad.json", fileId: "bad.json", error: "invalid JSON" });
  const base = { implementationName: "fake", supportedForks: FORK_NAMES, skipList: [] };
  const ids = (plan: ReturnType<typeof planRun>) => plan.map((p) => (p.action === "run" ? p.ref.id : p.id));

  it("sorts by id and keeps --fork and --filter", () => {
    const all = ids(planRun(items, base));
    expect(all).toEqual([...all].sort());
    expect(all[0]).toBe("a.json::t1::Cancun::d0g1v0");
    const cancunA = planRun(items, { ...base, fork: "Cancun", filter: /^a\.json/ });
    expect(ids(cancunA)).toEqual(["a.json::t1::Cancun::d0g1v0", "a.json::t1::Cancun::d1g0v1"]);
  });

  it("partitions the cases exactly over N shards", () => {
    const all = ids(planRun(items, base));
    for (const count of [1, 2, 3, 4, 7, 20]) {
      const shards = Array.from({ length: count }, (_, i) => ids(planRun(items, { ...base, shard: { index: i + 1, count } })));
      expect(shards.flat().sort()).toEqual([...all].sort());
      expect(new Set(shards.flat()).size).toBe(all.length);
    }
    expect(shardOf([0, 1, 2, 3, 4], { index: 2, count: 2 })).toEqual([1, 3]);
  });

  it("parses --shard I/N and rejects nonsense", () => {
    expect(parseShard("3/4")).toEqual({ index: 3, count: 4 });
    for (const bad of ["0/4", "5/4", "1/0", "1-2", "a/b", ""]) expect(() => parseShard(bad)).toThrow(/--shard/);
  });

  it("skips unknown forks, forks the implementation lacks and skip-list matches, with reasons", () => {
    const prague: Enumerated = { ...(items[0] as Extract<Enumerated, { kind: "case" }>), ref: { id: "p.json::t::Amsterdam::d0g0v0", testName: "t", fork: "Amsterdam", entryIndex: 0 } };
    const plan = planRun([...items, prague], {
      ...base,
      supportedForks: ["Cancun"],
      skipList: [{ pattern: /^c\.json::.*Cancun::d0/, reason: "because" }],
    });
    const byId = new Map(plan.map((p) => [p.action === "run" ? p.ref.id : p.id, p]));
    expect(byId.get("p.json::t::Amsterdam::d0g0v0")).toMatchObject({ action: "skip", reason: expect.stringContaining("Amsterdam is not one SVM knows") });
    expect(byId.get("a.json::t1::Shanghai::d0g0v0")).toMatchObject({ action: "skip", reason: "implementation fake does not support fork Shanghai" });
    expect(byId.get("c.json::t1::Cancun::d0g1v0")).toMatchObject({ action: "skip", reason: "because" });
    expect(byId.get("c.json::t1::Cancun::d1g0v1")).toMatchObject({ action: "run" });
    expect(byId.get("bad.json")).toMatchObject({ action: "malformed" });
  });
});

describe("comparison", () => {
  const expectExecuted = { stateRoot: hex(ROOT_A), logsHash: hex(LOGS_A) };
  const expectRejected = { ...expectExecuted, exception: "TransactionException.INSUFFICIENT_ACCOUNT_FUNDS|TransactionException.INTRINSIC_GAS_TOO_LOW" };

  it("passes an executed outcome iff root and logs match, naming what differed", () => {
    expect(compareOutcome(expectExecuted, executed(ROOT_A, LOGS_A))).toEqual({ pass: true });
    expect(compareOutcome(expectExecuted, executed(ROOT_B, LOGS_A))).toEqual({ pass: false, reason: `state root: expected ${ROOT_A}, got ${ROOT_B}` });
    expect(compareOutcome(expectExecuted, executed(ROOT_A, LOGS_B))).toEqual({ pass: false, reason: `logs hash: expected ${LOGS_A}, got ${LOGS_B}` });
    const both = compareOutcome(expectExecuted, executed(ROOT_B, LOGS_B));
    expect(both.pass ? "" : both.reason).toMatch(/^state root: .*; logs hash: /);
  });

  it("fails an executed outcome when an exception is expected, and a rejection when none is", () => {
    expect(compareOutcome(expectRejected, executed(ROOT_A, LOGS_A))).toMatchObject({ pass: false, reason: expect.stringContaining("expected exception") });
    expect(compareOutcome(expectExecuted, rejected(ROOT_A, "INTRINSIC_GAS_TOO_LOW"))).toMatchObject({ pass: false, reason: expect.stringContaining("rejected") });
  });

  it("passes a rejection with the right root; another exception name is only a note", () => {
    expect(compareOutcome(expectRejected, rejected(ROOT_A, "INTRINSIC_GAS_TOO_LOW"))).toEqual({ pass: true });
    const other = compareOutcome({ ...expectExecuted, exception: "TransactionException.INTRINSIC_GAS_TOO_LOW" }, rejected(ROOT_A, "INSUFFICIENT_ACCOUNT_FUNDS"));
    expect(other).toMatchObject({ pass: true, note: expect.stringContaining("rejected as INSUFFICIENT_ACCOUNT_FUNDS") });
    expect(compareOutcome(expectRejected, rejected(ROOT_B, "INTRINSIC_GAS_TOO_LOW"))).toMatchObject({ pass: false, reason: expect.stringContaining("state root") });
  });

  it("splits expectException alternatives", () => {
    expect(expectedExceptionNames(expectRejected.exception)).toEqual(["INSUFFICIENT_ACCOUNT_FUNDS", "INTRINSIC_GAS_TOO_LOW"]);
  });
});

describe("EIP-3155 encoding", () => {
  it("writes steps like geth: numbers, hex gas and stack, error only when present", () => {
    const line = encodeTraceStep({ pc: 2, op: 1, opName: "ADD", gas: 100n, gasCost: 3n, stack: [0n, 255n], depth: 1, refund: 0n, memSize: 0 });
    expect(line).toBe('{"pc":2,"op":1,"gas":"0x64","gasCost":"0x3","memSize":0,"stack":["0x0","0xff"],"depth":1,"refund":0,"opName":"ADD"}');
    const failing = JSON.parse(encodeTraceStep({ pc: 0, op: 0xfe, opName: "INVALID", gas: 0n, gasCost: 0n, stack: [], depth: 2, refund: 4800n, memSize: 64, error: "invalid opcode" }));
    expect(failing).toMatchObject({ error: "invalid opcode", refund: 4800, memSize: 64, depth: 2 });
  });

  it("writes the summary line", () => {
    expect(encodeTraceSummary({ stateRoot: hex(ROOT_A), output: hex("0x01"), gasUsed: 21000n })).toBe(
      `{"stateRoot":"${ROOT_A}","output":"0x01","gasUsed":"0x5208"}`,
    );
  });
});

describe("files, progress and slow cases", () => {
  it("finds *.json recursively, sorted by id relative to the first base that contains them", () => {
    const dir = vectorFolder({ "b.json": "{}", "notes.txt": "" });
    mkdirSync(join(dir, "a"));
    writeFileSync(join(dir, "a", "z.json"), "{}");
    expect(stateTestFiles([dir, join(dir, "b.json")], [join(dir, "a"), dir]).map((f) => f.fileId)).toEqual(["b.json", "z.json"]);
    expect(fileIdOf(join(dir, "a", "z.json"), [dir])).toBe("a/z.json");
    expect(() => stateTestFiles([join(dir, "missing")], [dir])).toThrow("no such file or folder");
  });

  it("shows counts, rate and ETA only on a terminal outside CI", () => {
    const progress = { done: 50, total: 150, passed: 48, failed: 1, skipped: 1, elapsedMs: 10_000 };
    expect(statusText(progress)).toBe("50/150 cases  48 passed  1 failed  1 skipped  5.0/s  ETA 20s");
    const written: string[] = [];
    const stream = { isTTY: true, write: (s: string) => written.push(s) };
    new StatusLine(stream, {}).update(progress);
    expect(written.join("")).toContain("50/150 cases");
    written.length = 0;
    new StatusLine(stream, { CI: "true" }).update(progress);
    new StatusLine({ isTTY: false, write: stream.write }, {}).update(progress);
    expect(written).toEqual([]);
  });

  it("reports a slow case once, while it runs or when it ends", async () => {
    const slow: string[] = [];
    const watch = new SlowWatch((id) => slow.push(id), 20);
    watch.start("running");
    await new Promise((r) => setTimeout(r, 80));
    watch.finish("running", 80);
    watch.finish("fast", 5);
    watch.finish("ended-slow", 25);
    watch.close();
    expect(slow).toEqual(["running", "ended-slow"]);
  });
});
