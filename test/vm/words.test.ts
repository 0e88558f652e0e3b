/**
 * Word arithmetic edge cases, run as bytecode through the interpreter: each case pushes its
 * operands, applies one opcode and returns the top of the stack.
 */
import { describe, expect, it } from "vitest";
import { bigIntToBytes, bytesToBigInt, concatBytes } from "../../src/vm/bytes.js";
import { runCode } from "../../src/vm/run-code.js";

const MAX = (1n << 256n) - 1n;
const MIN_SIGNED = 1n << 255n;
/** Two's complement of a negative number as a 256-bit word. */
const neg = (n: bigint): bigint => (1n << 256n) - n;

const OP = { ADD: 0x01, MUL: 0x02, SUB: 0x03, DIV: 0x04, SDIV: 0x05, MOD: 0x06, SMOD: 0x07, ADDMOD: 0x08, MULMOD: 0x09,
  EXP: 0x0a, SIGNEXTEND: 0x0b, SLT: 0x12, SGT: 0x13, BYTE: 0x1a, SHL: 0x1b, SHR: 0x1c, SAR: 0x1d } as const;

/** Applies `op` to operands given top-of-stack first (as the Yellow Paper numbers μs[0], μs[1], …). */
function apply(op: number, ...operands: bigint[]): bigint {
  const pushes = [...operands].reverse().map((v) => concatBytes(Uint8Array.of(0x7f), bigIntToBytes(v, 32)));
  // op; PUSH0 MSTORE; PUSH1 32 PUSH0 RETURN
  const code = concatBytes(...pushes, Uint8Array.of(op, 0x5f, 0x52, 0x60, 0x20, 0x5f, 0xf3));
  const result = runCode({ code });
  expect(result.status).toBe("success");
  return bytesToBigInt(result.output);
}

