// SPDX-License-Identifier: MIT
pragma solidity >=0.6.2 <0.9.0;

/// @title stdMath: the distance helpers of forge-std's StdMath.sol, which the approximate
///   assertions use (`assertApproxEqAbs`, `assertApproxEqRel`).
/// @dev Written for Solidity 0.6 to 0.8: no `type(int256).min`, and the one product that can
///   overflow is checked by hand so 0.6/0.7 revert instead of wrapping.
library stdMath {
    int256 private constant INT256_MIN = -57896044618658097711785492504343953926634992332820282019728792003956564819968;

    /// @notice |a| as a uint256; |INT256_MIN| (2^255) fits in uint256 though not in int256.
    function abs(int256 a) internal pure returns (uint256) {
        if (a == INT256_MIN) return uint256(1) << 255;
        return uint256(a >= 0 ? a : -a);
    }

    /// @notice |a - b| without overflow.
    function delta(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a - b : b - a;
    }

    /// @notice |a - b| as a uint256: same signs subtract magnitudes, opposite signs add them.
    function delta(int256 a, int256 b) internal pure returns (uint256) {
        if ((a < 0) == (b < 0)) return delta(abs(a), abs(b));
        return abs(a) + abs(b);
    }

    /// @notice |a - b| / b as an 18-decimal fraction (1e18 = 100%); reverts when b is 0, as
    ///   forge-std's does.
    function percentDelta(uint256 a, uint256 b) internal pure returns (uint256) {
        return scaledRatio(delta(a, b), b);
    }

    /// @notice |a - b| / |b| as an 18-decimal fraction (1e18 = 100%); reverts when b is 0.
    function percentDelta(int256 a, int256 b) internal pure returns (uint256) {
        return scaledRatio(delta(a, b), abs(b));
    }

    function scaledRatio(uint256 numerator, uint256 denominator) private pure returns (uint256) {
        require(numerator <= ~uint256(0) / 1e18, "stdMath percentDelta: overflow");
        return (numerator * 1e18) / denominator;
    }
}
