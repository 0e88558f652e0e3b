/** The TrieTests runner on the real vectors, on an altered root, and on malformed files. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTrieTestFile } from "../../conformance/runners/trie-tests.js";
import { runVectorFiles } from "../../conformance/runners/vector-run.js";
import { vectorsRoot } from "../../conformance/vectors-location.js";

const folder = join(vectorsRoot(), "TrieTests");

describe("TrieTests", () => {
  it("passes every root test and skips only the iteration test", () => {
    const report = runVectorFiles([folder], [folder], runTrieTestFile);
    expect(report.results.filter((r) => r.status === "fail")).toEqual([]);
    expect(report.results.filter((r) => r.status === "skip").map((r) => r.id)).toEqual(["trietestnextprev.json::basic"]);
    expect(report.summary.passed).toBe(25);
  });

  it("uses hashed keys only for secure-trie files", () => {
    const text = readFileSync(join(folder, "trieanyorder.json"), "utf8");
    expect(runTrieTestFile(text, "trieanyorder.json").every((r) => r.status === "pass")).toBe(true);
    expect(runTrieTestFile(text, "trieanyorder_secureTrie.json").every((r) => r.status === "fail")).toBe(true);
  });

  it("fails a test whose root is wrong", () => {
    const file = { t: { in: { a: "b" }, root: `0x${"00".repeat(32)}` } };
    expect(runTrieTestFile(JSON.stringify(file), "x.json")[0]).toMatchObject({ status: "fail", reason: /^root 0x/ });
  });

  it("reports a malformed file with the path of the bad value", () => {
    const file = { t: { in: [["0x123", "v"]], root: `0x${"00".repeat(32)}` } };
    const [result] = runTrieTestFile(JSON.stringify(file), "bad.json");
    expect(result).toMatchObject({ id: "bad.json", status: "fail" });
    expect(result!.reason).toMatch(/malformed file: t: /);
  });
});
