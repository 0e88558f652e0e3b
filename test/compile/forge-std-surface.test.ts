/**
 * The forge-std/ds-test surface the built-in shims provide beyond the basics: every added
 * assertion, StdCheats/StdUtils helper, StdInvariant list and import path compiles with solc 0.8,
 * 0.7.6 and 0.6.12 (ds-test's additions with 0.5.17 too), and `svm prove` gives the verdicts
 * forge-std's semantics call for. The prove half runs the built CLI (`npx tsc -p .` first).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileSolidity, compileSolidityProject, SHIM_UNITS } from "../../src/compile/index.js";

const SVM = join(import.meta.dirname, "../../bin/svm.js");

let root: string;

function write(name: string, content: string): string {
  const path = join(root, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "svm-forge-std-"));
});

/** Calls every function this change added, so a missing overload is a compile error. */
function surfaceSource(pragma: string, withConsole2: boolean): string {
  const names = withConsole2 ? "Test, console, console2" : "Test, console";
  return `// SPDX-License-Identifier: MIT
pragma solidity ${pragma};

import {${names}, stdError, stdMath, Vm, StdInvariant, StdAssertions, StdCheats, StdUtils, TestBase} from "forge-std/Test.sol";
import {stdMath as stdMath2} from "forge-std/StdMath.sol";
import {StdAssertions as Assertions2} from "forge-std/StdAssertions.sol";
import {StdCheats as Cheats2} from "forge-std/StdCheats.sol";
import {StdUtils as Utils2} from "forge-std/StdUtils.sol";
import {CommonBase, TestBase as TestBase2} from "forge-std/Base.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

contract Payable { receive() external payable {} }

contract Surface is Test {
    function setUp() public {
        excludeContract(address(1));
        targetSender(address(2));
        excludeSender(address(3));
        bytes4[] memory selectors = new bytes4[](1);
        selectors[0] = this.setUp.selector;
        targetSelector(StdInvariant.FuzzSelector(address(this), selectors));
        excludeSelector(StdInvariant.FuzzSelector(address(this), selectors));
        targetArtifact("A");
        excludeArtifact("B");
    }

    function test_assertions() public {
        uint256[] memory u = new uint256[](1);
        int256[] memory i = new int256[](1);
        address[] memory ad = new address[](1);
        bytes32[] memory b32 = new bytes32[](1);
        bool[] memory bo = new bool[](1);
        string[] memory st = new string[](1);
        bytes[] memory by = new bytes[](1);
        assertEq(u, u); assertEq(u, u, "m"); assertEq(i, i); assertEq(i, i, "m");
        assertEq(ad, ad); assertEq(ad, ad, "m"); assertEq(b32, b32); assertEq(b32, b32, "m");
        assertEq(bo, bo); assertEq(bo, bo, "m"); assertEq(st, st); assertEq(st, st, "m");
        assertEq(by, by); assertEq(by, by, "m");
        assertNotEq(u, new uint256[](2)); assertNotEq(st, new string[](2), "m");
        assertNotEq(uint256(1), uint256(2), "m"); assertNotEq(int256(1), int256(2), "m");
        assertNotEq(address(1), address(2), "m"); assertNotEq(bytes32(0), bytes32(uint256(1)), "m");
        assertNotEq(true, false); assertNotEq(true, false, "m");
        assertNotEq(bytes("a"), bytes("b")); assertNotEq(bytes("a"), bytes("b"), "m");
        assertNotEq(string("a"), string("b")); assertNotEq(string("a"), string("b"), "m");
        assertNotEq0(bytes("a"), bytes("b")); assertNotEq32(bytes32(0), bytes32(uint256(1)));
        assertNotEqDecimal(uint256(1), uint256(2), 18); assertNotEqDecimal(int256(1), int256(2), 18, "m");
        assertApproxEqAbs(uint256(1), uint256(2), 1, "m");
        assertApproxEqAbs(int256(-1), int256(1), 2); assertApproxEqAbs(int256(-1), int256(1), 2, "m");
        assertApproxEqRel(uint256(100), uint256(101), 1e16); assertApproxEqRel(uint256(100), uint256(101), 1e16, "m");
        assertApproxEqRel(int256(-100), int256(-101), 1e16); assertApproxEqRel(int256(-100), int256(-101), 1e16, "m");
        assertApproxEqAbsDecimal(uint256(1), uint256(2), 1, 18); assertApproxEqRelDecimal(int256(1), int256(1), 0, 18, "m");
        assertEqDecimal(uint256(1), uint256(1), 18, "m"); assertEqDecimal(int256(1), int256(1), 18, "m");
        assertLtDecimal(uint256(1), uint256(2), 18); assertLtDecimal(uint256(1), uint256(2), 18, "m");
        assertLtDecimal(int256(-1), int256(2), 18); assertLtDecimal(int256(-1), int256(2), 18, "m");
        assertGtDecimal(uint256(3), uint256(2), 18); assertGtDecimal(uint256(3), uint256(2), 18, "m");
        assertGtDecimal(int256(3), int256(-2), 18); assertGtDecimal(int256(3), int256(-2), 18, "m");
        assertLeDecimal(uint256(2), uint256(2), 18); assertLeDecimal(uint256(2), uint256(2), 18, "m");
        assertLeDecimal(int256(2), int256(2), 18); assertLeDecimal(int256(2), int256(2), 18, "m");
        assertGeDecimal(uint256(2), uint256(2), 18); assertGeDecimal(uint256(2), uint256(2), 18, "m");
        assertGeDecimal(int256(2), int256(2), 18); assertGeDecimal(int256(2), int256(2), 18, "m");
        assertFalse(false); assertFalse(false, "m"); assertEq(true, true, "m"); assertEqUint(1, 1);
    }

    function test_helpers() public {
        assertEq(stdMath.abs(-5), 5); assertEq(stdMath2.delta(uint256(3), uint256(5)), 2);
        assertEq(stdMath.delta(int256(-3), int256(5)), 8);
        assertEq(stdMath.percentDelta(uint256(150), uint256(100)), 5e17);
        assertEq(stdMath.percentDelta(int256(-50), int256(-100)), 5e17);
        assertTrue(bound(int256(-7), int256(-5), int256(5)) >= -5);
        address alice = makeAddr("alice");
        (address bob, uint256 key) = makeAddrAndKey("bob");
        assertTrue(alice != bob && key != 0);
        assertEq(makeAccount("bob").addr, bob);
        changePrank(address(5)); changePrank(address(5), address(6)); vm.stopPrank();
        assertTrue(computeCreateAddress(address(this), 1) != address(0));
        assertTrue(computeCreate2Address(bytes32(0), bytes32(0), address(this)) != address(0));
        assertTrue(computeCreate2Address(bytes32(0), hashInitCode(type(Payable).creationCode)) != address(0));
        assertEq(hashInitCode(hex"00", hex"01"), keccak256(hex"0001"));
        assertEq(addressFromLast20Bytes(bytes32(uint256(7))), address(7));
        assertEq(excludeContracts().length, 1); assertEq(targetSenders().length, 1);
        assertEq(excludeSenders().length, 1); assertEq(targetSelectors().length, 1);
        assertEq(excludeSelectors().length, 1); assertEq(targetArtifacts().length, 1);
        assertEq(excludeArtifacts().length, 1); assertEq(targetContracts().length, 0);
        assertEq(targetInterfaces().length, 0); assertEq(targetArtifactSelectors().length, 0);
        assertEq(CREATE2_FACTORY, 0x4e59b44847b379578588920cA78FbF26c0B4956C);
        assertEq(address(vm), VM_ADDRESS);
        skip(1); rewind(1); deal(address(9), 1); hoax(address(9)); hoax(address(9), 1); vm.stopPrank();
        startHoax(address(9), address(8)); vm.stopPrank();
        ${withConsole2 ? "console2" : "console"}.log("x");
        assertEq(address(IERC20(address(0))), address(0));
    }

    function prove_assumes(address x) public {
        assumeNotZeroAddress(x);
        assumeNotPrecompile(x);
        assumeNotPrecompile(x, 10);
        assumeNotForgeAddress(x);
        assumePayable(address(new Payable()));
        assumeNotPayable(address(this));
        fail("message");
    }
}
`;
}

