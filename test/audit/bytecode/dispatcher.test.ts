/**
 * The function dispatcher read from compiled code (0.4's DIV-based selector and 0.8's SHR-based
 * one): every ABI selector is found with the block it jumps to, and instructions are attributed to
 * the functions whose dispatcher branch reaches them, through internal calls too. No unresolved
 * jump is left in solc's own control flow.
 */
import { describe, expect, it } from "vitest";
import { interpret } from "../../../src/audit/bytecode/interpret.js";
import { functionsOf, sitesOf } from "../../../src/audit/bytecode/queries.js";
import { compileSoliditySource } from "../../../src/compile/index.js";

function compiled(source: string, name: string) {
  const contract = compileSoliditySource(source).contracts.find((c) => c.name === name);
  if (contract === undefined) throw new Error(`no contract ${name}`);
  return contract;
}

const body = `
  uint256 public total;
  mapping(address => uint256) public credit;
  function add(uint256 v) public { bump(v); }
  function addTwice(uint256 v) public { bump(v); bump(v); }
  function reset() public { total = 0; }
  function bump(uint256 v) internal { credit[msg.sender] = v; total = total + v; }
`;

describe("dispatcher", () => {
  for (const pragma of ["^0.4.24", "^0.8.20"]) {
    it(`finds every selector and attributes storage writes to their functions (solc ${pragma})`, () => {
      const contract = compiled(`pragma solidity ${pragma};\ncontract Counter {${body}}`, "Counter");
      const analysis = interpret(contract.runtimeBytecode);
      expect(analysis.complete).toBe(true);
      expect(analysis.unresolvedJumps.size).toBe(0);
      const selectors = Object.values(contract.methodIdentifiers).map((hex) => Number.parseInt(hex, 16));
      for (const selector of selectors) {
        expect(analysis.entries.has(selector), selector.toString(16)).toBe(true);
        expect(analysis.reached.has(analysis.entries.get(selector) as number)).toBe(true);
      }
      const writers = sitesOf(analysis, 0x55).map((site) => functionsOf(analysis, contract, site).sort().join(" "));
      // bump's writes (inlined once, called from add and addTwice) and reset's.
      expect(new Set(writers)).toEqual(new Set(["add(uint256) addTwice(uint256)", "reset()"]));
    });
  }
});
