/** Control flow, gas and limits of the interpreter, checked on hand-assembled bytecode. */
import { describe, expect, it } from "vitest";
import type { TraceStep } from "../../interface/implementation.js";
import { bytesToBigInt, hexToBytes } from "../../src/vm/bytes.js";
import { runCode } from "../../src/vm/run-code.js";

describe("interpreter", () => {
  it("charges static and memory-expansion gas exactly", () => {
    // PUSH1 1, PUSH1 0, MSTORE, STOP: 3 + 3 + (3 + 3 for one word of memory).
    expect(runCode({ code: hexToBytes("0x600160005200") }).gasUsed).toBe(12n);
  });

  it("rejects a jump into PUSH data even where the byte is 0x5b", () => {
    // PUSH1 3, JUMP, PUSH1 0x5b: offset 3 is push data.
    expect(runCode({ code: hexToBytes("0x600356605b") }).status).toBe("invalid jump destination");
  });

  it("treats the bytes after a truncated PUSH as zeros and stops at the end", () => {
    // PUSH2 0x01 (truncated) then implicit STOP; returns nothing but succeeds.
    expect(runCode({ code: hexToBytes("0x6101") }).status).toBe("success");
  });

  it("halts on stack underflow and overflow", () => {
    expect(runCode({ code: hexToBytes("0x01") }).status).toBe("stack underflow");
    // JUMPDEST, PUSH0, PUSH1 0, JUMP: grows the stack forever.
    expect(runCode({ code: hexToBytes("0x5b5f600056") }).status).toBe("stack limit reached 1024 (1023)");
  });

  it("consumes all gas on an exceptional halt", () => {
    const result = runCode({ code: hexToBytes("0xfe"), gas: 5000n });
    expect(result.status).toBe("invalid opcode");
    expect(result.gasUsed).toBe(5000n);
  });

  it("keeps REVERT output and unused gas", () => {
    // PUSH1 0xaa PUSH0 MSTORE8 PUSH1 1 PUSH0 REVERT
    const result = runCode({ code: hexToBytes("0x60aa5f5360015ffd"), gas: 1000n });
    expect(result.status).toBe("revert");
    expect(result.output).toEqual(Uint8Array.of(0xaa));
    expect(result.gasUsed).toBeLessThan(1000n);
  });

  it("recurses to the 1024 call-depth limit without overflowing the JavaScript stack", () => {
    // Calls itself with all gas, then stores the depth reached: slot 0 counts frames entered.
    // PUSH0 SLOAD PUSH1 1 ADD PUSH0 SSTORE; CALL(gas, ADDRESS, 0, 0, 0, 0, 0); STOP
    const code = hexToBytes("0x5f546001015f555f5f5f5f5f305af100");
    const result = runCode({ code, gas: 1n << 62n });
    expect(result.status).toBe("success");
    expect(result.storage.get(0n)).toBe(1025n);
  });

  it("keeps transient storage across frames but not in static frames (EIP-1153)", () => {
    // TSTORE(1, 7); TLOAD(1) → return it.
    const code = hexToBytes("0x600760015d60015c5f5260205ff3");
    expect(runCode({ code }).output.at(31)).toBe(7);
  });

  it("copies overlapping memory like memmove (EIP-5656)", () => {
    // MSTORE(0, 0x0102…20) then MCOPY(dest 1, src 0, size 4) and return the first 5 bytes.
    const result = runCode({
      code: hexToBytes("0x7f0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f205f5260045f60015e60055ff3"),
    });
    expect(result.status).toBe("success");
    expect([...result.output]).toEqual([1, 1, 2, 3, 4]);
  });

  it("keeps gas above 2^53 exact (GAS after GAS costs 2)", () => {
    const gas = (1n << 62n) + 12345n;
    // GAS PUSH0 MSTORE PUSH1 32 PUSH0 RETURN
    const result = runCode({ code: hexToBytes("0x5a5f5260205ff3"), gas });
    expect(bytesToBigInt(result.output)).toBe(gas - 2n);
    expect(result.gasUsed).toBe(2n + 2n + 3n + 3n + 3n + 2n);
  });

  it("reports one EIP-3155 step per instruction without changing the outcome", () => {
    const code = hexToBytes("0x600160020160005500");
    const steps: TraceStep[] = [];
    const traced = runCode({ code, tracer: { step: (s) => steps.push(s) } });
    const plain = runCode({ code });
    expect(traced.gasUsed).toBe(plain.gasUsed);
    expect(traced.storage.get(0n)).toBe(3n);
    expect(steps.map((s) => s.opName)).toEqual(["PUSH1", "PUSH1", "ADD", "PUSH1", "SSTORE", "STOP"]);
    expect(steps[2]!.stack).toEqual([1n, 2n]);
    expect(steps[0]!.depth).toBe(1);
    expect(steps[1]!.gas).toBe(steps[0]!.gas - 3n);
    // Each step's cost is what it actually charged: SSTORE to a cold, zero slot costs 2100 + 20000.
    expect(steps.map((s) => s.gasCost)).toEqual([3n, 3n, 3n, 3n, 22100n, 0n]);
    expect(steps.every((s) => s.error === undefined)).toBe(true);
  });

  it("names the error on the step that halts a frame exceptionally", () => {
    const steps: TraceStep[] = [];
    runCode({ code: hexToBytes("0x6001fe"), tracer: { step: (s) => steps.push(s) } });
    expect(steps.map((s) => [s.opName, s.error])).toEqual([["PUSH1", undefined], ["INVALID", "invalid opcode"]]);
  });

  it("zero-pads CALLDATALOAD past the end of the input", () => {
    // PUSH1 1 CALLDATALOAD PUSH0 MSTORE PUSH1 32 PUSH0 RETURN
    const code = hexToBytes("0x6001355f5260205ff3");
    const input = Uint8Array.from({ length: 40 }, (_, i) => i + 1);
    expect(bytesToBigInt(runCode({ code, input }).output)).toBe(bytesToBigInt(input.subarray(1, 33)));
    const short = runCode({ code, input: Uint8Array.of(1, 2, 3) }).output;
    expect([...short.subarray(0, 3)]).toEqual([2, 3, 0]);
    expect(bytesToBigInt(short)).toBe(0x0203n << 240n);
  });
});
