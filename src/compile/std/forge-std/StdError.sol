// SPDX-License-Identifier: MIT
pragma solidity >=0.6.2 <0.9.0;

/// @title The revert data of Solidity's panics, for `vm.expectRevert(stdError.arithmeticError)`.
/// @notice Panic(uint256) codes from the Solidity docs, "Panic via assert and Error via require".
library stdError {
    bytes internal constant assertionError = abi.encodeWithSignature("Panic(uint256)", 0x01);
    bytes internal constant arithmeticError = abi.encodeWithSignature("Panic(uint256)", 0x11);
    bytes internal constant divisionError = abi.encodeWithSignature("Panic(uint256)", 0x12);
    bytes internal constant enumConversionError = abi.encodeWithSignature("Panic(uint256)", 0x21);
    bytes internal constant encodeStorageError = abi.encodeWithSignature("Panic(uint256)", 0x22);
    bytes internal constant popError = abi.encodeWithSignature("Panic(uint256)", 0x31);
    bytes internal constant indexOOBError = abi.encodeWithSignature("Panic(uint256)", 0x32);
    bytes internal constant memOverflowError = abi.encodeWithSignature("Panic(uint256)", 0x41);
    bytes internal constant zeroVarError = abi.encodeWithSignature("Panic(uint256)", 0x51);
}
