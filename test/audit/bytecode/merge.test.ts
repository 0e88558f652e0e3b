/**
 * One report per weakness: a bytecode finding on the lines of an AST finding of a twin class is
 * folded into it (evidence added once per bytecode detector, confidence raised one step once, the
 * AST finding's id kept); other bytecode findings stand on their own.
 */
import { describe, expect, it } from "vitest";
import { mergeBytecodeFindings } from "../../../src/audit/bytecode/merge.js";
import type { DetectorInfo, Finding } from "../../../src/audit/finding.js";

function info(id: string, swc: string, confidence: DetectorInfo["confidence"]): DetectorInfo {
  return { id, title: id, swc, category: "other", severity: "medium", confidence, description: "", recommendation: "" };
}

function finding(id: string, detector: DetectorInfo, line: number, endLine = line, file = "a.sol"): Finding {
  return {
    id,
    detector,
    contract: "C",
    function: "f()",
    location: { file, line, endLine, snippet: "" },
    message: `${detector.id} says so`,
    confirmed: false,
  };
}

const ast = info("unchecked-lowlevel", "SWC-104", "medium");
const bytecode = info("bytecode-unchecked-call", "SWC-104", "medium");
const otherBytecode = info("bytecode-other", "SWC-104", "low");
const reentrancy = info("bytecode-reentrancy", "SWC-107", "low");

describe("merging bytecode findings", () => {
  it("folds a twin on overlapping lines into the AST finding, keeping its id", () => {
    const merged = mergeBytecodeFindings([finding("ast1", ast, 10, 12)], [{ twins: ["SWC-104"], findings: [finding("b1", bytecode, 12)] }]);
    expect(merged.map((f) => [f.id, f.detector.id, f.detector.confidence])).toEqual([["ast1", "unchecked-lowlevel", "high"]]);
    expect(merged[0]?.message).toBe("unchecked-lowlevel says so. Bytecode (bytecode-unchecked-call): bytecode-unchecked-call says so");
  });

  it("adds each bytecode detector's evidence once and raises the confidence once", () => {
    const merged = mergeBytecodeFindings(
      [finding("ast1", ast, 10)],
      [
        { twins: ["SWC-104"], findings: [finding("b1", bytecode, 10), finding("b2", bytecode, 10)] },
        { twins: ["SWC-104"], findings: [finding("b3", otherBytecode, 10)] },
      ],
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]?.detector.confidence).toBe("high");
    expect(merged[0]?.message.match(/Bytecode \(/g)).toHaveLength(2);
  });

  it("keeps findings of another class, on other lines or in another file apart", () => {
    const merged = mergeBytecodeFindings(
      [finding("ast1", ast, 10)],
      [
        { twins: ["SWC-107"], findings: [finding("r1", reentrancy, 10)] },
        { twins: ["SWC-104"], findings: [finding("b1", bytecode, 11), finding("b2", bytecode, 10, 10, "b.sol")] },
      ],
    );
    expect(merged.map((f) => f.id)).toEqual(["ast1", "r1", "b1", "b2"]);
    expect(merged[0]?.detector.confidence).toBe("medium");
  });
});
