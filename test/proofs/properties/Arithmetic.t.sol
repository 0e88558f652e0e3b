// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;

import "forge-std/Test.sol";

/// Unsigned arithmetic, checked (0.8 default: overflow reverts with Panic(0x11)) and unchecked (wraps mod 2^256).
contract ArithmeticProps is Test {
    /// SAFE: two uint128 values cannot overflow a uint256 sum.
    function prove_safe_add_commutes(uint128 a, uint128 b) public {
        assertEq(uint256(a) + b, uint256(b) + a);
    }

    /// UNSAFE: checked addition reverts on overflow.
    /// counterexample: a = 2^256 - 1, b = 1 (Panic 0x11)
    function prove_unsafe_checked_add_overflows(uint256 a, uint256 b) public {
        uint256 c = a + b;
        assertGe(c, a);
    }

    /// SAFE: modular arithmetic: (a + b) - b = a even when a + b wraps.
    function prove_safe_unchecked_add_sub_inverse(uint256 a, uint256 b) public {
        unchecked {
            uint256 c = a + b;
            assertEq(c - b, a);
        }
    }

    /// UNSAFE: a wrapped sum is smaller than its operands.
    /// counterexample: a = 1, b = 2^256 - 1 (c = 0 < a; assertion)
    function prove_unsafe_unchecked_add_monotone(uint256 a, uint256 b) public {
        uint256 c;
        unchecked {
            c = a + b;
        }
        assertGe(c, a);
    }

    /// SAFE: the product of two uint128 values fits in 256 bits, so dividing undoes it.
    function prove_safe_mul_div_roundtrip(uint128 a, uint128 b) public {
        vm.assume(b != 0);
        assertEq((uint256(a) * b) / b, a);
    }

    /// UNSAFE: checked multiplication reverts on overflow.
    /// counterexample: a = 2^128, b = 2^128 (Panic 0x11)
    function prove_unsafe_checked_mul_overflows(uint256 a, uint256 b) public {
        uint256 c = a * b;
        assertTrue(b == 0 || c / b == a);
    }

    /// UNSAFE: division by zero reverts.
    /// counterexample: a = 0, b = 0 (Panic 0x12)
    function prove_unsafe_div_by_zero(uint256 a, uint256 b) public {
        assertLe(a / b, a);
    }

    /// SAFE: a quotient is at most the dividend.
    function prove_safe_div_le_dividend(uint256 a, uint256 b) public {
        vm.assume(b > 0);
        assertLe(a / b, a);
    }

    /// SAFE: a remainder is below the divisor, and quotient * divisor + remainder = dividend.
    function prove_safe_divmod_identity(uint256 a, uint256 b) public {
        vm.assume(b > 0);
        assertLt(a % b, b);
        assertEq((a / b) * b + (a % b), a);
    }

    /// UNSAFE: checked subtraction underflows.
    /// counterexample: a = 0, b = 1 (Panic 0x11)
    function prove_unsafe_checked_sub_underflows(uint256 a, uint256 b) public {
        uint256 d = a - b;
        assertLe(d, a);
    }

    /// SAFE: exponentiation of small bases stays exact: 2^e = 1 << e.
    function prove_safe_exp_is_shift(uint8 e) public {
        assertEq(2 ** uint256(e), uint256(1) << e);
    }

    /// SAFE: mulmod and addmod compute over 512-bit intermediates, so they never wrap.
    function prove_safe_addmod_matches_wide_sum(uint128 a, uint128 b, uint256 n) public {
        vm.assume(n != 0);
        assertEq(addmod(a, b, n), (uint256(a) + uint256(b)) % n);
        assertEq(mulmod(a, b, n), (uint256(a) * uint256(b)) % n);
    }
}
