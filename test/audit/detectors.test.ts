/**
 * Every detector on small hand-written contracts: the weakness it exists for (a true positive, with
 * its line), and the near misses it must leave alone (SafeMath, checks-effects-interactions, a
 * checked send, an owner check).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyseSource } from "../../src/audit/analyse.js";
import { findingInstructions, runtimeInstructions } from "../../src/audit/analysis/bytecode.js";
import { DETECTORS } from "../../src/audit/detectors/index.js";
import { CATEGORIES, CONFIDENCES, SEVERITIES } from "../../src/audit/finding.js";

/** `detector@line` of every finding of `source`; the source must compile. */
function flagged(source: string, detector?: string): string[] {
  const { report, findings } = analyseSource(source, { bytecode: false, ...(detector === undefined ? {} : { detectors: [detector] }) });
  expect(report.status, report.message).toBe("analysed");
  return findings.map((f) => `${f.detector.id}@${f.location.line}`);
}

/** The 1-based line of the first line containing `marker`. */
function lineOf(source: string, marker: string): number {
  const index = source.split("\n").findIndex((l) => l.includes(marker));
  if (index < 0) throw new Error(`no line contains ${marker}`);
  return index + 1;
}

describe("detector headers", () => {
  it("every detector has a unique id, an SWC id, a category, severity and confidence from the vocabulary", () => {
    const ids = DETECTORS.map((d) => d.info.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { info } of DETECTORS) {
      expect(info.swc).toMatch(/^SWC-1\d\d$/);
      expect(CATEGORIES).toContain(info.category);
      expect(SEVERITIES).toContain(info.severity);
      expect(CONFIDENCES).toContain(info.confidence);
      expect(info.recommendation.length).toBeGreaterThan(10);
    }
  });
  it("docs/audit.md lists every detector with its SWC id, category, severity and confidence", () => {
    const docs = readFileSync(new URL("../../docs/audit.md", import.meta.url), "utf8");
    for (const { info } of DETECTORS) {
      expect(docs).toContain(`| \`${info.id}\` | ${info.swc} | ${info.category} | ${info.severity} | ${info.confidence} |`);
    }
  });
});

describe("reentrancy-eth", () => {
  const bank = `pragma solidity ^0.5.0;
contract Bank {
  mapping(address => uint) balances;
  function deposit() public payable { balances[msg.sender] += msg.value; }
  function withdraw() public {
    (bool ok, ) = msg.sender.call.value(balances[msg.sender])(""); // CALL
    require(ok);
    balances[msg.sender] = 0;
  }
}`;
  it("flags value sent with all gas before the balance is cleared", () => {
    expect(flagged(bank, "reentrancy-eth")).toEqual([`reentrancy-eth@${lineOf(bank, "// CALL")}`]);
  });
  it("leaves checks-effects-interactions alone", () => {
    const safe = `pragma solidity ^0.5.0;
contract Bank {
  mapping(address => uint) balances;
  function withdraw() public {
    uint amount = balances[msg.sender];
    balances[msg.sender] = 0;
    (bool ok, ) = msg.sender.call.value(amount)("");
    require(ok);
  }
}`;
    expect(flagged(safe, "reentrancy-eth")).toEqual([]);
  });
  it("leaves a function behind a mutex modifier alone", () => {
    const guarded = `pragma solidity ^0.5.0;
contract Bank {
  mapping(address => uint) balances;
  bool locked;
  modifier noReentrancy() { require(!locked); locked = true; _; locked = false; }
  function withdraw() public noReentrancy {
    (bool ok, ) = msg.sender.call.value(balances[msg.sender])("");
    require(ok);
    balances[msg.sender] = 0;
  }
}`;
    expect(flagged(guarded, "reentrancy-eth")).toEqual([]);
  });
  it("reads {value: v} call options (0.6 and later) and 0.4's call.value", () => {
    const modern = `pragma solidity ^0.8.0;
contract Bank {
  mapping(address => uint) balances;
  function withdraw() public {
    (bool ok, ) = payable(msg.sender).call{value: balances[msg.sender]}(""); // CALL
    require(ok);
    balances[msg.sender] = 0;
  }
}`;
    expect(flagged(modern, "reentrancy-eth")).toEqual([`reentrancy-eth@${lineOf(modern, "// CALL")}`]);
    const old = `pragma solidity ^0.4.24;
contract Bank {
  mapping(address => uint) balances;
  function withdraw() public {
    if (!msg.sender.call.value(balances[msg.sender])()) throw; // CALL
    balances[msg.sender] = 0;
  }
}`;
    expect(flagged(old, "reentrancy-eth")).toEqual([`reentrancy-eth@${lineOf(old, "// CALL")}`]);
  });
  it("does not follow a write cut off by a return after the call", () => {
    const exits = `pragma solidity ^0.5.0;
contract Bank {
  mapping(address => uint) balances;
  function withdraw(bool now_) public {
    if (now_) {
      (bool ok, ) = msg.sender.call.value(balances[msg.sender])("");
      require(ok);
      return;
    }
    balances[msg.sender] = 0;
  }
}`;
    expect(flagged(exits, "reentrancy-eth")).toEqual([]);
  });
});

