/** The built-in ds-test assertions and console.log, run on a peer EVM, read back as text. */
import { describe, expect, it } from "vitest";
import { compileSoliditySource, formatConsoleLog, formatDecimal, formatDsTestLog } from "../../src/compile/index.js";
import { runGoWithConsole } from "../support/console-evm.js";


describe("formatDecimal", () => {
  it.each([
    [1500000000000000000n, 18n, "1.5"],
    [5n, 0n, "5"],
    [5n, 3n, "0.005"],
    [-1230n, 2n, "-12.3"],
    [100n, 2n, "1"],
  ])("%s with %s decimals is %s", (value, decimals, text) => {
    expect(formatDecimal(value, decimals)).toBe(text);
  });
});

describe("logs of the built-in ds-test and console", () => {
  it("explain a failing assertion and print console.log calls", async () => {
    const compilation = compileSoliditySource(
      `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;
import "forge-std/Test.sol";
contract Talks is Test {
    function go() public {
        assertEq(uint256(5), 6);
        assertEqDecimal(uint256(1.5e18), 2e18, 18);
        assertTrue(false, "custom message");
        console.log("total", uint256(3));
        console.logInt(-2);
        console2.log(address(0x1234));
        console.log();
    }
}
`,
      { sourceName: "Talks.sol", remappings: [] },
    );
    const talks = compilation.contracts.find((c) => c.name === "Talks");
    if (talks === undefined) throw new Error("no Talks");
    const { printed, logs, error } = await runGoWithConsole(talks);
    expect(error).toBeUndefined();
    const lines = logs.map(([, topics, data]) => formatDsTestLog(topics, data));
    expect(lines).toEqual([
      "Error: left == right not satisfied [uint]",
      "      Left: 5",
      "     Right: 6",
      "Error: left == right not satisfied [decimal uint]",
      "      Left: 1.5",
      "     Right: 2",
      "Error: custom message",
      "Error: Assertion Failed",
    ]);
    expect(printed).toEqual(["total 3", "-2", "0x0000000000000000000000000000000000001234", ""]);
  });

  it("ignore logs and calls they do not know", () => {
    expect(formatDsTestLog([new Uint8Array(32)], new Uint8Array())).toBeUndefined();
    expect(formatDsTestLog([], new Uint8Array())).toBeUndefined();
    expect(formatConsoleLog(new Uint8Array([1, 2, 3, 4]))).toBeUndefined();
    expect(formatConsoleLog(new Uint8Array([1]))).toBeUndefined();
  });
});
