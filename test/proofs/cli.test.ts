/** `svm prove` end to end: a Solidity file with a safe and an unsafe property, bytecode mode, the JSON report. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SVM = join(import.meta.dirname, "../../bin/svm.js");

function prove(args: string[]): { status: number; stdout: string } {
  try {
    return { status: 0, stdout: execFileSync("node", [SVM, "prove", ...args], { encoding: "utf8" }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, stdout: failed.stdout };
  }
}


const FIXTURES = join(import.meta.dirname, "fixtures");

interface FixtureResult {
  readonly function: string;
  readonly status: string;
  readonly bounds: readonly string[];
  readonly counterexample: { readonly failure: string; readonly calls: { readonly value: string; readonly calldata: string }[] } | null;
}

interface FixtureRun {
  readonly status: number;
  readonly stdout: string;
  readonly results: readonly FixtureResult[];
  /** The result of the function whose name starts with `prefix`. */
  result(prefix: string): FixtureResult | undefined;
  statusOf(prefix: string): string | undefined;
}

/** Runs `svm prove` on a file of test/proofs/fixtures and reads its JSON report. */
function proveFixture(file: string, args: string[] = []): FixtureRun {
  const json = join(mkdtempSync(join(tmpdir(), "svm-prove-")), "out.json");
  const run = prove([join(FIXTURES, file), "--json", json, ...args]);
  const results = (JSON.parse(readFileSync(json, "utf8")) as { results: FixtureResult[] }).results;
  const result = (prefix: string) => results.find((r) => r.function.startsWith(prefix));
  return { ...run, results, result, statusOf: (prefix) => result(prefix)?.status };
}

/**
 * Every `prove_safe_…` function passed and every `prove_unsafe_…` one failed, `count` in all; the
 * safe ones named in `bounded` held only within the bounds given (and are `bounded`, not `pass`).
 */
