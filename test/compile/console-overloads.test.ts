/**
 * The built-in forge-std console has forge-std's whole `console.log` API, compiles under every
 * installed solc its pragma admits, and every call it can make is printed by formatConsoleLog.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { describe, expect, it } from "vitest";
import {
  type AbiType,
  type AbiValue,
  encodeParameters,
  parseSignature,
  selectorOf,
} from "../../src/abi/index.js";
import { compileSoliditySource, formatConsoleLog } from "../../src/compile/index.js";
import { runGoWithConsole } from "../support/console-evm.js";

const CONSOLE_SOL = join(import.meta.dirname, "../../src/compile/std/forge-std/console.sol");
const SVM = join(import.meta.dirname, "../../bin/svm.js");

/** Calls that use a broad sample of the overloads, with the lines forge would print for them. */
const SAMPLE_CALLS = `
        console.log();
        console.log("x", int256(-1));
        console.log(int256(-2));
        console.log(uint256(3), uint256(4));
        console.log("a=%s b=%s", uint256(5), true);
        console.log("%s and %s", address(0xbeef), "y");
        console.log(true, address(0xbeef), uint256(6), "z");
        console.log("n", uint256(7), false, address(0xbeef));
        console.logBytes4(bytes4(0x12345678));
        console.logBytes(hex"0102");
        console.logBytes32(bytes32(uint256(1)));
        console2.logInt(-3);
        console2.log(address(0xbeef), address(0xbeef));`;
const SAMPLE_LINES = [
  "",
  "x -1",
  "-2",
  "3 4",
  "a=5 b=true",
  "0x000000000000000000000000000000000000bEEF and y",
  "true 0x000000000000000000000000000000000000bEEF 6 z",
  "n 7 false 0x000000000000000000000000000000000000bEEF",
  "0x12345678",
  "0x0102",
  `0x${"0".repeat(63)}1`,
  "-3",
  "0x000000000000000000000000000000000000bEEF 0x000000000000000000000000000000000000bEEF",
];

/** Compiles SAMPLE_CALLS under `pragma`, runs them on a peer EVM and returns the printed lines and the compiler. */
async function runSample(pragma: string): Promise<{ compiler: string; printed: string[] }> {
  const compilation = compileSoliditySource(
    `// SPDX-License-Identifier: MIT
pragma solidity ${pragma};
import "ds-test/test.sol";
import "forge-std/console.sol";
import "forge-std/console2.sol";
contract Sample is DSTest {
    function go() public pure {${SAMPLE_CALLS}
    }
}
`,
    { sourceName: "Sample.sol", remappings: [] },
  );
  const contract = compilation.contracts.find((c) => c.name === "Sample");
  if (contract === undefined) throw new Error("no Sample");
  const { printed, error } = await runGoWithConsole(contract);
  expect(error).toBeUndefined();
  return { compiler: compilation.compilerVersion, printed };
}

/** keccak256 of the signature exactly as written, where selectorOf would canonicalise `uint` first. */
function rawSelector(signature: string): Uint8Array {
  return keccak_256(new TextEncoder().encode(signature)).subarray(0, 4);
}

/** Calldata of a console call: the selector of `signature`, then the arguments. */
function call(
  signature: string,
  types: readonly AbiType[],
  args: readonly AbiValue[],
  selector: (signature: string) => Uint8Array = selectorOf,
): Uint8Array {
  const data = encodeParameters(types, args);
  const out = new Uint8Array(4 + data.length);
  out.set(selector(signature));
  out.set(data, 4);
  return out;
}

function typed(signature: string, args: readonly AbiValue[]): Uint8Array {
  return call(
    signature,
    parseSignature(signature).inputs.map((i) => i.type),
    args,
  );
}

/** A sample argument of each type the console sends. */
function sample(type: AbiType): AbiValue {
  switch (type.kind) {
    case "uint":
      return 7n;
    case "int":
      return -7n;
    case "bool":
      return true;
    case "address":
      return "0x0000000000000000000000000000000000001234";
    case "string":
      return "s";
    case "bytes":
      return new Uint8Array([0xab]);
    case "fixedBytes":
      return new Uint8Array(type.size).fill(0xcd);
    default:
      throw new Error(`no sample for ${type.kind}`);
  }
}

