import { describe, expect, it } from "vitest";
import { SCHEDULES } from "../../../spec/fork/forks.js";
import { runPrecompile } from "../../../spec/precompiles/index.js";
import { outputHex, PLENTY, run } from "./support.js";

const ABC = "616263";

describe("SHA256 (0x02)", () => {
  it("hashes per FIPS 180-4's examples", () => {
    expect(outputHex(run(2n, ""))).toBe("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(outputHex(run(2n, ABC))).toBe("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("costs 60 + 12 per started word", () => {
    expect(run(2n, "")).toMatchObject({ gasUsed: 60n });
    expect(run(2n, "00".repeat(32))).toMatchObject({ gasUsed: 72n });
    expect(run(2n, "00".repeat(33))).toMatchObject({ gasUsed: 84n });
    expect(run(2n, "00".repeat(33), "Cancun", 83n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
  });
});

describe("RIPEMD160 (0x03)", () => {
  it("hashes per the RIPEMD-160 authors' examples, left-padded to a word", () => {
    expect(outputHex(run(3n, ""))).toBe("0x" + "00".repeat(12) + "9c1185a5c5e9fc54612808977ee8f548b2258d31");
    expect(outputHex(run(3n, ABC))).toBe("0x" + "00".repeat(12) + "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
  });

  it("costs 600 + 120 per started word", () => {
    expect(run(3n, ABC)).toMatchObject({ gasUsed: 720n });
    expect(run(3n, "00".repeat(64))).toMatchObject({ gasUsed: 840n });
    expect(run(3n, "00".repeat(65), "Frontier", 959n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
    expect(run(3n, "00".repeat(65), "Frontier", 960n)).toMatchObject({ ok: true, gasUsed: 960n });
  });
});

describe("IDENTITY (0x04)", () => {
  it("returns its input, including empty input", () => {
    expect(outputHex(run(4n, ""))).toBe("0x");
    expect(outputHex(run(4n, "00ff00" + ABC))).toBe("0x00ff00" + ABC);
  });

  it("returns a copy, not the caller's buffer", () => {
    const input = new Uint8Array([1, 2, 3]);
    const result = runPrecompile(4n, input, PLENTY, SCHEDULES.Frontier);
    expect(result.ok && result.output).not.toBe(input);
    input[0] = 9;
    expect(result.ok && Array.from(result.output)).toEqual([1, 2, 3]);
  });

  it("costs 15 + 3 per started word", () => {
    expect(run(4n, "")).toMatchObject({ gasUsed: 15n });
    expect(run(4n, "00".repeat(32))).toMatchObject({ gasUsed: 18n });
    expect(run(4n, "00".repeat(33))).toMatchObject({ gasUsed: 21n });
  });
});
