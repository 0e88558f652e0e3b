/** RLP (Yellow Paper Appendix B): encodings by hand, strict decoding, and round trips. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesToHex, hexToBytes } from "../../spec/primitives/bytes.js";
import { type RlpItem, RlpError, rlpDecode, rlpDecodeUint, rlpEncode, rlpEncodeUint } from "../../spec/primitives/rlp.js";

const hex = (item: RlpItem) => bytesToHex(rlpEncode(item));
const text = (s: string) => new TextEncoder().encode(s);

describe("rlpEncode", () => {
  it("encodes a byte below 0x80 as itself, and 0x80 with a prefix", () => {
    expect(hex(Uint8Array.of(0x00))).toBe("0x00");
    expect(hex(Uint8Array.of(0x7f))).toBe("0x7f");
    expect(hex(Uint8Array.of(0x80))).toBe("0x8180");
  });

  it("encodes the empty string and the empty list", () => {
    expect(hex(new Uint8Array(0))).toBe("0x80");
    expect(hex([])).toBe("0xc0");
  });

  it("switches to the long form at 56 bytes of payload", () => {
    expect(hex(new Uint8Array(55)).slice(0, 4)).toBe("0xb7");
    expect(hex(new Uint8Array(56)).slice(0, 6)).toBe("0xb838");
    expect(hex(new Uint8Array(1024)).slice(0, 8)).toBe("0xb90400");
    const list55 = Array.from({ length: 55 }, () => Uint8Array.of(1));
    expect(hex(list55).slice(0, 4)).toBe("0xf7");
    expect(hex([...list55, Uint8Array.of(1)]).slice(0, 6)).toBe("0xf838");
  });

  it("encodes nested lists (the set-theoretic representation of three)", () => {
    expect(hex([[], [[]], [[], [[]]]])).toBe("0xc7c0c1c0c3c0c1c0");
    expect(hex([text("cat"), text("dog")])).toBe("0xc88363617483646f67");
  });

  it("encodes integers minimally, 0 as the empty string", () => {
    expect(bytesToHex(rlpEncodeUint(0n))).toBe("0x");
    expect(hex(rlpEncodeUint(0n))).toBe("0x80");
    expect(hex(rlpEncodeUint(15n))).toBe("0x0f");
    expect(hex(rlpEncodeUint(1024n))).toBe("0x820400");
  });
});

describe("rlpDecode is strict", () => {
  const rejects = (encoding: string, offsetText: RegExp) => {
    let thrown: unknown;
    try {
      rlpDecode(hexToBytes(encoding));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RlpError);
    expect((thrown as RlpError).code).toBe("MALFORMED_RLP");
    expect((thrown as RlpError).message).toMatch(offsetText);
  };

  it("rejects empty input", () => rejects("", /offset 0/));
  it("rejects a single byte below 0x80 written as a one-byte string", () => rejects("8105", /offset 0/));
  it("rejects the long form for a short payload", () => rejects("b801ff", /non-canonical long length 1 at offset 0/));
  it("rejects a length with leading zeros", () => rejects("b90040" + "00".repeat(64), /leading zero/));
  it("rejects trailing bytes", () => rejects("8001", /trailing byte\(s\) at offset 1/));
  it("rejects a truncated string", () => rejects("83646f", /offset 0 is truncated/));
  it("rejects a truncated list", () => rejects("c5010203", /truncated/));
  it("rejects a list item that runs past its list", () => rejects("c28363", /offset 1/));
  it("rejects an absurd declared length without allocating it", () => rejects("bf0f000000000000021111", /declares/));

  it("decodes deeply nested lists without exhausting the call stack", () => {
    let encoding = Uint8Array.of(0xc0);
    const depth = 20_000;
    for (let i = 0; i < depth; i++) {
      const n = encoding.length;
      const header = n < 56 ? [0xc0 + n] : n < 256 ? [0xf8, n] : n < 65536 ? [0xf9, n >> 8, n & 0xff] : [0xfa, n >> 16, (n >> 8) & 0xff, n & 0xff];
      encoding = Uint8Array.of(...header, ...encoding);
    }
    let item = rlpDecode(encoding);
    let levels = 0;
    while (!(item instanceof Uint8Array) && item.length === 1) {
      item = item[0]!;
      levels++;
    }
    expect(levels).toBe(depth);
    expect(item).toEqual([]);
  });

  it("decodes what it accepts back to the same structure", () => {
    const item = rlpDecode(hexToBytes("0xc7c0c1c0c3c0c1c0"));
    expect(item).toEqual([[], [[]], [[], [[]]]]);
  });
});

describe("rlpDecodeUint", () => {
  it("reads canonical integers", () => {
    expect(rlpDecodeUint(new Uint8Array(0), "n")).toBe(0n);
    expect(rlpDecodeUint(Uint8Array.of(1, 0), "n")).toBe(256n);
  });
  it("rejects leading zeros and lists, naming the field", () => {
    expect(() => rlpDecodeUint(Uint8Array.of(0), "nonce")).toThrow(/nonce: integer with a leading zero/);
    expect(() => rlpDecodeUint([], "gasLimit")).toThrow(/gasLimit: expected a byte string/);
  });
});

const arbitraryItem: fc.Arbitrary<RlpItem> = fc.letrec<{ item: RlpItem }>((tie) => ({
  item: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.uint8Array({ maxLength: 80 }),
    fc.array(tie("item"), { maxLength: 6 }),
  ),
})).item;

describe("round trips", () => {
  it("decode(encode(x)) = x for any item", () => {
    fc.assert(
      fc.property(arbitraryItem, (item) => {
        expect(rlpDecode(rlpEncode(item))).toEqual(item);
      }),
      { numRuns: 300 },
    );
  });

  it("every accepted byte sequence re-encodes to itself (one encoding per item)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 12 }), (bytes) => {
        let item: RlpItem;
        try {
          item = rlpDecode(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(RlpError);
          return;
        }
        expect(bytesToHex(rlpEncode(item))).toBe(bytesToHex(bytes));
      }),
      { numRuns: 2000 },
    );
  });
});
