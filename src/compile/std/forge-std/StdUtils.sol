// SPDX-License-Identifier: MIT
pragma solidity >=0.6.2 <0.9.0;

/// @title StdUtils: forge-std's pure helpers: `bound` for fuzzed inputs and the CREATE/CREATE2
///   address arithmetic.
abstract contract StdUtils {
    /// @dev The deterministic-deployment proxy Foundry deploys through with CREATE2.
    address private constant CREATE2_FACTORY = 0x4e59b44847b379578588920cA78FbF26c0B4956C;

    /// @notice Maps any `x` into [min, max] so a property can constrain an input without discarding
    ///   it (unlike `vm.assume`). Values already in range are kept; others wrap around the range.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "StdUtils bound(uint256,uint256,uint256): Max is less than min.");
        if (x >= min && x <= max) return x;
        return min + (x % (max - min + 1));
    }

    /// @notice `bound` for signed integers: flipping the sign bit maps int256 order onto uint256
    ///   order, so the unsigned `bound` does the work.
    function bound(int256 x, int256 min, int256 max) internal pure returns (int256) {
        require(min <= max, "StdUtils bound(int256,int256,int256): Max is less than min.");
        uint256 signBit = uint256(1) << 255;
        uint256 bounded = bound(uint256(x) ^ signBit, uint256(min) ^ signBit, uint256(max) ^ signBit);
        return int256(bounded ^ signBit);
    }

    /// @notice The address a contract created by `deployer` with account nonce `nonce` gets:
    ///   keccak256(rlp([deployer, nonce])), last 20 bytes (Yellow Paper, eq. 86). Nonces are below
    ///   2^64 - 1 (EIP-2681).
    function computeCreateAddress(address deployer, uint256 nonce) internal pure returns (address) {
        require(nonce < 0xffffffffffffffff, "StdUtils computeCreateAddress(address,uint256): invalid nonce");
        // RLP of an integer: 0 is the empty string (0x80), 1..0x7f is its own byte, larger values
        // are 0x80 + length followed by the big-endian bytes without leading zeros.
        bytes memory rlpNonce;
        if (nonce == 0) rlpNonce = hex"80";
        else if (nonce <= 0x7f) rlpNonce = abi.encodePacked(uint8(nonce));
        else if (nonce <= 0xff) rlpNonce = abi.encodePacked(bytes1(0x81), uint8(nonce));
        else if (nonce <= 0xffff) rlpNonce = abi.encodePacked(bytes1(0x82), uint16(nonce));
        else if (nonce <= 0xffffff) rlpNonce = abi.encodePacked(bytes1(0x83), uint24(nonce));
        else if (nonce <= 0xffffffff) rlpNonce = abi.encodePacked(bytes1(0x84), uint32(nonce));
        else if (nonce <= 0xffffffffff) rlpNonce = abi.encodePacked(bytes1(0x85), uint40(nonce));
        else if (nonce <= 0xffffffffffff) rlpNonce = abi.encodePacked(bytes1(0x86), uint48(nonce));
        else if (nonce <= 0xffffffffffffff) rlpNonce = abi.encodePacked(bytes1(0x87), uint56(nonce));
        else rlpNonce = abi.encodePacked(bytes1(0x88), uint64(nonce));
        // The list prefix 0xc0 + payload length; the payload is 0x94 (a 20-byte string), the
        // address, and the nonce's encoding.
        bytes1 listPrefix = bytes1(uint8(0xc0 + 21 + rlpNonce.length));
        return addressFromLast20Bytes(keccak256(abi.encodePacked(listPrefix, bytes1(0x94), deployer, rlpNonce)));
    }

    /// @notice The CREATE2 address (EIP-1014): keccak256(0xff ++ deployer ++ salt ++ initcodeHash),
    ///   last 20 bytes.
    function computeCreate2Address(bytes32 salt, bytes32 initcodeHash, address deployer)
        internal
        pure
        returns (address)
    {
        return addressFromLast20Bytes(keccak256(abi.encodePacked(bytes1(0xff), deployer, salt, initcodeHash)));
    }

    /// @notice The CREATE2 address of a deployment through Foundry's CREATE2 factory.
    function computeCreate2Address(bytes32 salt, bytes32 initCodeHash) internal pure returns (address) {
        return computeCreate2Address(salt, initCodeHash, CREATE2_FACTORY);
    }

    function hashInitCode(bytes memory creationCode) internal pure returns (bytes32) {
        return keccak256(creationCode);
    }

    function hashInitCode(bytes memory creationCode, bytes memory args) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(creationCode, args));
    }

    function addressFromLast20Bytes(bytes32 bytesValue) internal pure returns (address) {
        return address(uint160(uint256(bytesValue)));
    }
}
