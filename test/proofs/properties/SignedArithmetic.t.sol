// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;

import "forge-std/Test.sol";

/// Two's-complement arithmetic: SDIV, SMOD, SAR, SLT/SGT, SIGNEXTEND and the asymmetric range of int256.
contract SignedArithmeticProps is Test {
    int256 internal constant MIN = type(int256).min;

    /// UNSAFE: negating the minimum overflows (there is no +2^255).
    /// counterexample: x = -2^255 (Panic 0x11)
    function prove_unsafe_negate_min(int256 x) public {
        int256 y = -x;
        assertEq(-y, x);
    }

    /// SAFE: absolute values are non-negative once the minimum is excluded.
    function prove_safe_abs_nonnegative(int256 x) public {
        vm.assume(x != MIN);
        int256 a = x < 0 ? -x : x;
        assertGe(a, 0);
    }

    /// UNSAFE: without the check, abs(MIN) wraps to MIN, which is negative.
    /// counterexample: x = -2^255 (assertion)
    function prove_unsafe_unchecked_abs(int256 x) public {
        int256 a;
        unchecked {
            a = x < 0 ? -x : x;
        }
        assertGe(a, 0);
    }

    /// UNSAFE: MIN / -1 overflows in checked signed division.
    /// counterexample: a = -2^255, b = -1 (Panic 0x11)
    function prove_unsafe_sdiv_overflow(int256 a, int256 b) public {
        vm.assume(b != 0);
        int256 q = a / b;
        assertTrue(b != 1 || q == a);
    }

    /// SAFE: signed division truncates toward zero, and q * b + r = a with r taking a's sign.
    function prove_safe_sdiv_smod_identity(int128 a, int128 b) public {
        vm.assume(b != 0);
        int256 q = int256(a) / b;
        int256 r = int256(a) % b;
        assertEq(q * b + r, int256(a));
        assertTrue(r == 0 || (r < 0) == (a < 0));
    }

    /// UNSAFE: arithmetic shift right rounds toward minus infinity, division toward zero.
    /// counterexample: x = -1 (-1 >> 1 = -1, -1 / 2 = 0; assertion)
    function prove_unsafe_sar_equals_div(int256 x) public {
        assertEq(x >> 1, x / 2);
    }

    /// SAFE: an int8 survives widening and narrowing (SIGNEXTEND).
    function prove_safe_signextend_roundtrip(int8 x) public {
        int256 wide = x;
        assertEq(int256(int8(wide)), int256(x));
        assertTrue((wide < 0) == (x < 0));
    }

    /// UNSAFE: a - b can overflow even when a < b guarantees the true difference is negative.
    /// counterexample: a = -2^255, b = 1 (Panic 0x11)
    function prove_unsafe_signed_sub_overflow(int256 a, int256 b) public {
        vm.assume(a < b);
        assertLt(a - b, 0);
    }
}
