/**
 * Confirmation through the prover, its other answers: a guarded addition (`require(sum >= a)`,
 * SafeMath's `add`) is not confirmed and carries the bounded "no overflow reachable in one call"
 * evidence with its confidence lowered; a uint8 sum that wraps at 8 bits (solc's cleanup mask) and
 * a selfdestruct any stranger reaches are confirmed. The queries run without a campaign
 * (`proveFindings`), from the campaign's deployment.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseSource } from "../../src/audit/analyse.js";
import { attackerContract } from "../../src/audit/confirm/attacker.js";
import { closeProverSolvers, DEPLOYER, proveFindings } from "../../src/audit/confirm/index.js";
import { prepareProver } from "../../src/audit/confirm/prove-confirm.js";
import { DETECTORS } from "../../src/audit/detectors/index.js";
import type { Finding } from "../../src/audit/finding.js";
import type { CompiledContract } from "../../src/compile/index.js";

const SOURCE = `pragma solidity ^0.4.24;
library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }
}
contract Ledger {
    using SafeMath for uint256;
    uint256 public guarded = 1000;
    uint256 public safe = 1000;
    function guardedCredit(uint256 amount) public {
        uint256 sum = guarded + amount;
        require(sum >= guarded);
        guarded = sum;
    }
    function safeCredit(uint256 amount) public {
        safe = safe.add(amount);
    }
}
contract Counter {
    uint8 public small = 7;
    function bump(uint8 by) public {
        small = small + by;
    }
}
contract Killable {
    function kill() public {
        selfdestruct(msg.sender);
    }
}
`;

const OVERFLOW = DETECTORS.find((d) => d.info.id === "integer-overflow")!.info;

/**
 * A finding of the overflow detector on `line`. The detector itself leaves guarded sums out; these
 * stand for a detector that flags them, so that the prover's answer on a safe sum is what is tested.
 */
function overflowAt(line: number, fn: string): Finding {
  return { id: `line-${line}`, detector: OVERFLOW, contract: "Ledger", function: fn, location: { file: "input.sol", line, endLine: line, snippet: "" }, message: "", confirmed: false };
}

let contracts: CompiledContract[];
let results: Finding[];
let detected: Finding[];

beforeAll(async () => {
  // Set-up outside the queries' time: Z3 and its workers (starting in their threads meanwhile), and
  // solc for the source and for the campaign's attacker contract.
  const prover = prepareProver();
  const analysis = analyseSource(SOURCE, { bytecode: true });
  contracts = analysis.contracts;
  detected = analysis.findings.filter((f) => f.function === "bump(uint8)" || f.function === "kill()");
  const findings = [overflowAt(14, "guardedCredit(uint256)"), overflowAt(4, "add(uint256,uint256)"), ...detected];
  attackerContract();
  await prover;
  results = await proveFindings(contracts, findings, { deadline: Date.now() + 15_000, fork: "Cancun", constructorArguments: () => [[]] });
}, 30_000);

afterAll(() => closeProverSolvers());

describe("prover confirmation: guarded sums and what it confirms", () => {
  it("does not confirm a sum guarded by require(sum >= a), and says within which bounds no overflow is reachable", () => {
    const guarded = results[0]!;
    expect(guarded.confirmed).toBe(false);
    expect(guarded.detector.confidence).toBe("low");
    expect(guarded.evidence?.effect).toMatch(/^Prover: no overflow or underflow reachable in one call to guardedCredit\(uint256\) from the deployed state/);
    expect(guarded.evidence?.effect).toContain("within: caller >= 2^32");
    expect(guarded.evidence?.effect).toContain("Longer sequences and other states were not explored");
  });

  it("does not confirm SafeMath's add, asked through every function (it is internal to a library)", () => {
    const safe = results[1]!;
    expect(safe.confirmed).toBe(false);
    expect(safe.evidence?.effect).toMatch(/^Prover: no overflow or underflow reachable in one call to [^ ]+, [^ ]+ from the deployed state/);
    for (const fn of ["guardedCredit(uint256)", "safeCredit(uint256)"]) expect(safe.evidence?.effect).toContain(fn);
  });

  it("confirms a uint8 sum that wraps at 8 bits, with the operands", () => {
    const bump = results[2]!;
    expect(detected[0]?.detector.id).toBe("integer-overflow");
    expect(bump.confirmed, bump.evidence?.effect).toBe(true);
    const wrap = /ADD at pc \d+ wrapped at 8 bits: 7 \+ (\d+) = (\d+), which became (\d+)/.exec(bump.evidence!.effect);
    expect(wrap).not.toBeNull();
    const by = BigInt(wrap![1]!);
    expect(by).toBeGreaterThanOrEqual(249n);
    expect(by).toBeLessThan(256n);
    expect(BigInt(wrap![3]!)).toBe(7n + by - 256n);
    expect(bump.evidence!.steps.at(-1)!.call).toBe(`bump(by=${by})`);
  });

  it("confirms a selfdestruct a caller other than the deployer reaches", () => {
    const kill = results[3]!;
    expect(kill.detector.swc).toBe("SWC-106");
    expect(kill.confirmed, kill.evidence?.effect).toBe(true);
    const caller = BigInt(kill.evidence!.steps.at(-1)!.from);
    expect(caller).not.toBe(DEPLOYER);
    expect(kill.evidence!.trace.join("\n")).toContain("SELFDESTRUCT at pc");
  });
});
