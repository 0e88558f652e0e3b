// SPDX-License-Identifier: MIT
pragma solidity >=0.7.0 <0.8.0;

import "ds-test/test.sol";

/// Solidity 0.7 (selected by the pragma: solc 0.7.6) with plain ds-test: arithmetic wraps silently.
contract LegacyProps is DSTest {
    /// UNSAFE: before 0.8 an overflowing sum wraps instead of reverting.
    /// counterexample: a = 2^256 - 1, b = 1 (c = 0; assertion)
    function prove_unsafe_wrapping_add(uint256 a, uint256 b) public {
        uint256 c = a + b;
        assertGe(c, a);
    }

    /// SAFE: the SafeMath-style guard rejects exactly the wrapping cases.
    function prove_safe_guarded_add(uint256 a, uint256 b) public {
        uint256 c = a + b;
        if (c >= a) {
            assertEq(c - a, b);
        } else {
            assertTrue(b > uint256(-1) - a);
        }
    }
}
