import { describe, expect, it } from "vitest";
import { CompileError, parseRange, parseVersion, satisfies } from "../../src/compile/index.js";

const holds = (range: string, version: string) => satisfies(parseVersion(version), parseRange(range));

describe("pragma version ranges", () => {
  it.each([
    ["^0.8.0", "0.8.0", true],
    ["^0.8.0", "0.8.30", true],
    ["^0.8.0", "0.9.0", false],
    ["^0.8.0", "0.7.6", false],
    ["^0.0.3", "0.0.4", false],
    ["^1.2.3", "1.9.0", true],
    ["~0.8.1", "0.8.9", true],
    ["~0.8.1", "0.8.0", false],
    ["~0.8", "0.8.30", true],
    [">=0.6.2 <0.9.0", "0.6.12", true],
    [">=0.6.2 <0.9.0", "0.6.1", false],
    [">= 0.5.0", "0.5.17", true],
    [">0.5.0", "0.5.0", false],
    [">0.5", "0.5.17", false],
    [">0.5", "0.6.0", true],
    ["<=0.7", "0.7.6", true],
    ["<0.7", "0.6.12", true],
    ["=0.8.20", "0.8.20", true],
    ["0.8.20", "0.8.21", false],
    ["0.8", "0.8.21", true],
    ["0.8.x", "0.8.21", true],
    ["0.4.26 || ^0.8.0", "0.4.26", true],
    ["0.4.26 || ^0.8.0", "0.5.17", false],
    ["0.5.0 - 0.6.12", "0.6.12", true],
    ["0.5.0 - 0.6", "0.6.12", true],
    ["0.5.0 - 0.6", "0.7.0", false],
    ["*", "0.4.26", true],
  ] as const)("%s against %s is %s", (range, version, expected) => {
    expect(holds(range, version)).toBe(expected);
  });

  it.each(["", "^", "0.8.a", "1.x.2", ">=0.8.0 ||", "0.8.0.1"])("rejects '%s'", (range) => {
    expect(() => parseRange(range)).toThrow(CompileError);
  });

  it("reads compiler long versions", () => {
    expect(parseVersion("0.8.30+commit.73712a01.Emscripten.clang")).toEqual({ major: 0, minor: 8, patch: 30 });
  });
});
