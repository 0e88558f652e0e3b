import { describe, expect, it } from "vitest";
import { applyRemappings, parseRemapping } from "../../src/compile/remapping.js";
import { resolveImport } from "../../src/compile/sources.js";
import { importPaths, solidityPragmas } from "../../src/compile/sourceScan.js";

describe("source scan", () => {
  const source = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
pragma abicoder v2;
// import "commented/out.sol";
/* pragma solidity 0.4.0;
   import "also/commented.sol"; */
import "a.sol";
import "./b.sol" as B;
import * as C from '../c.sol';
import {D, E as F} from "lib/d.sol";
contract X { string s = "// not a comment"; }
`;
  it("finds pragmas outside comments", () => {
    expect(solidityPragmas(source)).toEqual(["^0.8.0"]);
  });
  it("finds all four import forms outside comments", () => {
    expect(importPaths(source)).toEqual(["a.sol", "./b.sol", "../c.sol", "lib/d.sol"]);
  });
});

describe("import resolution", () => {
  const remappings = ["ds-test/=lib/ds-test/src/", "lib/oz/:@oz/=lib/oz-v4/", "@oz/=lib/oz-v5/"].map(parseRemapping);
  it("resolves relative imports against the importing unit", () => {
    expect(resolveImport("test/props/A.sol", "./B.sol", [])).toBe("test/props/B.sol");
    expect(resolveImport("test/props/A.sol", "../src/C.sol", [])).toBe("test/src/C.sol");
  });
  it("applies the longest context, then the longest prefix", () => {
    expect(resolveImport("src/A.sol", "ds-test/test.sol", remappings)).toBe("lib/ds-test/src/test.sol");
    expect(resolveImport("src/A.sol", "@oz/token/ERC20.sol", remappings)).toBe("lib/oz-v5/token/ERC20.sol");
    expect(resolveImport("lib/oz/x.sol", "@oz/token/ERC20.sol", remappings)).toBe("lib/oz-v4/token/ERC20.sol");
    expect(applyRemappings(remappings, "forge-std/Test.sol", "a.sol")).toBe("forge-std/Test.sol");
  });
  it("rejects malformed remappings", () => {
    expect(() => parseRemapping("nothing")).toThrow(/prefix=target/);
    expect(() => parseRemapping("ctx:=x")).toThrow(/empty prefix/);
  });
});
