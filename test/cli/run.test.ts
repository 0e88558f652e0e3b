/** `svm run` as a script calls it: the built CLI in a subprocess, on the spec, src/vm and the ethereumjs peer. */
import { describe, expect, it } from "vitest";
import { svm } from "./svm-process.js";

// PUSH1 1, PUSH1 2, ADD, PUSH1 0, MSTORE, PUSH1 32, PUSH1 0, RETURN
const ADD_AND_RETURN = "600160020160005260206000f3";
// JUMPDEST, PUSH1 0, JUMP: 12 gas a turn, so 2^64-1 gas lasts for hours.
// Cancun: from Osaka on, EIP-7825 caps a transaction at 2^24 gas, which the loop would exhaust.
const ENDLESS = ["--code", "5b600056", "--fork", "Cancun", "--gas", "0xffffffffffffffff"];

// Copies the calldata to memory, STATICCALLs 0x010001 (SVM's SHA3_256) with it, returns 32 bytes of memory 0.
const SHA3_VIA_PRECOMPILE = "365f5f3760205f365f620100015afa5060205ff3";

describe.concurrent("svm run", () => {
  it("--fork SVM has the SVM precompiles (SHA3-256 of 'abc', FIPS 202); Osaka has nothing there", async () => {
    const svmFork = await svm(["run", "--code", SHA3_VIA_PRECOMPILE, "--input", "616263", "--fork", "SVM", "--impl", "spec", "--json"]);
    expect(JSON.parse(svmFork.stdout)).toMatchObject({ status: "success", output: "0x3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532" });
    const osaka = await svm(["run", "--code", SHA3_VIA_PRECOMPILE, "--input", "616263", "--fork", "Osaka", "--impl", "spec", "--json"]);
    expect(JSON.parse(osaka.stdout)).toMatchObject({ status: "success", output: `0x616263${"0".repeat(58)}` });
  });

  it("refuses --fork SVM on the ethereumjs peer, which has no such fork, with exit 2 and no stack trace", async () => {
    const { code, stdout, stderr } = await svm(["run", "--code", "00", "--fork", "SVM", "--impl", "ethereumjs"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("does not run fork SVM");
    expect(stderr).not.toContain("    at ");
  });

  it("prints output, gas used and status", async () => {
    const { code, stdout, stderr } = await svm(["run", "--code", ADD_AND_RETURN, "--impl", "spec"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    // 21000 intrinsic + PUSH1, PUSH1, ADD, PUSH1 (3 each) + MSTORE (3 + 3 for one memory word) + PUSH1, PUSH1 (3 each) + RETURN (0)
    expect(stdout).toBe(`status:   success\ngas used: 21024\noutput:   0x${"0".repeat(63)}3\n`);
  });

  it("prints one JSON object with gasUsed in EIP-3155 hex, and counts calldata in the gas", async () => {
    const { code, stdout } = await svm(["run", "--code", "0x00", "--input", "0x0001", "--impl", "src", "--fork", "Cancun", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: "success", output: "0x", gasUsed: `0x${(21_000 + 4 + 16).toString(16)}` });
  });

  it("defaults to Osaka, where calldata pays at least its EIP-7623 floor", async () => {
    const { code, stdout } = await svm(["run", "--code", "0x00", "--input", "0x0001", "--impl", "src", "--json"]);
    expect(code).toBe(0);
    // One zero byte (1 token) and one non-zero byte (4 tokens) at 10 gas per token, above 21000 + 4 + 16.
    expect(JSON.parse(stdout)).toMatchObject({ status: "success", gasUsed: `0x${(21_000 + 10 * (1 + 4)).toString(16)}` });
  });

  it("with --trace, stdout is EIP-3155 lines only, ending with the summary line", async () => {
    const { code, stdout } = await svm(["run", "--code", "600160020100", "--impl", "ethereumjs", "--trace"]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((l) => l.opName)).toEqual(["PUSH1", "PUSH1", "ADD", "STOP", undefined]);
    expect(lines[2]).toMatchObject({ pc: 4, op: 1, gasCost: "0x3", stack: ["0x1", "0x2"], depth: 1 });
    expect(lines[4]).toMatchObject({ output: "0x", gasUsed: "0x5211" });
  });

  it("exits 1 on a revert and on a rejected transaction", async () => {
    expect((await svm(["run", "--code", "60006000fd", "--impl", "ethereumjs"])).code).toBe(1);
    const rejected = await svm(["run", "--code", "00", "--gas", "20000", "--impl", "ethereumjs"]);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toContain("INTRINSIC_GAS_TOO_LOW");
  });

  it.each([
    [["--code", "0xzz"], "--code"],
    [["--code", "00", "--input", "abc"], "--input"],
    [["--code", "00", "--gas", "lots"], "--gas"],
    [["--code", "00", "--fork", "Pragueish"], "--fork"],
    [["--input", "00"], "--code"],
    [["--code", "00", "--gas", "0"], "gas"],
    [["--code", "--json"], "--code needs a value, got the option '--json'"],
    [["--code", "00", "--impl", "foo"], "--impl: unknown implementation 'foo'"],
    [["--code", "00", "--timeout", "0"], "--timeout"],
    [["--code", "00", "--colour"], "unknown option --colour"],
    [["--code", "00", "--gas", "1", "--gas", "2"], "--gas given twice"],
    [["--code", "00", "--json", "--json"], "--json given twice"],
    [["--code", "00", "stray"], "unexpected argument 'stray'"],
  ])("refuses %j with exit 2, naming the problem, without a stack trace", async (args, message) => {
    const { code, stdout, stderr } = await svm(["run", ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("--timeout ends a run that would not end, naming the steps and the pc reached, exit 1", async () => {
    const { code, stdout, stderr } = await svm(["run", ...ENDLESS, "--timeout", "1", "--impl", "src"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^svm run: stopped by --timeout 1 after 1\.\d s: [1-9]\d* steps, reached pc [013] \(depth 1\); the call did not finish\n$/);
  });

  it("--timeout with --json also gives the stop as JSON on stdout", async () => {
    const { code, stdout } = await svm(["run", ...ENDLESS, "--timeout", "1", "--json"]);
    expect(code).toBe(1);
    const stop = JSON.parse(stdout);
    expect(stop).toMatchObject({ status: "timeout", depth: 1 });
    expect(stop.steps).toBeGreaterThan(0);
    expect([0, 1, 3]).toContain(stop.pc);
  });

  it("Ctrl-C (SIGINT) ends a run that would not end, with the same report, exit 130", async () => {
    let sent = false;
    const { code, stdout, stderr } = await svm(["run", ...ENDLESS, "--trace"], {
      // The first trace line shows execution has started; interrupt then.
      onStdout: (_chunk, child) => {
        if (!sent) sent = child.kill("SIGINT");
      },
    });
    expect(code).toBe(130);
    expect(stderr).toMatch(/^svm run: interrupted \(Ctrl-C\) after \d+\.\d s: [1-9]\d* steps, reached pc [013] \(depth 1\); the call did not finish\n$/);
    const steps = Number(/(\d+) steps/.exec(stderr)![1]);
    // Every step counted was traced, one whole line each, but for a stop between a step's count
    // and its line.
    const lines = stdout.trimEnd().split("\n");
    expect([steps - 1, steps]).toContain(lines.length);
    expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ depth: 1 });
  });
});
