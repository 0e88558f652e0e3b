/** The JSON report: issue 10's finding fields, bigints as decimal strings, the same bytes for the same report. */
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/audit/report-model.js";
import { writeJson } from "../../src/audit/report/json.js";
import { CONFIRMED_REENTRANCY, fixtureInput, HOSTILE_FINDING, SECOND_HIGH, TX_ORIGIN_FINDING } from "./report-fixture.js";

const REQUIRED = ["id", "title", "swc", "category", "severity", "confidence", "confirmed", "contract", "function", "file", "line"];

describe("writeJson", () => {
  const text = writeJson(buildReport(fixtureInput()));
  const json = JSON.parse(text);

  it("gives every finding the fields issue 10 names, first and in that order", () => {
    for (const finding of json.findings) expect(Object.keys(finding).slice(0, REQUIRED.length)).toEqual(REQUIRED);
    expect(json.findings[0]).toMatchObject({
      id: CONFIRMED_REENTRANCY.id,
      title: "Reentrancy: ether sent before state is updated",
      swc: "SWC-107",
      category: "reentrancy",
      severity: "high",
      confidence: "medium",
      confirmed: true,
      contract: "Bank",
      function: "withdraw(uint256)",
      file: "contracts/Bank.sol",
      line: 14,
      endLine: 15,
    });
  });

  it("writes bigints as decimal strings, exactly", () => {
    expect(json.findings[0].evidence.steps[1].value).toBe("1000000000000000000");
    const wallet = json.gas.find((g: { contract: string }) => g.contract === "Wallet");
    expect(wallet).toMatchObject({ max: (2n ** 70n).toString(), avg: (2n ** 69n).toString(), min: "30000", calls: 4 });
  });

  it("has evidence only on the confirmed finding", () => {
    expect(json.findings.filter((f: { evidence?: unknown }) => f.evidence !== undefined).map((f: { id: string }) => f.id)).toEqual([CONFIRMED_REENTRANCY.id]);
    expect(json.findings[0].evidence.effect).toBe("2 ether moved from Bank to the attacker");
  });

  it("summarises by severity and lists the files, the one not compiled with its reason", () => {
    expect(json.summary).toEqual({ high: 2, medium: 1, low: 1, informational: 0, total: 4, confirmed: 1 });
    expect(json.files).toContainEqual({ file: "contracts/Broken.sol", analysed: false, reason: expect.stringContaining("did not compile") });
    expect(json.files).toContainEqual({ file: "contracts/Bank.sol", analysed: true, compilerVersion: "0.8.30" });
    expect(json.files).toContainEqual({ file: "contracts/Vault.sol", analysed: true });
    expect(json.campaignsNotRun).toEqual([{ contract: "IToken", reason: "no creation code (interface or abstract contract)" }]);
    expect(json.coverage[0]).toEqual({ contract: "Bank", instructions: { reached: 301, total: 344 }, blocks: { reached: 40, total: 48 } });
  });

  it("is the same text whatever order the analysis found things in", () => {
    const shuffled = fixtureInput([SECOND_HIGH, CONFIRMED_REENTRANCY, HOSTILE_FINDING, TX_ORIGIN_FINDING]);
    expect(writeJson(buildReport({ ...shuffled, gas: [...shuffled.gas].reverse(), files: [...shuffled.files].reverse() }))).toBe(text);
  });

  it("says how many findings the baseline hid", () => {
    const hidden = JSON.parse(writeJson(buildReport(fixtureInput(), { baseline: { file: "old.json", ids: new Set([HOSTILE_FINDING.id]) } })));
    expect(hidden.baseline).toEqual({ file: "old.json", hidden: 1, hiddenIds: [HOSTILE_FINDING.id] });
    expect(hidden.summary.total).toBe(3);
  });
});
