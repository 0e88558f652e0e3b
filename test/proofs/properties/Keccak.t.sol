// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;

import "forge-std/Test.sol";

/// KECCAK256 over memory: determinism, packed vs. standard encoding, and known preimages.
contract KeccakProps is Test {
    /// SAFE: hashing is a function of the bytes hashed.
    function prove_safe_keccak_deterministic(bytes32 a) public {
        assertEq(keccak256(abi.encode(a)), keccak256(abi.encode(a)));
    }

    /// SAFE: for a single uint256, packed and standard encodings are the same 32 bytes.
    function prove_safe_keccak_packed_equals_encoded(uint256 a) public {
        assertEq(keccak256(abi.encodePacked(a)), keccak256(abi.encode(a)));
    }

    /// SAFE assuming keccak256 has no collisions on 32-byte inputs (how symbolic engines model it;
    /// no collision is known).
    function prove_safe_keccak_distinct_inputs(uint256 a, uint256 b) public {
        vm.assume(a != b);
        assertTrue(keccak256(abi.encode(a)) != keccak256(abi.encode(b)));
    }

    /// UNSAFE: the hash of 42 has the preimage 42.
    /// counterexample: a = 42 (assertion)
    function prove_unsafe_keccak_known_preimage(uint256 a) public {
        assertTrue(keccak256(abi.encode(a)) != keccak256(abi.encode(uint256(42))));
    }

    /// UNSAFE: abi.encodePacked of two strings is ambiguous: ("a", "bc") and ("ab", "c") pack alike.
    /// counterexample: x = "a", y = "bc" (assertion)
    function prove_unsafe_packed_encoding_collision(string memory x, string memory y) public {
        vm.assume(keccak256(bytes(x)) != keccak256(bytes("ab")) || keccak256(bytes(y)) != keccak256(bytes("c")));
        assertTrue(keccak256(abi.encodePacked(x, y)) != keccak256(abi.encodePacked("ab", "c")));
    }
}
