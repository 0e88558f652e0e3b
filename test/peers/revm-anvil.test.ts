/**
 * revm through anvil (`--impl revm`): the anvil binary of @foundry-rs/anvil must be present (the
 * test fails naming it when it is not, rather than skipping), the adapter passes the stExample
 * vectors but the one that reads PREVRANDAO (which anvil cannot be told), and the post state read
 * back from the prestate tracer's diff follows EIP-161.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeStateTestFile } from "../../conformance/formats/state-tests.js";
import { isForkName } from "../../interface/implementation.js";
import { postStateFromDiff } from "../../conformance/peers/prestate-diff.js";
import { opcodesByName, stepsOfStructLogs } from "../../conformance/peers/struct-logs.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import type { TraceStep } from "../../interface/implementation.js";
import { RevmAnvil } from "../../conformance/peers/revm-anvil.js";
import { buildCase, listCases } from "../../conformance/state-tests/cases.js";
import { compareOutcome } from "../../conformance/state-tests/compare.js";
import { PROJECT_ROOT, svm } from "../cli/svm-process.js";

const STATE_TESTS = join(PROJECT_ROOT, "../shared/conformance/ethereum-tests/GeneralStateTests");

function anvilBinary(): string {
  const launcher = createRequire(import.meta.url).resolve("@foundry-rs/anvil/package.json");
  return join(dirname(launcher), "..", `anvil-${process.platform}-${process.arch === "x64" ? "amd64" : process.arch}`, "bin", "anvil");
}

describe("revm through anvil", () => {
  const revm = new RevmAnvil();
  afterAll(() => revm.close());

  it("has anvil's binary (installed by @foundry-rs/anvil's platform package)", () => {
    const binary = anvilBinary();
    expect(existsSync(binary), `anvil's binary ${binary} is missing: install @foundry-rs/anvil with its optional platform package`).toBe(true);
  });

  it("passes stExample on Cancun but mergeTest, which reads PREVRANDAO that anvil cannot be told", async () => {
    const failures: string[] = [];
    let passed = 0;
    for (const file of ["add11.json", "mergeTest.json", "solidityExample.json", "yulExample.json", "invalidTr.json", "rangesExample.json"]) {
      const decoded = decodeStateTestFile(readFileSync(join(STATE_TESTS, "stExample", file), "utf8"));
      if (!decoded.ok) throw new Error(decoded.error);
      for (const ref of listCases(file, decoded.tests)) {
        if (ref.fork !== "Cancun" || !isForkName(ref.fork)) continue;
        const { testCase, expected } = buildCase(ref, ref.fork, decoded.tests.get(ref.testName)!);
        const verdict = compareOutcome(expected, await revm.runStateTest(testCase));
        if (verdict.pass) passed++;
        else failures.push(ref.id);
      }
    }
    expect(failures).toEqual(["mergeTest.json::mergeTest::Cancun::d0g0v0"]);
    expect(passed).toBeGreaterThanOrEqual(5);
  }, 60_000);

  it("svm statetest --impl revm runs and ends (its anvil stopped with it)", async () => {
    const result = await svm(["statetest", "stExample/add11.json", "--impl", "revm", "--fork", "Cancun"]);
    expect(result.stdout).toMatch(/^1 passed, 0 failed, 0 skipped/m);
    expect(result.code).toBe(0);
  });
});

describe("anvil's struct logs as trace steps", () => {
  const byName = opcodesByName(SCHEDULES.Cancun);

  it("finds each byte by its name, reads revm's Some(halt) errors, and an Unknown byte at depth 1 from the code", () => {
    const steps = stepsOfStructLogs(
      [
        { pc: 0, op: "PUSH1", gas: 100, gasCost: 3, depth: 1, stack: [] },
        { pc: 2, op: "Unknown", gas: 97, gasCost: 0, depth: 1, stack: ["0x1"], error: "Some(OpcodeNotFound)" },
      ],
      byName,
      Uint8Array.of(0x60, 0x01, 0x0c),
    );
    expect(steps).not.toBeTypeOf("string");
    expect((steps as TraceStep[]).map((s) => [s.op, s.opName, s.error])).toEqual([[0x60, "PUSH1", undefined], [0x0c, "opcode 0xc not defined", "invalid opcode"]]);
  });

  it("says what it cannot read rather than guess", () => {
    expect(stepsOfStructLogs([{ pc: 0, op: "Unknown", gas: 1, gasCost: 0, depth: 2 }], byName)).toMatch(/does not know: Unknown/);
    expect(stepsOfStructLogs([{ pc: 0, op: "STOP", gas: 1, gasCost: 0, depth: 1, error: "Some(Cosmic)" }], byName)).toMatch(/does not recognise/);
  });
});

describe("the post state from a prestate diff", () => {
  const empty = { nonce: 0n, balance: 0n, code: new Uint8Array(0), storage: new Map<bigint, bigint>() };
  const pre = new Map([
    [1n, { nonce: 0n, balance: 100n, code: new Uint8Array(0), storage: new Map([[5n, 7n], [6n, 8n]]) }],
    [2n, empty],
    [3n, empty],
    [4n, { nonce: 1n, balance: 0n, code: Uint8Array.of(0), storage: new Map() }],
  ]);

  it("applies changed fields, clears slots left out of post, drops accounts only in pre and touched empty ones", () => {
    const diff = {
      pre: { "0x01": { balance: "0x64", storage: { "0x05": "0x07", "0x06": "0x08" } }, "0x04": { nonce: 1 } },
      post: { "0x01": { balance: "0x50", storage: { "0x05": "0x09" } }, "0x09": { balance: "0x1" } },
    };
    const post = postStateFromDiff(pre, diff, [2n]);
    expect(post.get(1n)).toEqual({ nonce: 0n, balance: 0x50n, code: new Uint8Array(0), storage: new Map([[5n, 9n]]) });
    expect(post.has(2n)).toBe(false);
    expect(post.get(3n)).toEqual(empty);
    expect(post.has(4n)).toBe(false);
    expect(post.get(9n)!.balance).toBe(1n);
  });

  it("drops a touched empty account with storage, storage and all (EIP-161 counts no storage), and keeps an untouched one", () => {
    const withStorage = new Map([[7n, { ...empty, storage: new Map([[0n, 0x7fffffffn]]) }], [8n, { ...empty, storage: new Map([[0n, 1n]]) }]]);
    const post = postStateFromDiff(withStorage, { pre: {}, post: {} }, [7n]);
    expect(post.has(7n)).toBe(false);
    expect(post.get(8n)!.storage.get(0n)).toBe(1n);
  });
});
