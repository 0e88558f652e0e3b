// SPDX-License-Identifier: MIT
pragma solidity >=0.6.2 <0.9.0;

import "ds-test/test.sol";
import {stdMath} from "./StdMath.sol";

/// @title StdAssertions: the assertions forge-std adds to ds-test's.
/// @notice As in ds-test (and forge-std before its assertions became cheatcodes), a failing
///   assertion emits log events that explain it and sets the failed flag; it never reverts, so
///   `svm prove` reports it through `failed()` after the property call.
/// @dev Arrays of static types compare by their ABI encoding; `string[]` and `bytes[]` compare
///   element by element, which needs no ABI coder v2 under Solidity 0.6/0.7.
abstract contract StdAssertions is DSTest {
    uint256 private constant UINT256_MAX = ~uint256(0);

    /// @notice Fails with a message, as forge-std's `fail(string)`.
    function fail(string memory err) internal {
        emit log_named_string("Error", err);
        fail();
    }

    function assertFalse(bool condition) internal {
        assertTrue(!condition);
    }

    function assertFalse(bool condition, string memory err) internal {
        assertTrue(!condition, err);
    }

    function assertEq(bool left, bool right) internal {
        if (left != right) {
            emit log("Error: left == right not satisfied [bool]");
            emit log_named_string("      Left", left ? "true" : "false");
            emit log_named_string("     Right", right ? "true" : "false");
            fail();
        }
    }

    function assertEq(bool left, bool right, string memory err) internal {
        if (left != right) {
            emit log_named_string("Error", err);
            assertEq(left, right);
        }
    }

    function assertEq(bytes memory left, bytes memory right) internal {
        assertEq0(left, right);
    }

    function assertEq(bytes memory left, bytes memory right, string memory err) internal {
        assertEq0(left, right, err);
    }

    /// @notice forge-std's legacy name for the uint256 `assertEq`.
    function assertEqUint(uint256 left, uint256 right) internal {
        assertEq(left, right);
    }

    function assertEq(uint256[] memory left, uint256[] memory right) internal {
        if (!(keccak256(abi.encode(left)) == keccak256(abi.encode(right)))) {
            emit log("Error: left == right not satisfied [uint[]]");
            fail();
        }
    }

    function assertEq(uint256[] memory left, uint256[] memory right, string memory err) internal {
        if (!(keccak256(abi.encode(left)) == keccak256(abi.encode(right)))) {
            emit log_named_string("Error", err);
            assertEq(left, right);
        }
    }

    function assertEq(int256[] memory left, int256[] memory right) internal {
        if (!(keccak256(abi.encode(left)) == keccak256(abi.encode(right)))) {
            emit log("Error: left == right not satisfied [int[]]");
            fail();
        }
    }

    function assertEq(int256[] memory left, int256[] memory right, string memory err) internal {
        if (!(keccak256(abi.encode(left)) == keccak256(abi.encode(right)))) {
            emit log_named_string("Error", err);
            assertEq(left, right);
        }
    }

    function assertEq(address[] memory left, address[] memory right) internal {
        if (!(keccak256(abi.encode(left)) == keccak256(abi.encode(right)))) {
            emit log("Error: left == right not satisfied [address[]]");
            fail();
        }
    }

    function assertEq(address[] memory left, address[] memory right, string memory err) internal {
        if (!(keccak256(abi.encode(left)) == keccak256(abi.encode(right)))) {
            emit log_named_string("Error", err);
            assertEq(left, right);
        }
    }

    function assertEq(bytes32[] memory left, bytes32[] memory right) internal {
        if (!(keccak256(abi.encode(left)) == keccak256(abi.encode(right)))) {
            emit log("Error: left == right not satisfied [bytes32[]]");
            fail();
        }
    }

    function assertEq(bytes32[] memory left, bytes32[] memory right, string memory err) internal {
        if (!(keccak256(abi.encode(left)) == keccak256(abi.encode(right)))) {
            emit log_named_string("Error", err);
            assertEq(left, right);
        }
    }

    function assertEq(bool[] memory left, bool[] memory right) internal {
        if (!(keccak256(abi.encode(left)) == keccak256(abi.encode(right)))) {
            emit log("Error: left == right not satisfied [bool[]]");
            fail();
        }
    }

    function assertEq(bool[] memory left, bool[] memory right, string memory err) internal {
        if (!(keccak256(abi.encode(left)) == keccak256(abi.encode(right)))) {
            emit log_named_string("Error", err);
            assertEq(left, right);
        }
    }

    function assertEq(string[] memory left, string[] memory right) internal {
        if (!(sameStrings(left, right))) {
            emit log("Error: left == right not satisfied [string[]]");
            fail();
        }
    }

    function assertEq(string[] memory left, string[] memory right, string memory err) internal {
        if (!(sameStrings(left, right))) {
            emit log_named_string("Error", err);
            assertEq(left, right);
        }
    }

    function assertEq(bytes[] memory left, bytes[] memory right) internal {
        if (!(sameBytes(left, right))) {
            emit log("Error: left == right not satisfied [bytes[]]");
            fail();
        }
    }

    function assertEq(bytes[] memory left, bytes[] memory right, string memory err) internal {
        if (!(sameBytes(left, right))) {
            emit log_named_string("Error", err);
            assertEq(left, right);
        }
    }

    function sameStrings(string[] memory left, string[] memory right) private pure returns (bool) {
        if (left.length != right.length) return false;
        for (uint256 i = 0; i < left.length; i++) {
            if (keccak256(bytes(left[i])) != keccak256(bytes(right[i]))) return false;
        }
        return true;
    }

    function sameBytes(bytes[] memory left, bytes[] memory right) private pure returns (bool) {
        if (left.length != right.length) return false;
        for (uint256 i = 0; i < left.length; i++) {
            if (keccak256(left[i]) != keccak256(right[i])) return false;
        }
        return true;
    }

    function assertNotEq(uint256 left, uint256 right, string memory err) internal {
        if (left == right) {
            emit log_named_string("Error", err);
            assertNotEq(left, right);
        }
    }

    function assertNotEq(int256 left, int256 right, string memory err) internal {
        if (left == right) {
            emit log_named_string("Error", err);
            assertNotEq(left, right);
        }
    }

    function assertNotEq(address left, address right, string memory err) internal {
        if (left == right) {
            emit log_named_string("Error", err);
            assertNotEq(left, right);
        }
    }

    function assertNotEq(bytes32 left, bytes32 right, string memory err) internal {
        if (left == right) {
            emit log_named_string("Error", err);
            assertNotEq(left, right);
        }
    }

    function assertNotEq32(bytes32 left, bytes32 right) internal {
        assertNotEq(left, right);
    }

    function assertNotEq32(bytes32 left, bytes32 right, string memory err) internal {
        assertNotEq(left, right, err);
    }

    function assertNotEq(bool left, bool right) internal {
        if (left == right) {
            emit log("Error: left != right not satisfied [bool]");
            emit log_named_string("      Both", left ? "true" : "false");
            fail();
        }
    }

    function assertNotEq(bool left, bool right, string memory err) internal {
        if (left == right) {
            emit log_named_string("Error", err);
            assertNotEq(left, right);
        }
    }

    function assertNotEq(string memory left, string memory right) internal {
        if (keccak256(bytes(left)) == keccak256(bytes(right))) {
            emit log("Error: left != right not satisfied [string]");
            emit log_named_string("      Both", left);
            fail();
        }
    }

    function assertNotEq(string memory left, string memory right, string memory err) internal {
        if (keccak256(bytes(left)) == keccak256(bytes(right))) {
            emit log_named_string("Error", err);
            assertNotEq(left, right);
        }
    }

    function assertNotEq0(bytes memory left, bytes memory right) internal {
        if (keccak256(left) == keccak256(right)) {
            emit log("Error: left != right not satisfied [bytes]");
            emit log_named_bytes("      Both", left);
            fail();
        }
    }

    function assertNotEq0(bytes memory left, bytes memory right, string memory err) internal {
        if (keccak256(left) == keccak256(right)) {
            emit log_named_string("Error", err);
            assertNotEq0(left, right);
        }
    }

    function assertNotEq(bytes memory left, bytes memory right) internal {
        assertNotEq0(left, right);
    }

    function assertNotEq(bytes memory left, bytes memory right, string memory err) internal {
        assertNotEq0(left, right, err);
    }

    function assertNotEqDecimal(int256 left, int256 right, uint256 decimals) internal {
        if (left == right) {
            emit log("Error: left != right not satisfied [decimal int]");
            emit log_named_decimal_int("      Both", left, decimals);
            fail();
        }
    }

    function assertNotEqDecimal(int256 left, int256 right, uint256 decimals, string memory err) internal {
        if (left == right) {
            emit log_named_string("Error", err);
            assertNotEqDecimal(left, right, decimals);
        }
    }

    function assertNotEqDecimal(uint256 left, uint256 right, uint256 decimals) internal {
        if (left == right) {
            emit log("Error: left != right not satisfied [decimal uint]");
            emit log_named_decimal_uint("      Both", left, decimals);
            fail();
        }
    }

    function assertNotEqDecimal(uint256 left, uint256 right, uint256 decimals, string memory err) internal {
        if (left == right) {
            emit log_named_string("Error", err);
            assertNotEqDecimal(left, right, decimals);
        }
    }

    function assertNotEq(uint256[] memory left, uint256[] memory right) internal {
        if (keccak256(abi.encode(left)) == keccak256(abi.encode(right))) {
            emit log("Error: left != right not satisfied [uint[]]");
            fail();
        }
    }

    function assertNotEq(uint256[] memory left, uint256[] memory right, string memory err) internal {
        if (keccak256(abi.encode(left)) == keccak256(abi.encode(right))) {
            emit log_named_string("Error", err);
            assertNotEq(left, right);
        }
    }

    function assertNotEq(int256[] memory left, int256[] memory right) internal {
        if (keccak256(abi.encode(left)) == keccak256(abi.encode(right))) {
            emit log("Error: left != right not satisfied [int[]]");
            fail();
        }
    }

    function assertNotEq(int256[] memory left, int256[] memory right, string memory err) internal {
        if (keccak256(abi.encode(left)) == keccak256(abi.encode(right))) {
            emit log_named_string("Error", err);
            assertNotEq(left, right);
        }
    }

    function assertNotEq(address[] memory left, address[] memory right) internal {
        if (keccak256(abi.encode(left)) == keccak256(abi.encode(right))) {
            emit log("Error: left != right not satisfied [address[]]");
            fail();
        }
    }

    function assertNotEq(address[] memory left, address[] memory right, string memory err) internal {
        if (keccak256(abi.encode(left)) == keccak256(abi.encode(right))) {
            emit log_named_string("Error", err);
            assertNotEq(left, right);
        }
    }

    function assertNotEq(bytes32[] memory left, bytes32[] memory right) internal {
        if (keccak256(abi.encode(left)) == keccak256(abi.encode(right))) {
            emit log("Error: left != right not satisfied [bytes32[]]");
            fail();
        }
    }

    function assertNotEq(bytes32[] memory left, bytes32[] memory right, string memory err) internal {
        if (keccak256(abi.encode(left)) == keccak256(abi.encode(right))) {
            emit log_named_string("Error", err);
            assertNotEq(left, right);
        }
    }

    function assertNotEq(bool[] memory left, bool[] memory right) internal {
        if (keccak256(abi.encode(left)) == keccak256(abi.encode(right))) {
            emit log("Error: left != right not satisfied [bool[]]");
            fail();
        }
    }

    function assertNotEq(bool[] memory left, bool[] memory right, string memory err) internal {
        if (keccak256(abi.encode(left)) == keccak256(abi.encode(right))) {
            emit log_named_string("Error", err);
            assertNotEq(left, right);
        }
    }

    function assertNotEq(string[] memory left, string[] memory right) internal {
        if (sameStrings(left, right)) {
            emit log("Error: left != right not satisfied [string[]]");
            fail();
        }
    }

    function assertNotEq(string[] memory left, string[] memory right, string memory err) internal {
        if (sameStrings(left, right)) {
            emit log_named_string("Error", err);
            assertNotEq(left, right);
        }
    }

    function assertNotEq(bytes[] memory left, bytes[] memory right) internal {
        if (sameBytes(left, right)) {
            emit log("Error: left != right not satisfied [bytes[]]");
            fail();
        }
    }

    function assertNotEq(bytes[] memory left, bytes[] memory right, string memory err) internal {
        if (sameBytes(left, right)) {
            emit log_named_string("Error", err);
            assertNotEq(left, right);
        }
    }

    /// @notice Passes when |left - right| <= maxDelta.
    function assertApproxEqAbs(uint256 left, uint256 right, uint256 maxDelta) internal {
        uint256 delta = stdMath.delta(left, right);
        if (delta > maxDelta) {
            emit log("Error: left ~= right not satisfied [uint]");
            emit log_named_uint("      Left", left);
            emit log_named_uint("     Right", right);
            emit log_named_uint(" Max Delta", maxDelta);
            emit log_named_uint("     Delta", delta);
            fail();
        }
    }

    function assertApproxEqAbs(uint256 left, uint256 right, uint256 maxDelta, string memory err) internal {
        if (stdMath.delta(left, right) > maxDelta) {
            emit log_named_string("Error", err);
            assertApproxEqAbs(left, right, maxDelta);
        }
    }

    function assertApproxEqAbsDecimal(uint256 left, uint256 right, uint256 maxDelta, uint256 decimals) internal {
        uint256 delta = stdMath.delta(left, right);
        if (delta > maxDelta) {
            emit log("Error: left ~= right not satisfied [uint]");
            emit log_named_decimal_uint("      Left", left, decimals);
            emit log_named_decimal_uint("     Right", right, decimals);
            emit log_named_decimal_uint(" Max Delta", maxDelta, decimals);
            emit log_named_decimal_uint("     Delta", delta, decimals);
            fail();
        }
    }

    function assertApproxEqAbsDecimal(uint256 left, uint256 right, uint256 maxDelta, uint256 decimals, string memory err)
        internal
    {
        if (stdMath.delta(left, right) > maxDelta) {
            emit log_named_string("Error", err);
            assertApproxEqAbsDecimal(left, right, maxDelta, decimals);
        }
    }

    /// @notice Passes when |left - right| / |right| <= maxPercentDelta, an 18-decimal fraction
    ///   (1e18 = 100%), as forge-std: when right is 0, left must be 0 too.
    function assertApproxEqRel(uint256 left, uint256 right, uint256 maxPercentDelta) internal {
        if (right == 0) return assertEq(left, right);
        if (exceedsRelative(left, right, maxPercentDelta)) {
            uint256 percentDelta = stdMath.percentDelta(left, right);
            emit log("Error: left ~= right not satisfied [uint]");
            emit log_named_uint("        Left", left);
            emit log_named_uint("       Right", right);
            emit log_named_decimal_uint(" Max % Delta", maxPercentDelta * 100, 18);
            emit log_named_decimal_uint("     % Delta", percentDelta * 100, 18);
            fail();
        }
    }

    function assertApproxEqRel(uint256 left, uint256 right, uint256 maxPercentDelta, string memory err) internal {
        if (right == 0) return assertEq(left, right, err);
        if (exceedsRelative(left, right, maxPercentDelta)) {
            emit log_named_string("Error", err);
            assertApproxEqRel(left, right, maxPercentDelta);
        }
    }

    function assertApproxEqRelDecimal(uint256 left, uint256 right, uint256 maxPercentDelta, uint256 decimals) internal {
        if (right == 0) return assertEqDecimal(left, right, decimals);
        if (exceedsRelative(left, right, maxPercentDelta)) {
            uint256 percentDelta = stdMath.percentDelta(left, right);
            emit log("Error: left ~= right not satisfied [uint]");
            emit log_named_decimal_uint("        Left", left, decimals);
            emit log_named_decimal_uint("       Right", right, decimals);
            emit log_named_decimal_uint(" Max % Delta", maxPercentDelta * 100, 18);
            emit log_named_decimal_uint("     % Delta", percentDelta * 100, 18);
            fail();
        }
    }

    function assertApproxEqRelDecimal(
        uint256 left,
        uint256 right,
        uint256 maxPercentDelta,
        uint256 decimals,
        string memory err
    ) internal {
        if (right == 0) return assertEqDecimal(left, right, decimals, err);
        if (exceedsRelative(left, right, maxPercentDelta)) {
            emit log_named_string("Error", err);
            assertApproxEqRelDecimal(left, right, maxPercentDelta, decimals);
        }
    }

    /// @notice Passes when |left - right| <= maxDelta.
    function assertApproxEqAbs(int256 left, int256 right, uint256 maxDelta) internal {
        uint256 delta = stdMath.delta(left, right);
        if (delta > maxDelta) {
            emit log("Error: left ~= right not satisfied [int]");
            emit log_named_int("      Left", left);
            emit log_named_int("     Right", right);
            emit log_named_uint(" Max Delta", maxDelta);
            emit log_named_uint("     Delta", delta);
            fail();
        }
    }

    function assertApproxEqAbs(int256 left, int256 right, uint256 maxDelta, string memory err) internal {
        if (stdMath.delta(left, right) > maxDelta) {
            emit log_named_string("Error", err);
            assertApproxEqAbs(left, right, maxDelta);
        }
    }

    function assertApproxEqAbsDecimal(int256 left, int256 right, uint256 maxDelta, uint256 decimals) internal {
        uint256 delta = stdMath.delta(left, right);
        if (delta > maxDelta) {
            emit log("Error: left ~= right not satisfied [int]");
            emit log_named_decimal_int("      Left", left, decimals);
            emit log_named_decimal_int("     Right", right, decimals);
            emit log_named_decimal_uint(" Max Delta", maxDelta, decimals);
            emit log_named_decimal_uint("     Delta", delta, decimals);
            fail();
        }
    }

    function assertApproxEqAbsDecimal(int256 left, int256 right, uint256 maxDelta, uint256 decimals, string memory err)
        internal
    {
        if (stdMath.delta(left, right) > maxDelta) {
            emit log_named_string("Error", err);
            assertApproxEqAbsDecimal(left, right, maxDelta, decimals);
        }
    }

    /// @notice Passes when |left - right| / |right| <= maxPercentDelta, an 18-decimal fraction
    ///   (1e18 = 100%), as forge-std: when right is 0, left must be 0 too.
    function assertApproxEqRel(int256 left, int256 right, uint256 maxPercentDelta) internal {
        if (right == 0) return assertEq(left, right);
        if (exceedsRelative(left, right, maxPercentDelta)) {
            uint256 percentDelta = stdMath.percentDelta(left, right);
            emit log("Error: left ~= right not satisfied [int]");
            emit log_named_int("        Left", left);
            emit log_named_int("       Right", right);
            emit log_named_decimal_uint(" Max % Delta", maxPercentDelta * 100, 18);
            emit log_named_decimal_uint("     % Delta", percentDelta * 100, 18);
            fail();
        }
    }

    function assertApproxEqRel(int256 left, int256 right, uint256 maxPercentDelta, string memory err) internal {
        if (right == 0) return assertEq(left, right, err);
        if (exceedsRelative(left, right, maxPercentDelta)) {
            emit log_named_string("Error", err);
            assertApproxEqRel(left, right, maxPercentDelta);
        }
    }

    function assertApproxEqRelDecimal(int256 left, int256 right, uint256 maxPercentDelta, uint256 decimals) internal {
        if (right == 0) return assertEqDecimal(left, right, decimals);
        if (exceedsRelative(left, right, maxPercentDelta)) {
            uint256 percentDelta = stdMath.percentDelta(left, right);
            emit log("Error: left ~= right not satisfied [int]");
            emit log_named_decimal_int("        Left", left, decimals);
            emit log_named_decimal_int("       Right", right, decimals);
            emit log_named_decimal_uint(" Max % Delta", maxPercentDelta * 100, 18);
            emit log_named_decimal_uint("     % Delta", percentDelta * 100, 18);
            fail();
        }
    }

    function assertApproxEqRelDecimal(
        int256 left,
        int256 right,
        uint256 maxPercentDelta,
        uint256 decimals,
        string memory err
    ) internal {
        if (right == 0) return assertEqDecimal(left, right, decimals, err);
        if (exceedsRelative(left, right, maxPercentDelta)) {
            emit log_named_string("Error", err);
            assertApproxEqRelDecimal(left, right, maxPercentDelta, decimals);
        }
    }

    /// @dev percentDelta(left, right) > maxPercentDelta for right != 0, decided without dividing
    ///   by the (often symbolic) right: floor(d * 1e18 / r) > m  <=>  d * 1e18 >= (m + 1) * r.
    ///   Division by a symbolic word is what solvers find hardest; when a product would overflow
    ///   it divides instead, and like stdMath.percentDelta it reverts where forge-std's overflows.
    function exceedsRatio(uint256 delta, uint256 magnitude, uint256 maxPercentDelta) private pure returns (bool) {
        if (maxPercentDelta == UINT256_MAX) return false;
        require(delta <= UINT256_MAX / 1e18, "stdMath percentDelta: overflow");
        if (magnitude <= UINT256_MAX / (maxPercentDelta + 1)) {
            return delta * 1e18 >= (maxPercentDelta + 1) * magnitude;
        }
        return (delta * 1e18) / magnitude > maxPercentDelta;
    }

    function exceedsRelative(uint256 left, uint256 right, uint256 maxPercentDelta) private pure returns (bool) {
        return exceedsRatio(stdMath.delta(left, right), right, maxPercentDelta);
    }

    function exceedsRelative(int256 left, int256 right, uint256 maxPercentDelta) private pure returns (bool) {
        return exceedsRatio(stdMath.delta(left, right), stdMath.abs(right), maxPercentDelta);
    }
}
