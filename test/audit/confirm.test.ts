import { describe, expect, it } from "vitest";
import { type CompiledContract, compileSoliditySource } from "../../src/compile/index.js";
import {
  ATTACKER,
  ATTACKER_CONTRACT,
  CAMPAIGN_GAS,
  DEPLOYER,
  gasPerFunction,
  coverage,
  replayEvidence,
  runConfirmation,
  TARGET,
  type ConfirmOptions,
} from "../../src/audit/confirm/index.js";
import type { Category, Evidence, Finding } from "../../src/audit/finding.js";
import { hexToBytes } from "../../src/abi/index.js";
import {
  CHECKED_SEND,
  GIVEAWAY,
  HANDLED_CALL,
  OPEN_MINT,
  OVERFLOW_TOKEN,
  OWNER_MINT,
  PROTECTED_OWNER,
  RECORDS_TIME,
  REENTRANT_BANK,
  REGISTRY,
  SAFE_BANK,
  SAFE_MATH_TOKEN,
  TIME_LOTTERY,
  TX_ORIGIN_WALLET,
  UINT8_COUNTER,
  UNCHECKED_SEND,
  UNHANDLED_CALL,
  UNPROTECTED_KILL,
  UNPROTECTED_OWNER,
} from "./confirm-contracts.js";

const ETHER = 10n ** 18n;
const ACTOR_BALANCE = 100n * ETHER;
const OPTIONS: ConfirmOptions = { seed: 7, timeBudgetMs: 50_000, maxSequences: 150, minSequences: 10 };

/** A finding as a detector would report it (the detectors are built elsewhere). */
function finding(contract: string, swc: string, category: Category, fn: string): Finding {
  return {
    id: `${contract}-${swc}-${fn}`,
    detector: { id: swc.toLowerCase(), title: swc, swc, category, severity: "high", confidence: "medium", description: "", recommendation: "" },
    contract,
    function: fn,
    location: { file: "input.sol", line: 1, endLine: 1, snippet: "" },
    message: "",
    confirmed: false,
  };
}

function compile(source: string): CompiledContract {
  return compileSoliditySource(source).contracts.at(-1)!;
}

function confirmOne(source: string, swc: string, category: Category, fn: string): { finding: Finding; evidence: Evidence } {
  const contract = compile(source);
  const result = runConfirmation([contract], [finding(contract.name, swc, category, fn)], OPTIONS);
  const [confirmed] = result.findings;
  expect(confirmed!.confirmed).toBe(true);
  expect(confirmed!.evidence).toBeDefined();
  return { finding: confirmed!, evidence: confirmed!.evidence! };
}

function attackerHoldings(evidence: Evidence): bigint {
  const { chain } = replayEvidence(evidence);
  return chain.balanceOf(ATTACKER) + chain.balanceOf(ATTACKER_CONTRACT);
}