describe("reentrancy-limited-gas and reentrancy-no-eth", () => {
  it("flags send/transfer before the state write, at low severity", () => {
    const source = `pragma solidity ^0.5.0;
contract Claim {
  mapping(address => uint) owed;
  function claim() public {
    require(owed[msg.sender] > 0);
    msg.sender.transfer(owed[msg.sender]); // SEND
    owed[msg.sender] = 0;
  }
}`;
    expect(flagged(source)).toContain(`reentrancy-limited-gas@${lineOf(source, "// SEND")}`);
    expect(flagged(source)).not.toContain(`reentrancy-eth@${lineOf(source, "// SEND")}`);
  });
  it("flags a token call before the state write, not a view call", () => {
    const source = `pragma solidity ^0.5.0;
interface Token { function transfer(address to, uint v) external returns (bool); function balanceOf(address a) external view returns (uint); }
contract Vault {
  mapping(address => uint) shares;
  Token token;
  function exit() public {
    token.transfer(msg.sender, shares[msg.sender]); // TOKEN
    shares[msg.sender] = 0;
  }
  function peek() public {
    uint b = token.balanceOf(msg.sender);
    shares[msg.sender] = b + shares[msg.sender];
  }
}`;
    expect(flagged(source, "reentrancy-no-eth")).toEqual([`reentrancy-no-eth@${lineOf(source, "// TOKEN")}`]);
  });
});

describe("unchecked-send and unchecked-lowlevel", () => {
  const source = `pragma solidity ^0.5.0;
contract Pay {
  uint paid;
  function a(address payable to) public { to.send(1 ether); } // A
  function b(address payable to) public { require(to.send(1 ether)); }
  function c(address payable to) public { if (!to.send(1 ether)) { revert(); } }
  function d(address payable to) public { if (!to.send(1 ether)) { uint n; n += 1; } else { revert(); } } // D
  function e(address payable to) public { if (!to.send(1 ether) || 1 == 1) { paid = 1; } } // E
  function f(address to) public { to.call(""); } // F
  function g(address to) public { (bool ok, ) = to.call(""); require(ok); }
  function h(address to) public { (bool ok, ) = to.call(""); } // H
  function i(address payable to) public { to.call.value(1 ether); } // I
  function j(address payable to) public { if (to.send(1 ether)) { paid += 1; } }
}`;
  it("flags discarded, unread and do-nothing-on-failure results", () => {
    expect(flagged(source, "unchecked-send").sort()).toEqual(
      ["// A", "// D", "// E"].map((m) => `unchecked-send@${lineOf(source, m)}`).sort(),
    );
  });
  it("flags unchecked low-level calls and a call that is never made", () => {
    expect(flagged(source, "unchecked-lowlevel").sort()).toEqual(
      ["// F", "// H", "// I"].map((m) => `unchecked-lowlevel@${lineOf(source, m)}`).sort(),
    );
  });
});

describe("tx-origin", () => {
  it("flags tx.origin authorization but not the tx.origin == msg.sender EOA test", () => {
    const source = `pragma solidity ^0.5.0;
contract Wallet {
  address owner;
  function pay(address payable to) public {
    require(tx.origin == owner); // ORIGIN
    to.transfer(address(this).balance);
  }
  function onlyHumans() public view returns (bool) { require(tx.origin == msg.sender); return true; }
}`;
    expect(flagged(source, "tx-origin")).toEqual([`tx-origin@${lineOf(source, "// ORIGIN")}`]);
  });
});

describe("integer-overflow", () => {
  it("flags unguarded arithmetic before 0.8", () => {
    const source = `pragma solidity ^0.4.24;
contract Token {
  mapping(address => uint) balances;
  mapping(address => uint) lockTime;
  function withdraw(uint v) public { balances[msg.sender] -= v; } // SUB
  function lock(uint s) public { lockTime[msg.sender] += s; } // ADD
  uint8 level;
  function grow(uint8 y) public { level = level * y; } // MUL
  function scale(uint8 x, uint8 y) public pure returns (uint8) { return x * y; }
}`;
    expect(flagged(source, "integer-overflow").sort()).toEqual(
      ["// SUB", "// ADD", "// MUL"].map((m) => `integer-overflow@${lineOf(source, m)}`).sort(),
    );
  });
  it("leaves SafeMath, guarded operations, loop steps and 0.8 code alone", () => {
    const safe = `pragma solidity ^0.5.0;
library SafeMath {
  function sub(uint a, uint b) internal pure returns (uint) { require(b <= a); return a - b; }
  function add(uint a, uint b) internal pure returns (uint) { uint c = a + b; require(c >= a); return c; }
  function div(uint a, uint b) internal pure returns (uint) { require(b > 0); return a / b; }
  function mul(uint a, uint b) internal pure returns (uint) { if (a == 0) return 0; uint c = a * b; require(c / a == b); return c; }
}
contract Token {
  using SafeMath for uint;
  mapping(address => uint) balances;
  uint total;
  function transfer(address to, uint v) public {
    require(balances[msg.sender] >= v);
    require(balances[to] + v >= balances[to]);
    balances[msg.sender] -= v;
    balances[to] += v;
  }
  function burn(uint v) public {
    require(balances[msg.sender] >= v);
    balances[msg.sender] -= v;
    total -= v;
  }
  function mint(uint v) public { total = total.add(v); }
  function fee(uint v) public { total = total.add((20 * v).div(100)); }
  function scale(uint v) public { total = total.add(v * 10 ** uint(10)); }
  function count(uint[] memory xs) public pure returns (uint n) { for (uint i = 0; i < xs.length; i++) n = n.add(xs[i]); }
}`;
    expect(flagged(safe, "integer-overflow")).toEqual([]);
    const checked = `pragma solidity ^0.8.0;
contract C { mapping(address => uint) b; function w(uint v) public { b[msg.sender] -= v; } }`;
    expect(flagged(checked, "integer-overflow")).toEqual([]);
  });
});

