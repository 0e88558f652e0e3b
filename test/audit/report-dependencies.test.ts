/** `--exclude-dependencies`: lib/, node_modules/ and remapped library folders are dependencies; the project's own code is not. */
import { describe, expect, it } from "vitest";
import { dependencyFilter } from "../../src/audit/dependencies.js";

describe("dependencyFilter", () => {
  it("counts node_modules anywhere and a top-level lib/ as dependencies", () => {
    const isDependency = dependencyFilter([], "", ["lib"]);
    expect(isDependency("lib/forge-std/src/Test.sol")).toBe(true);
    expect(isDependency("node_modules/@openzeppelin/contracts/token/ERC20/ERC20.sol")).toBe(true);
    expect(isDependency("packages/app/node_modules/x/Y.sol")).toBe(true);
    expect(isDependency("./lib/a/B.sol")).toBe(true);
    expect(isDependency("src/Bank.sol")).toBe(false);
    expect(isDependency("src/lib/Math.sol")).toBe(false);
    expect(isDependency("library/Math.sol")).toBe(false);
  });

  it("counts a remapping's target outside the audited folder as a library", () => {
    const isDependency = dependencyFilter(["@oz/=deps/openzeppelin/", "@app/=src/app/", "ctx:@x=vendor/x"], "src", ["lib"]);
    expect(isDependency("deps/openzeppelin/token/ERC20.sol")).toBe(true);
    expect(isDependency("vendor/x/X.sol")).toBe(true);
    expect(isDependency("src/app/Bank.sol")).toBe(false);
    expect(isDependency("src/Vault.sol")).toBe(false);
  });

  it("counts the library folders foundry.toml's libs names, and only those", () => {
    const isDependency = dependencyFilter([], "", ["dependencies", "vendor/libs/"]);
    expect(isDependency("dependencies/solady/src/Lib.sol")).toBe(true);
    expect(isDependency("vendor/libs/x/X.sol")).toBe(true);
    expect(isDependency("lib/forge-std/src/Test.sol")).toBe(false);
    expect(isDependency("src/dependencies/Y.sol")).toBe(false);
  });

  it("keeps every remapped folder when the root itself is audited", () => {
    const isDependency = dependencyFilter(["@app/=src/"], "", ["lib"]);
    expect(isDependency("src/Bank.sol")).toBe(false);
  });
});
