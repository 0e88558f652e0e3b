// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;

import "forge-std/Test.sol";

/// SSTORE/SLOAD: mappings (keccak-derived slots), packed slots, dynamic storage arrays, raw slots.
contract StorageProps is Test {
    struct Packed {
        uint128 low;
        uint64 mid;
        uint64 high;
    }

    mapping(address => uint256) internal balances;
    Packed internal packed;
    uint256[] internal stack;

    /// SAFE: distinct mapping keys live in distinct slots.
    function prove_safe_mapping_distinct_keys(address a, address b, uint256 x, uint256 y) public {
        vm.assume(a != b);
        balances[a] = x;
        balances[b] = y;
        assertEq(balances[a], x);
        assertEq(balances[b], y);
    }

    /// UNSAFE: the same key twice is the same slot, so the second write wins.
    /// counterexample: a = b = 0x0000000000000000000000000000000000000000, x = 0, y = 1 (assertion)
    function prove_unsafe_mapping_aliasing(address a, address b, uint256 x, uint256 y) public {
        balances[a] = x;
        balances[b] = y;
        assertEq(balances[a], x);
    }

    /// SAFE: members packed into one slot do not disturb each other.
    function prove_safe_packed_members(uint128 low, uint64 mid, uint64 high) public {
        packed.low = low;
        packed.mid = mid;
        packed.high = high;
        assertEq(uint256(packed.low), uint256(low));
        assertEq(uint256(packed.mid), uint256(mid));
        assertEq(uint256(packed.high), uint256(high));
    }

    /// SAFE: SSTORE then SLOAD of any slot above the test's own bookkeeping (slot 0) returns the value.
    function prove_safe_raw_sstore_sload(bytes32 slot, uint256 v) public {
        vm.assume(uint256(slot) != 0);
        uint256 r;
        assembly {
            sstore(slot, v)
            r := sload(slot)
        }
        assertEq(r, v);
    }

    /// SAFE: push then read the last element then pop restores the length.
    function prove_safe_push_pop(uint256 v) public {
        uint256 before = stack.length;
        stack.push(v);
        assertEq(stack[stack.length - 1], v);
        stack.pop();
        assertEq(stack.length, before);
    }

    /// UNSAFE: popping more than was pushed reverts.
    /// counterexample: pushes = 0, pops = 1 (Panic 0x31)
    function prove_unsafe_pop_more_than_pushed(uint8 pushes, uint8 pops) public {
        vm.assume(pushes < 4 && pops < 4);
        for (uint256 i = 0; i < pushes; i++) stack.push(i);
        for (uint256 i = 0; i < pops; i++) stack.pop();
        assertEq(stack.length, uint256(pushes) - pops);
    }
}
