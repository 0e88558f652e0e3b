/**
 * `svm audit` end to end through the CLI entry point, on real Solidity (test/audit/fixtures/
 * cli-project): compiled with solc, analysed, confirmed on src/vm, reported in four formats; the
 * file that does not compile is in every report and the run goes on.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { sarifValidator } from "./report-sarif-schema.js";

const PROJECT = fileURLToPath(new URL("./fixtures/cli-project", import.meta.url));
/** Later runs only need the analysis: a short campaign keeps the test quick. */
const QUICK = ["--time-budget", "1"];

async function svm(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((out += String(chunk)), true));
  const log = vi.spyOn(console, "log").mockImplementation((...parts) => void (out += parts.join(" ") + "\n"));
  const error = vi.spyOn(console, "error").mockImplementation((...parts) => void (err += parts.join(" ") + "\n"));
  try {
    return { code: await main(args), out, err };
  } finally {
    write.mockRestore();
    log.mockRestore();
    error.mockRestore();
  }
}

describe("svm audit on a Solidity folder", () => {
  let out: string;
  let run: { code: number; out: string; err: string };

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "svm-audit-e2e-"));
    // The default budget (30 s): the campaign stops as soon as every finding is confirmed.
    run = await svm("audit", PROJECT, "--out", out, "--fail-on", "medium");
  });

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("finds tx.origin in both contracts and exits 1 at --fail-on medium", () => {
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/medium {2}[0-9a-f]{16} {2}Authori[sz]ation through tx\.origin {2}Wallet\.sol:12 {2}Wallet\.transferTo\(address,uint256\)/);
    expect(run.out).toMatch(/lib\/dep\/Relay\.sol:9 {2}Relay\.forward\(address\)/);
  });

  it("confirms the Wallet's tx.origin finding with the exploit's transactions, and measures gas and coverage", () => {
    const json = JSON.parse(readFileSync(join(out, "audit.json"), "utf8"));
    const wallet = json.findings.find((f: { contract: string }) => f.contract === "Wallet");
    expect(wallet.confirmed).toBe(true);
    expect(wallet.evidence.steps.length).toBeGreaterThan(0);
    expect(wallet.evidence.effect).toMatch(/attacker/i);
    expect(json.gas).toContainEqual(expect.objectContaining({ contract: "Wallet", function: "transferTo(address,uint256)", min: expect.stringMatching(/^[0-9]+$/) }));
    const coverage = json.coverage.find((c: { contract: string }) => c.contract === "Wallet");
    expect(coverage.instructions.reached).toBeGreaterThan(0);
    expect(coverage.instructions.reached).toBeLessThanOrEqual(coverage.instructions.total);
    expect(readFileSync(join(out, "audit.md"), "utf8")).toContain("| Confirmed | yes: an exploit ran |");
  });

  it("lists the file that did not compile in every format", () => {
    expect(run.out).toContain("Broken.sol: did not compile");
    const json = JSON.parse(readFileSync(join(out, "audit.json"), "utf8"));
    expect(json.files).toContainEqual({ file: "Broken.sol", analysed: false, reason: expect.stringContaining("ParserError") });
    expect(json.files).toContainEqual(expect.objectContaining({ file: "Wallet.sol", analysed: true, compilerVersion: expect.stringMatching(/^0\.8\./) }));
    expect(readFileSync(join(out, "audit.md"), "utf8")).toMatch(/\| `Broken\.sol` \| did not compile: .*ParserError/);
    expect(readFileSync(join(out, "audit.html"), "utf8")).toMatch(/<td><code>Broken\.sol<\/code><\/td><td>did not compile: .*ParserError/);
    const sarif = JSON.parse(readFileSync(join(out, "audit.sarif"), "utf8"));
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^Broken\.sol was not analysed: did not compile/);
  });

  it("writes SARIF that validates against the official schema, every detector a rule", async () => {
    const sarif = JSON.parse(readFileSync(join(out, "audit.sarif"), "utf8"));
    const validate = await sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(sarif.runs[0].tool.driver.rules.length).toBeGreaterThan(10);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(["tx-origin", "tx-origin"]);
  });

  it("gives each finding a location, snippet and stable id, and hides them all with its own JSON as baseline", async () => {
    const json = JSON.parse(readFileSync(join(out, "audit.json"), "utf8"));
    const wallet = json.findings.find((f: { contract: string }) => f.contract === "Wallet");
    expect(wallet).toMatchObject({ swc: "SWC-115", category: "access_control", file: "Wallet.sol", line: 12, snippet: "        require(tx.origin == owner);" });
    const again = await svm("audit", PROJECT, "--baseline", join(out, "audit.json"), "--fail-on", "informational", "--json", ...QUICK);
    expect(again.code).toBe(0);
    const next = JSON.parse(again.out);
    expect(next.findings).toEqual([]);
    expect(next.baseline.hidden).toBe(json.findings.length);
  });

  it("leaves out the finding under lib/ with --exclude-dependencies, and only one contract with --contract", async () => {
    const excluded = JSON.parse((await svm("audit", PROJECT, "--exclude-dependencies", "--json", ...QUICK)).out);
    expect(excluded.findings.map((f: { contract: string }) => f.contract)).not.toContain("Relay");
    // lib/dep/Relay.sol is no target of its own (no project file imports it): not even compiled.
    expect(excluded.files.map((f: { file: string }) => f.file)).not.toContain("lib/dep/Relay.sol");
    expect(excluded.dependencyFindingsDropped).toBe(0);
    const relay = JSON.parse((await svm("audit", PROJECT, "--contract", "Relay", "--json", ...QUICK)).out);
    expect(new Set(relay.findings.map((f: { contract: string }) => f.contract))).toEqual(new Set(["Relay"]));
  });

  it("exits 2 naming what is wrong: a contract not there, a missing target", async () => {
    const nope = await svm("audit", PROJECT, "--contract", "Nope", ...QUICK);
    expect(nope.code).toBe(2);
    expect(nope.err).toContain("no contract named Nope (compiled: Relay, Wallet)");
    const missing = await svm("audit", join(PROJECT, "Missing.sol"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no such file or folder");
  });

  it("is listed by svm --help and has its own help", async () => {
    expect((await svm("--help")).out).toMatch(/\n {2}audit +audit Solidity/);
    const help = await svm("help", "audit");
    expect(help.code).toBe(0);
    expect(help.out).toContain("Usage: svm audit <file.sol | folder>");
    expect(help.out).toContain("Exit codes (every svm command)");
  });
});
