/**
 * The bytecode detectors on small compiled contracts (solc 0.4.26, 0.5.17 and 0.8.x): what they
 * find alone (inline assembly the AST detectors do not read), what they merge into an AST finding
 * of the same class on the same line (one finding, with the bytecode's evidence and a higher
 * confidence), and the near misses they must leave alone (a guarded selfdestruct, a checked call,
 * a proxy delegating to a stored address, 0.8's overflow check on a timestamp, a reentrancy lock).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyseSource } from "../../../src/audit/analyse.js";
import { BYTECODE_DETECTORS } from "../../../src/audit/detectors/index.js";
import { CATEGORIES, CONFIDENCES, type Finding, SEVERITIES } from "../../../src/audit/finding.js";

function findings(source: string): Finding[] {
  const { report, findings: found } = analyseSource(source, { bytecode: true });
  expect(report.status, report.message).toBe("analysed");
  return found;
}

/** `detector@line` of the findings of one SWC class. */
function ofClass(found: readonly Finding[], swc: string): string[] {
  return found.filter((f) => f.detector.swc === swc).map((f) => `${f.detector.id}@${f.location.line}`);
}

function lineOf(source: string, marker: string): number {
  const index = source.split("\n").findIndex((l) => l.includes(marker));
  if (index < 0) throw new Error(`no line contains ${marker}`);
  return index + 1;
}

describe("bytecode detector headers", () => {
  it("have unique ids apart from the AST detectors', an SWC id, a category, severity and confidence", () => {
    const ids = BYTECODE_DETECTORS.map((d) => d.info.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { info, twins } of BYTECODE_DETECTORS) {
      expect(info.id).toMatch(/^bytecode-/);
      expect(info.swc).toMatch(/^SWC-1\d\d$/);
      expect(twins).toContain(info.swc);
      expect(CATEGORIES).toContain(info.category);
      expect(SEVERITIES).toContain(info.severity);
      expect(CONFIDENCES).toContain(info.confidence);
    }
  });
  it("are listed in docs/audit.md with their SWC id, category, severity and confidence", () => {
    const docs = readFileSync(new URL("../../../docs/audit.md", import.meta.url), "utf8");
    for (const { info } of BYTECODE_DETECTORS) {
      expect(docs).toContain(`| \`${info.id}\` | ${info.swc} | ${info.category} | ${info.severity} | ${info.confidence} |`);
    }
  });
});

describe("SWC-106 selfdestruct", () => {
  const v04 = `pragma solidity ^0.4.24;
contract Killable {
  address owner;
  constructor() public { owner = msg.sender; }
  function kill() public { selfdestruct(msg.sender); } // KILL
  function close() public { require(msg.sender == owner); selfdestruct(owner); } // GUARDED
}`;
  it("merges the unguarded one into the AST finding (0.4) and leaves the guarded one alone", () => {
    const found = findings(v04);
    expect(ofClass(found, "SWC-106")).toEqual([`unprotected-selfdestruct@${lineOf(v04, "// KILL")}`]);
    const merged = found.find((f) => f.detector.swc === "SWC-106") as Finding;
    expect(merged.message).toContain("Bytecode (bytecode-selfdestruct)");
    expect(merged.detector.confidence).toBe("high");
  });

  const assembly = `pragma solidity ^0.5.0;
contract Asm {
  address owner = msg.sender;
  function boom() public { assembly { selfdestruct(caller) } } // BOOM
  function guarded() public {
    assembly {
      if iszero(eq(caller, sload(owner_slot))) { revert(0, 0) }
      selfdestruct(caller) // GUARDED
    }
  }
}`;
  it("finds an unguarded selfdestruct in inline assembly on its own (0.5), not the guarded one", () => {
    expect(ofClass(findings(assembly), "SWC-106")).toEqual([`bytecode-selfdestruct@${lineOf(assembly, "// BOOM")}`]);
  });

  const v08 = `pragma solidity ^0.8.20;
contract Modern {
  address immutable owner = msg.sender;
  mapping(address => bool) admins;
  function a() external { require(msg.sender == owner); selfdestruct(payable(msg.sender)); }
  function b() external { require(admins[msg.sender]); selfdestruct(payable(msg.sender)); }
  function c() external { assembly { if eq(caller(), 0) { selfdestruct(caller()) } } }
}`;
  it("counts an immutable owner and an admin mapping as caller checks (0.8)", () => {
    const found = findings(v08);
    expect(ofClass(found, "SWC-106")).toEqual([`bytecode-selfdestruct@${lineOf(v08, "function c()")}`]);
  });
});

describe("SWC-104 unchecked call", () => {
  const v08 = `pragma solidity ^0.8.20;
contract Calls {
  function dropped(address to) external { (bool ok, ) = to.call{value: 1}(""); } // UNCHECKED
  function checked(address to) external { (bool ok, ) = to.call{value: 1}(""); require(ok); }
  function asmDropped(address to) external { assembly { pop(call(gas(), to, 0, 0, 0, 0, 0)) } } // ASM
  function asmChecked(address to) external { assembly { if iszero(call(gas(), to, 0, 0, 0, 0, 0)) { revert(0, 0) } } }
  receive() external payable {}
}`;
  it("merges into the AST finding, finds the assembly one alone, leaves checked calls alone", () => {
    const found = findings(v08);
    expect(ofClass(found, "SWC-104")).toEqual([
      `unchecked-lowlevel@${lineOf(v08, "// UNCHECKED")}`,
      `bytecode-unchecked-call@${lineOf(v08, "// ASM")}`,
    ]);
    expect(found.find((f) => f.detector.id === "unchecked-lowlevel")?.message).toContain("its success flag is discarded");
  });

  const v04 = `pragma solidity ^0.4.24;
contract Sender {
  function pay(address to) public { to.send(1); } // SEND
  function payChecked(address to) public { if (!to.send(1)) revert(); }
  function payTransfer(address to) public { to.transfer(1); }
}`;
  it("sees send's dropped flag (0.4) and not transfer's", () => {
    expect(ofClass(findings(v04), "SWC-104")).toEqual([`unchecked-send@${lineOf(v04, "// SEND")}`]);
  });
});

