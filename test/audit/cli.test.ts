/**
 * `svm audit` on a fixture engine (the report input of test/audit/report-fixture.ts): options,
 * the exit-code contract, reports written, stdout human or JSON, baseline, dependencies. Usage and
 * input errors are thrown as UsageError/InputError, which src/cli/main.ts turns into exit 2.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type AuditOptions, AuditInputError } from "../../src/audit/auditor.js";
import type { ReportInput } from "../../src/audit/report-model.js";
import { auditCommandWith } from "../../src/cli/audit.js";
import { InputError, UsageError } from "../../src/cli/command.js";
import { CONFIRMED_REENTRANCY, fixtureInput, HOSTILE_FINDING, SECOND_HIGH, TX_ORIGIN_FINDING } from "./report-fixture.js";

let folder: string;
let calls: { target: string; options: AuditOptions }[];

function command(input: ReportInput | Error = fixtureInput()) {
  return auditCommandWith((target, options) => {
    calls.push({ target, options });
    if (input instanceof Error) throw input;
    return input;
  });
}

async function audit(args: string[], input?: ReportInput | Error): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((out += String(chunk)), true));
  const error = vi.spyOn(console, "error").mockImplementation((...parts) => void (err += parts.join(" ") + "\n"));
  try {
    return { code: await command(input).run(args), out, err };
  } finally {
    write.mockRestore();
    error.mockRestore();
  }
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "svm-audit-cli-"));
  mkdirSync(join(folder, "contracts"));
  writeFileSync(join(folder, "contracts", "Bank.sol"), "pragma solidity ^0.8.0; contract Bank {}\n");
  calls = [];
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe("svm audit (fixture engine)", () => {
  it("prints the human summary and exits 1 when a high finding remains (default --fail-on high)", async () => {
    const { code, out } = await audit([join(folder, "contracts")]);
    expect(code).toBe(1);
    expect(out).toContain("4 finding(s) (high 2, medium 1, low 1, informational 0), 1 confirmed by an exploit");
    expect(out).toContain(`${CONFIRMED_REENTRANCY.id}  Reentrancy: ether sent before state is updated  contracts/Bank.sol:14  Bank.withdraw(uint256)  confirmed`);
    expect(out).toContain("files: 4 analysed, 1 not analysed");
    expect(out).toContain("contracts/Broken.sol: did not compile");
    expect(calls[0]).toEqual({ target: join(folder, "contracts"), options: { root: join(folder, "contracts"), remappings: [], includePaths: [], timeBudgetMs: 30_000 } });
  });

  it("exits 0 when nothing reaches --fail-on, 1 when something does", async () => {
    const onlyLow = fixtureInput([HOSTILE_FINDING]);
    expect((await audit([folder], onlyLow)).code).toBe(0);
    expect((await audit([folder, "--fail-on", "medium"], onlyLow)).code).toBe(0);
    expect((await audit([folder, "--fail-on", "low"], onlyLow)).code).toBe(1);
    expect((await audit([folder], fixtureInput([]))).code).toBe(0);
  });

  it("passes --contract, --time-budget, --root and --remap to the engine", async () => {
    await audit([folder, "--contract", "Bank", "--time-budget", "2.5", "--root", folder, "--remap", "@oz/=lib/oz/"]);
    expect(calls[0]!.options).toEqual({ root: folder, remappings: ["@oz/=lib/oz/"], includePaths: [], contract: "Bank", timeBudgetMs: 2500 });
  });

  it("writes every format into --out, and only those named by --format", async () => {
    const out = join(folder, "reports");
    const { out: stdout } = await audit([folder, "--out", out]);
    expect(readdirSync(out).sort()).toEqual(["audit.html", "audit.json", "audit.md", "audit.sarif"]);
    expect(stdout).toContain(`reports: ${join(out, "audit.md")}, ${join(out, "audit.html")}, ${join(out, "audit.json")}, ${join(out, "audit.sarif")}`);
    expect(JSON.parse(readFileSync(join(out, "audit.json"), "utf8")).findings).toHaveLength(4);
    expect(readFileSync(join(out, "audit.md"), "utf8")).toMatch(/^# svm audit: /);
    expect(JSON.parse(readFileSync(join(out, "audit.sarif"), "utf8")).version).toBe("2.1.0");
    const only = join(folder, "only");
    await audit([folder, "--out", only, "--format", "sarif,json,sarif"]);
    expect(readdirSync(only).sort()).toEqual(["audit.json", "audit.sarif"]);
  });

  it("prints only the JSON report on stdout with --json", async () => {
    const { out, code } = await audit([folder, "--json", "--out", join(folder, "r")]);
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.findings.map((f: { id: string }) => f.id)).toEqual([CONFIRMED_REENTRANCY.id, SECOND_HIGH.id, TX_ORIGIN_FINDING.id, HOSTILE_FINDING.id]);
    expect(json.tool.name).toBe("svm");
    expect(json.files).toContainEqual(expect.objectContaining({ file: "contracts/Broken.sol", analysed: false }));
  });

  it("hides the findings of a baseline report and says how many", async () => {
    const baseline = join(folder, "old.json");
    writeFileSync(baseline, JSON.stringify({ findings: [{ id: CONFIRMED_REENTRANCY.id }, { id: SECOND_HIGH.id }] }));
    const { out, code } = await audit([folder, "--baseline", baseline]);
    expect(out).toContain("2 finding(s) (high 0, medium 1, low 1, informational 0)");
    expect(out).toContain(`baseline ${baseline}: 2 finding(s) hidden`);
    expect(code).toBe(0);
  });

  it("drops findings in dependencies with --exclude-dependencies", async () => {
    const inLib = { ...TX_ORIGIN_FINDING, id: "aaaa", location: { ...TX_ORIGIN_FINDING.location, file: "lib/oz/Ownable.sol" } };
    const { out } = await audit([folder, "--exclude-dependencies", "--json"], fixtureInput([inLib, HOSTILE_FINDING]));
    const json = JSON.parse(out);
    expect(json.findings.map((f: { id: string }) => f.id)).toEqual([HOSTILE_FINDING.id]);
    expect(json.dependencyFindingsDropped).toBe(1);
  });

  it("exits 2 when no file could be analysed, after writing the reports that say why", async () => {
    const input: ReportInput = { ...fixtureInput([]), files: [{ file: "A.sol", analysed: false, reason: "did not compile: ParserError" }] };
    const out = join(folder, "r");
    const { code, err } = await audit([folder, "--out", out], input);
    expect(code).toBe(2);
    expect(err).toContain("nothing could be analysed");
    expect(readFileSync(join(out, "audit.md"), "utf8")).toContain("| `A.sol` | did not compile: ParserError |");
  });

  it.each([
    [[], UsageError, "expected a .sol file or a folder"],
    [["a", "b"], UsageError, "expected one file or folder"],
    [["--format", "pdf"], UsageError, "--format: unknown format 'pdf'"],
    [["--fail-on", "critical"], UsageError, "--fail-on: expected one of high, medium, low, informational"],
    [["--time-budget", "0"], UsageError, "--time-budget"],
    [["--time-budget", "soon"], UsageError, "--time-budget"],
    [["--out", "--json"], UsageError, "--out needs a value"],
    [["--colour"], UsageError, "unknown option --colour"],
  ])("refuses %j as a usage error", async (args, type, message) => {
    const withTarget = args.length === 0 || args[0] === "a" ? args : [folder, ...args];
    const run = audit(withTarget);
    await expect(run).rejects.toThrow(type);
    await expect(audit(withTarget)).rejects.toThrow(message);
    expect(calls).toEqual([]);
  });

  it("refuses a missing target, an unreadable baseline or an unwritable --out before any work", async () => {
    await expect(audit([join(folder, "missing.sol")])).rejects.toThrow(new InputError(`no such file or folder: ${join(folder, "missing.sol")}`));
    await expect(audit([folder, "--baseline", join(folder, "nope.json")])).rejects.toThrow(/--baseline: cannot read/);
    writeFileSync(join(folder, "bad.json"), "[]");
    await expect(audit([folder, "--baseline", join(folder, "bad.json")])).rejects.toThrow(/--baseline: .*bad\.json: not an svm audit JSON report/);
    writeFileSync(join(folder, "a-file"), "");
    await expect(audit([folder, "--out", join(folder, "a-file", "sub")])).rejects.toThrow(/--out: cannot create the folder/);
    expect(calls).toEqual([]);
  });

  it("turns the engine's input errors and an empty target into input errors", async () => {
    await expect(audit([folder], new AuditInputError("no contract named Nope"))).rejects.toThrow(new InputError("no contract named Nope"));
    await expect(audit([folder], { ...fixtureInput([]), files: [] })).rejects.toThrow(/no Solidity file to audit/);
  });

  it("writes no file unless --out or --format asks for it", async () => {
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      await audit([folder]);
      expect(existsSync(join(folder, "svm-audit"))).toBe(false);
      await audit([folder, "--format", "md"]);
      expect(readdirSync(join(folder, "svm-audit"))).toEqual(["audit.md"]);
    } finally {
      process.chdir(cwd);
    }
  });
});
