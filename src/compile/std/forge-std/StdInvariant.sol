// SPDX-License-Identifier: MIT
pragma solidity >=0.6.2 <0.9.0;

/// @title The target list of invariant testing, with forge-std's function names.
/// @notice An invariant run calls functions of the target contracts in random or symbolic order and
///   checks every `invariant_…` function after each call. `targetContract` in `setUp` names the
///   targets; `targetContracts()` is how the runner reads them back. With no target named, the
///   runner falls back to every contract `setUp` deployed.
abstract contract StdInvariant {
    address[] private _targetedContracts;

    function targetContract(address newTargetedContract) internal {
        _targetedContracts.push(newTargetedContract);
    }

    function targetContracts() public view returns (address[] memory) {
        return _targetedContracts;
    }
}
