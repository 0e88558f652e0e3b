// SPDX-License-Identifier: MIT
pragma solidity >=0.5.0 <0.9.0;

/// @title console.log for properties: a static call to 0x000000000000000000636F6e736F6c652e6c6f67
///   ("console.log" in ASCII), the address Hardhat and Foundry print from.
/// @notice Selectors use canonical type names (`log(uint256)`), as forge-std's console2 does.
///   Calls are static and ignore the result, so logging never changes what a property does, and
///   the functions are `pure` so logging works inside pure properties too. Signed integers go
///   through `logInt` only, so `console.log(1)` is not ambiguous between uint256 and int256.
library console {
    address internal constant CONSOLE_ADDRESS = 0x000000000000000000636F6e736F6c652e6c6f67;

    function _sendView(bytes memory payload) private view {
        address target = CONSOLE_ADDRESS;
        assembly {
            pop(staticcall(gas(), target, add(payload, 32), mload(payload), 0, 0))
        }
    }

    /// @dev A static call reads no state, so treating it as pure is sound; the compiler cannot see
    ///   that, hence the function-pointer reinterpretation.
    function _asPure(function(bytes memory) internal view fn)
        private
        pure
        returns (function(bytes memory) internal pure pureFn)
    {
        assembly {
            pureFn := fn
        }
    }

    function _send(bytes memory payload) private pure {
        _asPure(_sendView)(payload);
    }

    function log() internal pure {
        _send(abi.encodeWithSignature("log()"));
    }

    function log(string memory p0) internal pure {
        _send(abi.encodeWithSignature("log(string)", p0));
    }

    function log(uint256 p0) internal pure {
        _send(abi.encodeWithSignature("log(uint256)", p0));
    }

    function log(bool p0) internal pure {
        _send(abi.encodeWithSignature("log(bool)", p0));
    }

    function log(address p0) internal pure {
        _send(abi.encodeWithSignature("log(address)", p0));
    }

    function log(string memory p0, uint256 p1) internal pure {
        _send(abi.encodeWithSignature("log(string,uint256)", p0, p1));
    }

    function log(string memory p0, bool p1) internal pure {
        _send(abi.encodeWithSignature("log(string,bool)", p0, p1));
    }

    function log(string memory p0, address p1) internal pure {
        _send(abi.encodeWithSignature("log(string,address)", p0, p1));
    }

    function log(string memory p0, string memory p1) internal pure {
        _send(abi.encodeWithSignature("log(string,string)", p0, p1));
    }

    function log(string memory p0, uint256 p1, uint256 p2) internal pure {
        _send(abi.encodeWithSignature("log(string,uint256,uint256)", p0, p1, p2));
    }

    function logUint(uint256 p0) internal pure {
        _send(abi.encodeWithSignature("log(uint256)", p0));
    }

    function logInt(int256 p0) internal pure {
        _send(abi.encodeWithSignature("log(int256)", p0));
    }

    function logBool(bool p0) internal pure {
        _send(abi.encodeWithSignature("log(bool)", p0));
    }

    function logAddress(address p0) internal pure {
        _send(abi.encodeWithSignature("log(address)", p0));
    }

    function logString(string memory p0) internal pure {
        _send(abi.encodeWithSignature("log(string)", p0));
    }

    function logBytes(bytes memory p0) internal pure {
        _send(abi.encodeWithSignature("logBytes(bytes)", p0));
    }

    function logBytes32(bytes32 p0) internal pure {
        _send(abi.encodeWithSignature("logBytes32(bytes32)", p0));
    }
}
