import { describe, expect, it } from "vitest";
import {
  CompileError,
  compileSoliditySource,
  decodeSourceMap,
  instructionIndexes,
  runtimeSourceLocator,
} from "../../src/compile/index.js";

describe("source maps", () => {
  it("expands omitted fields from the previous entry", () => {
    expect(decodeSourceMap("1:2:0:-:0;:9;;5::1:i;:::o:1")).toEqual([
      { start: 1, length: 2, sourceId: 0, jump: "-", modifierDepth: 0 },
      { start: 1, length: 9, sourceId: 0, jump: "-", modifierDepth: 0 },
      { start: 1, length: 9, sourceId: 0, jump: "-", modifierDepth: 0 },
      { start: 5, length: 9, sourceId: 1, jump: "i", modifierDepth: 0 },
      { start: 5, length: 9, sourceId: 1, jump: "o", modifierDepth: 1 },
    ]);
    expect(decodeSourceMap("")).toEqual([]);
    expect(() => decodeSourceMap("1:x")).toThrow(CompileError);
    expect(() => decodeSourceMap("1:2:0:q")).toThrow(/jump type/);
  });

  it("skips PUSH data when numbering instructions", () => {
    // PUSH1 0x80, PUSH0, PUSH32 <32 bytes>, STOP
    const code = new Uint8Array([0x60, 0x80, 0x5f, 0x7f, ...new Uint8Array(32), 0x00]);
    expect([...instructionIndexes(code)]).toEqual([
      [0, 0],
      [2, 1],
      [3, 2],
      [36, 3],
    ]);
  });

  it("locates runtime instructions in the source they came from", () => {
    const source = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
contract Divider {
    function divide(uint256 x) public pure returns (uint256) {
        return 1000 / x;
    }
}
`;
    const compilation = compileSoliditySource(source, { sourceName: "Divider.sol", remappings: [] });
    const divider = compilation.contracts.find((c) => c.name === "Divider");
    if (divider === undefined) throw new Error("no Divider");
    const locate = runtimeSourceLocator(divider);
    const located = [...instructionIndexes(divider.runtimeBytecode).keys()].map(locate);
    const division = located.find((l) => l?.text === "1000 / x");
    expect(division).toMatchObject({ file: "Divider.sol", line: 5, column: 16 });
    expect(locate(1)).toBeUndefined(); // inside the data of the first PUSH1
  });
});

describe("compileSoliditySource", () => {
  it("compiles text with built-in imports and reports errors under its name", () => {
    const ok = compileSoliditySource('pragma solidity ^0.8.0;\nimport "forge-std/Test.sol";\ncontract T is Test {}\n', {
      remappings: [],
    });
    expect(ok.entry).toBe("input.sol");
    expect(ok.contracts.map((c) => c.name)).toContain("T");
    expect(() => compileSoliditySource("pragma solidity ^0.8.0;\ncontract {", { remappings: [] })).toThrow(/^input\.sol:2:10: ParserError/);
  });
});
