import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bigIntToMinimalBytes, bytesToHex, hexToBytes } from "../../src/vm/bytes.js";
import { VmError } from "../../src/vm/errors.js";
import { type RlpItem, rlpDecode, rlpEncode, rlpToBigInt } from "../../src/vm/rlp.js";
import { ETHEREUM_TESTS, haveVectors } from "./vectors.js";

type JsonRlp = string | number | JsonRlp[];

/** The RLPTests input convention: strings are bytes, "#n" and numbers are integers, arrays are lists. */
function toItem(value: JsonRlp): RlpItem {
  if (Array.isArray(value)) return value.map(toItem);
  if (typeof value === "number") return bigIntToMinimalBytes(BigInt(value));
  if (value.startsWith("#")) return bigIntToMinimalBytes(BigInt(value.slice(1)));
  return new TextEncoder().encode(value);
}

describe("RLP", () => {
  it("encodes the single-byte, short and long forms", () => {
    expect(bytesToHex(rlpEncode(Uint8Array.of(0x7f)))).toBe("0x7f");
    expect(bytesToHex(rlpEncode(Uint8Array.of(0x80)))).toBe("0x8180");
    expect(bytesToHex(rlpEncode(new Uint8Array(0)))).toBe("0x80");
    expect(bytesToHex(rlpEncode([]))).toBe("0xc0");
    expect(rlpEncode(new Uint8Array(56)).subarray(0, 2)).toEqual(Uint8Array.of(0xb8, 56));
  });

  it("round-trips nested lists", () => {
    const item: RlpItem = [Uint8Array.of(1), [Uint8Array.of(2, 3), []], new Uint8Array(100).fill(7)];
    expect(rlpDecode(rlpEncode(item))).toEqual(item);
  });

  it("rejects non-canonical encodings and trailing bytes", () => {
    for (const bad of ["0x8100", "0x817f", "0xb800", "0xb83700", "0xc2", "0x8080", "0xf800"]) {
      expect(() => rlpDecode(hexToBytes(bad)), bad).toThrow(VmError);
    }
  });

  it("reads scalars without leading zeros only", () => {
    expect(rlpToBigInt(Uint8Array.of(1, 0), "x")).toBe(256n);
    expect(() => rlpToBigInt(Uint8Array.of(0, 1), "x")).toThrow(VmError);
  });

  it.runIf(haveVectors)("matches ethereum/tests RLPTests (valid and invalid)", () => {
    const valid = JSON.parse(readFileSync(join(ETHEREUM_TESTS, "RLPTests", "rlptest.json"), "utf8")) as Record<
      string,
      { in: JsonRlp; out: string }
    >;
    for (const [name, vector] of Object.entries(valid)) {
      expect(bytesToHex(rlpEncode(toItem(vector.in))), name).toBe(vector.out.toLowerCase());
      expect(rlpEncode(rlpDecode(hexToBytes(vector.out))), name).toEqual(hexToBytes(vector.out));
    }
    const invalid = JSON.parse(readFileSync(join(ETHEREUM_TESTS, "RLPTests", "invalidRLPTest.json"), "utf8")) as Record<
      string,
      { out: string }
    >;
    for (const [name, vector] of Object.entries(invalid)) {
      expect(() => rlpDecode(hexToBytes(vector.out)), name).toThrow();
    }
  });
});
