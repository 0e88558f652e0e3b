/**
 * The SARIF report validates against the official SARIF 2.1.0 schema (test/audit/fixtures, a
 * draft-04 JSON schema, so Ajv's draft-04 build), and says what a code scanner
 * needs: one rule per detector, levels from severity, relative locations with regions and
 * snippets, the stable id as a fingerprint, the files that were not analysed.
 */
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/audit/report-model.js";
import { FINGERPRINT_KEY, relativeUri, SARIF_SCHEMA_URI, sarifLog, writeSarif } from "../../src/audit/report/sarif.js";
import { CONFIRMED_REENTRANCY, fixtureInput, HOSTILE_FINDING } from "./report-fixture.js";
import { FORMATS, OFFICIAL_SCHEMA, sarifValidator } from "./report-sarif-schema.js";

describe("writeSarif", () => {
  const report = buildReport(fixtureInput());
  const log = JSON.parse(writeSarif(report));
  const run = log.runs[0];

  it("validates against the official SARIF 2.1.0 schema", async () => {
    const validate = await sarifValidator();
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("checks every string format the schema uses (none ignored as unknown)", () => {
    const formats = new Set([...JSON.stringify(OFFICIAL_SCHEMA).matchAll(/"format":"([^"]+)"/g)].map((m) => m[1]));
    expect([...formats].sort()).toEqual(Object.keys(FORMATS).sort());
  });

  it("validates with no finding and no file too", async () => {
    const validate = await sarifValidator();
    expect(validate(sarifLog(buildReport({ ...fixtureInput([]), files: [], gas: [], coverage: [] })))).toBe(true);
  });

  it("the validator refuses a log that breaks the schema (so the checks above can fail)", async () => {
    const validate = await sarifValidator();
    expect(validate({ ...log, version: "2.0.0" })).toBe(false);
    const badLevel = structuredClone(log);
    badLevel.runs[0].results[0].level = "critical";
    expect(validate(badLevel)).toBe(false);
    const badUri = structuredClone(log);
    badUri.runs[0].tool.driver.rules[0].helpUri = "not a uri";
    expect(validate(badUri)).toBe(false);
  });

  it("names the schema and version", () => {
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe("2.1.0");
  });

  it("has one rule per detector that ran, with its SWC and category as tags and a level from its severity", () => {
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["reentrancy-eth", "timestamp", "tx-origin", "unchecked-send"]);
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: "reentrancy-eth",
      name: "ReentrancyEth",
      shortDescription: { text: "Reentrancy: ether sent before state is updated" },
      fullDescription: { text: expect.stringContaining("re-enter") },
      help: { text: expect.stringContaining("checks-effects-interactions") },
      helpUri: "https://swcregistry.io/docs/SWC-107",
      defaultConfiguration: { level: "error" },
      properties: { tags: ["security", "SWC-107", "reentrancy"], precision: "medium", "security-severity": "8.0" },
    });
    expect(run.tool.driver.rules.map((r: { defaultConfiguration: { level: string } }) => r.defaultConfiguration.level)).toEqual(["error", "note", "warning", "warning"]);
  });

  it("gives each result its rule, level, message, relative location with region and snippet, fingerprint and properties", () => {
    expect(run.results).toHaveLength(4);
    const first = run.results[0];
    expect(first).toMatchObject({
      ruleId: "reentrancy-eth",
      level: "error",
      message: { text: CONFIRMED_REENTRANCY.message },
      partialFingerprints: { [FINGERPRINT_KEY]: CONFIRMED_REENTRANCY.id },
      properties: { confirmed: true, confidence: "medium", swc: "SWC-107", category: "reentrancy" },
    });
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe(first.ruleId);
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "contracts/Bank.sol", uriBaseId: "%SRCROOT%" },
      region: { startLine: 14, endLine: 15, snippet: { text: CONFIRMED_REENTRANCY.location.snippet } },
    });
    expect(first.locations[0].logicalLocations[0]).toEqual({ name: "withdraw(uint256)", fullyQualifiedName: "Bank.withdraw(uint256)", kind: "function" });
    const hostile = run.results.find((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints[FINGERPRINT_KEY] === HOSTILE_FINDING.id);
    expect(hostile.locations[0].logicalLocations[0]).toEqual({ name: HOSTILE_FINDING.contract, kind: "type" });
  });

  it("reports the file that did not compile as an error notification of the run", () => {
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      {
        level: "error",
        message: { text: expect.stringContaining("contracts/Broken.sol was not analysed: did not compile") },
        locations: [{ physicalLocation: { artifactLocation: { uri: "contracts/Broken.sol", uriBaseId: "%SRCROOT%" } } }],
      },
    ]);
  });
});

describe("relativeUri", () => {
  it("writes a relative path as a relative URI reference", () => {
    expect(relativeUri("contracts/My Token#1.sol")).toBe("contracts/My%20Token%231.sol");
    expect(relativeUri("lib\\oz\\ERC20.sol")).toBe("lib/oz/ERC20.sol");
  });
});
