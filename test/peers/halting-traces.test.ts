/**
 * The spec, src/vm and ethereumjs trace a halting instruction alike: the same error, in the
 * contract's vocabulary, on the instruction that failed, and as its gasCost the price it needed
 * (go-ethereum's EIP-3155 convention: the static price even when the stack check failed first,
 * static plus dynamic when the dynamic part could not be paid), not the gas it got.
 */
import { describe, expect, it } from "vitest";
import type { CaseOutcome, Implementation, TraceStep } from "../../interface/implementation.js";
import { specImplementation } from "../../conformance/impls/spec.js";
import { ethereumjsImplementation } from "../../conformance/peers/ethereumjs.js";
import { singleCallCase } from "../../conformance/single-call.js";
import { hexToBytes } from "../../spec/primitives/bytes.js";
import { srcImplementation } from "../../src/vm/implementation.js";

/** The intrinsic gas of the single-call transaction (no calldata). */
const INTRINSIC = 21_000n;

async function traced(implementation: Implementation, code: string, gas: bigint): Promise<{ steps: TraceStep[]; outcome: CaseOutcome }> {
  const steps: TraceStep[] = [];
  const outcome = await implementation.runStateTest(singleCallCase({ code: hexToBytes(code), gas }), { tracer: { step: (s) => steps.push(s) } });
  return { steps, outcome };
}

/** Every field of a step but returnData (ethereumjs's events do not carry it). */
function fields(step: TraceStep) {
  const { pc, op, opName, gas, gasCost, stack, depth, refund, memSize, error } = step;
  return { pc, op, opName, gas, gasCost, stack, depth, refund, memSize, error };
}

const HALTING: readonly { name: string; code: string; gas: bigint; error: string; gasCost: bigint }[] = [
  // Three JUMPDESTs with 2 gas: the third needs 1 and has 0.
  { name: "out of gas on a static price", code: "0x5b5b5b", gas: INTRINSIC + 2n, error: "out of gas", gasCost: 1n },
  // MSTORE at 0x100000: 3 static + the expansion to 32769 words (3·a + a²/512, Yellow Paper eq. 326).
  { name: "out of gas on a memory expansion", code: "0x60ff6210000052", gas: INTRINSIC + 106n, error: "out of gas", gasCost: 3n + 3n * 32769n + (32769n * 32769n) / 512n },
  { name: "the designated INVALID", code: "0x6001fe", gas: 30_000n, error: "invalid opcode", gasCost: 0n },
  { name: "stack underflow", code: "0x600101", gas: 30_000n, error: "stack underflow", gasCost: 3n },
  // 1025 PUSH0s: the last finds 1024 items.
  { name: "stack overflow", code: `0x${"5f".repeat(1025)}`, gas: 30_000n, error: "stack limit reached 1024 (1023)", gasCost: 2n },
  { name: "a jump to a non-JUMPDEST", code: "0x600356", gas: 30_000n, error: "invalid jump destination", gasCost: 8n },
  // RETURNDATACOPY of 1 byte with no return data: priced (3 static, 3 memory, 3 copy) before the bounds check (EIP-211).
  { name: "returndata out of bounds", code: "0x6001600060003e", gas: 30_000n, error: "return data out of bounds", gasCost: 9n },
];

describe("halting instructions are traced alike on the spec, src and ethereumjs", () => {
  it.each(HALTING)("$name", async ({ code, gas, error, gasCost }) => {
    const spec = await traced(specImplementation, code, gas);
    const src = await traced(srcImplementation, code, gas);
    const ethereumjs = await traced(ethereumjsImplementation, code, gas);
    const last = spec.steps[spec.steps.length - 1]!;
    expect(last).toMatchObject({ error, gasCost });
    expect(spec.outcome).toMatchObject({ kind: "executed", status: error, gasUsed: gas });
    expect(src.steps.map(fields)).toEqual(spec.steps.map(fields));
    expect(src.outcome).toEqual(spec.outcome);
    if (error === "return data out of bounds") {
      // ethereumjs checks the bounds while pricing, before the memory and copy costs, and words the
      // halt `out of gas` (a known difference, conformance/fuzz/known-differences.ts).
      const asEthereumjs = (s: TraceStep) => (s.error === undefined ? fields(s) : { ...fields(s), error: "out of gas", gasCost: 3n });
      expect(ethereumjs.steps.map(fields)).toEqual(spec.steps.map(asEthereumjs));
      return;
    }
    expect(ethereumjs.steps.map(fields)).toEqual(spec.steps.map(fields));
    expect(ethereumjs.outcome).toEqual(spec.outcome);
  });

  // The contract STATICCALLs itself with one byte of calldata; called so, it pushes seven zeros and runs `op`.
  // CALLDATASIZE PUSH1 0x10 JUMPI, then STATICCALL(GAS, ADDRESS, 0, 1, 0, 0) STOP; at 0x10 JUMPDEST.
  const inStaticFrame = (op: number) => `0x366010576000600060016000305afa005b${"6000".repeat(7)}${op.toString(16).padStart(2, "0")}00`;
  const STATE_CHANGING = [["SSTORE", 0x55], ["TSTORE", 0x5d], ["LOG0", 0xa0], ["LOG4", 0xa4], ["CREATE", 0xf0], ["CREATE2", 0xf5], ["SELFDESTRUCT", 0xff]] as const;
  it.each(STATE_CHANGING)("%s in a static frame: write protection, once priced (EIP-214)", async (_, op) => {
    const code = inStaticFrame(op);
    const spec = await traced(specImplementation, code, 100_000n);
    const src = await traced(srcImplementation, code, 100_000n);
    const ethereumjs = await traced(ethereumjsImplementation, code, 100_000n);
    const failing = spec.steps.filter((s) => s.error !== undefined);
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatchObject({ op, depth: 2, error: "write protection" });
    expect(src.steps.map(fields)).toEqual(spec.steps.map(fields));
    expect(ethereumjs.steps.find((s) => s.error !== undefined)).toMatchObject({ op, depth: 2, error: "write protection" });
    expect(src.outcome).toEqual(spec.outcome);
    expect(ethereumjs.outcome).toEqual(spec.outcome);
  });

  it("a byte no fork defines: go-ethereum's name on the spec and src (ethereumjs traces it as INVALID, a known difference)", async () => {
    const spec = await traced(specImplementation, "0x60010c", 30_000n);
    const src = await traced(srcImplementation, "0x60010c", 30_000n);
    const ethereumjs = await traced(ethereumjsImplementation, "0x60010c", 30_000n);
    expect(spec.steps[1]).toMatchObject({ op: 0x0c, opName: "opcode 0xc not defined", gasCost: 0n, error: "invalid opcode" });
    expect(src.steps.map(fields)).toEqual(spec.steps.map(fields));
    const undefinedAsSpec = (s: TraceStep) => (s.pc === 2 ? { ...fields(s), op: 0x0c, opName: "opcode 0xc not defined" } : fields(s));
    expect(ethereumjs.steps[1]).toMatchObject({ op: 0xfe, opName: "INVALID" });
    expect(ethereumjs.steps.map(undefinedAsSpec)).toEqual(spec.steps.map(fields));
    expect(ethereumjs.outcome).toEqual(spec.outcome);
  });
});
