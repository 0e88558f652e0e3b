/** Round trips over random types and values, and the validation of values and of untrusted encodings. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AbiError,
  canonicalType,
  decodeParameters,
  decodeRevert,
  encodeParameters,
  formatCall,
  hexToBytes,
  parseAbiType,
  parseSignature,
  toChecksumAddress,
} from "../../src/abi/index.js";
import type { AbiValue } from "../../src/abi/values.js";
import { abiType, abiValues } from "./arbitraries.js";

const t = parseAbiType;

describe("round trip", () => {
  it("decode(encode(v)) = v for random types and values", () => {
    const typesAndValues = fc
      .array(abiType, { minLength: 1, maxLength: 4 })
      .chain((types) => fc.tuple(fc.constant(types), abiValues(types)));
    fc.assert(
      fc.property(typesAndValues, ([types, values]) => {
        const encoded = encodeParameters(types, values);
        expect(encoded.length % 32).toBe(0);
        expect(decodeParameters(types, encoded)).toEqual(values);
        const reparsed = types.map((t) => parseAbiType(canonicalType(t)));
        expect(decodeParameters(reparsed, encoded)).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });

  it("never crashes on truncated or corrupted encodings, only AbiError", () => {
    const cases = fc
      .array(abiType, { minLength: 1, maxLength: 3 })
      .chain((types) =>
        fc.tuple(fc.constant(types), abiValues(types), fc.nat(), fc.integer({ min: 0, max: 255 })),
      );
    fc.assert(
      fc.property(cases, ([types, values, position, byte]) => {
        const encoded = encodeParameters(types, values);
        const corrupted = encoded.slice();
        if (corrupted.length > 0) corrupted[position % corrupted.length] = byte;
        for (const data of [corrupted, encoded.subarray(0, Math.max(0, encoded.length - 1))]) {
          try {
            decodeParameters(types, data);
          } catch (error) {
            expect(error).toBeInstanceOf(AbiError);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("value validation", () => {
  it.each([
    [t("uint8"), 256, /out of range/],
    [t("int8"), -129, /out of range/],
    [t("uint256"), -1n, /out of range/],
    [t("uint256"), 1.5, /safe integer/],
    [t("uint256"), "12a", /decimal or 0x/],
    [t("bool"), 1, /boolean/],
    [t("address"), "0x12", /20-byte/],
    [t("address"), "0x52908400098527886E0F7030069857D2E4169EE7".replace("E7", "e7"), /checksum/],
    [t("bytes2"), "0x010203", /exactly 2/],
    [t("bytes"), "0x123", /odd number/],
    [t("bytes"), "0xzz", /not a hex/],
    [t("uint256[2]"), [1], /needs 2 elements/],
    [t("(uint256,bool)"), [1], /2 members/],
    [t("(uint256 a,bool b)"), { a: 1 }, /missing member 'b'/],
    [t("string"), new Uint8Array(1), /expected a string/],
  ])("rejects %# with a clear message", (type, value, message) => {
    expect(() => encodeParameters([type], [value as never])).toThrow(message);
  });

  it("accepts tuples keyed by member name and integers as strings", () => {
    const type = t("(uint256 a,int8 b)");
    const byName = encodeParameters([type], [{ a: "0x10", b: "-3" }]);
    expect(decodeParameters([type], byName)).toEqual([[16n, -3n]]);
  });

  it("rejects dirty words the Solidity decoder would reject", () => {
    const dirty = hexToBytes(`0x${"00".repeat(31)}02`, "test");
    expect(() => decodeParameters([t("bool")], dirty)).toThrow(/not 0 or 1/);
    expect(() => decodeParameters([t("uint8")], hexToBytes(`0x${"00".repeat(30)}0100`, "test"))).toThrow(/does not fit/);
    expect(() => decodeParameters([t("int8")], hexToBytes(`0x${"00".repeat(31)}80`, "test"))).toThrow(/sign-extended/);
    expect(() => decodeParameters([t("address")], hexToBytes(`0x01${"00".repeat(31)}`, "test"))).toThrow(/upper 12/);
    expect(() => decodeParameters([t("bytes1")], hexToBytes(`0x0101${"00".repeat(30)}`, "test"))).toThrow(/zero-padded/);
  });

  it("rejects offsets and lengths that point outside the data", () => {
    const hugeOffset = hexToBytes(`0x${"ff".repeat(32)}`, "test");
    expect(() => decodeParameters([t("bytes")], hugeOffset)).toThrow(/exceeds the data length/);
    const hugeCount = hexToBytes(`0x${(32).toString(16).padStart(64, "0")}${(10).toString(16).padStart(64, "0")}`, "test");
    expect(() => decodeParameters([t("uint256[]")], hugeCount)).toThrow(/cannot fit/);
  });
});

describe("addresses, formatting and revert data", () => {
  it("checksums as EIP-55's examples", () => {
    for (const address of [
      "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
      "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
      "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
      "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ]) {
      expect(toChecksumAddress(address.toLowerCase())).toBe(address);
    }
  });

  it("pretty-prints a call", () => {
    const fn = parseSignature("transfer(address to, uint256 amount, (bytes2 tag, string note) extra, int8[])");
    const args: AbiValue[] = [
      "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
      5n,
      [new Uint8Array([0xab, 0xcd]), 'a "b"'],
      [-1n, 2n],
    ];
    expect(formatCall(fn, args)).toBe(
      'transfer(to=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, amount=5, extra=(tag=0xabcd, note="a \\"b\\""), [-1, 2])',
    );
  });

  it("explains Error(string), Panic(uint256) and custom errors", () => {
    const error = encodeParameters([t("string")], ["nope"]);
    const withSelector = (selector: string, body: Uint8Array) => new Uint8Array([...hexToBytes(selector, "s"), ...body]);
    expect(decodeRevert(withSelector("0x08c379a0", error))).toEqual({ kind: "error", message: "nope" });
    expect(decodeRevert(withSelector("0x4e487b71", encodeParameters([t("uint256")], [0x11])))).toMatchObject({
      kind: "panic",
      code: 0x11n,
      reason: "arithmetic overflow or underflow",
    });
    expect(decodeRevert(new Uint8Array())).toEqual({ kind: "empty" });
    expect(decodeRevert(new Uint8Array([1, 2, 3, 4, 5]))).toMatchObject({ kind: "unknown" });
  });
});
