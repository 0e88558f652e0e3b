/**
 * Confirmation through the prover of access findings: an owner write any caller reaches
 * (SWC-124) is confirmed with a caller other than the deployer, also when it must pay an exact
 * amount; the same write behind `require(msg.sender == owner)` is not, and carries the bounded
 * evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseSource } from "../../src/audit/analyse.js";
import { attackerContract } from "../../src/audit/confirm/attacker.js";
import { closeProverSolvers, DEPLOYER, proveFindings, replayEvidence, TARGET } from "../../src/audit/confirm/index.js";
import { prepareProver } from "../../src/audit/confirm/prove-confirm.js";
import { DETECTORS } from "../../src/audit/detectors/index.js";
import type { Finding } from "../../src/audit/finding.js";

const SOURCE = `pragma solidity ^0.4.24;
contract Owned {
    address public owner;
    constructor() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
    function setOwner(address next) public {
        owner = next;
    }
    function handOver(address next) public onlyOwner {
        owner = next;
    }
    function buy() public payable {
        require(msg.value == 3 ether);
        owner = msg.sender;
    }
    function withdraw() public onlyOwner {
        msg.sender.transfer(address(this).balance);
    }
}
`;

const OWNER_WRITE = DETECTORS.find((d) => d.info.id === "unprotected-owner-write")!.info;

let results: Finding[];

beforeAll(async () => {
  const prover = prepareProver();
  const { contracts, findings } = analyseSource(SOURCE, { bytecode: true });
  const open = findings.find((f) => f.detector.id === "unprotected-owner-write" && f.function === "setOwner(address)");
  expect(open?.location.line).toBe(7);
  // The detector stops at the caller check; this stands for one that would flag the guarded write.
  const guarded: Finding = { ...open!, id: "guarded", function: "handOver(address)", location: { ...open!.location, line: 10, endLine: 10 } };
  attackerContract();
  await prover;
  const bought = findings.find((f) => f.detector.id === "unprotected-owner-write" && f.function === "buy()");
  expect(bought?.location.line).toBe(14);
  results = await proveFindings(contracts, [open!, guarded, bought!], { deadline: Date.now() + 12_000, fork: "Cancun", constructorArguments: () => [[]] });
}, 30_000);

afterAll(() => closeProverSolvers());

describe("prover confirmation of owner writes", () => {
  it("confirms a write of the owner slot a caller other than the deployer reaches", () => {
    const open = results[0]!;
    expect(open.detector).toEqual(OWNER_WRITE);
    expect(open.confirmed, open.evidence?.effect).toBe(true);
    const call = open.evidence!.steps.at(-1)!;
    expect(BigInt(call.from)).not.toBe(DEPLOYER);
    expect(BigInt(call.to)).toBe(TARGET);
    expect(call.call).toMatch(/^setOwner\(next=0x[0-9a-fA-F]{40}\)$/);
    expect(open.evidence!.effect).toMatch(/SSTORE at pc \d+ \(slot 0 := \d+\) ran in a successful call by 0x[0-9a-fA-F]{40}, who is not the deployer/);
  });

  it("does not confirm the write behind require(msg.sender == owner): no stranger reaches it in one call", () => {
    const guarded = results[1]!;
    expect(guarded.confirmed).toBe(false);
    expect(guarded.detector.confidence).toBe("low");
    expect(guarded.evidence?.effect).toMatch(/^Prover: no SSTORE reachable by a caller other than the deployer in one call to handOver\(address\)/);
  });

  it("confirms a payable owner write with the ether it needs, the deployer funding the caller, and the evidence replays", () => {
    const bought = results[2]!;
    expect(bought.confirmed, bought.evidence?.effect).toBe(true);
    const [funding, call] = bought.evidence!.steps.slice(-2);
    expect(call!.call).toBe("buy()");
    expect(call!.value).toBe(3n * 10n ** 18n);
    expect(BigInt(funding!.from)).toBe(DEPLOYER);
    expect(funding!.to).toBe(call!.from);
    const replay = replayEvidence(bought.evidence!);
    expect(replay.receipts.at(-1)!.success).toBe(true);
    expect(replay.chain.storageAt(TARGET, 0n)).toBe(BigInt(call!.from));
  });
});
