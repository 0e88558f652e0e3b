/**
 * forge-std v1.8+ assertions, as a Foundry project has them: its own `lib/forge-std` whose Test
 * calls the `vm.assert*` cheatcodes (the library here is a minimal one written for this test,
 * with current forge-std's calling pattern). `svm prove test/Counter.t.sol` from the project root
 * passes the true properties and fails the false ones with forge's message, under the default
 * (halmos) convention where other reverts are assumptions; a failed assertion the test catches
 * fails nothing, as in forge.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { svm } from "./svm-process.js";

const PRAGMA = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\n";

let root: string;

function write(path: string, content: string): void {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** The assertion overloads the test uses, each forwarding to the cheatcode of the same signature, as forge-std's StdAssertions does. */
const FORWARDED: readonly (readonly [string, string])[] = [
  ["assertTrue", "bool a"],
  ["assertFalse", "bool a"],
  ["assertEq", "uint256 a, uint256 b"],
  ["assertEq", "int256 a, int256 b"],
  ["assertEq", "address a, address b"],
  ["assertEq", "bytes32 a, bytes32 b"],
  ["assertEq", "bool a, bool b"],
  ["assertEq", "string memory a, string memory b"],
  ["assertNotEq", "address a, address b"],
  ["assertLt", "int256 a, int256 b"],
  ["assertGt", "uint256 a, uint256 b"],
  ["assertLe", "uint256 a, uint256 b"],
  ["assertApproxEqAbs", "uint256 a, uint256 b, uint256 c"],
  ["assertApproxEqRel", "uint256 a, uint256 b, uint256 c"],
];

function forgeStd(): void {
  const names = (params: string) => params.split(", ").map((p) => p.split(" ").at(-1)).join(", ");
  const calldataParams = (params: string) => params.replaceAll("memory", "calldata");
  const vm = FORWARDED.flatMap(([name, params]) => [
    `    function ${name}(${calldataParams(params)}) external pure;`,
    `    function ${name}(${calldataParams(params)}, string calldata err) external pure;`,
  ]);
  const state = ["    function load(address target, bytes32 slot) external view returns (bytes32);", "    function store(address target, bytes32 slot, bytes32 value) external;", "    function expectRevert(bytes calldata revertData) external;"];
  write("lib/forge-std/src/Vm.sol", `${PRAGMA}interface Vm {\n${[...state, ...vm].join("\n")}\n}\n`);
  const forwarders = FORWARDED.flatMap(([name, params]) => [
    `    function ${name}(${params}) internal pure { vm.${name}(${names(params)}); }`,
    `    function ${name}(${params}, string memory err) internal pure { vm.${name}(${names(params)}, err); }`,
  ]);
  write(
    "lib/forge-std/src/Test.sol",
    `${PRAGMA}import {Vm} from "./Vm.sol";
abstract contract Test {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    bool private _failed;
    // forge-std's failure flag: in the cheatcode address's storage, where forge's GLOBAL_FAIL_SLOT is.
    function failed() public view returns (bool) {
        return _failed || vm.load(address(vm), bytes32("failed")) != bytes32(0);
    }
    function fail() internal {
        vm.store(address(vm), bytes32("failed"), bytes32(uint256(1)));
        _failed = true;
    }
${forwarders.join("\n")}
}
`,
  );
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "svm-vm-assert-"));
  write("foundry.toml", '[profile.default]\nsrc = "src"\nout = "out"\nlibs = ["lib"]\n');
  forgeStd();
  write(
    "src/Counter.sol",
    `${PRAGMA}contract Counter {
    uint256 public number;
    address public owner;
    function setNumber(uint256 n) external { number = n; }
    function increment() external { number++; }
    function setOwner(address who) external { owner = who; }
}
`,
  );
  write(
    "test/Counter.t.sol",
    `${PRAGMA}import "forge-std/Test.sol";
import "src/Counter.sol";
contract CounterTest is Test {
    Counter counter;
    function setUp() public { counter = new Counter(); }
    function assertIn(uint256 x) external pure { assertEq(x, 0, "caught"); }

    function check_set_uint(uint256 x) public { counter.setNumber(x); assertEq(counter.number(), x); }
    function check_mod_uint(uint256 x) public pure { assertEq(x % 7, 3, "x mod 7 must be 3"); }
    function check_increment_int(int128 x) public pure { assertLt(int256(x) - 1, int256(x)); }
    function check_negative_int(int8 x) public pure { assertLt(int256(x), -100, "x must be below -100"); }
    function check_owner_address(address who) public { counter.setOwner(who); assertEq(counter.owner(), who); }
    function check_not_me_address(address who) public view { assertNotEq(who, address(this), "who is the test"); }
    function check_hash_bytes32(uint256 x) public pure { assertEq(keccak256(abi.encode(x)), keccak256(abi.encode(x))); }
    function check_one_bytes32(uint256 x) public pure { assertEq(bytes32(x), bytes32(uint256(1)), "x is one"); }
    function check_either_bool(bool b) public pure { assertTrue(b || !b); assertEq(!b, b ? false : true); }
    function check_small_bool(uint8 x) public pure { assertFalse(x > 200, "x must be small"); }
    function check_same_string(bool b) public pure { assertEq(b ? "yes" : "yes", "yes"); }
    function check_answer_string(bool b) public pure { assertEq(b ? "yes" : "no", "yes", "answer"); }
    function check_next_order(uint8 x) public pure { assertGt(uint256(x) + 1, x); }
    function check_bound_order(uint8 x) public pure { assertLe(x, 100, "x too big"); }
    function check_near_approx(uint8 x) public pure { assertApproxEqAbs(uint256(x) + 1000, 1128, 128); assertApproxEqRel(1000 + uint256(x), 1000, 0.26e18); }
    function check_far_approx(uint8 x) public pure { assertApproxEqRel(x, 100, 0.1e18, "near 100"); }
    function check_magic_uint(uint256 x) public pure { assertTrue(x != 0xdeadbeefcafe, "not magic"); }
    function check_xor_order(uint256 x) public pure { assertGt(x ^ 0xfeedface, 0, "xor"); }
    function check_flag(uint256 x) public { if (x == 0xc0ffee) fail(); }
    function check_expected(uint8 x) public { vm.expectRevert(bytes("caught: 5 != 0")); this.assertIn(5); assertGt(uint256(x) + 1, 0); }
    function check_caught(uint256 x) public view { try this.assertIn(x) {} catch {} }
}
`,
  );
});

