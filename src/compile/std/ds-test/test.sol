// SPDX-License-Identifier: MIT
pragma solidity >=0.5.0;

/// @title DSTest, as the Synnergy VM provides it for `import "ds-test/test.sol"`.
/// @notice Keeps the interface of dapphub's ds-test, which property suites are written against:
///   assertions never revert; a failing one emits log events that explain it and sets the failed
///   flag, which `svm prove` reads through `failed()` after each property call. A property fails
///   when its call reverts (outside an expected revert) or when `failed()` is true afterwards.
/// @dev Written for Solidity 0.5 to 0.8, so it avoids syntax one of them lacks (`virtual`,
///   `type(int256).min`, `abstract`).
contract DSTest {
    event log(string);
    event logs(bytes);

    event log_address(address);
    event log_bytes32(bytes32);
    event log_int(int256);
    event log_uint(uint256);
    event log_bytes(bytes);
    event log_string(string);

    event log_named_address(string key, address val);
    event log_named_bytes32(string key, bytes32 val);
    event log_named_decimal_int(string key, int256 val, uint256 decimals);
    event log_named_decimal_uint(string key, uint256 val, uint256 decimals);
    event log_named_int(string key, int256 val);
    event log_named_uint(string key, uint256 val);
    event log_named_bytes(string key, bytes val);
    event log_named_string(string key, string val);

    /// @notice Marks the contract as a test suite for tools that look for it.
    bool public IS_TEST = true;

    bool private _failed;

    // The cheatcode address: the last 20 bytes of keccak256("hevm cheat code").
    address internal constant HEVM_ADDRESS = 0x7109709ECfa91a80626fF3989D68f67F5b1DD12D;

    /// @notice True once any assertion has failed or `fail()` was called.
    function failed() public view returns (bool) {
        return _failed;
    }

    function fail() internal {
        _failed = true;
    }

    /// @notice Logs the gas the function body used, as ds-test's modifier of the same name does.
    modifier logs_gas() {
        uint256 startGas = gasleft();
        _;
        emit log_named_uint("gas", startGas - gasleft());
    }

    function assertTrue(bool condition) internal {
        if (!condition) {
            emit log("Error: Assertion Failed");
            fail();
        }
    }

    function assertTrue(bool condition, string memory err) internal {
        if (!condition) {
            emit log_named_string("Error", err);
            assertTrue(condition);
        }
    }

    function assertEq(address left, address right) internal {
        if (left != right) {
            emit log("Error: left == right not satisfied [address]");
            emit log_named_address("      Left", left);
            emit log_named_address("     Right", right);
            fail();
        }
    }

    function assertEq(address left, address right, string memory err) internal {
        if (left != right) {
            emit log_named_string("Error", err);
            assertEq(left, right);
        }
    }

    function assertEq(bytes32 left, bytes32 right) internal {
        if (left != right) {
            emit log("Error: left == right not satisfied [bytes32]");
            emit log_named_bytes32("      Left", left);
            emit log_named_bytes32("     Right", right);
            fail();
        }
    }

    function assertEq(bytes32 left, bytes32 right, string memory err) internal {
        if (left != right) {
            emit log_named_string("Error", err);
            assertEq(left, right);
        }
    }

    function assertEq32(bytes32 left, bytes32 right) internal {
        assertEq(left, right);
    }

    function assertEq32(bytes32 left, bytes32 right, string memory err) internal {
        assertEq(left, right, err);
    }

    function assertEq(int256 left, int256 right) internal {
        if (left != right) {
            emit log("Error: left == right not satisfied [int]");
            emit log_named_int("      Left", left);
            emit log_named_int("     Right", right);
            fail();
        }
    }

    function assertEq(int256 left, int256 right, string memory err) internal {
        if (left != right) {
            emit log_named_string("Error", err);
            assertEq(left, right);
        }
    }

    function assertEq(uint256 left, uint256 right) internal {
        if (left != right) {
            emit log("Error: left == right not satisfied [uint]");
            emit log_named_uint("      Left", left);
            emit log_named_uint("     Right", right);
            fail();
        }
    }

    function assertEq(uint256 left, uint256 right, string memory err) internal {
        if (left != right) {
            emit log_named_string("Error", err);
            assertEq(left, right);
        }
    }

    function assertEqDecimal(int256 left, int256 right, uint256 decimals) internal {
        if (left != right) {
            emit log("Error: left == right not satisfied [decimal int]");
            emit log_named_decimal_int("      Left", left, decimals);
            emit log_named_decimal_int("     Right", right, decimals);
            fail();
        }
    }

    function assertEqDecimal(uint256 left, uint256 right, uint256 decimals) internal {
        if (left != right) {
            emit log("Error: left == right not satisfied [decimal uint]");
            emit log_named_decimal_uint("      Left", left, decimals);
            emit log_named_decimal_uint("     Right", right, decimals);
            fail();
        }
    }

    function assertEqDecimal(int256 left, int256 right, uint256 decimals, string memory err) internal {
        if (left != right) {
            emit log_named_string("Error", err);
            assertEqDecimal(left, right, decimals);
        }
    }

    function assertEqDecimal(uint256 left, uint256 right, uint256 decimals, string memory err) internal {
        if (left != right) {
            emit log_named_string("Error", err);
            assertEqDecimal(left, right, decimals);
        }
    }

    function assertEq(string memory left, string memory right) internal {
        if (keccak256(abi.encodePacked(left)) != keccak256(abi.encodePacked(right))) {
            emit log("Error: left == right not satisfied [string]");
            emit log_named_string("      Left", left);
            emit log_named_string("     Right", right);
            fail();
        }
    }

    function assertEq(string memory left, string memory right, string memory err) internal {
        if (keccak256(abi.encodePacked(left)) != keccak256(abi.encodePacked(right))) {
            emit log_named_string("Error", err);
            assertEq(left, right);
        }
    }

    /// @notice Byte-string equality (ds-test names it assertEq0 to keep it apart from the string overload).
    function assertEq0(bytes memory left, bytes memory right) internal {
        if (keccak256(left) != keccak256(right)) {
            emit log("Error: left == right not satisfied [bytes]");
            emit log_named_bytes("      Left", left);
            emit log_named_bytes("     Right", right);
            fail();
        }
    }

    function assertEq0(bytes memory left, bytes memory right, string memory err) internal {
        if (keccak256(left) != keccak256(right)) {
            emit log_named_string("Error", err);
            assertEq0(left, right);
        }
    }

    function assertNotEq(uint256 left, uint256 right) internal {
        if (left == right) {
            emit log("Error: left != right not satisfied [uint]");
            emit log_named_uint("      Both", left);
            fail();
        }
    }

    function assertNotEq(int256 left, int256 right) internal {
        if (left == right) {
            emit log("Error: left != right not satisfied [int]");
            emit log_named_int("      Both", left);
            fail();
        }
    }

    function assertNotEq(address left, address right) internal {
        if (left == right) {
            emit log("Error: left != right not satisfied [address]");
            emit log_named_address("      Both", left);
            fail();
        }
    }

    function assertNotEq(bytes32 left, bytes32 right) internal {
        if (left == right) {
            emit log("Error: left != right not satisfied [bytes32]");
            emit log_named_bytes32("      Both", left);
            fail();
        }
    }

    function assertGt(uint256 a, uint256 b) internal {
        if (a <= b) {
            emit log("Error: a > b not satisfied [uint]");
            emit log_named_uint("  Value a", a);
            emit log_named_uint("  Value b", b);
            fail();
        }
    }

    function assertGt(uint256 a, uint256 b, string memory err) internal {
        if (a <= b) {
            emit log_named_string("Error", err);
            assertGt(a, b);
        }
    }

    function assertGt(int256 a, int256 b) internal {
        if (a <= b) {
            emit log("Error: a > b not satisfied [int]");
            emit log_named_int("  Value a", a);
            emit log_named_int("  Value b", b);
            fail();
        }
    }

    function assertGt(int256 a, int256 b, string memory err) internal {
        if (a <= b) {
            emit log_named_string("Error", err);
            assertGt(a, b);
        }
    }

    function assertGtDecimal(int256 a, int256 b, uint256 decimals) internal {
        if (a <= b) {
            emit log("Error: a > b not satisfied [decimal int]");
            emit log_named_decimal_int("  Value a", a, decimals);
            emit log_named_decimal_int("  Value b", b, decimals);
            fail();
        }
    }

    function assertGtDecimal(int256 a, int256 b, uint256 decimals, string memory err) internal {
        if (a <= b) {
            emit log_named_string("Error", err);
            assertGtDecimal(a, b, decimals);
        }
    }

    function assertGtDecimal(uint256 a, uint256 b, uint256 decimals) internal {
        if (a <= b) {
            emit log("Error: a > b not satisfied [decimal uint]");
            emit log_named_decimal_uint("  Value a", a, decimals);
            emit log_named_decimal_uint("  Value b", b, decimals);
            fail();
        }
    }

    function assertGtDecimal(uint256 a, uint256 b, uint256 decimals, string memory err) internal {
        if (a <= b) {
            emit log_named_string("Error", err);
            assertGtDecimal(a, b, decimals);
        }
    }

    function assertGe(uint256 a, uint256 b) internal {
        if (a < b) {
            emit log("Error: a >= b not satisfied [uint]");
            emit log_named_uint("  Value a", a);
            emit log_named_uint("  Value b", b);
            fail();
        }
    }

    function assertGe(uint256 a, uint256 b, string memory err) internal {
        if (a < b) {
            emit log_named_string("Error", err);
            assertGe(a, b);
        }
    }

    function assertGe(int256 a, int256 b) internal {
        if (a < b) {
            emit log("Error: a >= b not satisfied [int]");
            emit log_named_int("  Value a", a);
            emit log_named_int("  Value b", b);
            fail();
        }
    }

    function assertGe(int256 a, int256 b, string memory err) internal {
        if (a < b) {
            emit log_named_string("Error", err);
            assertGe(a, b);
        }
    }

    function assertGeDecimal(int256 a, int256 b, uint256 decimals) internal {
        if (a < b) {
            emit log("Error: a >= b not satisfied [decimal int]");
            emit log_named_decimal_int("  Value a", a, decimals);
            emit log_named_decimal_int("  Value b", b, decimals);
            fail();
        }
    }

    function assertGeDecimal(int256 a, int256 b, uint256 decimals, string memory err) internal {
        if (a < b) {
            emit log_named_string("Error", err);
            assertGeDecimal(a, b, decimals);
        }
    }

    function assertGeDecimal(uint256 a, uint256 b, uint256 decimals) internal {
        if (a < b) {
            emit log("Error: a >= b not satisfied [decimal uint]");
            emit log_named_decimal_uint("  Value a", a, decimals);
            emit log_named_decimal_uint("  Value b", b, decimals);
            fail();
        }
    }

    function assertGeDecimal(uint256 a, uint256 b, uint256 decimals, string memory err) internal {
        if (a < b) {
            emit log_named_string("Error", err);
            assertGeDecimal(a, b, decimals);
        }
    }

    function assertLt(uint256 a, uint256 b) internal {
        if (a >= b) {
            emit log("Error: a < b not satisfied [uint]");
            emit log_named_uint("  Value a", a);
            emit log_named_uint("  Value b", b);
            fail();
        }
    }

    function assertLt(uint256 a, uint256 b, string memory err) internal {
        if (a >= b) {
            emit log_named_string("Error", err);
            assertLt(a, b);
        }
    }

    function assertLt(int256 a, int256 b) internal {
        if (a >= b) {
            emit log("Error: a < b not satisfied [int]");
            emit log_named_int("  Value a", a);
            emit log_named_int("  Value b", b);
            fail();
        }
    }

    function assertLt(int256 a, int256 b, string memory err) internal {
        if (a >= b) {
            emit log_named_string("Error", err);
            assertLt(a, b);
        }
    }

    function assertLtDecimal(int256 a, int256 b, uint256 decimals) internal {
        if (a >= b) {
            emit log("Error: a < b not satisfied [decimal int]");
            emit log_named_decimal_int("  Value a", a, decimals);
            emit log_named_decimal_int("  Value b", b, decimals);
            fail();
        }
    }

    function assertLtDecimal(int256 a, int256 b, uint256 decimals, string memory err) internal {
        if (a >= b) {
            emit log_named_string("Error", err);
            assertLtDecimal(a, b, decimals);
        }
    }

    function assertLtDecimal(uint256 a, uint256 b, uint256 decimals) internal {
        if (a >= b) {
            emit log("Error: a < b not satisfied [decimal uint]");
            emit log_named_decimal_uint("  Value a", a, decimals);
            emit log_named_decimal_uint("  Value b", b, decimals);
            fail();
        }
    }

    function assertLtDecimal(uint256 a, uint256 b, uint256 decimals, string memory err) internal {
        if (a >= b) {
            emit log_named_string("Error", err);
            assertLtDecimal(a, b, decimals);
        }
    }

    function assertLe(uint256 a, uint256 b) internal {
        if (a > b) {
            emit log("Error: a <= b not satisfied [uint]");
            emit log_named_uint("  Value a", a);
            emit log_named_uint("  Value b", b);
            fail();
        }
    }

    function assertLe(uint256 a, uint256 b, string memory err) internal {
        if (a > b) {
            emit log_named_string("Error", err);
            assertLe(a, b);
        }
    }

    function assertLe(int256 a, int256 b) internal {
        if (a > b) {
            emit log("Error: a <= b not satisfied [int]");
            emit log_named_int("  Value a", a);
            emit log_named_int("  Value b", b);
            fail();
        }
    }

    function assertLe(int256 a, int256 b, string memory err) internal {
        if (a > b) {
            emit log_named_string("Error", err);
            assertLe(a, b);
        }
    }

    function assertLeDecimal(int256 a, int256 b, uint256 decimals) internal {
        if (a > b) {
            emit log("Error: a <= b not satisfied [decimal int]");
            emit log_named_decimal_int("  Value a", a, decimals);
            emit log_named_decimal_int("  Value b", b, decimals);
            fail();
        }
    }

    function assertLeDecimal(int256 a, int256 b, uint256 decimals, string memory err) internal {
        if (a > b) {
            emit log_named_string("Error", err);
            assertLeDecimal(a, b, decimals);
        }
    }

    function assertLeDecimal(uint256 a, uint256 b, uint256 decimals) internal {
        if (a > b) {
            emit log("Error: a <= b not satisfied [decimal uint]");
            emit log_named_decimal_uint("  Value a", a, decimals);
            emit log_named_decimal_uint("  Value b", b, decimals);
            fail();
        }
    }

    function assertLeDecimal(uint256 a, uint256 b, uint256 decimals, string memory err) internal {
        if (a > b) {
            emit log_named_string("Error", err);
            assertLeDecimal(a, b, decimals);
        }
    }
}