describe("timestamp", () => {
  it("flags decisions on block.timestamp (directly or through a local) and records of it", () => {
    const source = `pragma solidity ^0.5.0;
contract Lottery {
  uint start = block.timestamp; // STORED
  address winner;
  function play(uint at) public {
    uint t = now;
    if (at + 5 days == t) { winner = msg.sender; } // DECIDES
  }
  function open() public view returns (bool) { return block.timestamp >= start; } // COMPARES
}`;
    expect(flagged(source, "timestamp-dependence").sort()).toEqual(
      ["// DECIDES", "// COMPARES"].map((m) => `timestamp-dependence@${lineOf(source, m)}`).sort(),
    );
    expect(flagged(source, "timestamp-stored").sort()).toEqual(
      ["// STORED", "uint t = now"].map((m) => `timestamp-stored@${lineOf(source, m)}`).sort(),
    );
  });
});

describe("transaction-order", () => {
  it("flags a payment whose recipient anyone can set, or whose amount another function writes", () => {
    const source = `pragma solidity ^0.5.0;
contract Puzzle {
  address payable winner;
  address payable owner;
  uint reward;
  bool claimed;
  constructor() public { owner = msg.sender; }
  function play(bytes32 guess) public { if (keccak256(abi.encode(guess)) == keccak256("x")) winner = msg.sender; }
  function payout() public payable { winner.transfer(msg.value); } // RECIPIENT
  function setReward() public payable { require(msg.sender == owner); reward = msg.value; }
  function claim() public { require(!claimed); msg.sender.transfer(reward); claimed = true; } // AMOUNT
  function setOwner(address payable o) public { require(msg.sender == owner); owner = o; }
  function sweep() public { require(msg.sender == owner); owner.transfer(address(this).balance); }
}`;
    expect(flagged(source, "transaction-order").sort()).toEqual(
      ["// RECIPIENT", "// AMOUNT"].map((m) => `transaction-order@${lineOf(source, m)}`).sort(),
    );
  });
});

describe("access control", () => {
  it("flags an unprotected ether withdrawal and a balance paid but never debited, not a refund, a debited withdrawal or an owner-only one", () => {
    const source = `pragma solidity ^0.5.0;
contract Faucet {
  address owner;
  mapping(address => uint) balances;
  modifier onlyOwner() { require(msg.sender == owner); _; }
  function take() public { msg.sender.transfer(1 ether); } // OPEN
  function sendTo(address payable to, uint v) public { to.transfer(v); } // CHOSEN
  function refund() public payable { msg.sender.transfer(msg.value); }
  function refundAll() public { msg.sender.transfer(balances[msg.sender]); } // NEVER_DEBITED
  function withdraw() public { uint v = balances[msg.sender]; balances[msg.sender] = 0; msg.sender.transfer(v); }
  function drain(address payable to) public onlyOwner { to.transfer(address(this).balance); }
}`;
    expect(flagged(source, "unprotected-ether-withdrawal").sort()).toEqual(
      ["// OPEN", "// CHOSEN", "// NEVER_DEBITED"].map((m) => `unprotected-ether-withdrawal@${lineOf(source, m)}`).sort(),
    );
  });
  it("flags an unprotected selfdestruct and a delegatecall to a caller-chosen address", () => {
    const source = `pragma solidity ^0.4.24;
contract Proxy {
  address owner;
  function kill() public { selfdestruct(msg.sender); } // KILL
  function close() public { require(msg.sender == owner); selfdestruct(owner); }
  function forward(address impl, bytes data) public { require(impl.delegatecall(data)); } // DELEGATE
  function upgradeCall(address impl, bytes data) public { require(msg.sender == owner); require(impl.delegatecall(data)); }
}`;
    expect(flagged(source, "unprotected-selfdestruct")).toEqual([`unprotected-selfdestruct@${lineOf(source, "// KILL")}`]);
    expect(flagged(source, "delegatecall-input")).toEqual([`delegatecall-input@${lineOf(source, "// DELEGATE")}`]);
  });
});

