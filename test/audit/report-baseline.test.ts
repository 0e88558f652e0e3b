/** `--baseline`: an earlier JSON report's ids hide the same findings in the next one, even after the lines moved. */
import { describe, expect, it } from "vitest";
import { BaselineError, parseBaseline } from "../../src/audit/baseline.js";
import { buildReport } from "../../src/audit/report-model.js";
import { writeJson } from "../../src/audit/report/json.js";
import { CONFIRMED_REENTRANCY, fixtureInput, HOSTILE_FINDING, TX_ORIGIN_FINDING } from "./report-fixture.js";

describe("parseBaseline", () => {
  it("reads the ids of a JSON report the json writer made", () => {
    const earlier = writeJson(buildReport(fixtureInput([CONFIRMED_REENTRANCY, TX_ORIGIN_FINDING])));
    expect([...parseBaseline(earlier)].sort()).toEqual([TX_ORIGIN_FINDING.id, CONFIRMED_REENTRANCY.id].sort());
  });

  it("hides a finding whose line moved but whose id did not", () => {
    const earlier = writeJson(buildReport(fixtureInput([TX_ORIGIN_FINDING])));
    const moved = { ...TX_ORIGIN_FINDING, location: { ...TX_ORIGIN_FINDING.location, line: 40, endLine: 40 } };
    const next = buildReport(fixtureInput([moved, HOSTILE_FINDING]), { baseline: { file: "earlier.json", ids: parseBaseline(earlier) } });
    expect(next.findings.map((f) => f.id)).toEqual([HOSTILE_FINDING.id]);
    expect(next.baseline?.hidden).toBe(1);
  });

  it("chains: a report made with a baseline passes on the ids it hid", () => {
    const first = writeJson(buildReport(fixtureInput([TX_ORIGIN_FINDING])));
    const second = writeJson(buildReport(fixtureInput([TX_ORIGIN_FINDING, HOSTILE_FINDING]), { baseline: { file: "first.json", ids: parseBaseline(first) } }));
    expect([...parseBaseline(second)].sort()).toEqual([TX_ORIGIN_FINDING.id, HOSTILE_FINDING.id].sort());
  });

  it.each([
    ["{not json", /not JSON/],
    ["[1, 2]", /no "findings"/],
    ['{"findings": 3}', /findings is not a list/],
    ['{"findings": [{"title": "x"}]}', /findings\[0\] has no id/],
  ])("refuses %s with a BaselineError", (text, message) => {
    expect(() => parseBaseline(text)).toThrow(BaselineError);
    expect(() => parseBaseline(text)).toThrow(message);
  });
});
