/**
 * `svm statetest` end to end on the spec implementation, on a small fixed folder: the CLI, the
 * worker pool (from dist/, so build first) and the EIP-3155 trace file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeStateTestFile } from "../../conformance/formats/state-tests.js";
import { vectorsRoot } from "../../conformance/vectors-location.js";
import { bytesToHex } from "../../spec/primitives/bytes.js";
import { main } from "../../src/cli/main.js";
import { vectorFolder } from "./state-tests-fixtures.js";

const stExample = join(vectorsRoot(), "GeneralStateTests/stExample");

function captureStdout(): string[] {
  const out: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  return out;
}

describe("svm statetest --impl spec", () => {
  afterEach(() => vi.restoreAllMocks());

  it("passes stExample on Cancun with two workers, and the same in one thread", async () => {
    const pooled = captureStdout();
    expect(await main(["statetest", "--impl", "spec", "--fork", "Cancun", "--workers", "2", stExample])).toBe(0);
    const single = captureStdout();
    expect(await main(["statetest", "--impl", "spec", "--fork", "Cancun", "--workers", "1", stExample])).toBe(0);
    expect(pooled).toEqual(single);
    expect(pooled[pooled.length - 1]).toMatch(/^[1-9]\d* passed, 0 failed, 0 skipped$/);
  });

  it("traces a case: steps, then a summary whose state root is the vector's", async () => {
    captureStdout();
    const file = join(stExample, "add11.json");
    const traceFile = join(vectorFolder({}), "trace.jsonl");
    expect(await main(["statetest", "--impl", "spec", "--fork", "Cancun", file, "--trace", traceFile])).toBe(0);
    const lines = readFileSync(traceFile, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const decoded = decodeStateTestFile(readFileSync(file, "utf8"));
    if (!decoded.ok) throw new Error(decoded.error);
    const expectedRoot = bytesToHex(decoded.tests.get("add11")!.post.Cancun![0]!.hash);
    expect(lines[0]).toMatchObject({ pc: 0, depth: 1, stack: [] });
    expect(lines.slice(0, -1).every((l) => typeof l.opName === "string" && /^0x[0-9a-f]+$/.test(l.gas))).toBe(true);
    expect(lines[lines.length - 1]).toMatchObject({ stateRoot: expectedRoot });
  });
});
