/**
 * The compile tier (src/vm/compile) against the interpreter: the same code under every gas limit
 * around what it needs, so that each block's up-front charge, every mid-block dynamic charge and
 * every exit to the interpreter is met by running out of gas exactly there; stack limits; gas held
 * beyond 2^52; code built to blow up the compiler; the adaptive threshold; tracing.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { TraceStep } from "../../interface/implementation.js";
import { compileCacheStats, compiledFrameCount, currentTier, HOT_GAS_PER_BYTE, parseTierMode, setTier, type TierMode } from "../../src/vm/compile/tier.js";
import { MAX_COMPILED_CODE_SIZE } from "../../src/vm/compile/cache.js";
import { runCode } from "../../src/vm/run-code.js";
import { expectSame, hex, sweepGas } from "../support/compile-tier-compare.js";
import { deepStackChain, hugeBlock, jumpdestCarpet, maximumInitcode, overSizeCap, stackOverflowChain } from "../../src/bench/adversarial-code.js";

const initialTier = currentTier();
afterEach(() => setTier(initialTier));

function repeat(part: string, times: number): string {
  return part.repeat(times);
}

const PROGRAMS: Record<string, string> = {
  // counter = 20; do { counter -= 1 } while (counter != 0); mstore(0, 42); return(0, 32)
  loop: "6014 5b 600190 03 80 6002 57 50 602a60005260206000f3",
  // A far MSTORE in the middle of a block (memory expansion with static gas still to come), then more work.
  "memory expansion mid-block": "6001 611000 52 6001 6002 01 50 6120 00 51 6000 52 60206000f3",
  // SSTORE (its handler reads gas for the EIP-2200 sentry) twice in one block, GAS and PC captured.
  "storage and gas mid-block": "6001 6000 55 6002 6001 55 5a 6000 52 58 6020 52 60406000f3",
  // Keccak and CALLDATACOPY (handlers with dynamic gas), CALLDATALOAD inside and across the end of the input.
  handlers: "6020 6000 6000 37 6020 6000 20 6000 52 6010 35 6020 52 6100ff 35 6040 52 60606000f3",
  "wide words": "7f8000000000000000000000000000000000000000000000000000000000000003 6007 81 81 05 6000 52 81 81 12 6020 52 81 81 13 6040 52 6004 1b 6060 52 6004 6000 03 6002 04 6080 52 60a06000f3",
  "stack underflow": "6001 6002 01 01",
  "stack overflow": "5b 6001 6000 56",
  "invalid jump": "6003 6002 01 56 5b 00",
  "undefined opcode mid-block": "6001 6002 0c 00",
  "static jump to a non-JUMPDEST": "6005 56 00 00 00 00",
  "revert with data": "6011 6000 52 6020 6000 fd",
  "push truncated by the end": "6001 61ff",
  "jumpi not taken at the end": "6000 6000 57",
  // CALLDATALOAD at constant offsets (the input is 48 bytes): inside, across the end, at and past it, and at 2^256 − 1.
  "calldataload at constant offsets": "6000 35 6000 52 6020 35 6020 52 602f 35 6040 52 6030 35 6060 52 7f" + "ff".repeat(32) + " 35 6080 52 60a06000f3",
  // Words a block already holds: MSTORE then MLOAD at 0x40; an overlapping MSTORE at 0x50; a
  // CALLDATACOPY (a handler) over 0x80; an MSTORE at a computed offset over 0xa0; MSTORE8 into 0xc0.
  "memory words held by the block": [
    "6011 6040 52 6040 51 6000 52",
    "6022 6040 52 6033 6050 52 6040 51 6020 52",
    "6044 6080 52 6008 6000 6080 37 6080 51 6040 52",
    "6055 60a0 52 6066 6001 609f 01 52 60a0 51 6060 52",
    "6077 60c0 52 60ff 60c1 53 60c0 51 6080 52",
    "60c0 51 60c0 51 01 60a0 52 60c06000f3",
  ].join(" "),
};

describe("compile tier ≡ interpreter", () => {
  for (const [name, program] of Object.entries(PROGRAMS)) {
    it(`${name}: same status, output, gas and storage at every gas limit`, () => {
      sweepGas(hex(program), hex(repeat("c3", 48)));
    });
  }

  it("gas beyond 2^52 waits in the reserve and stays exact", () => {
    for (const program of [PROGRAMS.loop!, PROGRAMS["storage and gas mid-block"]!, PROGRAMS["memory expansion mid-block"]!]) {
      expectSame(hex(program), 2n ** 60n + 12345n);
      expectSame(hex(program), 2n ** 52n + 1n);
    }
  });

  it("a traced run is the interpreter's, step for step", () => {
    const traced = (tier: TierMode) => {
      const steps: TraceStep[] = [];
      setTier(tier);
      runCode({ code: hex(PROGRAMS.loop!), gas: 100_000n, tracer: { step: (s) => steps.push(s) } });
      return steps;
    };
    const interpreted = traced("never");
    expect(interpreted.length).toBeGreaterThan(100);
    expect(traced("always")).toEqual(interpreted);
  });
});

describe("adversarial code", () => {
  /** Runs with the tier on and off; the compiler's time and the cache's growth for this code are returned. */
  function measure(code: Uint8Array, gas = 50_000_000n): { ms: number; compiled: boolean; bytes: number } {
    const before = compileCacheStats();
    expectSame(code, gas);
    const after = compileCacheStats();
    expect(after.compiled + after.refused).toBe(before.compiled + before.refused + 1);
    return { ms: after.compileMs - before.compileMs, compiled: after.compiled > before.compiled, bytes: after.bytes - before.bytes };
  }

  it("24 KiB of JUMPDESTs compiles in bounded time and memory", () => {
    const result = measure(jumpdestCarpet());
    expect(result.ms).toBeLessThan(5_000);
    expect(result.bytes).toBeLessThan(64 * 1024 * 1024);
  });

  it("one huge basic block (12 000 PUSH1/POP pairs) compiles in bounded time", () => {
    const result = measure(hugeBlock());
    expect(result.compiled).toBe(true);
    expect(result.ms).toBeLessThan(5_000);
  });

  it("deep DUP and SWAP chains to the stack limit compile, and overflow as the interpreter does", () => {
    measure(deepStackChain());
    measure(stackOverflowChain());
  });

  it("maximum-size initcode (49 152 bytes) of mixed instructions compiles or is left to the interpreter, in bounded time", () => {
    const code = maximumInitcode();
    expect(code.length).toBe(MAX_COMPILED_CODE_SIZE);
    expect(measure(code).ms).toBeLessThan(10_000);
  });

  it("code beyond the size cap is left to the interpreter", () => {
    const result = measure(overSizeCap());
    expect(result.compiled).toBe(false);
  });
});

