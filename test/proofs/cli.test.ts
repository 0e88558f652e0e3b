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
    expect(run.stdout).toMatch(/1 passed, 1 failed, 0 unknown/);
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
    expect(safe.stdout).toMatch(/1 passed, 0 failed, 0 unknown/);
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
    const dir = mkdtempSync(join(tmpdir(), "svm-prove-"));
    writeFileSync(
      join(dir, "Bank.t.sol"),
      `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import "forge-std/Test.sol";
contract Bank {
    mapping(address => uint256) public deposits;
    uint256 public total;
    bool public jackpot;
    function deposit() external payable {
        deposits[msg.sender] += msg.value;
        total += msg.value;
        if (msg.value == 1337 ether) jackpot = true;
    }
}
contract BankTest is Test {
    Bank bank;
    function setUp() public {
        bank = new Bank();
    }
    function invariant_safe_balance_matches_total() public {
        assertEq(address(bank).balance, bank.total());
    }
    function invariant_unsafe_no_jackpot() public {
        assertTrue(!bank.jackpot());
    }
}
`,
    );
    const json = join(dir, "out.json");
    const run = prove([join(dir, "Bank.t.sol"), "--depth", "1", "--json", json]);
    expect(run.status).toBe(1);
    const report = JSON.parse(readFileSync(json, "utf8")) as { results: { function: string; status: string; counterexample: { calls: { value: string }[] } | null }[] };
    expect(report.results.find((r) => r.function === "invariant_safe_balance_matches_total()")?.status).toBe("pass");
    const unsafe = report.results.find((r) => r.function === "invariant_unsafe_no_jackpot()");
    expect(unsafe?.status).toBe("fail");
    expect(unsafe?.counterexample?.calls[0]?.value).toBe((1337n * 10n ** 18n).toString());
  });

  it("behaves like forge where tests rely on it: expectRevert's dummy result, a funded test contract, pranked senders pay", () => {
    const dir = mkdtempSync(join(tmpdir(), "svm-prove-"));
    writeFileSync(
      join(dir, "Compat.t.sol"),
      `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import "forge-std/Test.sol";
contract Divider {
    function div(uint256 a, uint256 b) external pure returns (uint256) { return a / b; }
}
contract Bank {
    mapping(address => uint256) public deposits;
    function deposit() external payable { deposits[msg.sender] += msg.value; }
}
contract CompatTest is Test {
    Divider d;
    Bank bank;
    function setUp() public {
        d = new Divider();
        bank = new Bank();
    }
    function prove_safe_expect_revert_of_a_call_with_a_result(uint256 a) public {
        vm.expectRevert(stdError.divisionError);
        uint256 q = d.div(a, 0);
        assertEq(q, 0);
    }
    function prove_safe_test_contract_pays(bool twice) public {
        bank.deposit{value: 1 ether}();
        if (twice) bank.deposit{value: 1 ether}();
        assertEq(address(bank).balance, twice ? 2 ether : 1 ether);
    }
    function prove_safe_pranked_sender_pays(address u) public {
        vm.assume(u != address(this) && u != address(bank));
        vm.deal(u, 5 ether);
        vm.prank(u);
        bank.deposit{value: 5 ether}();
        assertEq(bank.deposits(u), 5 ether);
        assertEq(u.balance, 0);
    }
    function prove_unsafe_pranked_sender_without_funds(uint8 x) public {
        vm.prank(address(0xBEEF));
        (bool ok, ) = address(bank).call{value: 1 + uint256(x)}(abi.encodeWithSignature("deposit()"));
        assertTrue(ok);
    }
}
`,
    );
    for (const convention of [[], ["--revert-fails"]]) {
      const json = join(dir, "out.json");
      const run = prove([join(dir, "Compat.t.sol"), "--json", json, ...convention]);
      expect(run.status, run.stdout).toBe(1);
      const report = JSON.parse(readFileSync(json, "utf8")) as { results: { function: string; status: string; reason: string | null }[] };
      const status = (name: string) => report.results.find((r) => r.function.startsWith(name))?.status;
      expect(status("prove_safe_expect_revert_of_a_call_with_a_result"), run.stdout).toBe("pass");
      expect(status("prove_safe_test_contract_pays"), run.stdout).toBe("pass");
      expect(status("prove_safe_pranked_sender_pays"), run.stdout).toBe("pass");
      expect(status("prove_unsafe_pranked_sender_without_funds"), run.stdout).toBe("fail");
    }
  });

  it("moves symbolic amounts of ether: dealt, paid by a pranked sender, withdrawn", () => {
    const dir = mkdtempSync(join(tmpdir(), "svm-prove-"));
    writeFileSync(
      join(dir, "Bank2.t.sol"),
      `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import "forge-std/Test.sol";
contract Bank {
    mapping(address => uint256) public deposits;
    function deposit() external payable { deposits[msg.sender] += msg.value; }
    function withdraw(uint256 amount) external {
        require(deposits[msg.sender] >= amount);
        deposits[msg.sender] -= amount;
        payable(msg.sender).transfer(amount);
    }
}
contract Receiver { receive() external payable {} }
contract Bank2Test is Test {
    Bank bank;
    function setUp() public { bank = new Bank(); }
    function prove_safe_deposit_credits(address u, uint96 amount) public {
        vm.assume(u != address(this) && u != address(bank) && uint160(u) > 0x100000);
        vm.deal(u, amount);
        vm.prank(u);
        bank.deposit{value: amount}();
        assertEq(bank.deposits(u), amount);
        assertEq(address(bank).balance, amount);
        assertEq(u.balance, 0);
    }
    function prove_safe_withdraw_pays(uint96 a, uint96 b) public {
        Receiver r = new Receiver();
        vm.deal(address(r), a);
        vm.prank(address(r));
        bank.deposit{value: a}();
        vm.assume(b <= a);
        vm.prank(address(r));
        bank.withdraw(b);
        assertEq(address(r).balance, b);
        assertEq(address(bank).balance, uint256(a) - b);
    }
    function prove_unsafe_withdraw_all(uint96 a) public {
        Receiver r = new Receiver();
        vm.deal(address(r), a);
        vm.prank(address(r));
        bank.deposit{value: a}();
        vm.prank(address(r));
        bank.withdraw(a);
        assertEq(address(r).balance, 0);
    }
    function prove_safe_send_from_test(uint64 v) public {
        Receiver r = new Receiver();
        (bool ok, ) = address(r).call{value: v}("");
        assertTrue(ok);
        assertEq(address(r).balance, v);
    }
}
`,
    );
    const json = join(dir, "out.json");
    const run = prove([join(dir, "Bank2.t.sol"), "--json", json]);
    expect(run.status, run.stdout).toBe(1);
    const report = JSON.parse(readFileSync(json, "utf8")) as { results: { function: string; status: string }[] };
    const status = (name: string) => report.results.find((r) => r.function.startsWith(name))?.status;
    expect(status("prove_safe_deposit_credits"), run.stdout).toBe("pass");
    expect(status("prove_safe_withdraw_pays"), run.stdout).toBe("pass");
    expect(status("prove_safe_send_from_test"), run.stdout).toBe("pass");
    expect(status("prove_unsafe_withdraw_all"), run.stdout).toBe("fail");
  });

  it("runs forge-std's other cheatcodes, and fails a property whose vm.expectRevert is not met", () => {
    const dir = mkdtempSync(join(tmpdir(), "svm-prove-"));
    writeFileSync(
      join(dir, "Cheats2.t.sol"),
      `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import "forge-std/Test.sol";
contract Box {
    error NotOwner(address who);
    address public owner = address(0xB0B);
    uint256 public value;
    function set(uint256 v) external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        value = v;
    }
    function origin() external view returns (address) { return tx.origin; }
    function div(uint256 a, uint256 b) external pure returns (uint256) { return a / b; }
}
interface IOracle { function price() external view returns (uint256); }
contract Cheats2Test is Test {
    Box box;
    function setUp() public { box = new Box(); }
    function prove_unsafe_expect_revert_unmet(address who) public {
        vm.prank(who);
        vm.expectRevert();
        box.set(1);
    }
    function prove_safe_expect_revert_selector_symbolic_args(address who) public {
        vm.assume(who != address(0xB0B));
        vm.prank(who);
        vm.expectRevert(Box.NotOwner.selector);
        box.set(1);
    }
    function prove_safe_prank_origin(address who, address origin) public {
        vm.prank(who, origin);
        assertEq(box.origin(), origin);
        assertEq(box.origin(), tx.origin);
    }
    function prove_safe_addr() public {
        assertEq(vm.addr(1), 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf);
    }
    function prove_safe_block_cheats(uint64 id, uint64 fee, address cb) public {
        vm.chainId(id);
        vm.fee(fee);
        vm.coinbase(cb);
        vm.prevrandao(bytes32(uint256(7)));
        assertEq(block.chainid, id);
        assertEq(block.basefee, fee);
        assertEq(block.coinbase, cb);
        assertEq(block.prevrandao, 7);
    }
    function prove_safe_nonce() public {
        uint64 n = vm.getNonce(address(this));
        vm.setNonce(address(this), n + 5);
        assertEq(vm.getNonce(address(this)), n + 5);
    }
    function prove_safe_block_getters(uint32 t) public {
        vm.warp(t);
        vm.roll(42);
        assertEq(vm.getBlockTimestamp(), t);
        assertEq(vm.getBlockNumber(), 42);
    }
    function prove_safe_mock_call(uint256 p) public {
        address oracle = address(0x0A11CE);
        vm.etch(oracle, hex"00");
        vm.mockCall(oracle, abi.encodeWithSelector(IOracle.price.selector), abi.encode(p));
        assertEq(IOracle(oracle).price(), p);
    }
    function prove_safe_to_string() public {
        assertEq(vm.toString(uint256(42)), "42");
        assertEq(vm.toString(int256(-7)), "-7");
        assertEq(vm.toString(true), "true");
        assertEq(vm.toString(address(0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf)), "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
        assertEq(vm.toString(bytes(hex"beef")), "0xbeef");
    }
    function prove_safe_etch_runs_code() public {
        address a = address(0xC0DE);
        // PUSH1 0x2a, PUSH1 0, MSTORE, PUSH1 32, PUSH1 0, RETURN
        vm.etch(a, hex"602a60005260206000f3");
        (bool ok, bytes memory out) = a.call("");
        assertTrue(ok);
        assertEq(abi.decode(out, (uint256)), 42);
    }
}
`,
    );
    const json = join(dir, "out.json");
    const run = prove([join(dir, "Cheats2.t.sol"), "--json", json]);
    expect(run.status, run.stdout).toBe(1);
    const report = JSON.parse(readFileSync(json, "utf8")) as { results: { function: string; status: string; counterexample: { failure: string } | null }[] };
    for (const result of report.results) {
      expect(result.status, `${result.function}\n${run.stdout}`).toBe(result.function.startsWith("prove_safe_") ? "pass" : "fail");
    }
    expect(report.results).toHaveLength(10);
    const unmet = report.results.find((r) => r.function.startsWith("prove_unsafe_expect_revert_unmet"));
    expect(unmet?.counterexample?.failure).toBe("a vm.expectRevert was not met");
  });

  it("checks vm.expectEmit: topics and data as asked, from the emitter asked", () => {
    const dir = mkdtempSync(join(tmpdir(), "svm-prove-"));
    writeFileSync(
      join(dir, "Emit.t.sol"),
      `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import "forge-std/Test.sol";
contract Token {
    event Transfer(address indexed from, address indexed to, uint256 amount);
    mapping(address => uint256) public balanceOf;
    constructor() { balanceOf[msg.sender] = 1e24; }
    function transfer(address to, uint256 amount) external {
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        emit Transfer(msg.sender, to, amount);
    }
    function buggyTransfer(address to, uint256 amount) external {
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        emit Transfer(msg.sender, to, amount / 2);
    }
}
contract EmitTest is Test {
    event Transfer(address indexed from, address indexed to, uint256 amount);
    Token token;
    function setUp() public { token = new Token(); }
    function prove_safe_transfer_emits(address to, uint256 amount) public {
        vm.assume(amount <= 1e24);
        vm.expectEmit(true, true, false, true, address(token));
        emit Transfer(address(this), to, amount);
        token.transfer(to, amount);
    }
    function prove_unsafe_buggy_transfer_emits(address to, uint256 amount) public {
        vm.assume(amount <= 1e24);
        vm.expectEmit();
        emit Transfer(address(this), to, amount);
        token.buggyTransfer(to, amount);
    }
    function prove_safe_data_unchecked(address to, uint256 amount) public {
        vm.assume(amount <= 1e24);
        vm.expectEmit(true, true, false, false);
        emit Transfer(address(this), to, amount);
        token.buggyTransfer(to, amount);
    }
}
`,
    );
    const json = join(dir, "out.json");
    const run = prove([join(dir, "Emit.t.sol"), "--json", json]);
    expect(run.status, run.stdout).toBe(1);
    const report = JSON.parse(readFileSync(json, "utf8")) as { results: { function: string; status: string; counterexample: { failure: string } | null }[] };
    expect(report.results).toHaveLength(3);
    for (const result of report.results) {
      expect(result.status, `${result.function}\n${run.stdout}`).toBe(result.function.startsWith("prove_safe_") ? "pass" : "fail");
    }
    const unsafe = report.results.find((r) => r.function.startsWith("prove_unsafe_"));
    expect(unsafe?.counterexample?.failure).toBe("a vm.expectEmit was not met");
  });

  it("holds proveFail_ properties to failing on every input (ds-test and hevm's convention)", () => {
    const dir = mkdtempSync(join(tmpdir(), "svm-prove-"));
    writeFileSync(join(dir, "Pf.t.sol"), `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import "ds-test/test.sol";
contract Vault {
    uint256 public total;
    function withdraw(uint256 amount) external { total -= amount; }
    function deposit(uint256 amount) external { total += amount; }
}
contract PfTest is DSTest {
    Vault v;
    function setUp() public { v = new Vault(); v.deposit(100); }
    function proveFail_overdraw(uint256 amount) public {
        if (amount <= 100) amount = 101 + (amount % 5);
        v.withdraw(amount);
    }
    function proveFail_assertion(uint8 x) public {
        assertTrue(uint256(x) > 300);
    }
    function proveFail_unsafe_sometimes_succeeds(uint256 amount) public {
        v.withdraw(amount);
    }
    function prove_plain(uint8 x) public {
        assertTrue(uint256(x) < 256);
    }
}
`);
    const json = join(dir, "out.json");
    const run = prove([join(dir, "Pf.t.sol"), "--json", json]);
    expect(run.status, run.stdout).toBe(1);
    const report = JSON.parse(readFileSync(json, "utf8")) as { results: { function: string; status: string }[] };
    const status = (name: string) => report.results.find((r) => r.function.startsWith(name))?.status;
    expect(status("proveFail_overdraw"), run.stdout).toBe("pass");
    expect(status("proveFail_assertion"), run.stdout).toBe("pass");
    expect(status("proveFail_unsafe_sometimes_succeeds"), run.stdout).toBe("fail");
    expect(status("prove_plain"), run.stdout).toBe("pass");
  });

  it("rejects bad flags", () => {
    expect(prove(["x.sol", "--panic", "0x11", "--revert-fails"]).status).toBe(2);
    expect(prove(["x.sol", "--loop", "0"]).status).toBe(2);
    expect(prove(["--bogus"]).status).toBe(2);
  });
});