type Result = { function: string; status: string; counterexample?: { failure: string; message: string | null } };

describe("svm prove: forge-std's vm.assert* assertions in a Foundry project", () => {
  let results: Result[];
  let stdout: string;
  let code: number | null;

  beforeAll(async () => {
    const run = await svm(["prove", "test/Counter.t.sol", "--json", "out.json"], { cwd: root, timeoutMs: 120_000 });
    ({ stdout, code } = run);
    expect(run.stderr).toBe("");
    results = (JSON.parse(readFileSync(join(root, "out.json"), "utf8")) as { results: Result[] }).results;
  }, 130_000);

  const result = (name: string) => {
    const found = results.find((r) => r.function.startsWith(`${name}(`));
    expect(found, name).toBeDefined();
    return found!;
  };

  it.each(["check_set_uint", "check_increment_int", "check_owner_address", "check_hash_bytes32", "check_either_bool", "check_same_string", "check_next_order", "check_near_approx", "check_caught", "check_expected"])(
    "%s, true, passes",
    (name) => {
      expect(result(name).status).toBe("pass");
      expect(stdout).toContain(`[PASS] CounterTest.${name}(`);
    },
  );

  it.each([
    ["check_mod_uint", /^x mod 7 must be 3: [0-6] != 3$/],
    ["check_negative_int", /^x must be below -100: -?\d+ >= -100$/],
    ["check_not_me_address", /^who is the test: 0x[0-9a-fA-F]{40} == 0x[0-9a-fA-F]{40}$/],
    ["check_one_bytes32", /^x is one: 0x[0-9a-f]{64} != 0x0{63}1$/],
    ["check_small_bool", /^x must be small$/],
    ["check_magic_uint", /^not magic$/],
    ["check_xor_order", /^xor: 0 <= 0$/],
    ["check_answer_string", /^answer: no != yes$/],
    ["check_bound_order", /^x too big: \d+ > 100$/],
    ["check_far_approx", /^near 100: \d+ !~= 100 \(max delta: 10\.0000000000000000%, real delta: \d+\.\d{16}%\)$/],
  ])("%s, false, fails with forge's message", (name, message) => {
    const failed = result(name);
    expect(failed.status).toBe("fail");
    expect(failed.counterexample?.failure).toMatch(message);
    expect(failed.counterexample?.message).toMatch(message);
    expect(stdout).toContain(`[FAIL] CounterTest.${name}(`);
  });

  it("fails a property that calls forge-std's fail(), which sets the flag in the cheatcode address's storage", () => {
    const failed = result("check_flag");
    expect(failed.status).toBe("fail");
    expect(failed.counterexample?.failure).toBe("failed() is true");
  });

  it("exits 1, something having failed", () => {
    expect(code).toBe(1);
  });

  it.each(["0.8.20", "0.6.12"])("with the built-in forge-std (solc %s), vm.assert* may be called directly", async (version) => {
    const dir = mkdtempSync(join(tmpdir(), "svm-vm-assert-builtin-"));
    writeFileSync(
      join(dir, "Direct.t.sol"),
      `// SPDX-License-Identifier: MIT\npragma solidity ${version};\nimport "forge-std/Test.sol";
contract DirectTest is Test {
    function check_below(uint8 x) public pure { vm.assertLt(uint256(x), 256); vm.assertNotEq(uint256(x), 256, "never 256"); }
    function check_above(uint8 x) public pure { vm.assertGe(uint256(x), 1, "x positive"); }
}
`,
    );
    const run = await svm(["prove", "Direct.t.sol"], { cwd: dir, timeoutMs: 60_000 });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("[PASS] DirectTest.check_below(uint8)");
    expect(run.stdout).toContain("[FAIL] DirectTest.check_above(uint8)");
    expect(run.stdout).toContain("message: x positive: 0 < 1");
  }, 70_000);

  it("shows the message with the counterexample in the human report, in forge's convention too", async () => {
    const run = await svm(["prove", "test/Counter.t.sol", "--match", "check_(mod_uint|magic_uint)", "--revert-fails"], { cwd: root, timeoutMs: 60_000 });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/counterexample \(replayed on the spec: x mod 7 must be 3: [0-6] != 3\)/);
    expect(run.stdout).toMatch(/message: x mod 7 must be 3: [0-6] != 3/);
    expect(run.stdout).toMatch(/\[FAIL\] CounterTest.check_magic_uint\(uint256\)[^\n]*\n {4}counterexample \(replayed on the spec: not magic\):\n {6}from 0x[0-9a-fA-F]{40}: check_magic_uint\(x=244837814094590\)/);
  }, 70_000);
});