describe("the built-in console.sol", () => {
  const source = readFileSync(CONSOLE_SOL, "utf8");
  const declared = [...source.matchAll(/function (log\w*)\(([^)]*)\) internal pure/g)].map(([, name, params]) => {
    const types = (params ?? "")
      .split(",")
      .map((p) => p.trim().split(/\s+/)[0])
      .filter((t) => t !== undefined && t !== "");
    return `${name}(${types.join(",")})`;
  });
  const sent = [...source.matchAll(/abi\.encodeWithSignature\("([^"]+)"/g)].map(([, signature]) => signature as string);

  it("declares forge-std's API: 343 log overloads, logInt … logAddress, logBytes, logBytes1 … logBytes32", () => {
    expect(new Set(declared).size).toBe(declared.length);
    expect(declared.filter((d) => d.startsWith("log(")).length).toBe(1 + 5 + 17 + 64 + 256);
    for (const expected of [
      "log()",
      "log(int256)",
      "log(string,int256)",
      "log(uint256,uint256)",
      "log(address,bool,string,uint256)",
      "log(string,uint256,bool,address)",
      "logInt(int256)",
      "logUint(uint256)",
      "logString(string)",
      "logBool(bool)",
      "logAddress(address)",
      "logBytes(bytes)",
      "logBytes1(bytes1)",
      "logBytes4(bytes4)",
      "logBytes32(bytes32)",
    ]) {
      expect(declared).toContain(expected);
    }
    expect(declared).not.toContain("log(bytes32)");
  });

  it("sends only calls formatConsoleLog prints", () => {
    expect(sent.length).toBe(declared.length);
    for (const signature of sent) {
      const types = parseSignature(signature).inputs.map((i) => i.type);
      expect(formatConsoleLog(call(signature, types, types.map(sample))), signature).toBeDefined();
    }
  });
});

describe("a test that logs with the new overloads", () => {
  it.each([
    ["^0.8.13", /^0\.8\./],
    ["^0.6.2", /^0\.6\.12/],
  ])("compiles under pragma %s and prints what forge would", async (pragma, compiler) => {
    const run = await runSample(pragma);
    expect(run.compiler).toMatch(compiler);
    expect(run.printed).toEqual(SAMPLE_LINES);
  });

  it("does not stop svm prove from proving a property that logs", () => {
    const dir = mkdtempSync(join(tmpdir(), "svm-console-"));
    try {
      const file = join(dir, "Logs.t.sol");
      writeFileSync(
        file,
        `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;
import "ds-test/test.sol";
import "forge-std/console.sol";
import "forge-std/console2.sol";
contract LogsTest is DSTest {
    function prove_logs(uint8 a, bool b) public pure {${SAMPLE_CALLS}
        console.log("a=%s b=%s", uint256(a), b);
        console.log(uint256(a), "s", b, address(0));
        assert(uint256(a) + 1 > a);
    }
}
`,
      );
      const json = join(dir, "out.json");
      const run = spawnSync(process.execPath, [SVM, "prove", file, "--json", json], { encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(readFileSync(json, "utf8")) as { results: { function: string; status: string }[] };
      expect(report.results.map((r) => [r.function, r.status])).toEqual([["prove_logs(uint8,bool)", "pass"]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("formatConsoleLog", () => {
  const address = "0x000000000000000000000000000000000000bEEF";

  it.each([
    ["log(string,uint256,bool,address)", `n 5 true ${address}`, ["n", 5n, true, address]],
    ["log(bytes4)", "0x12345678", [new Uint8Array([0x12, 0x34, 0x56, 0x78])]],
    ["log(bytes)", "0x0102", [new Uint8Array([1, 2])]],
    ["log(int256)", "-1", [-1n]],
    ["log(string,int256)", "x -3", ["x", -3n]],
    ["log(uint256,uint256)", "1 2", [1n, 2n]],
    ["log(bool,string)", "false a=%s", [false, "a=%s"]],
    ["log(string,uint256,uint256)", "a=1 b=2", ["a=%s b=%d", 1n, 2n]],
    ["log(string,string,uint256,bool)", "x has 3 true", ["%s has %d", "x", 3n, true]],
    ["log(string,uint256)", "0xff|%e|%18e|%", ["%x|%e|%18e|%%", 255n]],
    ["log(string,uint256,uint256,uint256)", "0xff 1.5e3 1.5", ["%x %e %18e", 255n, 1500n, 1500000000000000000n]],
    ["log(string,int256)", `0x${"f".repeat(64)}`, ["%x", -1n]],
    ["log(string,string)", "x", ["", "x"]],
  ] as [string, string, AbiValue[]][])("%s prints %s", (signature, line, args) => {
    expect(formatConsoleLog(typed(signature, args))).toBe(line);
  });

  it("reads the uint/int selectors of Hardhat's original console.sol as uint256/int256", () => {
    const [uint256, string] = parseSignature("f(uint256,string)").inputs.map((i) => i.type) as [AbiType, AbiType];
    expect(formatConsoleLog(call("log(string,uint)", [string, uint256], ["x", 9n], rawSelector))).toBe("x 9");
    expect(formatConsoleLog(call("log(int)", [parseSignature("f(int256)").inputs[0]?.type as AbiType], [-9n], rawSelector))).toBe("-9");
    expect(rawSelector("log(string,uint)")).not.toEqual(selectorOf("log(string,uint256)"));
  });

  it("rejects a known selector with a malformed encoding", () => {
    expect(formatConsoleLog(typed("log(string,uint256)", ["x", 1n]).subarray(0, 40))).toBeUndefined();
  });
});
