// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;

import "forge-std/Test.sol";

/// Dynamic calldata: bytes and arrays of symbolic length, CALLDATALOAD/CALLDATACOPY and their bounds checks.
contract CalldataProps is Test {
    struct Pair {
        uint128 a;
        uint128 b;
    }

    /// SAFE: copying calldata bytes to memory preserves length and content.
    function prove_safe_bytes_copy(bytes calldata data) public {
        bytes memory copy = data;
        assertEq(copy.length, data.length);
        assertEq(keccak256(copy), keccak256(data));
    }

    /// UNSAFE: any byte string starting with 0x42 breaks the claim.
    /// counterexample: data = 0x42 (assertion)
    function prove_unsafe_first_byte_not_0x42(bytes calldata data) public {
        assertTrue(data.length == 0 || data[0] != 0x42);
    }

    /// UNSAFE: reading the first byte of empty calldata bytes reverts.
    /// counterexample: data = 0x (Panic 0x32)
    function prove_unsafe_bytes_index_out_of_bounds(bytes calldata data) public {
        uint8 first = uint8(data[0]);
        assertLe(first, 255);
    }

    /// SAFE: a sum of at most 8 uint8 values fits in 255 * length.
    function prove_safe_array_sum_bounded(uint8[] calldata xs) public {
        vm.assume(xs.length <= 8);
        uint256 sum;
        for (uint256 i = 0; i < xs.length; i++) {
            sum += xs[i];
        }
        assertLe(sum, 255 * xs.length);
    }

    /// UNSAFE: accumulating in a uint8 overflows.
    /// counterexample: xs = [200, 100] (Panic 0x11)
    function prove_unsafe_array_sum_uint8(uint8[] calldata xs) public {
        vm.assume(xs.length <= 4);
        uint8 sum;
        for (uint256 i = 0; i < xs.length; i++) {
            sum += xs[i];
        }
        assertLe(sum, 255);
    }

    /// SAFE: the selector in msg.data is this function's.
    function prove_safe_msg_sig(uint256 x) public {
        assertEq(bytes32(msg.sig), bytes32(this.prove_safe_msg_sig.selector));
        assertGe(msg.data.length, 36);
        assertEq(abi.decode(msg.data[4:], (uint256)), x);
    }

    /// SAFE: members of a calldata struct (an ABI tuple) decode independently.
    function prove_safe_struct_members(Pair calldata p) public {
        assertLe(uint256(p.a), uint256(p.a) + p.b);
        assertEq(uint256(p.a) + p.b - p.b, uint256(p.a));
    }

    /// UNSAFE: a uint64 sum over a fixed-size array overflows.
    /// counterexample: xs = [9223372036854775808, 9223372036854775808, 0] (Panic 0x11)
    function prove_unsafe_fixed_array_sum(uint64[3] calldata xs) public {
        uint64 sum = xs[0] + xs[1] + xs[2];
        assertGe(sum, xs[0]);
    }

    /// UNSAFE: nested dynamic arrays can hold five elements in total.
    /// counterexample: xss = [[0, 0, 0], [0, 0]] (assertion)
    function prove_unsafe_nested_array_total(uint256[][] calldata xss) public {
        vm.assume(xss.length <= 3);
        uint256 total;
        for (uint256 i = 0; i < xss.length; i++) {
            vm.assume(xss[i].length <= 3);
            total += xss[i].length;
        }
        assertLt(total, 5);
    }
}