describe("analyseSource", () => {
  it("reports a file that does not compile instead of throwing", () => {
    const { report, findings } = analyseSource("pragma solidity ^0.5.0; contract { }", { bytecode: false });
    expect(report.status).toBe("not-compiled");
    expect(report.message).toMatch(/ParserError/);
    expect(findings).toEqual([]);
  });
  it("gives a finding an id that survives edits elsewhere (lines moved, whitespace changed)", () => {
    const body = `contract W { address o; function f(address payable t) public { require(tx.origin == o); t.transfer(1); } }`;
    const before = analyseSource(`pragma solidity ^0.5.0;\n${body}`, { bytecode: false, detectors: ["tx-origin"] });
    const after = analyseSource(`pragma solidity ^0.5.0;\n// a comment\n\n${body.replace("require(", "require (  ")}`, {
      bytecode: false,
      detectors: ["tx-origin"],
    });
    expect(before.findings).toHaveLength(1);
    expect(after.findings[0]?.location.line).toBe((before.findings[0]?.location.line ?? 0) + 2);
    expect(after.findings[0]?.id).toBe(before.findings[0]?.id);
    expect(before.findings[0]?.location.snippet).toContain("tx.origin == o");
  });
  it("compiles an open pragma written for 0.5 with 0.5 when the newest compiler rejects it", () => {
    const source = `pragma solidity >=0.5.0;
contract Old { function () external payable {} }`;
    const { report } = analyseSource(source, { bytecode: false });
    expect(report.status).toBe("analysed");
    expect(report.compilerVersion).toMatch(/^0\.5\./);
  });
});

describe("weak-randomness and calls-in-loop", () => {
  it("flags a draw from block values and the seed it is computed from, not an id hashed from them", () => {
    const source = `pragma solidity ^0.5.0;
contract Lottery {
  mapping(bytes32 => address) tickets;
  function draw() public view returns (uint) {
    uint seed = uint(keccak256(abi.encodePacked(blockhash(block.number - 1), now)));
    return seed % 10; // DRAW
  }
  function guess(bytes32 g) public view returns (bool) { return g == blockhash(block.number - 1); } // GUESS
  function register() public { tickets[keccak256(abi.encodePacked(msg.sender, now))] = msg.sender; }
}`;
    expect(flagged(source, "weak-randomness").sort()).toEqual(
      ["uint seed", "// DRAW", "// GUESS"].map((m) => `weak-randomness@${lineOf(source, m)}`).sort(),
    );
  });
  it("flags payments inside a loop", () => {
    const source = `pragma solidity ^0.5.0;
contract Payroll {
  address payable[] staff;
  function pay() public { for (uint i = 0; i < staff.length; i++) { staff[i].transfer(1 ether); } } // LOOP
  function payOne(uint i) public { staff[i].transfer(1 ether); }
}`;
    expect(flagged(source, "calls-in-loop")).toEqual([`calls-in-loop@${lineOf(source, "// LOOP")}`]);
  });
});

describe("0.4-era access control", () => {
  const source = `pragma solidity ^0.4.24;
contract Pyramid {
  address creator;
  uint fee;
  struct Entry { address who; uint amount; }
  Entry[] entries;
  function pyramid() public { creator = msg.sender; } // CTOR
  function Constructor() public { creator = msg.sender; } // KEYWORD
  function setFee(uint f) { fee = f; } // DEFAULT
  function setFeeOwner(uint f) { require(msg.sender == creator); fee = f; }
  function view_() constant returns (uint) { return fee; }
  function enter() public payable {
    Entry e; // POINTER
    e.who = msg.sender;
    entries.push(e);
  }
}`;
  it("flags a constructor misnamed by case", () => {
    expect(flagged(source, "constructor-name").sort()).toEqual(
      ["// CTOR", "// KEYWORD"].map((m) => `constructor-name@${lineOf(source, m)}`).sort(),
    );
  });
  it("flags a state-changing function public by default, not one that checks its caller or a view", () => {
    expect(flagged(source, "default-visibility")).toEqual([`default-visibility@${lineOf(source, "// DEFAULT")}`]);
  });
  it("flags a local struct that points at storage slot 0", () => {
    expect(flagged(source, "uninitialised-storage-pointer")).toEqual([
      `uninitialised-storage-pointer@${lineOf(source, "// POINTER")}`,
    ]);
  });
});

describe("weak-randomness near misses", () => {
  it("leaves calendar arithmetic on the timestamp alone but flags a parity lottery on the block number", () => {
    const source = `pragma solidity ^0.5.0;
contract Calendar {
  uint start;
  function dayOffset() public view returns (uint) { return (now - start) % 1 days; }
  function lucky() public view returns (bool) { return block.number % 2 == 0; } // PARITY
}`;
    expect(flagged(source, "weak-randomness")).toEqual([`weak-randomness@${lineOf(source, "// PARITY")}`]);
  });
});

describe("re-entrancy through an internal call", () => {
  it("flags the internal call that reaches the external one, before the flag is set", () => {
    const source = `pragma solidity ^0.5.0;
contract Bonus {
  mapping(address => uint) rewards;
  mapping(address => bool) claimed;
  function withdrawReward(address payable to) public {
    uint amount = rewards[to];
    rewards[to] = 0;
    (bool ok, ) = to.call.value(amount)("");
    require(ok);
  }
  function bonus(address payable to) public {
    require(!claimed[to]);
    rewards[to] += 100;
    withdrawReward(to); // INTERNAL
    claimed[to] = true;
  }
}`;
    expect(flagged(source, "reentrancy-eth")).toEqual([`reentrancy-eth@${lineOf(source, "// INTERNAL")}`]);
  });
});

