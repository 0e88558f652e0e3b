import { describe, expect, it } from "vitest";
import { AbiError, canonicalType, isDynamic, parseAbi, parseAbiType, parseSignature, signatureOf } from "../../src/abi/index.js";

describe("type strings", () => {
  it("canonicalises aliases, arrays and tuples", () => {
    expect(canonicalType(parseAbiType("uint"))).toBe("uint256");
    expect(canonicalType(parseAbiType("int[3][]"))).toBe("int256[3][]");
    expect(canonicalType(parseAbiType("(uint8 a,(bytes,address)[] b)[2]"))).toBe("(uint8,(bytes,address)[])[2]");
  });

  it("knows which types are dynamic", () => {
    expect(isDynamic(parseAbiType("uint256[3]"))).toBe(false);
    expect(isDynamic(parseAbiType("uint256[]"))).toBe(true);
    expect(isDynamic(parseAbiType("(uint256,string)"))).toBe(true);
    expect(isDynamic(parseAbiType("bytes32[2][2]"))).toBe(false);
  });

  it.each(["uint7", "uint264", "int0", "bytes0", "bytes33", "uint08", "address20", "fixed128x18", "uint[0]", "uint[", "(uint", "foo"])(
    "rejects %s",
    (bad) => {
      expect(() => parseAbiType(bad)).toThrow(AbiError);
    },
  );

  it("parses human-readable signatures with names and data locations", () => {
    const fn = parseSignature("function transfer(address to, uint256 amount) returns (bool)");
    expect(signatureOf(fn)).toBe("transfer(address,uint256)");
    expect(fn.inputs.map((i) => i.name)).toEqual(["to", "amount"]);
    expect(signatureOf(parseSignature("f(bytes calldata data, (uint a, string s)[] memory xs)"))).toBe(
      "f(bytes,(uint256,string)[])",
    );
    expect(() => parseSignature("transfer address")).toThrow(AbiError);
    expect(() => parseSignature("f(uint) pure")).toThrow(/unexpected/);
  });
});

describe("ABI JSON", () => {
  it("converts functions, events, errors and tuples", () => {
    const abi = parseAbi([
      {
        type: "function",
        name: "f",
        inputs: [{ name: "p", type: "tuple[]", components: [{ name: "x", type: "uint8" }, { name: "y", type: "string" }] }],
        outputs: [],
        stateMutability: "view",
      },
      { type: "event", name: "E", inputs: [{ name: "a", type: "address", indexed: true }], anonymous: false },
      { type: "error", name: "Bad", inputs: [{ name: "code", type: "uint256" }] },
      { type: "constructor", inputs: [], stateMutability: "nonpayable" },
      { type: "receive", stateMutability: "payable" },
      { name: "old", inputs: [], outputs: [], constant: true, payable: false },
    ]);
    expect(abi.map((i) => i.kind)).toEqual(["function", "event", "error", "constructor", "receive", "function"]);
    const first = abi[0];
    expect(first?.kind === "function" && signatureOf(first)).toBe("f((uint8,string)[])");
    const event = abi[1];
    expect(event?.kind === "event" && event.inputs[0]?.indexed).toBe(true);
    const legacy = abi[5];
    expect(legacy?.kind === "function" && legacy.stateMutability).toBe("view");
  });

  it("reports where the JSON is malformed", () => {
    expect(() => parseAbi("{")).toThrow(/invalid JSON/);
    expect(() => parseAbi({})).toThrow(/JSON array/);
    expect(() => parseAbi([{ type: "function", name: "f", inputs: [{ name: "x" }] }])).toThrow(/item 0: inputs\[0\]\.type: expected string, got nothing/);
    expect(() => parseAbi([{ type: "function", name: "f", inputs: [{ name: "x", type: "uint7" }] }])).toThrow(/parameter 0/);
    expect(() => parseAbi([{ type: "function", inputs: [] }])).toThrow(/has no name/);
    expect(() => parseAbi([{ type: "tuple", name: "f" }])).toThrow(AbiError);
  });
});
