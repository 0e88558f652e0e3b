/** The report model: one order for everything, the summary, `--fail-on`, the baseline and the dependency filter. */
import { describe, expect, it } from "vitest";
import { buildReport, hasFindingAtOrAbove } from "../../src/audit/report-model.js";
import { CONFIRMED_REENTRANCY, fixtureInput, HOSTILE_FINDING, SECOND_HIGH, TX_ORIGIN_FINDING } from "./report-fixture.js";

describe("buildReport", () => {
  it("orders findings by severity, confidence, confirmation, file and line, whatever order they came in", () => {
    const report = buildReport(fixtureInput());
    expect(report.findings.map((f) => f.id)).toEqual([CONFIRMED_REENTRANCY.id, SECOND_HIGH.id, TX_ORIGIN_FINDING.id, HOSTILE_FINDING.id]);
    const reversed = buildReport(fixtureInput([CONFIRMED_REENTRANCY, SECOND_HIGH, HOSTILE_FINDING, TX_ORIGIN_FINDING]));
    expect(reversed).toEqual(report);
  });

  it("counts findings by severity", () => {
    expect(buildReport(fixtureInput()).summary).toEqual({ high: 2, medium: 1, low: 1, informational: 0 });
  });

  it("sorts files, gas and coverage, and lists every detector that ran once, by id", () => {
    const report = buildReport(fixtureInput());
    expect(report.files.map((f) => f.file)).toEqual([
      "contracts/Bank.sol",
      "contracts/Broken.sol",
      "contracts/Lottery.sol",
      "contracts/Vault.sol",
      "contracts/Wallet.sol",
    ]);
    expect(report.gas.map((g) => `${g.contract}.${g.function}`)).toEqual(["Bank.deposit()", "Bank.withdraw(uint256)", "Wallet.transferTo(address,uint256)"]);
    expect(report.coverage.map((c) => c.contract)).toEqual(["Bank", "Wallet"]);
    expect(report.detectors.map((d) => d.id)).toEqual(["reentrancy-eth", "timestamp", "tx-origin", "unchecked-send"]);
  });

  it("hides the findings a baseline names and says how many", () => {
    const report = buildReport(fixtureInput(), { baseline: { file: "old.json", ids: new Set([SECOND_HIGH.id, "not-in-this-run"]) } });
    expect(report.findings.map((f) => f.id)).not.toContain(SECOND_HIGH.id);
    expect(report.findings).toHaveLength(3);
    expect(report.baseline).toEqual({ file: "old.json", hidden: 1, hiddenIds: [SECOND_HIGH.id] });
    expect(report.summary.high).toBe(1);
  });

  it("drops findings in dependencies when given a filter, and counts them", () => {
    const report = buildReport(fixtureInput(), { isDependency: (file) => file.endsWith("Vault.sol") });
    expect(report.findings.map((f) => f.contract)).not.toContain("Vault");
    expect(report.dependencyFindingsDropped).toBe(1);
    expect(buildReport(fixtureInput()).dependencyFindingsDropped).toBeUndefined();
  });
});

describe("hasFindingAtOrAbove", () => {
  it("compares against the severity order, highest first", () => {
    const onlyLow = buildReport(fixtureInput([HOSTILE_FINDING]));
    expect(hasFindingAtOrAbove(onlyLow, "high")).toBe(false);
    expect(hasFindingAtOrAbove(onlyLow, "medium")).toBe(false);
    expect(hasFindingAtOrAbove(onlyLow, "low")).toBe(true);
    expect(hasFindingAtOrAbove(onlyLow, "informational")).toBe(true);
    expect(hasFindingAtOrAbove(buildReport(fixtureInput([])), "informational")).toBe(false);
  });
});