function expectVerdictsByName(run: FixtureRun, count: number, bounded: Record<string, readonly string[]> = {}): void {
  expect(run.results).toHaveLength(count);
  for (const result of run.results) {
    const name = result.function.replace(/\(.*/, "");
    const expected = name.startsWith("prove_safe_") ? (bounded[name] !== undefined ? "bounded" : "pass") : "fail";
    expect(result.status, `${result.function}\n${run.stdout}`).toBe(expected);
    if (expected === "bounded") expect(result.bounds, result.function).toEqual(bounded[name]);
    if (expected === "pass") expect(result.bounds, result.function).toEqual([]);
  }
}

/** The bound a property hits when a symbolic address becomes an account (vm.prank, vm.deal of a symbolic address). */
const DISTINCT_ADDRESS = ["a symbolic address used as an account is none of the existing accounts"];

describe("svm prove", () => {
  it("passes a safe property, refutes an unsafe one with a decoded counterexample, and writes JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "svm-prove-"));
    writeFileSync(
      join(dir, "Small.t.sol"),
      `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import "forge-std/Test.sol";
contract SmallTest is Test {
    function prove_safe_bounded(uint8 a) public {
        assertLe(uint256(a) * 2, 510);
    }
    function prove_unsafe_magic(uint256 a) public {
        assertTrue(a != 0x1234);
    }
}
`,
    );
    const json = join(dir, "out.json");
    const run = prove([join(dir, "Small.t.sol"), "--json", json]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\[PASS\] SmallTest\.prove_safe_bounded\(uint8\)/);
    expect(run.stdout).toMatch(/\[FAIL\] SmallTest\.prove_unsafe_magic\(uint256\)/);
    expect(run.stdout).toContain("prove_unsafe_magic(a=4660)");
    expect(run.stdout).toMatch(/1 passed, 0 bounded, 1 failed, 0 unknown/);
    const report = JSON.parse(readFileSync(json, "utf8")) as { results: { function: string; status: string; counterexample: { calls: { calldata: string }[] } | null }[] };
    const unsafe = report.results.find((r) => r.function === "prove_unsafe_magic(uint256)");
    expect(unsafe?.status).toBe("fail");
    expect(unsafe?.counterexample?.calls[0]?.calldata).toMatch(/1234$/);
  });

  it("finds an INVALID reachable with symbolic calldata in bytecode", () => {
    // PUSH1 0, CALLDATALOAD, PUSH1 7, JUMPI, STOP, JUMPDEST, INVALID
    const run = prove(["0x600035600757005bfe"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\[FAIL\] bytecode/);
    const safe = prove(["0x600035600757005b00"]);
    expect(safe.status).toBe(0);
    expect(safe.stdout).toMatch(/1 passed, 0 bounded, 0 failed, 0 unknown/);
  });

  it("treats a require as an assumption by default, and as a failure with --revert-fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "svm-prove-"));
    writeFileSync(
      join(dir, "Guard.t.sol"),
      `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import "forge-std/Test.sol";
contract GuardTest is Test {
    function prove_guarded(uint256 a) public {
        require(a < 100, "too large");
        assertLt(a * 2, 200);
    }
    function prove_overflow_panics(uint256 a) public {
        assertGe(a + 1, a);
    }
}
`,
    );
    const halmos = prove([join(dir, "Guard.t.sol")]);
    expect(halmos.stdout).toMatch(/\[PASS\] GuardTest\.prove_guarded\(uint256\)/);
    expect(halmos.stdout).toMatch(/\[PASS\] GuardTest\.prove_overflow_panics\(uint256\)/);
    expect(halmos.status).toBe(0);
    const withOverflowPanic = prove([join(dir, "Guard.t.sol"), "--panic", "0x11"]);
    expect(withOverflowPanic.stdout).toMatch(/\[FAIL\] GuardTest\.prove_overflow_panics\(uint256\)/);
    expect(withOverflowPanic.stdout).toMatch(/\[PASS\] GuardTest\.prove_guarded\(uint256\)/);
    const forge = prove([join(dir, "Guard.t.sol"), "--revert-fails"]);
    expect(forge.stdout).toMatch(/\[FAIL\] GuardTest\.prove_guarded\(uint256\)/);
    expect(forge.status).toBe(1);
  });

  it("calls payable targets of an invariant with any value, and replays the value it found", () => {
    const run = proveFixture("Bank.t.sol", ["--depth", "1"]);
    expect(run.status).toBe(1);
    // An invariant holds only up to the depth explored: bounded, never a plain pass.
    expect(run.statusOf("invariant_safe_balance_matches_total"), run.stdout).toBe("bounded");
    expect(run.result("invariant_safe_balance_matches_total")?.bounds).toEqual(["depth 1", "msg.value < 2^96"]);
    expect(run.statusOf("invariant_unsafe_no_jackpot"), run.stdout).toBe("fail");
    expect(run.result("invariant_unsafe_no_jackpot")?.counterexample?.calls[0]?.value).toBe((1337n * 10n ** 18n).toString());
  });

  it("behaves like forge where tests rely on it: expectRevert's dummy result, a funded test contract, pranked senders pay", () => {
    for (const convention of [[], ["--revert-fails"]]) {
      const run = proveFixture("Compat.t.sol", convention);
      expect(run.status, run.stdout).toBe(1);
      expectVerdictsByName(run, 4, { prove_safe_pranked_sender_pays: DISTINCT_ADDRESS });
    }
  });

  it("moves symbolic amounts of ether: dealt, paid by a pranked sender, withdrawn", () => {
    const run = proveFixture("Bank2.t.sol");
    expect(run.status, run.stdout).toBe(1);
    expectVerdictsByName(run, 4, { prove_safe_deposit_credits: DISTINCT_ADDRESS });
  });

  it("runs forge-std's other cheatcodes, and fails a property whose vm.expectRevert is not met", () => {
    const run = proveFixture("Cheats2.t.sol");
    expect(run.status, run.stdout).toBe(1);
    expectVerdictsByName(run, 13);
    expect(run.result("prove_unsafe_expect_revert_unmet")?.counterexample?.failure).toBe("a vm.expectRevert was not met");
  });

  it("checks vm.expectEmit (topics and data as asked, from the emitter asked) and vm.expectCall", () => {
    const run = proveFixture("Emit.t.sol");
    expect(run.status, run.stdout).toBe(1);
    expectVerdictsByName(run, 5);
    expect(run.result("prove_unsafe_buggy_transfer_emits")?.counterexample?.failure).toBe("a vm.expectEmit was not met");
    expect(run.result("prove_unsafe_expected_call_missing")?.counterexample?.failure).toBe("a vm.expectCall was not met");
  });

  it("deploys compiled contracts by name with vm.getCode and forge-std's deployCode", () => {
    const run = proveFixture("DeployCode.t.sol");
    expect(run.status, run.stdout).toBe(1);
    expectVerdictsByName(run, 2);
  });

  it("deploys contracts with symbolic constructor arguments, and names symbolic immutables as unsupported", () => {
    const run = proveFixture("Ctor.t.sol");
    expect(run.status, run.stdout).toBe(1);
    expect(run.statusOf("prove_safe_constructor_args"), run.stdout).toBe("pass");
    expect(run.statusOf("prove_unsafe_constructor_args"), run.stdout).toBe("fail");
    expect(run.statusOf("prove_immutable"), run.stdout).toBe("unknown");
    expect(run.stdout).toMatch(/deploying code with symbolic bytes/);
  });

  it("holds proveFail_ properties to failing on every input (ds-test and hevm's convention)", () => {
    const run = proveFixture("Pf.t.sol");
    expect(run.status, run.stdout).toBe(1);
    expect(run.statusOf("proveFail_overdraw"), run.stdout).toBe("pass");
    expect(run.statusOf("proveFail_assertion"), run.stdout).toBe("pass");
    expect(run.statusOf("proveFail_unsafe_sometimes_succeeds"), run.stdout).toBe("fail");
    expect(run.statusOf("prove_plain"), run.stdout).toBe("pass");
  });

  it("compiles a pin to a compiler that is not installed with its line's newest, and checks a folder's other files past one that does not compile", () => {
    const dir = mkdtempSync(join(tmpdir(), "svm-prove-"));
    writeFileSync(
      join(dir, "Pinned.t.sol"),
      'pragma solidity 0.8.19;\nimport "ds-test/test.sol";\ncontract PinnedTest is DSTest { function prove_small(uint8 a) public { assertTrue(uint256(a) < 256); } }\n',
    );
    writeFileSync(join(dir, "Broken.t.sol"), "pragma solidity ^0.8.0;\ncontract Broken { function f( }\n");
    const json = join(dir, "out.json");
    const run = prove([dir, "--json", json]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\[PASS\] PinnedTest\.prove_small\(uint8\)/);
    expect(run.stdout).toMatch(/1 passed, 0 bounded, 0 failed, 0 unknown, 1 file not checked/);
    const report = JSON.parse(readFileSync(json, "utf8")) as { errors: { file: string; message: string }[] };
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.file).toMatch(/Broken\.t\.sol$/);
    expect(report.errors[0]?.message).toMatch(/ParserError/);
    expect(prove([join(dir, "Pinned.t.sol"), "--strict-pragma"]).status).not.toBe(0);
  });

  it("rejects bad flags", () => {
    expect(prove(["x.sol", "--panic", "0x11", "--revert-fails"]).status).toBe(2);
    expect(prove(["x.sol", "--loop", "0"]).status).toBe(2);
    expect(prove(["--bogus"]).status).toBe(2);
  });
});
