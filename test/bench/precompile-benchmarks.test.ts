/**
 * The precompile benchmarks of `npm run bench` (no timing here): each transaction runs to
 * success on src, returns what the spec's precompile returns on the benchmark's input, and makes
 * as many calls as it says; the expected post state comes from the reference implementation.
 */
import { describe, expect, it } from "vitest";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { runPrecompile } from "../../spec/precompiles/index.js";
import type { CaseOutcome, Implementation } from "../../interface/implementation.js";
import { srcImplementation } from "../../src/vm/implementation.js";
import { precompileBenchmarks } from "../../src/bench/precompile-benchmarks.js";
import { PrecompileBenchmarkError, withReferencePostState } from "../../src/bench/precompile-expected.js";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const SMALL = { scale: 0.001, blake2fRounds: 1000 };

async function executed(implementation: Implementation, ...args: Parameters<Implementation["runStateTest"]>) {
  const outcome: CaseOutcome = await implementation.runStateTest(...args);
  if (outcome.kind !== "executed") throw new Error(`rejected: ${outcome.error}`);
  return outcome;
}

describe("precompile benchmarks", () => {
  const benchmarks = precompileBenchmarks(undefined, SMALL);

  it("cover BLAKE2F (12 rounds and one large call), MODEXP, BN254 and BLS12-381", () => {
    expect(benchmarks.map((b) => b.name)).toEqual([
      "precompile/blake2f/12-rounds",
      "precompile/blake2f/1000-rounds",
      "precompile/modexp/1024-bit-modulus",
      "precompile/modexp/4096-bit-modulus",
      "precompile/bn254/add",
      "precompile/bn254/mul",
      "precompile/bn254/pairing-2",
      "precompile/bls12-381/g1msm-8",
      "precompile/bls12-381/pairing-2",
    ]);
    expect(precompileBenchmarks(/bn254/, SMALL).map((b) => b.name)).toEqual(["precompile/bn254/add", "precompile/bn254/mul", "precompile/bn254/pairing-2"]);
  });

  it("run to success on src and return the spec precompile's output for their input", async () => {
    for (const benchmark of benchmarks) {
      const outcome = await executed(srcImplementation, benchmark.testCase);
      expect(outcome.status, benchmark.name).toBe("success");
      const { address, input } = benchmark.loop;
      const expected = runPrecompile(address, input, 1n << 40n, SCHEDULES[benchmark.testCase.fork]);
      if (!expected.ok) throw new Error(`${benchmark.name}: the spec's precompile failed: ${expected.reason}`);
      expect(hex(outcome.output), benchmark.name).toBe(hex(expected.output));
    }
  });

  it("return EIP-152's vector 5 and pairing checks that hold", async () => {
    const byName = new Map(benchmarks.map((b) => [b.name, b]));
    const output = async (name: string) => hex((await executed(srcImplementation, byName.get(name)!.testCase)).output);
    expect(await output("precompile/blake2f/12-rounds")).toBe(
      "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
    );
    expect(await output("precompile/bn254/pairing-2")).toBe("00".repeat(31) + "01");
    expect(await output("precompile/bls12-381/pairing-2")).toBe("00".repeat(31) + "01");
  });

  it("make one call per iteration: each further call costs at least the precompile's price", async () => {
    const [one] = precompileBenchmarks(/bn254\/mul/, { scale: 0.01 });
    const [three] = precompileBenchmarks(/bn254\/mul/, { scale: 0.03 });
    expect([one!.loop.calls, three!.loop.calls]).toEqual([1, 3]);
    const gasOne = (await executed(srcImplementation, one!.testCase)).gasUsed;
    const gasThree = (await executed(srcImplementation, three!.testCase)).gasUsed;
    expect(gasThree - gasOne).toBeGreaterThanOrEqual(2n * 6000n);
  });

  it("take the reference's post state, and refuse a benchmark the reference does not run to success", async () => {
    const [benchmark] = precompileBenchmarks(/blake2f\/12/, SMALL);
    const withExpected = await withReferencePostState(benchmark!, srcImplementation);
    const outcome = await executed(srcImplementation, benchmark!.testCase);
    expect(hex(withExpected.expected.stateRoot)).toBe(hex(outcome.stateRoot));
    const failing: Implementation = { name: "failing", runStateTest: () => ({ ...outcome, status: "revert" }) };
    await expect(withReferencePostState(benchmark!, failing)).rejects.toThrow(PrecompileBenchmarkError);
  });
});
