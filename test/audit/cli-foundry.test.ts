/**
 * `svm audit` in a Foundry project, through the built CLI: the root, remappings and library
 * folders come from the project layout `svm prove` uses (src/compile/project.ts), so the same
 * file audits the same from the root and from a subfolder, `--exclude-dependencies` leaves out the
 * layout's libraries, and an import not found names the folders searched.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { svm } from "../cli/svm-process.js";

/** A tx.origin check (SWC-115) in each file, so each file has a finding of its own. */
const DEP = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
contract Dep {
    address owner;
    constructor() { owner = msg.sender; }
    function kill() external {
        require(tx.origin == owner);
        selfdestruct(payable(msg.sender));
    }
}
`;

const VAULT = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
import "@dep/Dep.sol";
contract Vault is Dep {
    address admin;
    constructor() { admin = msg.sender; }
    function sweep(address payable to) external {
        require(tx.origin == admin);
        to.transfer(address(this).balance);
    }
}
`;

const BROKEN = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
import "missing/X.sol";
contract Broken {}
`;

interface JsonReport {
  readonly findings: readonly { readonly file: string; readonly line: number; readonly contract: string; readonly swc: string }[];
  readonly files: readonly { readonly file: string; readonly analysed: boolean; readonly reason?: string }[];
}

/** A short campaign: these tests are about where files are found, not about confirmation. */
const QUICK = ["--time-budget", "1", "--json"];
const TIMEOUT_MS = 60_000;

let project: string;

async function auditJson(cwd: string, ...args: string[]): Promise<{ code: number | null; report: JsonReport; stderr: string }> {
  const run = await svm(["audit", ...args, ...QUICK], { cwd, timeoutMs: TIMEOUT_MS });
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

const locations = (report: JsonReport) => report.findings.map((f) => `${f.file}:${f.line}`).sort();

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "svm-audit-foundry-"));
  mkdirSync(join(project, "src"));
  mkdirSync(join(project, "lib", "dep"), { recursive: true });
  writeFileSync(join(project, "foundry.toml"), '[profile.default]\nsrc = "src"\nlibs = ["lib"]\nremappings = ["@dep/=lib/dep/"]\n');
  writeFileSync(join(project, "lib", "dep", "Dep.sol"), DEP);
  writeFileSync(join(project, "src", "Vault.sol"), VAULT);
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("svm audit in a Foundry project", () => {
  it("resolves the remapped import from the project root and reports paths relative to it", async () => {
    const { code, report } = await auditJson(project, "src/Vault.sol");
    expect(code).toBe(0);
    expect(report.files).toEqual([expect.objectContaining({ file: "src/Vault.sol", analysed: true })]);
    expect(locations(report)).toEqual(["lib/dep/Dep.sol:7", "src/Vault.sol:8"]);
    expect(report.findings.every((f) => f.swc === "SWC-115")).toBe(true);
  }, TIMEOUT_MS);

  it("finds the same root from a subfolder: same files, same findings", async () => {
    const { code, report } = await auditJson(join(project, "src"), "Vault.sol");
    expect(code).toBe(0);
    expect(report.files.map((f) => f.file)).toEqual(["src/Vault.sol"]);
    expect(locations(report)).toEqual(["lib/dep/Dep.sol:7", "src/Vault.sol:8"]);
  }, TIMEOUT_MS);

  it("--exclude-dependencies leaves out the findings in the layout's library folders, from the root and from a subfolder", async () => {
    for (const [cwd, target] of [[project, "src/Vault.sol"], [join(project, "src"), "Vault.sol"]] as const) {
      const { code, report } = await auditJson(cwd, target, "--exclude-dependencies");
      expect(code).toBe(0);
      expect(locations(report)).toEqual(["src/Vault.sol:8"]);
    }
  }, 2 * TIMEOUT_MS);

  it("names the folders searched for an import that is not found, and how to move the root", async () => {
    const broken = join(project, "src", "Broken.sol");
    writeFileSync(broken, BROKEN);
    try {
      const human = await svm(["audit", "Broken.sol", "--time-budget", "1"], { cwd: join(project, "src"), timeoutMs: TIMEOUT_MS });
      expect(human.code).toBe(2);
      expect(human.stdout).toContain(`src/Broken.sol: did not compile`);
      expect(human.stdout).toContain(`Source "missing/X.sol" not found: not found in ${project}, ${join(project, "lib")}`);
      const { report } = await auditJson(join(project, "src"), "Broken.sol");
      const reason = report.files.find((f) => f.file === "src/Broken.sol")?.reason ?? "";
      expect(reason).toContain(`the import root is ${project}: the folder holding foundry.toml`);
      expect(reason).toContain("--root DIR");
    } finally {
      rmSync(broken);
    }
  }, 2 * TIMEOUT_MS);
});