describe("the forge-std surface of the built-in shims", () => {
  for (const [label, pragma, version] of [
    ["0.8", "^0.8.13", /^0\.8\./],
    ["0.7.6", ">=0.7.0 <0.8.0", /^0\.7\.6/],
    ["0.6.12", "^0.6.12", /^0\.6\.12/],
  ] as const) {
    it(`compiles every added function with solc ${label}`, () => {
      // console2 is an import alias in console2.sol, which solc before 0.8 does not re-export by name.
      const file = write(`surface-${label}/Surface.t.sol`, surfaceSource(pragma, label === "0.8"));
      const compilation = compileSolidityProject(file, { root: dirname(file) });
      expect(compilation.compilerVersion).toMatch(version);
      const surface = compilation.contracts.find((c) => c.fullyQualifiedName.endsWith(":Surface"));
      const names = (surface?.abi ?? []).map((entry: { name?: string }) => entry.name);
      // The address-list getters are public as in forge-std; the runner calls targetContracts().
      expect(names).toEqual(expect.arrayContaining(["targetContracts", "targetSenders", "excludeContracts", "excludeSenders", "failed", "IS_TEST"]));
    });
  }

  it("keeps ds-test's decimal comparisons compiling with solc 0.5", () => {
    const file = write(
      "ds05/T.sol",
      `pragma solidity ^0.5.0;
import "ds-test/test.sol";
contract T is DSTest {
    function test_x() public {
        assertEqDecimal(uint(1), uint(1), 18, "m"); assertEqDecimal(int(1), int(1), 18, "m");
        assertGtDecimal(uint(2), uint(1), 18); assertGeDecimal(int(1), int(1), 18, "m");
        assertLtDecimal(int(-1), int(1), 18); assertLeDecimal(uint(1), uint(1), 18, "m");
    }
}
`,
    );
    expect(compileSolidityProject(file, { root: dirname(file) }).compilerVersion).toMatch(/^0\.5\./);
  });

  it("compiles every built-in unit on its own with solc 0.6.12", () => {
    for (const unit of SHIM_UNITS) {
      const file = write(`units06/${unit.replace(/\//g, "_")}`, `pragma solidity 0.6.12;\nimport "${unit}";\n`);
      expect(() => compileSolidity(file, { root: dirname(file) }), unit).not.toThrow();
    }
  });

  it("does not give plain ds-test forge-std's assertFalse (dapphub/ds-test has none)", () => {
    const file = write("dsfalse/T.sol", `pragma solidity ^0.8.0;\nimport "ds-test/test.sol";\ncontract T is DSTest { function test_x() public { assertFalse(false); } }\n`);
    expect(() => compileSolidity(file, { root: dirname(file) })).toThrow(/Undeclared identifier/);
  });
});