describe("unprotected-owner-write and array-length-write", () => {
  it("flags a stranger rewriting the owner, not the owner doing it, self-registration or a one-time initialiser", () => {
    const source = `pragma solidity ^0.4.24;
contract Owned {
  address owner;
  mapping(address => bool) members;
  mapping(address => address) owners;
  bool initialised;
  modifier onlyOwner() { require(msg.sender == owner); _; }
  function changeOwner(address o) public { owner = o; } // TAKEOVER
  function newOwner(address o) external { require(o != 0); owners[o] = msg.sender; } // ADD
  function transferOwnership(address o) public onlyOwner { owner = o; }
  function join() public { members[msg.sender] = true; }
  function init(address o) public { require(!initialised); initialised = true; owner = o; }
  function act() public { require(members[msg.sender] || owners[msg.sender] != 0); }
  function kill() public onlyOwner { selfdestruct(owner); }
}`;
    expect(flagged(source, "unprotected-owner-write").sort()).toEqual(
      ["// TAKEOVER", "// ADD"].map((m) => `unprotected-owner-write@${lineOf(source, m)}`).sort(),
    );
  });
  it("flags an unchecked length decrement (0.4), one after a vacuous check and a length the caller sets, not one after a length check", () => {
    const source = `pragma solidity ^0.4.24;
contract Queue {
  uint[] items;
  function popBad() public { items.length--; } // BAD
  function popGood() public { require(items.length > 0); items.length--; }
  function popVacuous() public { require(0 <= items.length); items.length--; } // VACUOUS
  function set(uint i, uint v) public { items[i] = v; }
  function grow(uint key) public { if (items.length <= key) { items.length = key + 1; } } // GROW
}`;
    expect(flagged(source, "array-length-write").sort()).toEqual(
      ["// BAD", "// VACUOUS", "// GROW"].map((m) => `array-length-write@${lineOf(source, m)}`).sort(),
    );
    expect(flagged(source, "integer-overflow")).toContain(`integer-overflow@${lineOf(source, "// GROW")}`);
  });
});

describe("denial of service", () => {
  it("flags the refund to the leader being replaced, not a credited refund", () => {
    const source = `pragma solidity ^0.4.24;
contract Auction {
  address leader;
  uint bid;
  mapping(address => uint) refunds;
  function outbid() public payable {
    require(msg.value > bid);
    if (leader != 0) { require(leader.send(bid)); } // REFUND
    leader = msg.sender;
    bid = msg.value;
  }
  function outbidSafely() public payable {
    require(msg.value > bid);
    refunds[leader] += bid;
    leader = msg.sender;
    bid = msg.value;
  }
}`;
    expect(flagged(source, "push-payment-dos")).toEqual([`push-payment-dos@${lineOf(source, "// REFUND")}`]);
  });
  it("flags loops that grow a state array or run over one anyone can grow, not one bounded by an owner's list", () => {
    const source = `pragma solidity ^0.5.0;
contract Registry {
  address[] entrants;
  address[] admins;
  address owner;
  function fill() public { for (uint i = 0; i < 350; i++) { entrants.push(msg.sender); } } // GROW
  function enter() public { entrants.push(msg.sender); }
  function count() public view returns (uint n) { for (uint i = 0; i < entrants.length; i++) { if (entrants[i] == msg.sender) n++; } } // OVER
  function addAdmin(address a) public { require(msg.sender == owner); admins.push(a); }
  function isAdmin() public view returns (bool) { for (uint i = 0; i < admins.length; i++) { if (admins[i] == msg.sender) return true; } return false; }
}`;
    expect(flagged(source, "unbounded-loop").sort()).toEqual(
      ["// GROW", "// OVER"].map((m) => `unbounded-loop@${lineOf(source, m)}`).sort(),
    );
  });
});

describe("front running", () => {
  it("flags a reward for a revealed answer, not a claim bound to the caller", () => {
    const source = `pragma solidity ^0.5.0;
contract FindThisHash {
  bytes32 constant hash = 0xb5b5b97fafd9855eec9b41f74dfb6c38f5951141f9a3ecd7f44d5479b630ee0a;
  bytes32 root;
  function solve(string memory solution) public { require(hash == keccak256(abi.encodePacked(solution))); msg.sender.transfer(1000 ether); } // SOLVE
  function claim(bytes32 leaf) public { require(leaf == root && keccak256(abi.encodePacked(msg.sender)) == leaf); msg.sender.transfer(1 ether); }
}`;
    expect(flagged(source, "front-run-solution")).toEqual([`front-run-solution@${lineOf(source, "// SOLVE")}`]);
  });
  it("flags an approve that overwrites a non-zero allowance, not one that requires zero first", () => {
    const source = `pragma solidity ^0.5.0;
contract Token {
  mapping(address => mapping(address => uint)) allowed;
  function approve(address s, uint v) public returns (bool) { allowed[msg.sender][s] = v; return true; } // RACE
}
contract SafeToken {
  mapping(address => mapping(address => uint)) allowed;
  function approve(address s, uint v) public returns (bool) { require(v == 0 || allowed[msg.sender][s] == 0); allowed[msg.sender][s] = v; return true; }
}`;
    expect(flagged(source, "erc20-approve-race")).toEqual([`erc20-approve-race@${lineOf(source, "// RACE")}`]);
  });
});

