// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;

import "forge-std/Test.sol";

/// Share accounting: every asset deposited is matched by one share until it is withdrawn.
contract Vault {
    mapping(address => uint256) public sharesOf;
    uint256 public totalShares;
    uint256 public totalAssets;

    function deposit(uint256 assets) external {
        require(assets > 0 && assets <= 1e30, "bad amount");
        sharesOf[msg.sender] += assets;
        totalShares += assets;
        totalAssets += assets;
    }

    function withdraw(uint256 shares) external virtual {
        require(shares <= sharesOf[msg.sender], "insufficient shares");
        sharesOf[msg.sender] -= shares;
        totalShares -= shares;
        totalAssets -= shares;
    }
}

/// The same vault with a rounding bug: withdrawing burns only half the shares (rounded down).
contract BuggyVault is Vault {
    function withdraw(uint256 assets) external override {
        require(assets <= sharesOf[msg.sender], "insufficient shares");
        uint256 burned = assets / 2;
        sharesOf[msg.sender] -= burned;
        totalShares -= burned;
        totalAssets -= assets;
    }
}

contract VaultInvariants is Test {
    Vault public vault;

    function setUp() public {
        vault = new Vault();
        targetContract(address(vault));
    }

    /// SAFE: assets always equal shares.
    function invariant_safe_assets_equal_shares() public {
        assertEq(vault.totalAssets(), vault.totalShares());
    }

    /// SAFE: a single account never holds more than all shares.
    function invariant_safe_own_shares_bounded() public {
        assertLe(vault.sharesOf(address(this)), vault.totalShares());
    }
}

contract BuggyVaultInvariants is Test {
    BuggyVault public vault;

    function setUp() public {
        vault = new BuggyVault();
        targetContract(address(vault));
    }

    /// UNSAFE: after a withdrawal the remaining assets no longer cover the remaining shares.
    /// counterexample: vault.deposit(2); vault.withdraw(2) (assets 0 < shares 1; assertion)
    function invariant_unsafe_assets_cover_shares() public {
        assertGe(vault.totalAssets(), vault.totalShares());
    }
}
