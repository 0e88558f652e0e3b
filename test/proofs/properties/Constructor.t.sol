// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;

import "forge-std/Test.sol";

contract Owned {
    address public owner;
    uint256 public immutable seed;
    uint256 public counter;

    constructor(uint256 seed_) {
        owner = msg.sender;
        seed = seed_;
        counter = seed_ * 2;
    }

    function bump() external {
        require(msg.sender == owner, "not owner");
        counter += 1;
    }
}

contract Child {
    uint256 public immutable born = 1;
}

/// setUp runs once before each property: contracts it deploys, with constructor arguments and
/// immutables, are the starting state.
contract ConstructorProps is Test {
    Owned internal owned;
    uint256 internal base;

    function setUp() public {
        owned = new Owned(7);
        base = 10;
    }

    /// SAFE: the deployer (this test) owns the contract.
    function prove_safe_owner_is_deployer() public {
        assertEq(owned.owner(), address(this));
    }

    /// SAFE: setUp's writes and the constructor's immutables are visible to every property.
    function prove_safe_setup_state(uint8 times) public {
        vm.assume(times < 5);
        for (uint256 i = 0; i < times; i++) owned.bump();
        assertEq(base, 10);
        assertEq(owned.seed(), 7);
        assertEq(owned.counter(), 14 + uint256(times));
    }

    /// UNSAFE: base + x reaches 17.
    /// counterexample: x = 7 (assertion)
    function prove_unsafe_setup_value(uint8 x) public {
        assertTrue(base + x != 17);
    }

    /// SAFE: CREATE2 puts the contract at keccak256(0xff ++ deployer ++ salt ++ keccak256(init code)) (EIP-1014).
    function prove_safe_create2_address(bytes32 salt) public {
        Child child = new Child{salt: salt}();
        bytes32 hash = keccak256(abi.encodePacked(bytes1(0xff), address(this), salt, keccak256(type(Child).creationCode)));
        assertEq(address(child), address(uint160(uint256(hash))));
        assertEq(child.born(), 1);
    }

    /// UNSAFE: a second CREATE2 with the same salt and code collides, and `new` reverts.
    /// counterexample: salt = 0x0000000000000000000000000000000000000000000000000000000000000000 (revert)
    function prove_unsafe_create2_same_salt_twice(bytes32 salt) public {
        new Child{salt: salt}();
        new Child{salt: salt}();
    }
}