describe("weak-randomness through state", () => {
  it("flags an answer stored from block data and the guess compared with it", () => {
    const source = `pragma solidity ^0.4.21;
contract GuessTheRandomNumber {
  uint8 answer;
  function GuessTheRandomNumber() public payable {
    answer = uint8(keccak256(block.blockhash(block.number - 1), now)); // SEED
  }
  function guess(uint8 n) public payable {
    require(msg.value == 1 ether);
    if (n == answer) { msg.sender.transfer(2 ether); } // GUESS
  }
}`;
    expect(flagged(source, "weak-randomness").sort()).toEqual(
      ["// SEED", "// GUESS"].map((m) => `weak-randomness@${lineOf(source, m)}`).sort(),
    );
  });
});

describe("caller checks through locals and internal functions", () => {
  const source = `pragma solidity ^0.4.24;
contract MultiOwned {
  mapping(uint => uint) ownerIndex;
  mapping(address => uint) balances;
  uint required;
  modifier onlyManyOwners(bytes32 op) { if (confirmAndCheck(op)) _; }
  function confirmAndCheck(bytes32 op) internal returns (bool) {
    uint index = ownerIndex[uint(msg.sender)];
    if (index == 0) return false;
    return op != 0;
  }
  function initOwners(address[] owners, uint r) { // INIT
    for (uint i = 0; i < owners.length; ++i) ownerIndex[uint(owners[i])] = 1 + i;
    required = r;
  }
  function kill(address to) external onlyManyOwners(sha3(msg.data)) { selfdestruct(to); }
  function transfer(address to, uint v) public {
    require(balances[msg.sender] >= v);
    balances[msg.sender] -= v;
    balances[to] += v;
  }
}`;
  it("sees the owner check inside the modifier's internal call", () => {
    expect(flagged(source, "unprotected-selfdestruct")).toEqual([]);
  });
  it("flags the public initialiser that rewrites the owner index, not a balance transfer", () => {
    const found = flagged(source, "unprotected-owner-write");
    expect(found).toEqual([`unprotected-owner-write@${lineOf(source, "ownerIndex[uint(owners[i])]")}`]);
  });
});

describe("re-entrancy through a modifier", () => {
  it("flags an external call in a modifier before the body writes what another modifier checked (pre-0.5 CALL to a pure function)", () => {
    const source = `pragma solidity ^0.4.24;
contract Airdrop {
  mapping (address => uint) public tokenBalance;
  function airDrop() hasNoBalance supportsToken public { tokenBalance[msg.sender] += 20; }
  modifier supportsToken() {
    require(keccak256(abi.encodePacked("Nu Token")) == Bank(msg.sender).supportsToken()); // CALL
    _;
  }
  modifier hasNoBalance { require(tokenBalance[msg.sender] == 0); _; }
}
contract Bank { function supportsToken() external pure returns (bytes32) { return keccak256(abi.encodePacked("Nu Token")); } }`;
    expect(flagged(source, "reentrancy-no-eth")).toEqual([`reentrancy-no-eth@${lineOf(source, "// CALL")}`]);
  });
});

describe("near misses of the access and randomness detectors", () => {
  it("sees onlyOwner through an internal predicate that returns msg.sender == owner", () => {
    const source = `pragma solidity ^0.5.0;
contract Ownable {
  address private _owner;
  address public relayer;
  constructor() public { _owner = msg.sender; }
  function isOwner() public view returns (bool) { return msg.sender == _owner; }
  modifier onlyOwner() { require(isOwner(), "not owner"); _; }
  function setRelayer(address r) external onlyOwner { relayer = r; }
  function close() external onlyOwner { selfdestruct(msg.sender); }
  function relay() external view returns (bool) { require(tx.origin == relayer); return true; }
}`;
    expect(flagged(source).filter((f) => !f.startsWith("tx-origin"))).toEqual([]);
  });
  it("leaves a registry's per-item owner and a proof-of-work check alone", () => {
    const source = `pragma solidity ^0.5.0;
contract Registry {
  struct Entry { address owner; uint at; }
  mapping(bytes32 => Entry[]) entries;
  bytes32 challenge;
  mapping(bytes32 => bytes32) solutions;
  function register(bytes32 h) public { entries[h].push(Entry(msg.sender, block.number)); }
  function update(bytes32 h, uint i) public { require(msg.sender == entries[h][i].owner); entries[h][i].at = block.number; }
  function mine(uint nonce, bytes32 digest) public {
    bytes32 d = keccak256(abi.encodePacked(challenge, msg.sender, nonce));
    require(d == digest);
    if (solutions[challenge] != 0x0) revert();
    solutions[challenge] = d;
    challenge = blockhash(block.number - 1);
  }
}`;
    expect(flagged(source, "unprotected-owner-write")).toEqual([]);
    expect(flagged(source, "weak-randomness")).toEqual([]);
  });
});

