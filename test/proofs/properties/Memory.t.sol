// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;

import "forge-std/Test.sol";

/// MLOAD, MSTORE, MSTORE8, memory arrays with bounds checks, and ABI encoding in memory.
contract MemoryProps is Test {
    /// SAFE: values written to a memory array read back unchanged.
    function prove_safe_memory_array_roundtrip(uint256 a, uint256 b) public {
        uint256[] memory xs = new uint256[](2);
        xs[0] = a;
        xs[1] = b;
        assertEq(xs[0], a);
        assertEq(xs[1], b);
        assertEq(xs.length, 2);
    }

    /// UNSAFE: writing past the end of a memory array reverts.
    /// counterexample: n = 0, i = 0 (Panic 0x32)
    function prove_unsafe_memory_index_out_of_bounds(uint8 n, uint8 i) public {
        uint256[] memory xs = new uint256[](n);
        xs[i] = 1;
        assertEq(xs[i], 1);
    }

    /// SAFE: abi.decode inverts abi.encode.
    function prove_safe_abi_encode_decode(uint256 a, address b, bool c) public {
        bytes memory encoded = abi.encode(a, b, c);
        (uint256 x, address y, bool z) = abi.decode(encoded, (uint256, address, bool));
        assertEq(x, a);
        assertEq(y, b);
        assertTrue(z == c);
        assertEq(encoded.length, 96);
    }

    /// SAFE: an MSTORE at any offset (aligned or not) is read back by an MLOAD at that offset.
    function prove_safe_mstore_mload(uint256 v, uint8 offset) public {
        uint256 r;
        assembly {
            let p := add(mload(0x40), offset)
            mstore(p, v)
            r := mload(p)
        }
        assertEq(r, v);
    }

    /// UNSAFE: MSTORE8 overwrites the most significant byte of the word at its offset.
    /// counterexample: v = 0 (the word reads back as 0xff00…00; assertion)
    function prove_unsafe_mstore8_keeps_word(uint256 v) public {
        uint256 r;
        assembly {
            let p := mload(0x40)
            mstore(p, v)
            mstore8(p, 0xff)
            r := mload(p)
        }
        assertEq(r, v);
    }
}