interface ProveResult {
  readonly function: string;
  readonly status: "pass" | "fail" | "unknown";
  readonly reason: string | null;
}

/** `svm prove FILE --json` through the built CLI, as a map from property signature to status. */
function prove(file: string): Map<string, string> {
  const json = join(dirname(file), "results.json");
  const run = spawnSync(process.execPath, [SVM, "prove", file, "--json", json], { encoding: "utf8", timeout: 600_000 });
  if ((run.status !== 0 && run.status !== 1) || !existsSync(json)) throw new Error(`svm prove: exit ${run.status}: ${run.stderr}`);
  const results = (JSON.parse(readFileSync(json, "utf8")) as { results: ProveResult[] }).results;
  return new Map(results.map((r) => [r.function, r.status === "unknown" ? `unknown: ${r.reason}` : r.status]));
}

const PROPERTIES = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;

import {Test, stdMath} from "forge-std/Test.sol";

contract C {}

contract Props is Test {
    function prove_safe_approx(uint64 a) public {
        assertApproxEqAbs(uint256(a), uint256(a) + 1, 1);
    }

    function prove_unsafe_approx_message(uint64 a) public {
        assertApproxEqAbs(uint256(a), uint256(a) + 2, 1, "too far");
    }

    function prove_safe_approx_int(int64 a) public {
        assertApproxEqAbs(int256(a), int256(a) - 3, 3);
        assertEq(stdMath.delta(int256(a), int256(a) - 3), 3);
    }

    function prove_unsafe_noteq(uint8 a) public {
        assertNotEq(uint256(a), 7, "a is 7");
    }

    function prove_safe_rel(uint8 a) public {
        vm.assume(a >= 100);
        assertApproxEqRel(uint256(a) + 1, uint256(a), 1e16);
    }

    function prove_unsafe_rel(uint64 a) public {
        vm.assume(a > 0);
        assertApproxEqRel(uint256(a) * 2 + 1, uint256(a), 1e18);
    }

    function prove_safe_rel_int() public {
        assertApproxEqRel(int256(-101), int256(-100), 1e16);
    }

    function prove_unsafe_rel_int() public {
        assertApproxEqRel(int256(-102), int256(-100), 1e16);
    }

    function prove_unsafe_rel_zero(uint8 a) public {
        assertApproxEqRel(uint256(a), 0, 1e18);
    }

    function prove_unsafe_ltdecimal(uint64 a, uint64 b) public {
        assertLtDecimal(uint256(a), uint256(b), 18, "not below");
    }

    function prove_unsafe_strings() public {
        string[] memory left = new string[](1);
        string[] memory right = new string[](1);
        right[0] = "x";
        assertEq(left, right);
    }

    function prove_unsafe_fail_message() public {
        fail("always");
    }

    function prove_safe_create() public {
        address predicted = computeCreateAddress(address(this), vm.getNonce(address(this)));
        assertEq(address(new C()), predicted);
    }

    function prove_safe_create_concrete() public {
        // Foundry's default test contract creates its first contract at DEFAULT_TEST_CONTRACT.
        assertEq(computeCreateAddress(0x7FA9385bE102ac3EAc297483Dd6233D62b3e1496, 1), 0x5615dEB798BB3E4dFa0139dFa1b3D433Cc23b72f);
        // Nonces 0x80 and 0x100 (RLP 0x8180 and 0x820100), from keccak256 of the hand-written RLP.
        assertEq(computeCreateAddress(0x7FA9385bE102ac3EAc297483Dd6233D62b3e1496, 0x80), 0x72765287E1c9Edf35bA1Eb6aB9B7b0ACCbd7AD08);
        assertEq(computeCreateAddress(0x7FA9385bE102ac3EAc297483Dd6233D62b3e1496, 0x0100), 0xB2F52e2E37b6B04Fdde840Bb008E4d2A6da11f91);
    }

    function prove_safe_create2() public {
        bytes32 salt = bytes32(uint256(1));
        C c = new C{salt: salt}();
        assertEq(address(c), computeCreate2Address(salt, hashInitCode(type(C).creationCode), address(this)));
    }

    function prove_safe_makeaddr() public {
        (address alice, uint256 key) = makeAddrAndKey("alice");
        assertEq(key, uint256(keccak256("alice")));
        assertEq(alice, vm.addr(key));
        assertEq(makeAddr("alice"), alice);
    }

    function prove_unsafe_assume_precompile(address x) public {
        assumeNotZeroAddress(x);
        assumeNotPrecompile(x);
        assertTrue(uint160(x) > 0x100);
    }
}
`;

describe("svm prove with the added helpers", () => {
  it("gives forge-std's verdicts", () => {
    const file = write("prove/Props.t.sol", PROPERTIES);
    const statuses = prove(file);
    const expected: Record<string, string> = {
      "prove_safe_approx(uint64)": "pass",
      "prove_unsafe_approx_message(uint64)": "fail",
      "prove_safe_approx_int(int64)": "pass",
      "prove_unsafe_noteq(uint8)": "fail",
      "prove_safe_rel(uint8)": "pass",
      "prove_unsafe_rel(uint64)": "fail",
      "prove_safe_rel_int()": "pass",
      "prove_unsafe_rel_int()": "fail",
      "prove_unsafe_rel_zero(uint8)": "fail",
      "prove_unsafe_ltdecimal(uint64,uint64)": "fail",
      "prove_unsafe_strings()": "fail",
      "prove_unsafe_fail_message()": "fail",
      "prove_safe_create()": "pass",
      "prove_safe_create_concrete()": "pass",
      "prove_safe_create2()": "pass",
      "prove_safe_makeaddr()": "pass",
      "prove_unsafe_assume_precompile(address)": "fail",
    };
    expect(Object.fromEntries(statuses)).toEqual(expected);
  }, 600_000);
});
