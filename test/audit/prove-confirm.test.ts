/**
 * Confirmation through the prover (src/audit/confirm/prove-confirm.ts): an overflow the random
 * campaign is unlikely to hit (the sum wraps only behind a check of one exact 256-bit argument) is
 * confirmed by a targeted query, replayed on src/vm, with the operands of the wrap in its evidence.
 */
import { afterAll, describe, expect, it } from "vitest";
import { analyseSource } from "../../src/audit/analyse.js";
import { closeProverSolvers, replayEvidence, runConfirmationWithProver, TARGET } from "../../src/audit/confirm/index.js";

const WORD = 1n << 256n;
const MAGIC = 0x5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eedn;

const LEDGER = `pragma solidity ^0.4.24;
contract Ledger {
    uint256 public total = 1000;
    function credit(uint256 code, uint256 amount) public {
        require(code == 0x${MAGIC.toString(16)});
        total = total + amount;
    }
}
`;

afterAll(() => closeProverSolvers());

describe("prover confirmation of an overflow behind an exact argument", () => {
  it("confirms it with the call, the operands of the wrap and a trace excerpt, and the evidence replays", async () => {
    const { findings, contracts } = analyseSource(LEDGER, { bytecode: true });
    const overflow = findings.find((f) => f.detector.id === "integer-overflow" && f.function === "credit(uint256,uint256)");
    expect(overflow?.location.line).toBe(6);

    // A short campaign (60 random sequences), then the prover with the time left.
    const result = await runConfirmationWithProver(contracts, [overflow!], { timeBudgetMs: 10_000, seed: 3, maxSequences: 60 });
    const confirmed = result.findings[0]!;
    expect(confirmed.confirmed, confirmed.evidence?.effect).toBe(true);
    const evidence = confirmed.evidence!;
    // The prover's evidence, not the campaign's: the campaign's random arguments do not hit MAGIC.
    expect(evidence.effect).toMatch(/^The prover found a call to credit\(uint256,uint256\)/);
    const operands = /ADD at pc (\d+) wrapped at 256 bits: (\d+) \+ (\d+) = (\d+), which became (\d+)/.exec(evidence.effect);
    expect(operands).not.toBeNull();
    const [a, b, exact, wrapped] = operands!.slice(2).map(BigInt) as [bigint, bigint, bigint, bigint];
    expect(a).toBe(1000n);
    expect(exact).toBe(a + b);
    expect(exact).toBeGreaterThanOrEqual(WORD);
    expect(wrapped).toBe(exact - WORD);

    const call = evidence.steps.at(-1)!;
    expect(call.to.toLowerCase()).toBe(`0x${TARGET.toString(16).padStart(40, "0")}`);
    expect(call.call).toBe(`credit(code=${MAGIC}, amount=${b})`);
    expect(evidence.trace.some((line) => line.includes(`ADD at pc ${operands![1]} with operands 1000, ${b}`))).toBe(true);

    // The steps alone (deployments, then the call) reproduce the wrap on a fresh chain.
    const replay = replayEvidence(evidence);
    expect(replay.receipts.at(-1)!.success).toBe(true);
    expect(replay.chain.storageAt(TARGET, 0n)).toBe(wrapped);
  }, 30_000);
});
