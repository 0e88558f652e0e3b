/** The RLPTests runner on the real vectors, on altered vectors, and on malformed files. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRlpTestFile } from "../../conformance/runners/rlp-tests.js";
import { runVectorFiles } from "../../conformance/runners/vector-run.js";
import { vectorsRoot } from "../../conformance/vectors-location.js";

const folder = join(vectorsRoot(), "RLPTests");
const run = (tests: object) => runRlpTestFile(JSON.stringify(tests), "x.json");

describe("RLPTests", () => {
  it("passes every case", () => {
    const report = runVectorFiles([folder], [folder], runRlpTestFile);
    expect(report.results.filter((r) => r.status !== "pass")).toEqual([]);
    expect(report.summary.passed).toBe(55);
  });

  it("encodes '#' big integers and JSON numbers as integers, other strings as text", () => {
    expect(run({ a: { in: "#256", out: "0x820100" }, b: { in: 256, out: "820100" }, c: { in: "#256", out: "0x8423323536" } }).map((r) => r.status)).toEqual([
      "pass",
      "pass",
      "fail",
    ]);
    expect(run({ t: { in: "#x", out: "0x822378" } })[0]!.status).toBe("pass");
  });

  it("fails an INVALID test whose bytes decode, and a VALID test whose bytes do not", () => {
    expect(run({ t: { in: "INVALID", out: "0x80" } })[0]).toMatchObject({ status: "fail", reason: /decoded to 0x/ });
    expect(run({ t: { in: "VALID", out: "0x8100" } })[0]).toMatchObject({ status: "fail", reason: /decoding failed/ });
  });

  it("reports a malformed file", () => {
    expect(run({ t: { in: -1, out: "0x80" } })[0]).toMatchObject({ id: "x.json", status: "fail", reason: /malformed file: t: in/ });
    expect(run({ t: { in: "a", out: "0xzz" } })[0]).toMatchObject({ status: "fail", reason: /t: out/ });
  });
});
