/**
 * The compile tier with chunks of a few hundred characters, so that the small programs of the
 * fuzzer's generator spread over many chunks: every jump, fall-through and return between blocks
 * crosses a chunk, a constant jump reaches a copy of its target in the jumping chunk (a
 * satellite) or leaves through the driver, and a dynamic jump dispatches through the block tables.
 * With the default limits, most generated programs fit one chunk and never exercise that.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildScenario } from "../../conformance/fuzz/build.js";
import { compareOutcomes } from "../../conformance/fuzz/compare-outcomes.js";
import { scenarioArb } from "../../conformance/fuzz/scenario.js";
import { specImplementation } from "../../conformance/impls/spec.js";
import type { CaseOutcome } from "../../interface/implementation.js";
import { DEFAULT_GENERATION_LIMITS } from "../../src/vm/compile/codegen.js";
import { compileCacheStats, compiledFrameCount, currentTier, setGenerationLimits, setTier } from "../../src/vm/compile/tier.js";
import { srcImplementationWithTier } from "../../src/vm/implementation.js";
import { hex, sweepGas } from "../support/compile-tier-compare.js";

const RUNS = Number(process.env.SVM_TIER_FUZZ_RUNS ?? 300);
const compiled = srcImplementationWithTier("always");

/**
 * A loop that calls an internal function ten times, Solidity's way: the caller pushes its return
 * address and jumps to the function with a constant; the function returns by a dynamic jump.
 * acc = acc·3 + counter for counter = 10 … 1; mstore(0, acc); return(0, 32).
 */
const CALL_AND_RETURN = [
  "6000 600a", // acc = 0, counter = 10
  "5b 6010 6030 56", // 4: loop: push the return address 0x10, jump to the function at 0x30
  "000000000000",
  "5b 600190 03 80 6004 57", // 16: return here; counter -= 1; loop while counter != 0
  "50 600052 60206000f3", // return acc
  "0000000000000000000000000000",
  "5b 91 600302 81 01 91 56", // 48: acc = acc·3 + counter; jump back to the return address
].join("");

/** A jump table: a computed destination (0x20 + 8·selector) picks one of three blocks, each of which stores a different word. */
const JUMP_TABLE = [
  "600035 6008 02 6020 01 56", // destination = 0x20 + 8 · calldataload(0)
  "00".repeat(22),
  "5b 6011 6000 55 00 00", // 0x20: sstore(0, 0x11)
  "5b 6022 6000 55 00 00", // 0x28: sstore(0, 0x22)
  "5b 6033 6000 55 00", // 0x30: sstore(0, 0x33)
].join("");

describe("compile tier ≡ interpreter with chunks of a few blocks", () => {
  const initialTier = currentTier();
  beforeAll(() => setGenerationLimits({ ...DEFAULT_GENERATION_LIMITS, chunkChars: 400, satelliteChars: 300 }));
  afterAll(() => {
    setGenerationLimits(DEFAULT_GENERATION_LIMITS);
    setTier(initialTier);
  });

  it("an internal call and its dynamic return cross chunks: same result at every gas limit", () => {
    const full = sweepGas(hex(CALL_AND_RETURN));
    let acc = 0n;
    for (let counter = 10n; counter >= 1n; counter--) acc = acc * 3n + counter;
    expect(Buffer.from(full.output).toString("hex")).toBe(acc.toString(16).padStart(64, "0"));
  });

  it("a computed jump into another chunk lands on its target", () => {
    for (const selector of [0, 1, 2, 3]) {
      const input = new Uint8Array(32);
      input[31] = selector;
      const result = sweepGas(hex(JUMP_TABLE), input);
      expect(result.status).toBe(selector < 3 ? "success" : "invalid jump destination");
      if (selector < 3) expect(result.storage.get(0n)).toBe([0x11n, 0x22n, 0x33n][selector]);
    }
  });
});

describe("fuzz: spec ⇄ src-compiled with chunks of a few blocks", () => {
  beforeAll(() => setGenerationLimits({ ...DEFAULT_GENERATION_LIMITS, chunkChars: 400, satelliteChars: 300 }));
  afterAll(() => setGenerationLimits(DEFAULT_GENERATION_LIMITS));

  it(`agrees on ${RUNS} generated scenarios`, { timeout: 180_000 }, async () => {
    const frames = compiledFrameCount();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const { testCase } = buildScenario(scenario, `tier-small-chunks-${run++}`);
        const a = (await specImplementation.runStateTest(testCase)) as CaseOutcome;
        const b = (await compiled.runStateTest(testCase)) as CaseOutcome;
        expect(compareOutcomes(a, b)).toEqual([]);
      }),
      { seed: 1207, numRuns: RUNS },
    );
    expect(compileCacheStats().compiled).toBeGreaterThan(0);
    expect(compiledFrameCount()).toBeGreaterThan(frames);
  });
});