describe("writes through internal calls", () => {
  it("flags a default-public initialiser that writes the owners through the internal function it calls", () => {
    const source = `pragma solidity ^0.4.24;
contract WalletLike {
  mapping(uint => uint) ownerIndex;
  uint limit;
  modifier onlyOwner { if (ownerIndex[uint(msg.sender)] != 0) _; }
  function initOwners(address[] owners) internal { for (uint i = 0; i < owners.length; ++i) ownerIndex[uint(owners[i])] = 1 + i; }
  function initLimit(uint l) internal { limit = l; }
  function initWallet(address[] owners, uint l) { // INIT
    initLimit(l);
    initOwners(owners); // OWNERS
  }
  function setLimit(uint l) external onlyOwner { limit = l; }
}`;
    expect(flagged(source, "default-visibility")).toEqual([`default-visibility@${lineOf(source, "// INIT")}`]);
    expect(flagged(source, "unprotected-owner-write")).toEqual([`unprotected-owner-write@${lineOf(source, "// OWNERS")}`]);
  });
});

describe("modern Solidity", () => {
  it("reads custom errors, try/catch, receive and unchecked blocks without crashing, and honours them", () => {
    const source = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
interface IOracle { function price() external view returns (uint256); }
contract Modern {
  error Failed(address to);
  mapping(address => uint256) public credit;
  IOracle public oracle;
  uint256 public last;
  receive() external payable { credit[msg.sender] += msg.value; }
  function pay(address payable to) external {
    (bool ok, ) = to.call{value: credit[msg.sender]}("");
    if (!ok) revert Failed(to);
    credit[msg.sender] = 0; // WRITE
  }
  function wrap(uint256 a) external pure returns (uint256) { unchecked { return a - 1; } }
  function burn(uint256 v) external { unchecked { credit[msg.sender] -= v; } } // UNCHECKED
  function burnChecked(uint256 v) external { credit[msg.sender] -= v; }
  function read() external {
    try oracle.price() returns (uint256 p) { last = p; } catch { last = 0; }
  }
}`;
    const { report, findings } = analyseSource(source, { bytecode: false });
    expect(report.status, report.message).toBe("analysed");
    const ids = findings.map((f) => `${f.detector.id}@${f.location.line}`);
    expect(ids).toContain(`reentrancy-eth@${lineOf(source, "to.call{value")}`);
    expect(ids.filter((id) => id.startsWith("unchecked-lowlevel"))).toEqual([]);
    expect(ids.filter((id) => id.startsWith("integer-overflow"))).toEqual([]);
    expect(ids.filter((id) => id.startsWith("unchecked-block-arithmetic"))).toEqual([
      `unchecked-block-arithmetic@${lineOf(source, "// UNCHECKED")}`,
    ]);
  });
});

describe("reentrancy-eth trusts callees the owner chose", () => {
  it("leaves a payment to a wallet fixed by the owner alone, flags one to a recipient anyone can set", () => {
    const source = `pragma solidity ^0.5.0;
contract Sale {
  address payable wallet;
  address payable owner;
  address payable lastBuyer;
  uint raised;
  constructor(address payable w) public { wallet = w; owner = msg.sender; }
  function setWallet(address payable w) public { require(msg.sender == owner); wallet = w; }
  function forward() public {
    require(raised > 0);
    (bool ok, ) = wallet.call.value(raised)("");
    require(ok);
    raised = 0;
  }
  function buy() public payable { lastBuyer = msg.sender; raised += msg.value; }
  function refundLast() public {
    require(raised > 0);
    (bool ok, ) = lastBuyer.call.value(raised)(""); // OPEN
    require(ok);
    raised = 0;
  }
}`;
    expect(flagged(source, "reentrancy-eth")).toEqual([`reentrancy-eth@${lineOf(source, "// OPEN")}`]);
  });
});

describe("state reached through a local storage reference", () => {
  it("flags re-entrancy on a balance read and written through `var acc = accounts[msg.sender]` (0.4)", () => {
    const source = `pragma solidity ^0.4.19;
contract PersonalBank {
  struct Holder { uint unlockTime; uint balance; }
  mapping (address => Holder) public Acc;
  uint public MinSum = 1 ether;
  function Collect(uint _am) public payable {
    var acc = Acc[msg.sender];
    if (acc.balance >= MinSum && acc.balance >= _am && now > acc.unlockTime) {
      if (msg.sender.call.value(_am)()) { // CALL
        acc.balance -= _am;
      }
    }
  }
  function Put(uint _unlockTime) public payable {
    var acc = Acc[msg.sender];
    acc.balance += msg.value;
    acc.unlockTime = _unlockTime > now ? _unlockTime : now;
  }
}`;
    expect(flagged(source, "reentrancy-eth")).toEqual([`reentrancy-eth@${lineOf(source, "// CALL")}`]);
  });
});

describe("reentrancy guards", () => {
  it("leaves a function behind OpenZeppelin 2.x's counter guard alone", () => {
    const source = `pragma solidity ^0.5.0;
contract Bank {
  uint256 private guardCounter = 1;
  mapping(address => uint) balances;
  modifier nonReentrant() { guardCounter += 1; uint256 local = guardCounter; _; require(local == guardCounter); }
  function withdraw() public nonReentrant {
    (bool ok, ) = msg.sender.call.value(balances[msg.sender])("");
    require(ok);
    balances[msg.sender] = 0;
  }
}`;
    expect(flagged(source, "reentrancy-eth")).toEqual([]);
  });
});

describe("field-sensitive re-entrancy", () => {
  it("leaves a proposal marked executed before the call alone, though another field is written after", () => {
    const source = `pragma solidity ^0.5.0;
contract Association {
  struct Proposal { address payable recipient; uint amount; bool executed; bool passed; }
  Proposal[] proposals;
  function propose(address payable to, uint amount) public { proposals.push(Proposal(to, amount, false, false)); }
  function execute(uint n) public {
    Proposal storage p = proposals[n];
    require(!p.executed);
    p.executed = true;
    (bool ok, ) = p.recipient.call.value(p.amount)("");
    require(ok);
    p.passed = true;
  }
  function executeLate(uint n) public {
    Proposal storage p = proposals[n];
    require(!p.executed);
    (bool ok, ) = p.recipient.call.value(p.amount)(""); // LATE
    require(ok);
    p.executed = true;
  }
}`;
    expect(flagged(source, "reentrancy-eth")).toEqual([`reentrancy-eth@${lineOf(source, "// LATE")}`]);
  });
});

describe("old Solidity", () => {
  it("analyses 0.4-era syntax (throw, suicide, sha3, block.blockhash, var, constant, no pragma) without failing", () => {
    const source = `contract Old {
  address owner;
  mapping(address => uint) balances;
  function Old() { owner = msg.sender; }
  function() payable { balances[msg.sender] += msg.value; }
  function get() constant returns (uint) { return balances[msg.sender]; }
  function roll() returns (uint) { var h = sha3(block.blockhash(block.number - 1)); return uint(h) % 6; } // ROLL
  function withdraw(uint v) { if (balances[msg.sender] < v) throw; balances[msg.sender] -= v; if (!msg.sender.send(v)) throw; }
  function kill() { if (msg.sender != owner) throw; suicide(owner); }
}`;
    const { report, findings } = analyseSource(source, { bytecode: false });
    expect(report.status, report.message).toBe("analysed");
    expect(report.compilerVersion).toMatch(/^0\.4\./);
    const ids = findings.map((f) => `${f.detector.id}@${f.location.line}`);
    expect(ids).toContain(`weak-randomness@${lineOf(source, "// ROLL")}`);
    expect(ids.filter((id) => /unprotected|reentrancy-eth|unchecked-send/.test(id))).toEqual([]);
  });
});

describe("the runtime code behind a finding", () => {
  it("finds the CALL of a re-entrancy finding, and no CALL for a call that is never made", () => {
    const source = `pragma solidity ^0.5.0;
contract Bank {
  mapping(address => uint) balances;
  function withdraw() public {
    (bool ok, ) = msg.sender.call.value(balances[msg.sender])("");
    require(ok);
    balances[msg.sender] = 0;
  }
  function forgotten(address payable to) public { to.call.value(1 ether); }
}`;
    const { findings, contracts } = analyseSource(source, { detectors: ["reentrancy-eth", "unchecked-lowlevel"] });
    const bank = contracts.find((c) => c.name === "Bank");
    if (bank === undefined) throw new Error("Bank was not compiled");
    const reentrancy = findings.find((f) => f.detector.id === "reentrancy-eth");
    const forgotten = findings.find((f) => f.detector.id === "unchecked-lowlevel");
    if (reentrancy === undefined || forgotten === undefined) throw new Error(`expected both findings, got ${findings.map((f) => f.detector.id)}`);
    expect(findingInstructions(reentrancy, bank).map((i) => i.name)).toContain("CALL");
    expect(findingInstructions(forgotten, bank).map((i) => i.name)).not.toContain("CALL");
    expect(runtimeInstructions(bank).filter((i) => i.name === "CALL")).toHaveLength(1);
  });
});

describe("integer-overflow guards have a direction", () => {
  it("accepts require(a >= b), an enclosing if and an early revert, not a comparison the wrong way round", () => {
    const source = `pragma solidity ^0.4.24;
contract Wallet {
  mapping(address => uint) balances;
  function a(uint v) public { require(balances[msg.sender] >= v); balances[msg.sender] -= v; }
  function b(uint v) public { if (balances[msg.sender] >= v) { balances[msg.sender] -= v; } }
  function c(uint v) public { if (balances[msg.sender] < v) revert(); balances[msg.sender] -= v; }
  function d(uint v) public { require(v <= balances[msg.sender]); balances[msg.sender] -= v; }
  function confused(uint v) public { require(v >= balances[msg.sender]); balances[msg.sender] -= v; } // CONFUSED
  function inverted(uint v) public { if (balances[msg.sender] >= v) { revert(); } else { balances[msg.sender] -= v; } } // INVERTED
}`;
    expect(flagged(source, "integer-overflow").sort()).toEqual(
      ["// CONFUSED", "// INVERTED"].map((m) => `integer-overflow@${lineOf(source, m)}`).sort(),
    );
  });
});