describe("word arithmetic", () => {
  it("wraps ADD, SUB and MUL modulo 2^256", () => {
    expect(apply(OP.ADD, MAX, 1n)).toBe(0n);
    expect(apply(OP.SUB, 0n, 1n)).toBe(MAX);
    expect(apply(OP.MUL, MIN_SIGNED, 2n)).toBe(0n);
    expect(apply(OP.MUL, MAX, MAX)).toBe(1n);
  });

  it("returns 0 for division and modulo by zero", () => {
    for (const op of [OP.DIV, OP.SDIV, OP.MOD, OP.SMOD]) expect(apply(op, 7n, 0n)).toBe(0n);
    expect(apply(OP.ADDMOD, 1n, 2n, 0n)).toBe(0n);
    expect(apply(OP.MULMOD, 1n, 2n, 0n)).toBe(0n);
  });

  it("divides by powers of two and by values a double would round to one", () => {
    expect(apply(OP.DIV, MAX, 1n << 200n)).toBe(MAX >> 200n);
    expect(apply(OP.DIV, MAX, 1n)).toBe(MAX);
    expect(apply(OP.DIV, MAX, (1n << 200n) + 1n)).toBe(MAX / ((1n << 200n) + 1n));
    expect(apply(OP.DIV, MAX, (1n << 255n) - 1n)).toBe(2n);
    expect(apply(OP.DIV, 5n, 1n << 255n)).toBe(0n);
  });

  it("truncates SDIV toward zero and overflows -2^255 / -1 to -2^255", () => {
    expect(apply(OP.SDIV, neg(7n), 2n)).toBe(neg(3n));
    expect(apply(OP.SDIV, 7n, neg(2n))).toBe(neg(3n));
    expect(apply(OP.SDIV, neg(7n), neg(2n))).toBe(3n);
    expect(apply(OP.SDIV, MIN_SIGNED, MAX)).toBe(MIN_SIGNED);
  });

  it("gives SMOD the sign of the dividend", () => {
    expect(apply(OP.SMOD, neg(7n), 3n)).toBe(neg(1n));
    expect(apply(OP.SMOD, 7n, neg(3n))).toBe(1n);
    expect(apply(OP.SMOD, MIN_SIGNED, MAX)).toBe(0n);
  });

  it("computes ADDMOD and MULMOD without intermediate overflow", () => {
    expect(apply(OP.ADDMOD, MAX, MAX, 7n)).toBe((2n * MAX) % 7n);
    expect(apply(OP.MULMOD, MAX, MAX, 12n)).toBe((MAX * MAX) % 12n);
    expect(apply(OP.ADDMOD, MAX, 1n, MAX)).toBe(1n);
  });

  it("exponentiates modulo 2^256", () => {
    expect(apply(OP.EXP, 2n, 255n)).toBe(MIN_SIGNED);
    expect(apply(OP.EXP, 2n, 256n)).toBe(0n);
    expect(apply(OP.EXP, 0n, 0n)).toBe(1n);
    expect(apply(OP.EXP, 3n, 5n)).toBe(243n);
    expect(apply(OP.EXP, MAX, 3n)).toBe(MAX);
    expect(apply(OP.EXP, 7n, MAX)).toBe(modPow(7n, MAX));
  });

  it("sign-extends from the given byte, and leaves the word alone from byte 31 on", () => {
    expect(apply(OP.SIGNEXTEND, 0n, 0xffn)).toBe(MAX);
    expect(apply(OP.SIGNEXTEND, 0n, 0x7fn)).toBe(0x7fn);
    expect(apply(OP.SIGNEXTEND, 1n, 0x8000n)).toBe(neg(0x8000n));
    expect(apply(OP.SIGNEXTEND, 0n, 0x1280n)).toBe(neg(0x80n));
    expect(apply(OP.SIGNEXTEND, 31n, MIN_SIGNED)).toBe(MIN_SIGNED);
    expect(apply(OP.SIGNEXTEND, MAX, 0x80n)).toBe(0x80n);
  });

  it("picks BYTE from the most significant end and gives 0 past byte 31", () => {
    const word = bytesToBigInt(Uint8Array.from({ length: 32 }, (_, i) => i + 1));
    expect(apply(OP.BYTE, 0n, word)).toBe(1n);
    expect(apply(OP.BYTE, 31n, word)).toBe(32n);
    expect(apply(OP.BYTE, 32n, word)).toBe(0n);
    expect(apply(OP.BYTE, MAX, word)).toBe(0n);
  });

  it("shifts with SHL/SHR (zero fill) and SAR (sign fill), saturating at 256", () => {
    expect(apply(OP.SHL, 1n, MAX)).toBe(MAX - 1n);
    expect(apply(OP.SHL, 256n, 1n)).toBe(0n);
    expect(apply(OP.SHR, 255n, MAX)).toBe(1n);
    expect(apply(OP.SHR, 256n, MAX)).toBe(0n);
    expect(apply(OP.SAR, 1n, MIN_SIGNED)).toBe(MIN_SIGNED | (MIN_SIGNED >> 1n));
    expect(apply(OP.SAR, 256n, MIN_SIGNED)).toBe(MAX);
    expect(apply(OP.SAR, MAX, 1n)).toBe(0n);
    expect(apply(OP.SAR, 4n, 0xf0n)).toBe(0x0fn);
  });

  it("compares signed words", () => {
    expect(apply(OP.SLT, MAX, 0n)).toBe(1n);
    expect(apply(OP.SGT, MAX, 0n)).toBe(0n);
    expect(apply(OP.SLT, MIN_SIGNED, MAX)).toBe(1n);
    expect(apply(OP.SGT, 0n, MAX)).toBe(1n);
    expect(apply(OP.SLT, MAX - 1n, MAX)).toBe(1n);
    expect(apply(OP.SGT, MAX - 1n, MAX)).toBe(0n);
    expect(apply(OP.SLT, 1n, 2n)).toBe(1n);
    expect(apply(OP.SGT, MIN_SIGNED - 1n, MIN_SIGNED)).toBe(1n);
  });
});

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % (1n << 256n);
    b = (b * b) % (1n << 256n);
  }
  return result;
}
