// SPDX-License-Identifier: MIT
pragma solidity >=0.5.0 <0.9.0;

/// @title console2: forge-std's name for the console library with canonical selectors, which
///   `console` here already uses, so both names refer to one library.
import {console as console2} from "./console.sol";
