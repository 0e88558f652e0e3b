/** `svm run` through the CLI entry point, on the ethereumjs peer. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";

async function svm(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((out += String(chunk)), true));
  const log = vi.spyOn(console, "log").mockImplementation((...parts) => void (out += parts.join(" ") + "\n"));
  const error = vi.spyOn(console, "error").mockImplementation((...parts) => void (err += parts.join(" ") + "\n"));
  try {
    return { code: await main(args), out, err };
  } finally {
    write.mockRestore();
    log.mockRestore();
    error.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

// PUSH1 1, PUSH1 2, ADD, PUSH1 0, MSTORE, PUSH1 32, PUSH1 0, RETURN
const ADD_AND_RETURN = "600160020160005260206000f3";

describe("svm run", () => {
  it("prints output, gas used and status", async () => {
    const { code, out } = await svm("run", "--code", ADD_AND_RETURN, "--impl", "ethereumjs");
    expect(code).toBe(0);
    expect(out).toContain("status:   success");
    // 21000 intrinsic + PUSH1, PUSH1, ADD, PUSH1 (3 each) + MSTORE (3 + 3 for one memory word) + PUSH1, PUSH1 (3 each) + RETURN (0)
    expect(out).toContain("gas used: 21024");
    expect(out).toContain(`output:   0x${"0".repeat(63)}3`);
  });

  it("prints JSON, and counts calldata in the gas", async () => {
    const { out } = await svm("run", "--code", "0x00", "--input", "0x0001", "--impl", "ethereumjs", "--json");
    const result = JSON.parse(out);
    expect(result).toMatchObject({ status: "success", output: "0x", gasUsed: String(21_000 + 4 + 16) });
  });

  it("traces with EIP-3155 lines and a summary line", async () => {
    const { out } = await svm("run", "--code", "600160020100", "--impl", "ethereumjs", "--trace", "--json");
    const lines = out.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((l) => l.opName)).toEqual(["PUSH1", "PUSH1", "ADD", "STOP", undefined]);
    expect(lines[2]).toMatchObject({ pc: 4, op: 1, gasCost: "0x3", stack: ["0x1", "0x2"], depth: 1 });
    expect(lines[4]).toMatchObject({ output: "0x", gasUsed: "0x5211" });
  });

  it("exits 1 on a revert and on a rejected transaction", async () => {
    expect((await svm("run", "--code", "60006000fd", "--impl", "ethereumjs")).code).toBe(1);
    const rejected = await svm("run", "--code", "00", "--gas", "20000", "--impl", "ethereumjs");
    expect(rejected.code).toBe(1);
    expect(rejected.out).toContain("INTRINSIC_GAS_TOO_LOW");
  });

  it.each([
    [["--code", "0xzz"], "--code"],
    [["--code", "00", "--input", "abc"], "--input"],
    [["--code", "00", "--gas", "lots"], "--gas"],
    [["--code", "00", "--fork", "Prague"], "--fork"],
    [["--input", "00"], "--code"],
    [["--code", "00", "--gas", "0"], "gas"],
  ])("rejects %j naming the flag", async (args, flag) => {
    const { code, err } = await svm("run", ...args, "--impl", "ethereumjs");
    expect(code).toBe(2);
    expect(err).toContain(flag);
  });
});
