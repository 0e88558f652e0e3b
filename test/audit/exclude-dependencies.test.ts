/**
 * `svm audit <folder> --exclude-dependencies`: a library file (lib/) is compiled only as an import
 * of the project's own files, never analysed as a target of its own. A library file that does not
 * compile then produces no error, and one the project imports still compiles with it. Without the
 * flag every .sol under the folder is a target, as before. Confirmation is left out (a confirmer
 * that confirms nothing): this is about which files are analysed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditorWith, type Confirmer } from "../../src/audit/audit-target.js";
import { auditCommandWith } from "../../src/cli/audit.js";

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

/** Not Solidity any compiler accepts: as a target it is a file "not analysed". */
const BROKEN = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
contract Broken { function f() external { this is not solidity } }
`;

const VAULT = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
import "lib/dep/Dep.sol";
contract Vault is Dep {
    address admin;
    constructor() { admin = msg.sender; }
    function sweep(address payable to) external {
        require(tx.origin == admin);
        to.transfer(address(this).balance);
    }
}
`;

interface JsonReport {
  readonly findings: readonly { readonly file: string; readonly line: number }[];
  readonly files: readonly { readonly file: string; readonly analysed: boolean; readonly reason?: string }[];
}

const noConfirmation: Confirmer = (_contracts, findings) => ({ findings, gas: [], coverage: [], campaignsNotRun: [] });

let project: string;
/** The audit's JSON report. */
async function audit(...args: string[]): Promise<{ code: number; report: JsonReport }> {
  const engine = auditorWith(noConfirmation);
  const command = auditCommandWith(engine);
  let out = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((out += String(chunk)), true));
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    const code = await command.run([project, "--json", ...args]);
    return { code, report: JSON.parse(out) as JsonReport };
  } finally {
    write.mockRestore();
    error.mockRestore();
  }
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "svm-exclude-deps-"));
  writeFileSync(join(project, "foundry.toml"), '[profile.default]\nlibs = ["lib"]\n');
  for (const folder of ["src", "lib/dep", "lib/broken"]) mkdirSync(join(project, folder), { recursive: true });
  writeFileSync(join(project, "src", "Vault.sol"), VAULT);
  writeFileSync(join(project, "lib", "dep", "Dep.sol"), DEP);
  writeFileSync(join(project, "lib", "broken", "Broken.sol"), BROKEN);
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("--exclude-dependencies on a folder", () => {
  it("analyses only the project's files: a library that does not compile is no error, an imported one still compiles", async () => {
    const { code, report } = await audit("--exclude-dependencies");
    expect(code).toBe(0);
    expect(report.files).toEqual([{ file: "src/Vault.sol", analysed: true, compilerVersion: expect.any(String) }]);
    expect(report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(["src/Vault.sol:8"]);
  }, 30_000);

  it("without the flag still analyses every .sol under the folder, the library that does not compile included", async () => {
    const { report } = await audit();
    const files = Object.fromEntries(report.files.map((f) => [f.file, f.analysed]));
    expect(files).toEqual({ "lib/broken/Broken.sol": false, "lib/dep/Dep.sol": true, "src/Vault.sol": true });
    expect(report.files.find((f) => f.file === "lib/broken/Broken.sol")?.reason).toMatch(/did not compile/);
    expect(report.findings.map((f) => `${f.file}:${f.line}`).sort()).toEqual(["lib/dep/Dep.sol:7", "src/Vault.sol:8"]);
  }, 30_000);
});
