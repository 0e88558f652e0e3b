// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;

import "forge-std/Test.sol";

/// A minimal token: balances move, the supply never changes after construction.
contract Token {
    mapping(address => uint256) public balanceOf;
    uint256 public totalSupply;

    constructor(address[] memory holders, uint256 each) {
        for (uint256 i = 0; i < holders.length; i++) balanceOf[holders[i]] = each;
        totalSupply = each * holders.length;
    }

    function transfer(address to, uint256 amount) external virtual returns (bool) {
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        return true;
    }
}

/// The classic cached-balance bug: a transfer to oneself adds `amount` out of thin air.
contract BuggyToken is Token {
    constructor(address[] memory holders, uint256 each) Token(holders, each) {}

    function transfer(address to, uint256 amount) external override returns (bool) {
        uint256 fromBalance = balanceOf[msg.sender];
        uint256 toBalance = balanceOf[to];
        require(fromBalance >= amount, "insufficient balance");
        balanceOf[msg.sender] = fromBalance - amount;
        balanceOf[to] = toBalance + amount;
        return true;
    }
}

interface IToken {
    function transfer(address to, uint256 amount) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
    function totalSupply() external view returns (uint256);
}

/// A token holder that transfers when its handler tells it to (so several accounts act without pranks).
contract Actor {
    function send(IToken token, address to, uint256 amount) external {
        token.transfer(to, amount);
    }
}

/// Foundry's handler pattern: the invariant run calls `transfer`, which moves tokens between three
/// actors, so "the actors' balances sum to the supply" is checkable.
contract TokenHandler {
    IToken public token;
    Actor[3] public actors;

    constructor(bool buggy) {
        address[] memory holders = new address[](3);
        for (uint256 i = 0; i < 3; i++) {
            actors[i] = new Actor();
            holders[i] = address(actors[i]);
        }
        token = buggy ? IToken(address(new BuggyToken(holders, 100))) : IToken(address(new Token(holders, 100)));
    }

    function transfer(uint8 from, uint8 to, uint256 amount) external {
        actors[from % 3].send(token, address(actors[to % 3]), amount);
    }

    function sumOfBalances() external view returns (uint256 sum) {
        for (uint256 i = 0; i < 3; i++) sum += token.balanceOf(address(actors[i]));
    }
}

contract TokenInvariants is Test {
    TokenHandler public handler;

    function setUp() public {
        handler = new TokenHandler(false);
        targetContract(address(handler));
    }

    /// SAFE: transfers between actors conserve the supply.
    function invariant_safe_supply_conserved() public {
        assertEq(handler.sumOfBalances(), handler.token().totalSupply());
    }
}

contract BuggyTokenInvariants is Test {
    TokenHandler public handler;

    function setUp() public {
        handler = new TokenHandler(true);
        targetContract(address(handler));
    }

    /// UNSAFE: a self-transfer mints.
    /// counterexample: handler.transfer(0, 0, 1) (sum 301 ≠ supply 300; assertion)
    function invariant_unsafe_supply_conserved() public {
        assertEq(handler.sumOfBalances(), handler.token().totalSupply());
    }
}
