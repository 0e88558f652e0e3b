/**
 * Prague and Osaka as schedule data: EIP-7840's blob schedule pinned to the `config.blobSchedule`
 * that execution-spec-tests writes into its fixtures, and the opcode EIP-7939 adds (CLZ, run by
 * the spec's rule on concrete words, expected values worked by hand).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { isKnownFork } from "../../spec/fork/names.js";
import { CLZ } from "../../spec/machine/rules/comparison.js";
import type { Frame } from "../../spec/machine/frame.js";
import { concreteWords } from "../../spec/word/concrete.js";
import { eestRoot } from "../../conformance/vectors-location.js";

function firstFixture(folder: string): string {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isFile() && entry.name.endsWith(".json")) return path;
    if (entry.isDirectory()) {
      const found = firstFixture(path);
      if (found !== "") return found;
    }
  }
  return "";
}

describe("blob schedule (EIP-7691, EIP-7840)", () => {
  it("matches the fixtures' config.blobSchedule for every fork they list", () => {
    const root = eestRoot();
    if (root === undefined) throw new Error("execution-spec-tests fixtures not found (SVM_EEST_DIR)");
    const file = JSON.parse(readFileSync(firstFixture(join(root, "state_tests", "osaka")), "utf8")) as Record<string, { config: { blobSchedule: Record<string, Record<string, string>> } }>;
    const schedule = Object.values(file)[0]!.config.blobSchedule;
    expect(Object.keys(schedule)).toEqual(["Cancun", "Prague", "Osaka"]);
    for (const [fork, parameters] of Object.entries(schedule)) {
      if (!isKnownFork(fork)) throw new Error(`unknown fork ${fork}`);
      const s = SCHEDULES[fork];
      expect({ fork, target: s.targetBlobsPerBlock, max: s.maxBlobsPerBlock, fraction: s.blobBaseFeeUpdateFraction }).toEqual({
        fork,
        target: Number(parameters.target),
        max: Number(parameters.max),
        fraction: BigInt(parameters.baseFeeUpdateFraction!),
      });
    }
  });
});

describe("CLZ (EIP-7939)", () => {
  const clz = (value: bigint): bigint => {
    const stack = [value];
    const frame = { words: concreteWords, pop: () => stack.pop()!, push: (v: bigint) => stack.push(v), pc: 0 } as unknown as Frame<bigint, Uint8Array>;
    CLZ(frame);
    return stack[0]!;
  };

  it("counts leading zero bits, 256 for zero", () => {
    expect(clz(0n)).toBe(256n);
    expect(clz(1n)).toBe(255n);
    expect(clz(3n)).toBe(254n);
    expect(clz(1n << 255n)).toBe(0n);
    expect(clz((1n << 256n) - 1n)).toBe(0n);
    expect(clz((1n << 200n) + 5n)).toBe(55n);
    for (let bit = 0n; bit < 256n; bit++) expect(clz(1n << bit)).toBe(255n - bit);
  });

  it("exists from Osaka only", () => {
    expect(SCHEDULES.Osaka.opcodes.has(0x1e)).toBe(true);
    expect(SCHEDULES.Prague.opcodes.has(0x1e)).toBe(false);
  });
});
