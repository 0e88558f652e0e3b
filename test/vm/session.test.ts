import { describe, expect, it } from "vitest";
import { compileSoliditySource } from "../../src/compile/index.js";
import { encodeCall, findFunction, decodeResult } from "../../src/abi/index.js";
import { Chain } from "../../src/vm/session.js";

const SOURCE = `
pragma solidity ^0.8.0;
contract Counter {
  uint256 public count;
  function add(uint256 n) external payable { count += n; }
  function stamp() external view returns (uint256) { return block.timestamp; }
}`;

describe("Chain: transactions on a world that persists", () => {
  const [counter] = compileSoliditySource(SOURCE).contracts;
  const alice = 0xa11ce0n;

  it("deploys, keeps storage between transactions, and moves value", () => {
    const chain = new Chain("Cancun");
    chain.setBalance(alice, 10n ** 18n);
    const deployed = chain.send({ from: alice, to: null, data: counter!.creationBytecode });
    expect(deployed.success).toBe(true);
    const address = deployed.created!;
    const add = findFunction(counter!.abi, "add");
    for (const n of [3n, 4n]) {
      const receipt = chain.send({ from: alice, to: address, value: 5n, data: encodeCall(add, [n]) });
      expect(receipt.status).toBe("success");
    }
    expect(chain.storageAt(address, 0n)).toBe(7n);
    expect(chain.balanceOf(address)).toBe(10n);
    expect(chain.balanceOf(alice)).toBe(10n ** 18n - 10n);
  });

  it("keeps a snapshot unchanged by later transactions, and reads the block it is given", () => {
    const chain = new Chain("Cancun");
    chain.setBalance(alice, 1n);
    const address = chain.send({ from: alice, to: null, data: counter!.creationBytecode }).created!;
    const before = chain.copy();
    chain.send({ from: alice, to: address, data: encodeCall(findFunction(counter!.abi, "add"), [1n]) });
    expect(before.storageAt(address, 0n)).toBe(0n);
    expect(chain.storageAt(address, 0n)).toBe(1n);
    const stamp = findFunction(counter!.abi, "stamp");
    chain.block = { ...chain.block, timestamp: 1234n };
    const out = chain.send({ from: alice, to: address, data: encodeCall(stamp, []) }).output;
    expect(decodeResult(stamp, out)).toEqual([1234n]);
  });
});
