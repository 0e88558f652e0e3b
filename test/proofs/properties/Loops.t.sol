// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;

import "forge-std/Test.sol";

/// Bounded loops, where a symbolic engine must unroll (the bounds come from vm.assume or the type).
contract LoopProps is Test {
    /// SAFE: Gauss's sum formula for n ≤ 20.
    function prove_safe_gauss_sum(uint8 n) public {
        vm.assume(n <= 20);
        uint256 sum;
        for (uint256 i = 1; i <= n; i++) {
            sum += i;
        }
        assertEq(sum, (uint256(n) * (uint256(n) + 1)) / 2);
    }

    /// UNSAFE: the bound only holds for n < 8.
    /// counterexample: n = 8 (sum = 16; assertion)
    function prove_unsafe_loop_bound(uint8 n) public {
        vm.assume(n <= 10);
        uint256 sum;
        for (uint256 i = 0; i < n; i++) {
            sum += 2;
        }
        assertLt(sum, 15);
    }

    /// SAFE: a 16-bit value has at most 16 set bits, and x has an odd count iff its parity is 1.
    function prove_safe_popcount16(uint16 x) public {
        uint256 count;
        uint256 parity;
        for (uint256 i = 0; i < 16; i++) {
            uint256 bit = (uint256(x) >> i) & 1;
            count += bit;
            parity ^= bit;
        }
        assertLe(count, 16);
        assertEq(count % 2, parity);
    }

    /// SAFE: halmos's `check_` prefix works like `prove_`: min and max bracket both operands.
    function check_safe_min_max(uint256 a, uint256 b) public {
        uint256 lo = a < b ? a : b;
        uint256 hi = a < b ? b : a;
        assertLe(lo, hi);
        assertTrue((lo == a && hi == b) || (lo == b && hi == a));
    }
}