describe("SWC-107 reentrancy and SWC-105 ether sent", () => {
  const v05 = `pragma solidity ^0.5.0;
contract Bank {
  mapping(address => uint) balances;
  uint256 private status = 1;
  function deposit() public payable { balances[msg.sender] += msg.value; }
  function withdraw() public {
    (bool ok, ) = msg.sender.call.value(balances[msg.sender])(""); // CALL
    require(ok);
    balances[msg.sender] = 0;
  }
  function withdrawLocked() public {
    require(status == 1);
    status = 2;
    (bool ok, ) = msg.sender.call.value(balances[msg.sender])(""); // LOCKED
    require(ok);
    balances[msg.sender] = 0;
    status = 1;
  }
  uint failures;
  function tryPay() public payable { (bool ok, ) = msg.sender.call.value(msg.value)(""); if (!ok) failures += 1; } // only after a failed call
  function rescue(address payable to, uint amount) public {
    assembly { let ok := call(gas(), to, amount, 0, 0, 0, 0) if iszero(ok) { revert(0, 0) } } // RESCUE
  }
}`;
  it("merges the reentrancy into the AST finding; nothing on the locked withdrawal or after a failed call", () => {
    const found = findings(v05).filter((f) => f.detector.swc === "SWC-107");
    const evidence = found.map((f) => [f.location.line, f.message.includes("bytecode-reentrancy"), f.detector.confidence]);
    // The AST detector does not read a lock written inline (only a modifier's); the bytecode sees it.
    expect(evidence).toEqual([
      [lineOf(v05, "// CALL"), true, "high"],
      [lineOf(v05, "// LOCKED"), false, "medium"],
    ]);
  });
  it("finds ether sent from calldata's choice in assembly on its own, at medium severity", () => {
    const found = findings(v05);
    expect(ofClass(found, "SWC-105")).toEqual([`bytecode-ether-send@${lineOf(v05, "// RESCUE")}`]);
    expect(found.find((f) => f.detector.id === "bytecode-ether-send")?.detector.severity).toBe("medium");
  });
});

describe("SWC-115 tx.origin, SWC-112 delegatecall", () => {
  const v08 = `pragma solidity ^0.8.20;
contract Wallet {
  address owner = msg.sender;
  address implementation;
  function pay(address payable to) external { require(tx.origin == owner); to.transfer(1); } // ORIGIN
  function notContract() external view returns (bool) { return tx.origin == msg.sender; }
  function run(address target, bytes calldata data) external { assembly { calldatacopy(0, data.offset, data.length) pop(delegatecall(gas(), target, 0, data.length, 0, 0)) } } // RUN
  fallback() external { address impl = implementation; assembly { let ok := delegatecall(gas(), impl, 0, 0, 0, 0) if iszero(ok) { revert(0, 0) } } }
}`;
  it("merges tx.origin into the AST finding and ignores tx.origin == msg.sender", () => {
    const found = findings(v08);
    expect(ofClass(found, "SWC-115")).toEqual([`tx-origin@${lineOf(v08, "// ORIGIN")}`]);
    expect(found.find((f) => f.detector.id === "tx-origin")?.message).toContain("Bytecode (bytecode-tx-origin)");
  });
  it("finds a delegatecall to a calldata address in assembly, not a proxy's stored target", () => {
    expect(ofClass(findings(v08), "SWC-112")).toEqual([`bytecode-delegatecall@${lineOf(v08, "// RUN")}`]);
  });
});

describe("SWC-116/120 block values", () => {
  const v08 = `pragma solidity ^0.8.20;
contract Timed {
  uint256 expiry;
  function start() external { expiry = block.timestamp + 1 days; }
  function late() external view returns (bool) { return expiry < 5; }
  function claim() external { require(block.timestamp > expiry); payable(msg.sender).transfer(0); } // CLAIM
  function asmCoin() external returns (uint256 r) { assembly { if eq(mod(timestamp(), 2), 0) { r := 1 } } } // COIN
  function seed() external { expiry = uint256(blockhash(block.number - 1)); } // SEED
}`;
  it("leaves 0.8's overflow check on a timestamp sum alone; merges the timestamp condition; finds assembly alone", () => {
    const found = findings(v08);
    expect(ofClass(found, "SWC-116").filter((f) => !f.startsWith("timestamp-stored"))).toEqual([
      `timestamp-dependence@${lineOf(v08, "// CLAIM")}`,
      `bytecode-block-values@${lineOf(v08, "// COIN")}`,
    ]);
  });
  it("finds a block hash stored as a seed", () => {
    expect(ofClass(findings(v08), "SWC-120")).toContain(`bytecode-block-randomness@${lineOf(v08, "// SEED")}`);
  });

  const library = `pragma solidity ^0.5.0;
library SafeMath { function add(uint a, uint b) internal pure returns (uint) { uint c = a + b; require(c >= a); return c; } }
contract Lock {
  using SafeMath for uint;
  uint public until;
  event Extended(uint until, uint at);
  function extend(uint d) public { until = now.add(d); emit Extended(until, now); }
  function open() public view returns (bool) { return until > 0; }
}`;
  it("leaves SafeMath's comparison of a timestamp sum alone, and a timestamp only emitted", () => {
    expect(findings(library).filter((f) => f.detector.id.startsWith("bytecode-block")).map((f) => f.location.line)).toEqual([]);
  });
});
