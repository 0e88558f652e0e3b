// SPDX-License-Identifier: MIT
pragma solidity >=0.6.2 <0.9.0;

import "ds-test/test.sol";
import {Vm} from "./Vm.sol";
import {stdError} from "./StdError.sol";
import {StdInvariant} from "./StdInvariant.sol";
import {console} from "./console.sol";
import {console2} from "./console2.sol";

/// @title Test, as the Synnergy VM provides it for `import "forge-std/Test.sol"`.
/// @notice DSTest's assertions plus the forge-std conveniences property suites use most: `vm`
///   (the cheatcodes), `bound`, `skip`/`rewind`, `deal`/`hoax`/`startHoax`, invariant targets, and
///   assertions on bool, bytes and arrays. Like DSTest, a failing
///   assertion logs and sets the failed flag instead of reverting.
abstract contract Test is DSTest, StdInvariant {
    Vm internal constant vm = Vm(HEVM_ADDRESS);

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

    function assertEq(uint256[] memory left, uint256[] memory right) internal {
        if (keccak256(abi.encode(left)) != keccak256(abi.encode(right))) {
            emit log("Error: left == right not satisfied [uint[]]");
            fail();
        }
    }

    function assertEq(int256[] memory left, int256[] memory right) internal {
        if (keccak256(abi.encode(left)) != keccak256(abi.encode(right))) {
            emit log("Error: left == right not satisfied [int[]]");
            fail();
        }
    }

    function assertEq(address[] memory left, address[] memory right) internal {
        if (keccak256(abi.encode(left)) != keccak256(abi.encode(right))) {
            emit log("Error: left == right not satisfied [address[]]");
            fail();
        }
    }

    /// @notice Passes when |left - right| ≤ maxDelta.
    function assertApproxEqAbs(uint256 left, uint256 right, uint256 maxDelta) internal {
        uint256 delta = left > right ? left - right : right - left;
        if (delta > maxDelta) {
            emit log("Error: left ~= right not satisfied [uint]");
            emit log_named_uint("      Left", left);
            emit log_named_uint("     Right", right);
            emit log_named_uint(" Max Delta", maxDelta);
            emit log_named_uint("     Delta", delta);
            fail();
        }
    }

    /// @notice Moves block.timestamp forward by `time` seconds.
    function skip(uint256 time) internal {
        vm.warp(block.timestamp + time);
    }

    /// @notice Moves block.timestamp back by `time` seconds.
    function rewind(uint256 time) internal {
        vm.warp(block.timestamp - time);
    }

    /// @notice Sets the balance of `account`, as forge-std's StdCheats `deal` does for ether.
    function deal(address account, uint256 newBalance) internal {
        vm.deal(account, newBalance);
    }

    /// @notice Gives `who` 2^128 wei and makes it msg.sender of the next call.
    function hoax(address who) internal {
        vm.deal(who, 1 << 128);
        vm.prank(who);
    }

    /// @notice Gives `who` `give` wei and makes it msg.sender of the next call.
    function hoax(address who, uint256 give) internal {
        vm.deal(who, give);
        vm.prank(who);
    }

    /// @notice Gives `who` 2^128 wei and makes it msg.sender until `vm.stopPrank()`.
    function startHoax(address who) internal {
        vm.deal(who, 1 << 128);
        vm.startPrank(who);
    }

    /// @notice Gives `who` `give` wei and makes it msg.sender until `vm.stopPrank()`.
    function startHoax(address who, uint256 give) internal {
        vm.deal(who, give);
        vm.startPrank(who);
    }

    /// @notice Maps any `x` into [min, max] so a property can constrain an input without discarding
    ///   it (unlike `vm.assume`). Values already in range are kept; others wrap around the range.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        return min + (x % (max - min + 1));
    }

    /// @notice `bound` for signed integers: flipping the sign bit maps int256 order onto uint256
    ///   order, so the unsigned `bound` does the work.
    function bound(int256 x, int256 min, int256 max) internal pure returns (int256) {
        require(min <= max, "bound: min > max");
        uint256 signBit = uint256(1) << 255;
        uint256 bounded = bound(uint256(x) ^ signBit, uint256(min) ^ signBit, uint256(max) ^ signBit);
        return int256(bounded ^ signBit);
    }
}
