// SPDX-License-Identifier: MIT
pragma solidity >=0.6.2 <0.9.0;

import {Vm} from "./Vm.sol";

/// @title StdCheats: forge-std's helpers built on the cheatcodes (time, balances, pranks, named
///   addresses, `assume…` filters for fuzzed addresses).
/// @dev Like forge-std, it keeps its own private `vm` so it can be inherited without CommonBase.
abstract contract StdCheats {
    Vm private constant vm = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);

    address private constant CONSOLE = 0x000000000000000000636F6e736F6c652e6c6f67;
    address private constant CREATE2_FACTORY = 0x4e59b44847b379578588920cA78FbF26c0B4956C;

    /// @notice A named address with its private key, as `makeAccount` returns it.
    struct Account {
        address addr;
        uint256 key;
    }

    /// @notice Moves block.timestamp forward by `time` seconds.
    function skip(uint256 time) internal {
        vm.warp(block.timestamp + time);
    }

    /// @notice Moves block.timestamp back by `time` seconds.
    function rewind(uint256 time) internal {
        vm.warp(block.timestamp - time);
    }

    /// @notice Sets the ether balance of `account` (forge-std's `deal` for tokens is not provided).
    function deal(address account, uint256 newBalance) internal {
        vm.deal(account, newBalance);
    }

    /// @notice Gives `who` 2^128 wei and makes it msg.sender of the next call.
    function hoax(address who) internal {
        vm.deal(who, 1 << 128);
        vm.prank(who);
    }

    /// @notice Gives `who` `give` wei and makes it msg.sender of the next call.
    function hoax(address who, uint256 give) internal {
        vm.deal(who, give);
        vm.prank(who);
    }

    /// @notice As `hoax(who)`, and makes `origin` tx.origin of the next call.
    function hoax(address who, address origin) internal {
        vm.deal(who, 1 << 128);
        vm.prank(who, origin);
    }

    /// @notice As `hoax(who, give)`, and makes `origin` tx.origin of the next call.
    function hoax(address who, address origin, uint256 give) internal {
        vm.deal(who, give);
        vm.prank(who, origin);
    }

    /// @notice Gives `who` 2^128 wei and makes it msg.sender until `vm.stopPrank()`.
    function startHoax(address who) internal {
        vm.deal(who, 1 << 128);
        vm.startPrank(who);
    }

    /// @notice Gives `who` `give` wei and makes it msg.sender until `vm.stopPrank()`.
    function startHoax(address who, uint256 give) internal {
        vm.deal(who, give);
        vm.startPrank(who);
    }

    /// @notice As `startHoax(who)`, and makes `origin` tx.origin until `vm.stopPrank()`.
    function startHoax(address who, address origin) internal {
        vm.deal(who, 1 << 128);
        vm.startPrank(who, origin);
    }

    /// @notice As `startHoax(who, give)`, and makes `origin` tx.origin until `vm.stopPrank()`.
    function startHoax(address who, address origin, uint256 give) internal {
        vm.deal(who, give);
        vm.startPrank(who, origin);
    }

    /// @notice Ends the current prank and starts one as `msgSender` (forge-std deprecates it in
    ///   favour of calling `vm.startPrank` again, but suites still use it).
    function changePrank(address msgSender) internal {
        vm.stopPrank();
        vm.startPrank(msgSender);
    }

    function changePrank(address msgSender, address txOrigin) internal {
        vm.stopPrank();
        vm.startPrank(msgSender, txOrigin);
    }

    /// @notice The address whose private key is keccak256(name), labelled `name`, as forge-std's
    ///   makeAddrAndKey: the same name always gives the same address.
    function makeAddrAndKey(string memory name) internal returns (address addr, uint256 privateKey) {
        privateKey = uint256(keccak256(abi.encodePacked(name)));
        addr = vm.addr(privateKey);
        vm.label(addr, name);
    }

    function makeAddr(string memory name) internal returns (address addr) {
        (addr,) = makeAddrAndKey(name);
    }

    function makeAccount(string memory name) internal returns (Account memory account) {
        (account.addr, account.key) = makeAddrAndKey(name);
    }

    function assumeNotZeroAddress(address addr) internal pure {
        vm.assume(addr != address(0));
    }

    /// @notice Discards the precompile addresses: forge-std reserves 0x01 to 0xff on every chain
    ///   (Cancun has 0x01 to 0x0a; later forks add more below 0x100).
    function assumeNotPrecompile(address addr) internal pure {
        vm.assume(addr < address(0x1) || addr > address(0xff));
    }

    /// @notice As `assumeNotPrecompile(addr)`, plus the predeploy ranges forge-std excludes on
    ///   Optimism, Arbitrum and Avalanche (by chain id).
    function assumeNotPrecompile(address addr, uint256 chainId) internal pure {
        assumeNotPrecompile(addr);
        if (chainId == 10 || chainId == 420) {
            vm.assume(
                addr < address(0x4200000000000000000000000000000000000000)
                    || addr > address(0x4200000000000000000000000000000000000800)
            );
        } else if (chainId == 42161 || chainId == 421613) {
            vm.assume(addr < address(0x64) || addr > address(0x68));
        } else if (chainId == 43114 || chainId == 43113) {
            vm.assume(
                addr < address(0x0100000000000000000000000000000000000000)
                    || addr > address(0x01000000000000000000000000000000000000ff)
            );
            vm.assume(
                addr < address(0x0200000000000000000000000000000000000000)
                    || addr > address(0x02000000000000000000000000000000000000FF)
            );
            vm.assume(
                addr < address(0x0300000000000000000000000000000000000000)
                    || addr > address(0x03000000000000000000000000000000000000Ff)
            );
        }
    }

    /// @notice Discards the addresses Foundry itself uses: the cheatcodes, console, the CREATE2 factory.
    function assumeNotForgeAddress(address addr) internal pure {
        vm.assume(addr != address(vm) && addr != CONSOLE && addr != CREATE2_FACTORY);
    }

    /// @notice Keeps `addr` only if it accepts 1 wei with empty calldata (as forge-std does).
    function assumePayable(address addr) internal {
        vm.assume(acceptsEther(addr));
    }

    /// @notice Keeps `addr` only if it rejects 1 wei with empty calldata.
    function assumeNotPayable(address addr) internal {
        vm.assume(!acceptsEther(addr));
    }

    /// @dev Sends 1 wei (dealt to this contract first) and restores both balances afterwards.
    function acceptsEther(address addr) private returns (bool success) {
        uint256 ownBalance = address(this).balance;
        uint256 theirBalance = addr.balance;
        require(theirBalance < ~uint256(0), "StdCheats assumePayable: balance is already the maximum");
        vm.deal(address(this), 1);
        (success,) = payable(addr).call{value: 1}("");
        vm.deal(address(this), ownBalance);
        vm.deal(addr, theirBalance);
    }

    /// @notice Deploys the compiled contract `what` names ("Name", "File.sol" or "File.sol:Name").
    function deployCode(string memory what) internal returns (address addr) {
        return deployCode(what, "", 0);
    }

    /// @notice Deploys it with ABI-encoded constructor arguments.
    function deployCode(string memory what, bytes memory args) internal returns (address addr) {
        return deployCode(what, args, 0);
    }

    /// @notice Deploys it with constructor arguments and value.
    function deployCode(string memory what, bytes memory args, uint256 val) internal returns (address addr) {
        bytes memory code = abi.encodePacked(vm.getCode(what), args);
        assembly {
            addr := create(val, add(code, 0x20), mload(code))
        }
        require(addr != address(0), "StdCheats deployCode(string,bytes,uint256): Deployment failed.");
    }
}
