import { describe, expect, it } from "vitest";
import { SCHEDULES } from "../../../spec/fork/forks.js";
import { FORKS } from "../../../spec/fork/names.js";
import { isPrecompile, PRECOMPILES, runPrecompile, UnknownPrecompile } from "../../../spec/precompiles/index.js";
import { SVM_PRECOMPILE_ADDRESSES } from "../../../spec/fork/svm-addresses.js";
import { SVM_PRECOMPILES } from "../../../spec/precompiles/svm/index.js";
import { run } from "./support.js";

describe("precompile table", () => {
  it("lives at addresses 1..0x11, 0x100 and SVM's implemented ones, in address order", () => {
    expect(PRECOMPILES.map((p) => p.address)).toEqual([
      ...Array.from({ length: 0x11 }, (_, i) => BigInt(i + 1)),
      0x100n,
      ...SVM_PRECOMPILE_ADDRESSES,
    ]);
  });

  it("the SVM fork lists exactly the SVM precompiles the spec defines", () => {
    expect(SCHEDULES.SVM.precompiles.filter((a) => a >= 0x010000n)).toEqual(SVM_PRECOMPILES.map((p) => p.address));
  });

  it("grows with the forks: 4 in Frontier, 8 from Byzantium, 9 from Istanbul, 10 from Cancun, 17 from Prague, 18 in Osaka", () => {
    const count = (fork: (typeof FORKS)[number]) =>
      [...Array(0x101).keys()].filter((a) => isPrecompile(BigInt(a), SCHEDULES[fork])).length;
    expect(count("Frontier")).toBe(4);
    expect(count("Homestead")).toBe(4);
    expect(count("EIP158")).toBe(4);
    expect(count("Byzantium")).toBe(8);
    expect(count("ConstantinopleFix")).toBe(8);
    expect(count("Istanbul")).toBe(9);
    expect(count("Shanghai")).toBe(9);
    expect(count("Cancun")).toBe(10);
    expect(count("Prague")).toBe(17);
    expect(count("Osaka")).toBe(18);
    expect(isPrecompile(0x100n, SCHEDULES.Osaka)).toBe(true);
    expect(isPrecompile(0x100n, SCHEDULES.Prague)).toBe(false);
    expect(isPrecompile(0x12n, SCHEDULES.Osaka)).toBe(false);
  });

  it("never counts address 0 or addresses past the fork's last", () => {
    expect(isPrecompile(0n, SCHEDULES.Cancun)).toBe(false);
    expect(isPrecompile(11n, SCHEDULES.Cancun)).toBe(false);
    expect(isPrecompile(5n, SCHEDULES.Homestead)).toBe(false);
    expect(isPrecompile(2n ** 160n - 1n, SCHEDULES.Cancun)).toBe(false);
  });

  it("rejects a schedule naming a precompile the spec does not define", () => {
    const later = { ...SCHEDULES.Osaka, precompiles: [...SCHEDULES.Osaka.precompiles, 0x12n] };
    expect(() => isPrecompile(0x12n, later)).toThrow(/defines none there/);
  });

  it("refuses to run at an address without a precompile", () => {
    expect(() => runPrecompile(9n, new Uint8Array(213), 100n, SCHEDULES.Byzantium)).toThrow(UnknownPrecompile);
    expect(() => runPrecompile(0n, new Uint8Array(0), 100n, SCHEDULES.Cancun)).toThrow(UnknownPrecompile);
  });

  it("rejects a negative gas limit", () => {
    expect(() => runPrecompile(4n, new Uint8Array(0), -1n, SCHEDULES.Cancun)).toThrow(RangeError);
  });

  it("fails with 'out of gas' one below the price and succeeds at it", () => {
    expect(run(4n, "00", "Cancun", 17n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
    expect(run(4n, "00", "Cancun", 18n)).toMatchObject({ ok: true, gasUsed: 18n });
  });
});
