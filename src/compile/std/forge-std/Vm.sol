// SPDX-License-Identifier: MIT
pragma solidity >=0.6.2 <0.9.0;

/// @title The HEVM cheatcodes `svm prove` understands, called on 0x7109709ECfa91a80626fF3989D68f67F5b1DD12D.
/// @notice The signatures (and so the selectors) are those of forge-std's Vm, so property suites
///   written for Foundry or halmos call the same functions here. The symbolic engine intercepts calls
///   to this address; no code is deployed there.
interface Vm {
    /// @notice Discards the current path (or input) unless `condition` holds.
    function assume(bool condition) external pure;

    /// @notice Sets msg.sender for the next call only.
    function prank(address msgSender) external;

    /// @notice Sets msg.sender for every following call until `stopPrank`.
    function startPrank(address msgSender) external;

    function stopPrank() external;

    /// @notice Sets the balance of `account`.
    function deal(address account, uint256 newBalance) external;

    /// @notice Sets block.timestamp.
    function warp(uint256 newTimestamp) external;

    /// @notice Sets block.number.
    function roll(uint256 newHeight) external;

    /// @notice Writes a storage slot of `target`.
    function store(address target, bytes32 slot, bytes32 value) external;

    /// @notice Reads a storage slot of `target`.
    function load(address target, bytes32 slot) external view returns (bytes32 data);

    /// @notice The next call must revert (with any data).
    function expectRevert() external;

    /// @notice The next call must revert with exactly `revertData`.
    function expectRevert(bytes calldata revertData) external;

    /// @notice The next call must revert with data starting with the selector `revertData`.
    function expectRevert(bytes4 revertData) external;

    /// @notice Names an address in traces and counterexamples.
    function label(address account, string calldata newLabel) external;
}
