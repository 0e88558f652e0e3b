// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;

import "forge-std/Test.sol";

/// AND, OR, XOR, NOT, SHL, SHR, BYTE.
contract BitwiseProps is Test {
    /// SAFE: XOR with the same value twice is the identity.
    function prove_safe_xor_involution(uint256 a, uint256 b) public {
        assertEq((a ^ b) ^ b, a);
    }

    /// SAFE: De Morgan: ~(a & b) = ~a | ~b.
    function prove_safe_de_morgan(uint256 a, uint256 b) public {
        assertEq(~(a & b), ~a | ~b);
    }

    /// SAFE: the overflow-free average (a & b) + ((a ^ b) >> 1) lies between the operands.
    function prove_safe_average_bitwise(uint256 a, uint256 b) public {
        uint256 avg = (a & b) + ((a ^ b) >> 1);
        uint256 lo = a < b ? a : b;
        uint256 hi = a < b ? b : a;
        assertGe(avg, lo);
        assertLe(avg, hi);
    }

    /// UNSAFE: the naive average wraps when a + b exceeds 2^256 - 1.
    /// counterexample: a = 2^256 - 1, b = 2^256 - 1 (avg = 2^255 - 1 < a; assertion)
    function prove_unsafe_average_naive(uint256 a, uint256 b) public {
        uint256 avg;
        unchecked {
            avg = (a + b) / 2;
        }
        assertGe(avg, a < b ? a : b);
    }

    /// SAFE: shifting left then right clears exactly the top s bits.
    function prove_safe_shift_masks(uint256 x, uint8 s) public {
        assertEq((x << s) >> s, x & (~uint256(0) >> s));
    }

    /// UNSAFE: shifting left loses the top bit.
    /// counterexample: x = 2^255 (assertion)
    function prove_unsafe_shift_roundtrip(uint256 x) public {
        assertEq((x << 1) >> 1, x);
    }

    /// SAFE: indexing a bytes32 (the BYTE opcode) picks the byte a shift would.
    function prove_safe_byte_index(bytes32 w, uint8 i) public {
        vm.assume(i < 32);
        assertEq(uint256(uint8(w[i])), (uint256(w) >> (8 * (31 - uint256(i)))) & 0xff);
    }

    /// UNSAFE: x & (x - 1) == 0 also holds for zero, which is not a power of two.
    /// counterexample: x = 0 (assertion)
    function prove_unsafe_power_of_two_test(uint256 x) public {
        bool looksLikePowerOfTwo;
        unchecked {
            looksLikePowerOfTwo = (x & (x - 1)) == 0;
        }
        if (looksLikePowerOfTwo) assertTrue(x != 0);
    }
}
