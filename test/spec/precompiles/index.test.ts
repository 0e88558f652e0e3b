import { describe, expect, it } from "vitest";
import { SCHEDULES } from "../../../spec/fork/forks.js";
import { FORKS } from "../../../spec/fork/names.js";
import { isPrecompile, PRECOMPILES, runPrecompile, UnknownPrecompile } from "../../../spec/precompiles/index.js";
import { run } from "./support.js";

describe("precompile table", () => {
  it("lives at addresses 1..10 in address order", () => {
    expect(PRECOMPILES.map((p) => p.address)).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n]);
  });

  it("grows with the forks: 4 in Frontier, 8 from Byzantium, 9 from Istanbul, 10 from Cancun", () => {
    const count = (fork: (typeof FORKS)[number]) =>
      [...Array(12).keys()].filter((a) => isPrecompile(BigInt(a), SCHEDULES[fork])).length;
    expect(count("Frontier")).toBe(4);
    expect(count("Homestead")).toBe(4);
    expect(count("EIP158")).toBe(4);
    expect(count("Byzantium")).toBe(8);
    expect(count("ConstantinopleFix")).toBe(8);
    expect(count("Istanbul")).toBe(9);
    expect(count("Shanghai")).toBe(9);
    expect(count("Cancun")).toBe(10);
  });

  it("never counts address 0 or addresses past the fork's last", () => {
    expect(isPrecompile(0n, SCHEDULES.Cancun)).toBe(false);
    expect(isPrecompile(11n, SCHEDULES.Cancun)).toBe(false);
    expect(isPrecompile(5n, SCHEDULES.Homestead)).toBe(false);
    expect(isPrecompile(2n ** 160n - 1n, SCHEDULES.Cancun)).toBe(false);
  });

  it("rejects a schedule naming more precompiles than the spec defines", () => {
    const later = { ...SCHEDULES.Cancun, precompileCount: 17 };
    expect(() => isPrecompile(1n, later)).toThrow(/17 precompiles/);
  });

  it("refuses to run at an address without a precompile", () => {
    expect(() => runPrecompile(9n, new Uint8Array(213), 100n, SCHEDULES.Byzantium)).toThrow(UnknownPrecompile);
    expect(() => runPrecompile(0n, new Uint8Array(0), 100n, SCHEDULES.Cancun)).toThrow(UnknownPrecompile);
  });

  it("rejects a negative gas limit", () => {
    expect(() => runPrecompile(4n, new Uint8Array(0), -1n, SCHEDULES.Cancun)).toThrow(RangeError);
  });

  it("fails with 'out of gas' one below the price and succeeds at it", () => {
    expect(run(4n, "00", "Cancun", 17n)).toEqual({ ok: false, reason: "out of gas" });
    expect(run(4n, "00", "Cancun", 18n)).toMatchObject({ ok: true, gasUsed: 18n });
  });
});
