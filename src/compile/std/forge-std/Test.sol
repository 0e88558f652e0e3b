// SPDX-License-Identifier: MIT
pragma solidity >=0.6.2 <0.9.0;

import "ds-test/test.sol";
import {console} from "./console.sol";
import {console2} from "./console2.sol";
import {StdAssertions} from "./StdAssertions.sol";
import {StdCheats} from "./StdCheats.sol";
import {stdError} from "./StdError.sol";
import {StdInvariant} from "./StdInvariant.sol";
import {stdMath} from "./StdMath.sol";
import {StdUtils} from "./StdUtils.sol";
import {Vm} from "./Vm.sol";
import {TestBase} from "./Base.sol";

/// @title Test, as the Synnergy VM provides it for `import "forge-std/Test.sol"`.
/// @notice forge-std's Test assembled from the same modules: DSTest's and StdAssertions'
///   assertions, StdCheats (`skip`, `deal`, `hoax`, `makeAddr`, `assume…`), StdUtils (`bound`,
///   `computeCreateAddress`), invariant targets, and `vm` with the Base.sol constants. Like
///   DSTest, a failing assertion logs and sets the failed flag instead of reverting. As in
///   forge-std, the file re-exports `console`, `console2`, `stdError`, `stdMath`, `Vm` and the
///   modules by name. StdChains, stdStorage, stdJson and the token `deal` are not provided.
abstract contract Test is TestBase, StdAssertions, StdCheats, StdInvariant, StdUtils {}