describe("confirmation: vulnerable contracts are exploited, and the evidence replays", () => {
  it("drains a bank that pays before it books (SWC-107) by re-entering withdraw", () => {
    const { evidence } = confirmOne(REENTRANT_BANK, "SWC-107", "reentrancy", "withdraw()");
    expect(evidence.effect).toMatch(/more than it put in.*re-entering/);
    expect(evidence.effect).toMatch(/At input\.sol:8: `msg\.sender\.call\.value\(amount\)\(\)`/);
    expect(evidence.trace.some((line) => line.includes("re-entered while still running"))).toBe(true);
    expect(evidence.steps.at(-1)!.call).toContain("withdraw");
    expect(attackerHoldings(evidence)).toBeGreaterThan(ACTOR_BALANCE);
  });

  it("lets a stranger take an unprotected owner slot (access control)", () => {
    const { evidence } = confirmOne(UNPROTECTED_OWNER, "SWC-105", "access_control", "setOwner(address)");
    expect(evidence.effect).toMatch(/set to the deployer's address, was changed.*At input\.sol:\d+: `owner = next`/);
    const { chain, receipts } = replayEvidence(evidence);
    expect(receipts.every((r) => r.success)).toBe(true);
    expect(chain.storageAt(TARGET, 0n)).not.toBe(DEPLOYER);
  });

  it("drains a tx.origin wallet through a call the owner is baited into (SWC-115)", () => {
    const { evidence } = confirmOne(TX_ORIGIN_WALLET, "SWC-115", "access_control", "transferTo(address,uint256)");
    expect(evidence.steps.at(-1)!.from.toLowerCase()).toBe(`0x${DEPLOYER.toString(16)}`);
    expect(evidence.effect).toMatch(/baited/);
    expect(attackerHoldings(evidence)).toBeGreaterThan(ACTOR_BALANCE);
  });

  it("sees tokens the attacker minted itself (access control, EIP-20 balanceOf)", () => {
    const { evidence } = confirmOne(OPEN_MINT, "SWC-105", "access_control", "mint(address,uint256)");
    expect(evidence.effect).toMatch(/The attacker holds \d+ more Coin tokens/);
    expect(evidence.steps.at(-1)!.call).toContain("mint");
  });

  it("observes a pre-0.8 subtraction wrap that is stored (SWC-101)", () => {
    const { evidence } = confirmOne(OVERFLOW_TOKEN, "SWC-101", "arithmetic", "transfer(address,uint256)");
    expect(evidence.effect).toMatch(/wrapped at 256 bits/);
    // Replayed, the slot the effect names holds the wrapped value, which no unbounded result equals.
    const claim = /computed (\d+) ([-+*]) (\d+) = (-?\d+),.*wrapped value (\d+) was stored in slot (\d+)/.exec(evidence.effect)!;
    const [a, op, b, exact, stored, slot] = [BigInt(claim[1]!), claim[2]!, BigInt(claim[3]!), BigInt(claim[4]!), BigInt(claim[5]!), BigInt(claim[6]!)];
    expect(op === "+" ? a + b : op === "-" ? a - b : a * b).toBe(exact);
    expect(BigInt.asUintN(256, exact)).toBe(stored);
    expect(stored).not.toBe(exact);
    expect(replayEvidence(evidence).chain.storageAt(TARGET, slot)).toBe(stored);
  });

  it("sees a failed send whose result is ignored while the credit is wiped (SWC-104)", () => {
    const { evidence } = confirmOne(UNCHECKED_SEND, "SWC-104", "unchecked_low_level_calls", "withdraw()");
    expect(evidence.effect).toMatch(/failed; Payout never checked the result/);
    // The attacker's deposit stays in the contract and its credit is gone: it lost what it paid in.
    expect(attackerHoldings(evidence)).toBeLessThan(ACTOR_BALANCE);
  });

  it("sees the 0.8 low-level call whose failure is dropped, the twin of a handled one below (SWC-104)", () => {
    const { evidence } = confirmOne(UNHANDLED_CALL, "SWC-104", "unchecked_low_level_calls", "withdraw()");
    expect(evidence.effect).toMatch(/CALL of [\d.]+ ether from Payout to attacker contract .* failed/);
  });

  it("finds an outcome that depends on block.timestamp (SWC-116), and it replays", () => {
    const { evidence } = confirmOne(TIME_LOTTERY, "SWC-116", "time_manipulation", "play()");
    expect(evidence.effect).toMatch(/different outcomes at timestamp/);
    const last = evidence.steps.at(-1)!;
    const before = replayEvidence({ ...evidence, steps: evidence.steps.slice(0, -1) }).chain;
    const outcomes = new Set<string>();
    for (let shift = 0n; shift <= 15n; shift++) {
      const chain = before.copy();
      chain.block = { ...chain.block, timestamp: last.block!.timestamp + shift, number: last.block!.number };
      const receipt = chain.send({
        from: BigInt(last.from),
        to: BigInt(last.to),
        value: last.value,
        data: hexToBytes(last.calldata, "calldata"),
        gasLimit: CAMPAIGN_GAS,
      });
      outcomes.add(`${receipt.status} ${chain.balanceOf(TARGET)}`);
    }
    expect(outcomes.size).toBeGreaterThan(1);
  });
});

describe("confirmation: what ties an exploit to a finding", () => {
  it("confirms an unprotected selfdestruct (SWC-106) in kill(), not a finding on ping()", () => {
    const contract = compile(UNPROTECTED_KILL);
    const result = runConfirmation(
      [contract],
      [finding("Killable", "SWC-106", "access_control", "kill()"), finding("Killable", "SWC-106", "access_control", "ping()")],
      OPTIONS,
    );
    const [kill, ping] = result.findings;
    expect(kill!.confirmed).toBe(true);
    expect(kill!.evidence!.effect).toMatch(/executed SELFDESTRUCT in a transaction of the attacker/);
    expect(kill!.evidence!.trace.some((line) => line.includes("SELFDESTRUCT"))).toBe(true);
    expect(ping!.confirmed).toBe(false);
    expect(ping!.evidence).toBeUndefined();
  });

  it("a giveaway through transfer confirms an unprotected withdrawal, never re-entrance", () => {
    const contract = compile(GIVEAWAY);
    const result = runConfirmation(
      [contract],
      [finding("Gift", "SWC-107", "reentrancy", "claim()"), finding("Gift", "SWC-105", "access_control", "claim()")],
      OPTIONS,
    );
    const [reentrancy, withdrawal] = result.findings;
    expect(withdrawal!.confirmed).toBe(true);
    expect(withdrawal!.evidence!.effect).toMatch(/more than it put in, taken from Gift\. At input\.sol:\d+: `msg\.sender\.transfer/);
    expect(reentrancy!.confirmed).toBe(false);
    expect(result.campaigns[0]!.sequences).toBe(OPTIONS.maxSequences);
  });

  it("sees a uint8 sum wrap where solc's cleanup mask cuts it (pre-0.8)", () => {
    const { evidence } = confirmOne(UINT8_COUNTER, "SWC-101", "arithmetic", "add(uint8)");
    expect(evidence.effect).toMatch(/wrapped at 8 bits/);
    const { chain } = replayEvidence(evidence);
    const claim = /computed (\d+) \+ (\d+) = (\d+)/.exec(evidence.effect)!;
    expect(BigInt(claim[3]!)).toBeGreaterThan(255n);
    expect(chain.storageAt(TARGET, 0n)).toBe(BigInt(claim[3]!) % 256n);
  });

  it("does not confirm a constructor's finding from later transactions", () => {
    const contract = compile(OVERFLOW_TOKEN);
    const result = runConfirmation([contract], [finding("Token", "SWC-101", "arithmetic", "constructor()")], { ...OPTIONS, maxSequences: 20 });
    expect(result.findings[0]!.confirmed).toBe(false);
  });
});

describe("confirmation: safe versions are never confirmed", () => {
  /** One finding of every class an oracle can confirm, contract-wide (no function to enter). */
  const every = (contract: string): Finding[] => [
    finding(contract, "SWC-107", "reentrancy", ""),
    finding(contract, "SWC-105", "access_control", ""),
    finding(contract, "SWC-115", "access_control", ""),
    finding(contract, "SWC-106", "access_control", ""),
    finding(contract, "SWC-101", "arithmetic", ""),
    finding(contract, "SWC-104", "unchecked_low_level_calls", ""),
    finding(contract, "SWC-116", "time_manipulation", ""),
  ];

  it.each([
    ["checks-effects-interactions bank", SAFE_BANK],
    ["onlyOwner setter", PROTECTED_OWNER],
    ["SafeMath token", SAFE_MATH_TOKEN],
    ["checked send", CHECKED_SEND],
    ["failed call handled by owing the amount", HANDLED_CALL],
    ["timestamp recorded, not decided on", RECORDS_TIME],
    ["packed structs, strings and arrays before 0.8", REGISTRY],
    ["owner-only mint, tokens sold for ether", OWNER_MINT],
  ])("%s", (_name, source) => {
    const contract = compile(source);
    const result = runConfirmation([contract], every(contract.name), OPTIONS);
    expect(result.findings.filter((f) => f.confirmed).map((f) => `${f.detector.swc}: ${f.evidence?.effect}`)).toEqual([]);
    const [campaign] = result.campaigns;
    expect(campaign!.skipped).toBeUndefined();
    expect(campaign!.sequences).toBe(OPTIONS.maxSequences);
  });
});

describe("confirmation: gas per function and coverage", () => {
  it("reports min/avg/max gas of each function called and the share of the runtime reached", () => {
    const contract = compile(SAFE_BANK);
    const result = runConfirmation([contract], [], { ...OPTIONS, maxSequences: 30 });
    const gas = gasPerFunction(result);
    expect(gas.map((g) => g.function).sort()).toEqual(["deposit()", "withdraw()"]);
    for (const g of gas) {
      expect(g.calls).toBeGreaterThan(0);
      expect(g.min).toBeGreaterThan(21_000n);
      expect(g.min <= g.avg && g.avg <= g.max).toBe(true);
    }
    const [reach] = coverage(result);
    expect(reach!.contract).toBe("Bank");
    expect(reach!.instructions.reached).toBeGreaterThan(0);
    expect(reach!.instructions.reached).toBeLessThan(reach!.instructions.total);
    expect(reach!.blocks.reached).toBeGreaterThan(1);
    expect(reach!.blocks.reached).toBeLessThanOrEqual(reach!.blocks.total);
  });

  it("is deterministic for a seed", () => {
    const contract = compile(UNPROTECTED_OWNER);
    const run = () =>
      runConfirmation([contract], [finding("Vault", "SWC-105", "access_control", "setOwner(address)")], { ...OPTIONS, minSequences: 5 });
    const [a, b] = [run(), run()];
    expect(a.findings[0]!.evidence).toEqual(b.findings[0]!.evidence);
    expect(a.campaigns).toEqual(b.campaigns);
  });

  it("leaves findings no oracle can show unconfirmed, and skips contracts it cannot deploy", () => {
    const contract = compile(SAFE_BANK);
    const frontRunning = finding("Bank", "SWC-114", "front_running", "withdraw()");
    const iface = compileSoliditySource("pragma solidity ^0.8.0; interface I { function f() external; }").contracts[0]!;
    const result = runConfirmation([contract, iface], [frontRunning], { ...OPTIONS, maxSequences: 5 });
    expect(result.findings).toEqual([frontRunning]);
    expect(result.campaigns[1]!.skipped).toMatch(/no creation code/);
  });
});
