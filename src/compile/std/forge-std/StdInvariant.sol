// SPDX-License-Identifier: MIT
pragma solidity >=0.6.2 <0.9.0;

/// @title The target and exclusion lists of invariant testing, with forge-std's names.
/// @notice An invariant run calls functions of the target contracts in random or symbolic order and
///   checks every `invariant_…` function after each call. `targetContract` in `setUp` names the
///   targets; `targetContracts()` is how the runner reads them back. With no target named, the
///   runner falls back to every contract `setUp` deployed. The other lists (senders, selectors,
///   artifacts, interfaces, exclusions) are recorded and readable as in forge-std, so suites that
///   set them compile and run; the runner reads only `targetContracts()`.
/// @dev forge-std makes every getter public under ABI coder v2. Here the getters of structs and
///   string arrays are internal, so the file needs no coder v2: Solidity 0.7 rejects a contract
///   without `pragma abicoder v2` that inherits public functions needing it, and suites on 0.6/0.7
///   that inherit Test without the pragma must keep compiling.
abstract contract StdInvariant {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    struct FuzzArtifactSelector {
        string artifact;
        bytes4[] selectors;
    }

    struct FuzzInterface {
        address addr;
        string[] artifacts;
    }

    address[] private _excludedContracts;
    address[] private _excludedSenders;
    address[] private _targetedContracts;
    address[] private _targetedSenders;

    string[] private _excludedArtifacts;
    string[] private _targetedArtifacts;

    FuzzArtifactSelector[] private _targetedArtifactSelectors;

    FuzzSelector[] private _excludedSelectors;
    FuzzSelector[] private _targetedSelectors;

    FuzzInterface[] private _targetedInterfaces;

    function excludeContract(address newExcludedContract) internal {
        _excludedContracts.push(newExcludedContract);
    }

    function excludeSelector(FuzzSelector memory newExcludedSelector) internal {
        _excludedSelectors.push(newExcludedSelector);
    }

    function excludeSender(address newExcludedSender) internal {
        _excludedSenders.push(newExcludedSender);
    }

    function excludeArtifact(string memory newExcludedArtifact) internal {
        _excludedArtifacts.push(newExcludedArtifact);
    }

    function targetArtifact(string memory newTargetedArtifact) internal {
        _targetedArtifacts.push(newTargetedArtifact);
    }

    function targetArtifactSelector(FuzzArtifactSelector memory newTargetedArtifactSelector) internal {
        _targetedArtifactSelectors.push(newTargetedArtifactSelector);
    }

    function targetContract(address newTargetedContract) internal {
        _targetedContracts.push(newTargetedContract);
    }

    function targetSelector(FuzzSelector memory newTargetedSelector) internal {
        _targetedSelectors.push(newTargetedSelector);
    }

    function targetSender(address newTargetedSender) internal {
        _targetedSenders.push(newTargetedSender);
    }

    function targetInterface(FuzzInterface memory newTargetedInterface) internal {
        _targetedInterfaces.push(newTargetedInterface);
    }

    function excludeArtifacts() internal view returns (string[] memory) {
        return _excludedArtifacts;
    }

    function excludeContracts() public view returns (address[] memory) {
        return _excludedContracts;
    }

    function excludeSelectors() internal view returns (FuzzSelector[] memory) {
        return _excludedSelectors;
    }

    function excludeSenders() public view returns (address[] memory) {
        return _excludedSenders;
    }

    function targetArtifacts() internal view returns (string[] memory) {
        return _targetedArtifacts;
    }

    function targetArtifactSelectors() internal view returns (FuzzArtifactSelector[] memory) {
        return _targetedArtifactSelectors;
    }

    function targetContracts() public view returns (address[] memory) {
        return _targetedContracts;
    }

    function targetSelectors() internal view returns (FuzzSelector[] memory) {
        return _targetedSelectors;
    }

    function targetSenders() public view returns (address[] memory) {
        return _targetedSenders;
    }

    function targetInterfaces() internal view returns (FuzzInterface[] memory) {
        return _targetedInterfaces;
    }
}
