/**
 * Edge cases of the concrete word domain (Yellow Paper, Appendix H.2), each with its expected
 * value worked out from the definition, plus properties against BigInt's own signed arithmetic.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concreteWords as w, fromSigned, toSigned } from "../../spec/word/concrete.js";

const MAX = (1n << 256n) - 1n;
const MIN_SIGNED = 1n << 255n; // -2^255 as a word
const neg = (n: bigint): bigint => fromSigned(-n);
const word = fc.bigInt({ min: 0n, max: MAX });

describe("signed division and modulo", () => {
  it("SDIV truncates toward zero", () => {
    expect(w.sdiv(neg(7n), 2n)).toBe(neg(3n));
    expect(w.sdiv(7n, neg(2n))).toBe(neg(3n));
    expect(w.sdiv(neg(7n), neg(2n))).toBe(3n);
  });
  it("SDIV of -2^255 by -1 overflows to -2^255", () => {
    expect(w.sdiv(MIN_SIGNED, MAX)).toBe(MIN_SIGNED);
  });
  it("division and modulo by zero give zero", () => {
    for (const op of ["div", "sdiv", "mod", "smod"] as const) expect(w[op](12345n, 0n)).toBe(0n);
    expect(w.addmod(1n, 2n, 0n)).toBe(0n);
    expect(w.mulmod(1n, 2n, 0n)).toBe(0n);
  });
  it("SMOD takes the sign of the dividend", () => {
    expect(w.smod(neg(7n), 3n)).toBe(neg(1n));
    expect(w.smod(7n, neg(3n))).toBe(1n);
    expect(w.smod(MIN_SIGNED, MAX)).toBe(0n);
  });
  it("agrees with BigInt's truncating signed arithmetic", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        fc.pre(b !== 0n);
        expect(toSigned(w.sdiv(a, b))).toBe(BigInt.asIntN(256, toSigned(a) / toSigned(b)));
        expect(toSigned(w.smod(a, b))).toBe(toSigned(a) % toSigned(b));
      }),
    );
  });
});

describe("ADDMOD and MULMOD", () => {
  it("do not reduce the intermediate result modulo 2^256", () => {
    expect(w.addmod(MAX, 2n, 2n)).toBe((MAX + 2n) % 2n);
    expect(w.addmod(MAX, MAX, 7n)).toBe((2n * MAX) % 7n);
    expect(w.mulmod(MAX, MAX, 12n)).toBe((MAX * MAX) % 12n);
    expect(w.mulmod(MAX, MAX, MAX)).toBe(0n);
  });
});

describe("EXP", () => {
  it("wraps modulo 2^256", () => {
    expect(w.exp(2n, 255n)).toBe(MIN_SIGNED);
    expect(w.exp(2n, 256n)).toBe(0n);
    expect(w.exp(3n, 0n)).toBe(1n);
    expect(w.exp(0n, 0n)).toBe(1n);
    expect(w.exp(MAX, 2n)).toBe(1n);
    expect(w.exp(MAX, 3n)).toBe(MAX);
  });
  it("matches repeated multiplication for small exponents", () => {
    fc.assert(
      fc.property(word, fc.integer({ min: 0, max: 40 }), (base, e) => {
        let expected = 1n;
        for (let i = 0; i < e; i++) expected = (expected * base) & MAX;
        expect(w.exp(base, BigInt(e))).toBe(expected);
      }),
    );
  });
});

describe("SIGNEXTEND", () => {
  it("extends the sign bit of the chosen byte", () => {
    expect(w.signextend(0n, 0xffn)).toBe(MAX);
    expect(w.signextend(0n, 0x7fn)).toBe(0x7fn);
    expect(w.signextend(1n, 0x8000n)).toBe(MAX - 0x7fffn);
    expect(w.signextend(0n, 0x1234n)).toBe(0x34n);
  });
  it("leaves the word alone from byte 31 on", () => {
    expect(w.signextend(31n, MIN_SIGNED)).toBe(MIN_SIGNED);
    expect(w.signextend(MAX, 0x80n)).toBe(0x80n);
  });
});

describe("BYTE", () => {
  it("counts from the most significant byte", () => {
    const x = 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20n;
    expect(w.byte(0n, x)).toBe(0x01n);
    expect(w.byte(31n, x)).toBe(0x20n);
    expect(w.byte(32n, x)).toBe(0n);
    expect(w.byte(MAX, x)).toBe(0n);
  });
});

describe("shifts (EIP-145)", () => {
  it("SHL and SHR give zero from 256 on", () => {
    expect(w.shl(255n, 1n)).toBe(MIN_SIGNED);
    expect(w.shl(256n, 1n)).toBe(0n);
    expect(w.shr(255n, MIN_SIGNED)).toBe(1n);
    expect(w.shr(256n, MAX)).toBe(0n);
  });
  it("SAR keeps the sign, and gives all ones or zero from 256 on", () => {
    expect(w.sar(1n, MIN_SIGNED)).toBe(MIN_SIGNED | (MIN_SIGNED >> 1n));
    expect(w.sar(255n, MIN_SIGNED)).toBe(MAX);
    expect(w.sar(256n, MIN_SIGNED)).toBe(MAX);
    expect(w.sar(256n, 0x7fn)).toBe(0n);
    expect(w.sar(MAX, MAX)).toBe(MAX);
    expect(w.sar(4n, 0xf0n)).toBe(0x0fn);
  });
  it("SAR agrees with BigInt's arithmetic shift", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 300n }), word, (shift, x) => {
        const expected = fromSigned(toSigned(x) >> (shift > 255n ? 255n : shift));
        expect(w.sar(shift, x)).toBe(expected);
      }),
    );
  });
});

describe("comparison", () => {
  it("signed comparisons read words as two's complement", () => {
    expect(w.slt(MAX, 0n)).toBe(1n);
    expect(w.sgt(MAX, 0n)).toBe(0n);
    expect(w.lt(MAX, 0n)).toBe(0n);
    expect(w.slt(MIN_SIGNED, MIN_SIGNED - 1n)).toBe(1n);
  });
});
