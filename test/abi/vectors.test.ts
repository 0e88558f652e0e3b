/**
 * Encoding against published vectors: ethereum/tests ABITests and the worked examples of the
 * Solidity ABI specification ("Examples", "Use of Dynamic Types").
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  bytesToHex,
  decodeCall,
  decodeParameters,
  encodeCall,
  encodeParameters,
  eventTopic,
  parseAbiType,
  parseSignature,
  selectorHex,
} from "../../src/abi/index.js";
import { VectorsNotFoundError, vectorsRoot } from "../../conformance/vectors-location.js";

/** ABITests of the ethereum/tests checkout conformance uses (SVM_TESTS_DIR or ../shared); skipped when there is none. */
function abiTestsFile(): string {
  try {
    return join(vectorsRoot(), "ABITests/basic_abi_tests.json");
  } catch (error) {
    if (error instanceof VectorsNotFoundError) return "";
    throw error;
  }
}
const ABI_TESTS = abiTestsFile();

const words = (...lines: string[]) => `0x${lines.join("")}`;
const word = (n: number | bigint) => n.toString(16).padStart(64, "0");
const text = (s: string) => Buffer.from(s, "utf8").toString("hex").padEnd(64, "0");

interface AbiTestCase {
  readonly args: unknown[];
  readonly result: string;
  readonly types: string[];
}

/** ABITests give bytes arguments as text (`"Hello, world!"`); the ABI takes their UTF-8 bytes. */
function vectorArgument(type: string, arg: unknown): never {
  if (type.startsWith("bytes") && typeof arg === "string") return new TextEncoder().encode(arg) as never;
  return arg as never;
}

describe.runIf(ABI_TESTS !== "" && existsSync(ABI_TESTS))("ethereum/tests ABITests", () => {
  const cases = JSON.parse(readFileSync(ABI_TESTS, "utf8")) as Record<string, AbiTestCase>;
  for (const [name, c] of Object.entries(cases)) {
    it(name, () => {
      const types = c.types.map(parseAbiType);
      const encoded = encodeParameters(
        types,
        c.args.map((a, i) => vectorArgument(c.types[i] as string, a)),
      );
      expect(bytesToHex(encoded)).toBe(`0x${c.result}`);
      expect(bytesToHex(encodeParameters(types, decodeParameters(types, encoded)))).toBe(`0x${c.result}`);
    });
  }
});

describe("Solidity ABI specification examples", () => {
  it("baz(uint32,bool)", () => {
    const fn = parseSignature("baz(uint32 x, bool y) returns (bool r)");
    expect(selectorHex(fn)).toBe("0xcdcd77c0");
    expect(bytesToHex(encodeCall(fn, [69, true]))).toBe(words("cdcd77c0", word(69), word(1)));
  });

  it("bar(bytes3[2])", () => {
    const fn = parseSignature("bar(bytes3[2])");
    expect(selectorHex(fn)).toBe("0xfce353f6");
    expect(bytesToHex(encodeCall(fn, [["0x616263", "0x646566"]]))).toBe(words("fce353f6", text("abc"), text("def")));
  });

  it("sam(bytes,bool,uint256[])", () => {
    const fn = parseSignature("sam(bytes,bool,uint256[])");
    expect(selectorHex(fn)).toBe("0xa5643bf2");
    const expected = words(
      "a5643bf2",
      word(0x60),
      word(1),
      word(0xa0),
      word(4),
      text("dave"),
      word(3),
      word(1),
      word(2),
      word(3),
    );
    const calldata = encodeCall(fn, [new TextEncoder().encode("dave"), true, [1n, 2n, 3n]]);
    expect(bytesToHex(calldata)).toBe(expected);
    const decoded = decodeCall([fn], calldata);
    expect(decoded.function.name).toBe("sam");
    expect(decoded.args).toEqual([new TextEncoder().encode("dave"), true, [1n, 2n, 3n]]);
  });

  it("g(uint256[][],string[])", () => {
    const fn = parseSignature("g(uint256[][],string[])");
    expect(selectorHex(fn)).toBe("0x2289b18c");
    const expected = words(
      "2289b18c",
      word(0x40),
      word(0x140),
      word(2),
      word(0x40),
      word(0xa0),
      word(2),
      word(1),
      word(2),
      word(1),
      word(3),
      word(3),
      word(0x60),
      word(0xa0),
      word(0xe0),
      word(3),
      text("one"),
      word(3),
      text("two"),
      word(5),
      text("three"),
    );
    expect(
      bytesToHex(
        encodeCall(fn, [
          [[1, 2], [3]],
          ["one", "two", "three"],
        ]),
      ),
    ).toBe(expected);
    expect(decodeCall([fn], encodeCall(fn, [[[1, 2], [3]], ["one", "two", "three"]])).args).toEqual([
      [[1n, 2n], [3n]],
      ["one", "two", "three"],
    ]);
  });

  it("well-known selectors and event topics", () => {
    expect(selectorHex("transfer(address,uint256)")).toBe("0xa9059cbb");
    expect(selectorHex("f(uint256,uint32[],bytes10,bytes)")).toBe("0x8be65246");
    expect(bytesToHex(eventTopic(parseSignature("Transfer(address from, address to, uint256 value)")))).toBe(
      "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
    );
  });
});
