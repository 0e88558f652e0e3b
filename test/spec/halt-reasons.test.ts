/**
 * One vocabulary of halt reasons: the spec names its exceptional halts with the conformance
 * contract's strings (go-ethereum's words), which it may not import, so this pins the two lists.
 */
import { describe, expect, it } from "vitest";
import { HALT_REASONS, isHaltReason, undefinedOpcodeName } from "../../interface/implementation.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { OPCODES, opcodeName } from "../../spec/machine/opcodes.js";
import { HALT_REASONS as SPEC_HALT_REASONS } from "../../spec/machine/exceptions.js";

describe("halt reasons", () => {
  it("the spec's list is the contract's, in the same order", () => {
    expect([...SPEC_HALT_REASONS]).toEqual([...HALT_REASONS]);
  });

  it("are go-ethereum's texts for the halts geth names (core/vm/errors.go), details dropped", () => {
    for (const geth of [
      "out of gas",
      "contract creation code storage out of gas",
      "invalid jump destination",
      "write protection",
      "return data out of bounds",
      "max code size exceeded",
      "invalid code: must not begin with 0xef",
      "contract address collision",
      "stack limit reached 1024 (1023)",
    ]) {
      expect(isHaltReason(geth), geth).toBe(true);
    }
    // geth's `stack underflow (0 <=> 1)` and `invalid opcode: INVALID` carry a per-instance detail the step line already has;
    // `out of gas: max initcode size exceeded: size 49153` the cause of a failed dynamic price.
    expect(HALT_REASONS).toContain("stack underflow");
    expect(HALT_REASONS).toContain("invalid opcode");
    expect(isHaltReason("OutOfGas")).toBe(false);
    expect(isHaltReason("revert")).toBe(false);
  });
});

describe("the name of a byte no fork defines", () => {
  it("is go-ethereum's, the same on the spec as in the contract", () => {
    expect(undefinedOpcodeName(0x0c)).toBe("opcode 0xc not defined");
    const cancun = SCHEDULES.Cancun;
    for (let op = 0; op < 256; op++) {
      if (OPCODES.has(op)) continue;
      expect(opcodeName(op, cancun)).toBe(undefinedOpcodeName(op));
    }
  });
});