describe("tier selection", () => {
  it("adaptive compiles a code once it has burnt HOT_GAS_PER_BYTE gas per byte of its size in the interpreter", () => {
    // A loop of 100 rounds; the PUSH32 makes the code unique to this test (the compile cache is per process).
    const code = hex(
      "7f" + Buffer.from("adaptive threshold test 0123456789abcdef").toString("hex").slice(0, 64) + "50" + "6064 5b 600190 03 80 6024 57 50 00".replace(/ /g, ""),
    );
    setTier("never");
    const perRun = runCode({ code, gas: 1_000_000n }).gasUsed;
    const runsToHot = Math.ceil((HOT_GAS_PER_BYTE * code.length) / Number(perRun));
    expect(runsToHot).toBeGreaterThan(2);
    setTier("adaptive");
    const before = compileCacheStats().compiled;
    for (let i = 0; i < runsToHot; i++) runCode({ code, gas: 1_000_000n });
    expect(compileCacheStats().compiled).toBe(before);
    runCode({ code, gas: 1_000_000n });
    expect(compileCacheStats().compiled).toBe(before + 1);
  });

  it("adaptive waits for heat even when always compiled the same code in this process", () => {
    const code = hex("7f" + Buffer.from("adaptive after always 0123456789abcdef012").toString("hex").slice(0, 64) + "50" + "6064 5b 600190 03 80 6024 57 50 00".replace(/ /g, ""));
    setTier("always");
    runCode({ code, gas: 1_000_000n });
    const afterAlways = compiledFrameCount();
    expect(afterAlways).toBeGreaterThan(0);
    setTier("adaptive");
    runCode({ code, gas: 1_000_000n });
    expect(compiledFrameCount()).toBe(afterAlways);
  });

  it("SVM_TIER accepts always, never and adaptive only", () => {
    expect(parseTierMode(undefined)).toBe("adaptive");
    expect(parseTierMode("")).toBe("adaptive");
    expect(parseTierMode("always")).toBe("always");
    expect(parseTierMode("adaptive")).toBe("adaptive");
    expect(parseTierMode("never")).toBe("never");
    expect(() => parseTierMode("sometimes")).toThrow(/SVM_TIER must be one of always, never, adaptive/);
  });
});
