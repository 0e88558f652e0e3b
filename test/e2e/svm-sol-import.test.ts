/**
 * `svm/SVM.sol` is a built-in import (src/compile/std/shims.ts serves it from solidity/svm/), so
 * `svm audit` and `svm prove` compile a file that imports it without any remapping or install.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { svm } from "../cli/svm-process.js";
import { workFolder } from "./vault-fixture.js";

describe("import \"svm/SVM.sol\"", () => {
  it("resolves for svm audit, which analyses the vaults importing it", async () => {
    const result = await svm(["audit", "test/e2e/fixtures/Vaults.sol", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { files: { analysed: boolean }[]; gas: { contract: string }[] };
    expect(report.files).toEqual([expect.objectContaining({ analysed: true })]);
    expect(new Set(report.gas.map((row) => row.contract))).toEqual(new Set(["MlDsaVault", "ThresholdVault"]));
  });

  it("is the only svm/ unit served: another svm/ import is not found, and says where it looked", async () => {
    const folder = workFolder();
    writeFileSync(join(folder, "Missing.sol"), 'pragma solidity ^0.8.20;\nimport "svm/Missing.sol";\ncontract A {}\n');
    const result = await svm(["audit", join(folder, "Missing.sol")]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Source "svm/Missing.sol" not found');
  });
});
