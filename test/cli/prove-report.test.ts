/** How svm prove states verdicts: a bounded pass names its bounds, is counted apart, and fails the exit code unless accepted. */
import { describe, expect, it } from "vitest";
import { exitCode, summaryLine, tagOf } from "../../src/cli/prove-report.js";

describe("svm prove's verdicts", () => {
  it("tags a bounded pass with every bound it hit, never as a plain pass", () => {
    expect(tagOf({ status: "bounded", bounds: ["loop 16", "calldata ≤ 1024 bytes"] })).toBe("[PASS (bounded: loop 16, calldata ≤ 1024 bytes)]");
    expect(tagOf({ status: "pass", bounds: [] })).toBe("[PASS]");
    expect(tagOf({ status: "unknown", bounds: ["loop 16"] })).toBe("[UNKNOWN]");
  });

  it("counts bounded passes apart in the summary", () => {
    expect(summaryLine(["pass", "bounded", "bounded", "fail", "unknown", "pass"], 0)).toBe("2 passed, 2 bounded, 1 failed, 1 unknown");
    expect(summaryLine(["pass"], 2)).toBe("1 passed, 0 bounded, 0 failed, 0 unknown, 2 files not checked");
  });

  it("exits 0 only when everything passed; bounded passes only with --accept-bounded", () => {
    expect(exitCode(["pass", "pass"], 0, false)).toBe(0);
    expect(exitCode(["pass", "bounded"], 0, false)).toBe(1);
    expect(exitCode(["pass", "bounded"], 0, true)).toBe(0);
    expect(exitCode(["pass", "unknown"], 0, true)).toBe(1);
    expect(exitCode(["fail"], 0, true)).toBe(1);
    expect(exitCode(["pass"], 1, true)).toBe(1);
  });
});
