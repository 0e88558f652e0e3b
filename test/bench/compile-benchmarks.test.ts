/** The compile tier's worst-case benchmark: each adversarial code is compiled or refused, and the table says which. */
import { describe, expect, it } from "vitest";
import { compileBenchmarks, compileBenchmarksTable } from "../../src/bench/compile-benchmarks.js";

describe("compile-tier worst cases", () => {
  it("compiles the bounded ones, leaves the oversized ones to the interpreter, and filters by name", () => {
    const cases = compileBenchmarks(/^compile\/(dup-chain-overflow|over-size-cap)/, 1);
    expect(cases.map((c) => [c.name, c.compiled])).toEqual([
      ["compile/dup-chain-overflow-1024", true],
      ["compile/over-size-cap-49153", false],
    ]);
    // A refusal is remembered in 64 bytes; compiled code holds its text.
    expect(cases[0]!.cacheBytes).toBeGreaterThan(1024);
    expect(cases[1]!.cacheBytes).toBe(64);
    const table = compileBenchmarksTable(cases);
    expect(table).toMatch(/compile\/over-size-cap-49153\s+\| left to the interpreter \|\s+49154 \|/);
  });
});
