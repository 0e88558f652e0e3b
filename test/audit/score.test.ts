/**
 * Scoring on SolidiFI: the BugLog format, the ±1-line matching rule, and a run over the first
 * contract of every bug type (through the time-budgeted worker, as `npm run audit:score` does)
 * that must reach the recall targets. Needs the build (`npx tsc -p .`) for the worker.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BUG_TYPES, type BugType, CorpusError, loadCorpus, parseBugLog } from "../../src/audit/score/corpus.js";
import { scoreContract, within } from "../../src/audit/score/match.js";
import { scoreCorpus, targetsMet } from "../../src/audit/score/score.js";
import { BudgetedAnalyser } from "../../src/audit/budget.js";

const CORPUS = process.env.SVM_AUDIT_CORPUS ?? resolve(import.meta.dirname, "../../../shared/audit-corpus/solidifi");

describe("BugLog and matching", () => {
  it("parses SolidiFI's CSV and refuses a malformed row with its line", () => {
    const log = "loc,length,bug type,approach\n22,8,Re+AC0-erntrancy,code snippet injection\n36,1,x,y\n";
    expect(parseBugLog(log, "BugLog_1.csv")).toEqual([
      { line: 22, length: 8 },
      { line: 36, length: 1 },
    ]);
    expect(() => parseBugLog("loc,length\nabc,2\n", "BugLog_2.csv")).toThrow(CorpusError);
    expect(() => parseBugLog("loc,length\nabc,2\n", "BugLog_2.csv")).toThrow(/BugLog_2.csv:2/);
  });
  it("counts a finding of a matching class within the injected lines ±1, and the rest as other lines", () => {
    const bug = { line: 10, length: 3 };
    expect([8, 9, 12, 13, 14].map((l) => within(bug, l))).toEqual([false, true, true, true, false]);
    const score = scoreContract(
      [bug, { line: 40, length: 1 }],
      [
        { detector: "tx-origin", swc: "SWC-115", severity: "medium", line: 13 },
        { detector: "timestamp-dependence", swc: "SWC-116", severity: "low", line: 40 },
        { detector: "tx-origin", swc: "SWC-115", severity: "medium", line: 70 },
      ],
      ["SWC-115"],
    );
    expect(score.found).toBe(1);
    expect(score.missed).toEqual([{ line: 40, length: 1 }]);
    expect(score.otherLines).toBe(1);
  });
});

describe("time budget", () => {
  it("stops an analysis that overruns its budget, reports it as a timeout, and analyses the next file", async () => {
    const file = resolve(import.meta.dirname, "../proofs/fixtures/Bank.t.sol");
    const hurried = new BudgetedAnalyser(0.001);
    try {
      const stopped = await hurried.analyse(file, { bytecode: false });
      expect(stopped.report.status).toBe("timeout");
      expect(stopped.report.message).toMatch(/budget/);
    } finally {
      await hurried.close();
    }
    const patient = new BudgetedAnalyser(60);
    try {
      const done = await patient.analyse(file, { bytecode: false });
      expect(done.report.status).toBe("analysed");
    } finally {
      await patient.close();
    }
  }, 120_000);
});

// The corpus is shared data outside the repository; without it there is nothing to score.
describe.skipIf(!existsSync(CORPUS))("SolidiFI, first contract of each bug type", () => {
  it("meets the recall targets (90%, 60% for TOD) with every contract analysed", async () => {
    const types = Object.keys(BUG_TYPES) as BugType[];
    const contracts = types.flatMap((type) => loadCorpus(CORPUS, [type]).slice(0, 1));
    const report = await scoreCorpus(CORPUS, contracts, { budgetSeconds: 60 });
    expect(report.total.unanalysed).toBe(0);
    for (const type of report.types) {
      expect(type.bugs).toBeGreaterThan(0);
      expect(type.recall, type.type).toBeGreaterThanOrEqual(type.type === "TOD" ? 0.6 : 0.9);
    }
    expect(targetsMet(report)).toBe(true);
    expect(targetsMet({ ...report, types: report.types.map((t) => ({ ...t, recall: 0.5 })) })).toBe(false);
  }, 120_000);
});
