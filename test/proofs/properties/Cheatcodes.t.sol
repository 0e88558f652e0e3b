// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;

import "forge-std/Test.sol";

/// A contract that remembers who called it, with an owner fixed at construction.
contract Probe {
    address public owner;
    address public lastSender;
    uint256 public calls;

    constructor(address owner_) {
        owner = owner_;
    }

    function record() external {
        lastSender = msg.sender;
        calls += 1;
    }

    function ownerOnly() external {
        require(msg.sender == owner, "not owner");
        calls += 1;
    }

    uint256 public quotient;

    function divide(uint256 a, uint256 b) external {
        quotient = a / b;
    }
}

/// A lock that opens one day after it is created.
contract Timelock {
    uint256 public immutable unlockTime;

    constructor() {
        unlockTime = block.timestamp + 1 days;
    }

    function isUnlocked() external view returns (bool) {
        return block.timestamp >= unlockTime;
    }
}

/// The forge-std cheatcodes: prank, startPrank/stopPrank, warp, roll, deal, store, load, expectRevert.
contract CheatcodeProps is Test {
    address internal constant OWNER = address(0xbEEF);
    Probe internal probe;
    Timelock internal timelock;

    function setUp() public {
        probe = new Probe(OWNER);
        timelock = new Timelock();
    }

    /// SAFE: vm.prank sets msg.sender of the next call.
    function prove_safe_prank_sets_sender(address who) public {
        vm.prank(who);
        probe.record();
        assertEq(probe.lastSender(), who);
    }

    /// UNSAFE: a prank lasts one call only; the second call comes from the test again.
    /// counterexample: who = 0x0000000000000000000000000000000000000000 (assertion)
    function prove_unsafe_prank_lasts_one_call(address who) public {
        vm.prank(who);
        probe.record();
        probe.record();
        assertEq(probe.lastSender(), who);
    }

    /// SAFE: startPrank holds until stopPrank.
    function prove_safe_start_prank_persists(address who) public {
        vm.startPrank(who);
        probe.record();
        probe.record();
        vm.stopPrank();
        assertEq(probe.lastSender(), who);
        probe.record();
        assertEq(probe.lastSender(), address(this));
    }

    /// UNSAFE: anyone but the owner is turned away by the require.
    /// counterexample: who = 0x0000000000000000000000000000000000000000 (reverts with Error("not owner"))
    function prove_unsafe_owner_only(address who) public {
        vm.prank(who);
        probe.ownerOnly();
        assertEq(probe.calls(), 1);
    }

    /// SAFE: vm.warp sets block.timestamp.
    function prove_safe_warp_sets_timestamp(uint64 t) public {
        vm.warp(t);
        assertEq(block.timestamp, uint256(t));
    }

    /// UNSAFE: before its unlock time the lock is closed.
    /// counterexample: t = 0 (assertion)
    function prove_unsafe_timelock_open(uint64 t) public {
        vm.warp(t);
        assertTrue(timelock.isUnlocked());
    }

    /// SAFE: vm.roll sets block.number.
    function prove_safe_roll_sets_number(uint64 n) public {
        vm.roll(n);
        assertEq(block.number, uint256(n));
    }

    /// SAFE: vm.deal sets a balance.
    function prove_safe_deal_sets_balance(address who, uint128 amount) public {
        vm.deal(who, amount);
        assertEq(who.balance, uint256(amount));
    }

    /// UNSAFE: a dealt balance can be anything, 1 ether included.
    /// counterexample: who = 0x0000000000000000000000000000000000000000, amount = 1000000000000000000 (assertion)
    function prove_unsafe_deal_below_one_ether(address who, uint256 amount) public {
        vm.deal(who, amount);
        assertLt(who.balance, 1 ether);
    }

    /// SAFE: vm.load reads what vm.store wrote.
    function prove_safe_store_load_roundtrip(bytes32 slot, bytes32 value) public {
        vm.store(address(probe), slot, value);
        assertEq(vm.load(address(probe), slot), value);
    }

    /// UNSAFE: writing slot 0 of Probe (its owner) replaces the owner.
    /// counterexample: attacker = 0x0000000000000000000000000000000000000000 (assertion)
    function prove_unsafe_store_replaces_owner(address attacker) public {
        vm.store(address(probe), bytes32(0), bytes32(uint256(uint160(attacker))));
        assertEq(probe.owner(), OWNER);
    }

    /// SAFE: a call from anyone but the owner reverts with exactly Error("not owner").
    function prove_safe_expect_revert_guard(address who) public {
        vm.assume(who != OWNER);
        vm.expectRevert(abi.encodeWithSignature("Error(string)", "not owner"));
        vm.prank(who);
        probe.ownerOnly();
        assertEq(probe.calls(), 0);
    }

    /// SAFE: `expectRevert(bytes(message))` matches a require's Error(string) by its message.
    function prove_safe_expect_revert_message(address who) public {
        vm.assume(who != OWNER);
        vm.expectRevert(bytes("not owner"));
        vm.prank(who);
        probe.ownerOnly();
    }

    /// SAFE: hoax funds and pranks; skip moves time forward.
    function prove_safe_hoax_and_skip(address who, uint32 dt) public {
        hoax(who);
        probe.record();
        assertEq(probe.lastSender(), who);
        assertEq(who.balance, uint256(1) << 128);
        uint256 before = block.timestamp;
        skip(dt);
        assertEq(block.timestamp, before + dt);
    }

    /// SAFE: bound keeps unsigned values inside [lo, hi].
    function prove_safe_bound_unsigned(uint256 x, uint256 lo, uint256 hi) public {
        vm.assume(lo <= hi);
        uint256 b = bound(x, lo, hi);
        assertGe(b, lo);
        assertLe(b, hi);
    }

    /// SAFE: bound keeps signed values inside [lo, hi].
    function prove_safe_bound_signed(int256 x, int8 lo, int8 hi) public {
        vm.assume(lo <= hi);
        int256 b = bound(x, lo, hi);
        assertGe(b, lo);
        assertLe(b, hi);
    }

    /// UNSAFE: the owner's call does not revert, so the expected revert does not happen.
    /// counterexample: who = 0x000000000000000000000000000000000000bEEF (expectRevert unmet)
    function prove_unsafe_expect_revert_unmet(address who) public {
        vm.expectRevert();
        vm.prank(who);
        probe.ownerOnly();
    }

    /// SAFE: division by zero reverts with the division panic, which stdError names. (The call
    /// returns nothing: what an expected-reverted call returns to its caller is not pinned down.)
    function prove_safe_expect_revert_panic(uint256 a) public {
        vm.expectRevert(stdError.divisionError);
        probe.divide(a, 0);
    }
}
