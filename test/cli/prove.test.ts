/**
 * The contract of `svm prove` (issue 9), run as a person or a CI job runs it: the built `svm` as a
 * subprocess. A flag is never taken as an option's value; output paths are checked before any
 * work; --solvers is bounded by the cores; nothing selected is exit 2 naming what matched nothing;
 * a Foundry project is checked where it stands; a counterexample shows the assertion's message,
 * the replay's console.log lines and, with -v, its call trace; unknown is exit 1.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { svm } from "./svm-process.js";

const PRAGMA = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\n";

let dir: string;
const file = (name: string) => join(dir, name);

function write(path: string, content: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, content);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "svm-prove-cli-"));
  write(
    file("Mod.t.sol"),
    `${PRAGMA}import "forge-std/Test.sol";
contract Vault {
    error TooMuch(uint256 asked, uint256 limit);
    function take(uint256 amount) external pure returns (uint256) {
        if (amount > 100) revert TooMuch(amount, 100);
        return amount;
    }
}
contract ModTest is Test {
    Vault vault;
    function setUp() public { vault = new Vault(); }
    function prove_mod(uint256 x) public {
        console.log("checking x =", x);
        assertEq(x % 7, 3, "x mod 7 must be 3");
    }
    function prove_take(uint256 amount) public view {
        vault.take(amount);
    }
}
`,
  );
  write(file("NoProperties.sol"), `${PRAGMA}contract Plain { function f() public pure returns (uint256) { return 1; } }\n`);
  write(file("Small.t.sol"), `${PRAGMA}contract SmallTest { function prove_small(uint8 x) public pure { assert(uint256(x) < 256); } }\n`);
  write(
    file("Hard.t.sol"),
    // A product of two 128-bit primes: no solver factors it within a second.
    `${PRAGMA}contract HardTest {
    function prove_hard(uint128 a, uint128 b) public pure {
        require(a > 1 && b > 1);
        assert(uint256(a) * uint256(b) != 115792089237316195423570985008687907852589419931798687112530834793049593217027);
    }
}
`,
  );
  mkdirSync(file("empty"));
});

describe("svm prove: options", () => {
  it("refuses a flag where a value belongs instead of writing a file named after it", async () => {
    const run = await svm(["prove", file("Small.t.sol"), "--json", "--revert-fails"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--json needs a value, got the option '--revert-fails'");
    expect(existsSync(file("--revert-fails"))).toBe(false);
    expect(run.stdout).toBe("");
  });

  it("checks the --json path before any work", async () => {
    const run = await svm(["prove", file("Hard.t.sol"), "--json", file("no-such-folder/out.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--json: cannot write .*no-such-folder\/out\.json/);
    expect(run.stdout).toBe("");
  });

  it("refuses more solvers than twice the cores, and names the bound", async () => {
    const cores = availableParallelism();
    const run = await svm(["prove", file("Small.t.sol"), "--solvers", String(2 * cores + 1)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`more than twice the ${cores} cores of this machine (at most ${2 * cores})`);
  });

  it("does not charge the solvers' start-up to a property's --timeout", async () => {
    // As many Z3 workers as allowed, each taking a while to start on a busy machine, and a one-second budget.
    const run = await svm(["prove", file("Small.t.sol"), "--timeout", "1", "--solvers", String(2 * availableParallelism())], { timeoutMs: 60_000 });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain("[PASS] SmallTest.prove_small(uint8)");
  });

  it("refuses an unknown calldata convention", async () => {
    const run = await svm(["prove", file("Small.t.sol"), "--calldata", "raw"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--calldata: expected 'abi' or 'abstract'");
  });
});

describe("svm prove: nothing selected is a usage error", () => {
  it.each([
    ["a file without properties", ["NoProperties.sol"], /no properties .* found contracts Plain/],
    ["--contract naming no contract", ["Small.t.sol", "--contract", "Nope"], /--contract Nope: no contract of that name .*there are: SmallTest/],
    ["--match matching nothing", ["Small.t.sol", "--match", "nomatch"], /--match nomatch: no property .* matches/],
    ["an empty folder", ["empty"], /no \.sol files under/],
  ])("%s exits 2 saying what matched nothing", async (_, [target, ...rest], message) => {
    const run = await svm(["prove", file(target!), ...rest]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/nothing to check/);
    expect(run.stderr).toMatch(message);
  });
});

describe("svm prove: verdicts and counterexamples", () => {
  it("shows the assertion's message and the replay's console.log lines, and the call trace with -v", async () => {
    const json = file("mod.json");
    const run = await svm(["prove", file("Mod.t.sol"), "-v", "--revert-fails", "--json", json], { timeoutMs: 60_000 });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain("[FAIL] ModTest.prove_mod(uint256)");
    expect(run.stdout).toContain("message: x mod 7 must be 3");
    const x = /checking x = (\d+)/.exec(run.stdout)?.[1];
    expect(x).toBeDefined();
    expect(BigInt(x!) % 7n).not.toBe(3n);
    expect(run.stdout).toMatch(/├─ \[0\] console::log\("checking x = \d+"\) \[staticcall\]/);
    expect(run.stdout).toContain('emit log_named_string(key="Error", val="x mod 7 must be 3")');
    // A callee's custom error, passed up unchanged, is decoded with the callee's ABI, and the trace shows the nested call.
    const amount = /prove_take\(amount=(\d+)\)/.exec(run.stdout)?.[1];
    expect(BigInt(amount!)).toBeGreaterThan(100n);
    expect(run.stdout).toContain(`replayed on the spec: revert: TooMuch(asked=${amount}, limit=100)`);
    expect(run.stdout).toMatch(new RegExp(`├─ \\[\\d+\\] Vault::take\\(amount=${amount}\\) \\[staticcall\\]`));
    expect(run.stdout).toContain(`│  └─ ← [Revert] revert: TooMuch(asked=${amount}, limit=100)`);
    expect(run.stdout).toContain("0 passed, 0 bounded, 2 failed, 0 unknown");
    const { results } = JSON.parse(readFileSync(json, "utf8")) as { results: { function: string; status: string; counterexample: { message: string; logs: string[]; trace: string[] } }[] };
    const result = results.find((r) => r.function === "prove_mod(uint256)");
    expect(result?.status).toBe("fail");
    expect(result?.counterexample.message).toBe("x mod 7 must be 3");
    expect(result?.counterexample.logs[0]).toBe(`checking x = ${x}`);
    expect(result?.counterexample.trace[0]).toMatch(new RegExp(`^\\[\\d+\\] ModTest::prove_mod\\(x=${x}\\)$`));
  });

  it("exits 1 on an unknown verdict", async () => {
    const run = await svm(["prove", file("Hard.t.sol"), "--timeout", "1"], { timeoutMs: 60_000 });
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toContain("[UNKNOWN] HardTest.prove_hard(uint128,uint128)");
    expect(run.stdout).toContain("0 passed, 0 bounded, 0 failed, 1 unknown");
  });
});

describe("svm prove: a Foundry project where it stands", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "svm-foundry-"));
    write(join(root, "foundry.toml"), `[profile.default]\nsrc = "src"\nout = "out"\nlibs = ["lib"]\n`);
    write(join(root, "lib/mylib/src/Inc.sol"), `${PRAGMA}library Inc { function inc(uint256 x) internal pure returns (uint256) { return x + 1; } }\n`);
    write(join(root, "src/Counter.sol"), `${PRAGMA}import "mylib/Inc.sol";\ncontract Counter { uint256 public number; function increment() public { number = Inc.inc(number); } }\n`);
    write(
      join(root, "test/Counter.t.sol"),
      `${PRAGMA}import "forge-std/Test.sol";
import "src/Counter.sol";
contract CounterTest is Test {
    Counter counter;
    function setUp() public { counter = new Counter(); }
    function prove_increment() public {
        uint256 before = counter.number();
        counter.increment();
        assertEq(counter.number(), before + 1);
    }
}
`,
    );
    write(join(root, "test/Broken.t.sol"), `${PRAGMA}import "src/Missing.sol";\ncontract BrokenTest { function prove_x() public {} }\n`);
  });

  it("resolves import \"src/Counter.sol\" from test/ when run from the root", async () => {
    const run = await svm(["prove", "test/Counter.t.sol"], { cwd: root, timeoutMs: 60_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("[PASS] CounterTest.prove_increment()");
    expect(readdirSync(root).sort()).toEqual(["foundry.toml", "lib", "src", "test"]);
  });

  it("names the folders searched for an unresolved import and suggests --root", async () => {
    const run = await svm(["prove", "test/Broken.t.sol"], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Source "src/Missing.sol" not found');
    expect(run.stderr).toContain(`not found in ${root}, ${join(root, "lib")}`);
    expect(run.stderr).toContain("--root");
  });
});
