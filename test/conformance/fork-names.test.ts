import { describe, expect, it } from "vitest";
import { FORK_NAMES } from "../../interface/implementation.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { FORKS } from "../../spec/fork/names.js";

/**
 * spec/ imports nothing of ours, so it keeps its own list of fork names; this pins it to the
 * conformance contract's, so that a fork added to one and not the other fails here.
 */
describe("fork names", () => {
  it("the spec and the conformance contract list the same forks in the same order", () => {
    expect([...FORKS]).toEqual([...FORK_NAMES]);
  });

  it("every fork the spec names has a schedule that carries its name", () => {
    for (const fork of FORKS) expect(SCHEDULES[fork].fork).toBe(fork);
  });

  it("the latest Ethereum forks are Prague then Osaka, and SVM (Osaka plus its precompiles) comes last", () => {
    expect(FORK_NAMES.slice(-4)).toEqual(["Cancun", "Prague", "Osaka", "SVM"]);
  });

  it("SVM is Osaka with only precompiles added, all in SVM's own block above EIP-1352's range", () => {
    const { fork: _svmName, precompiles: svmPrecompiles, ...svmRest } = SCHEDULES.SVM;
    const { fork: _osakaName, precompiles: osakaPrecompiles, ...osakaRest } = SCHEDULES.Osaka;
    expect(svmRest).toEqual(osakaRest);
    expect(svmPrecompiles.slice(0, osakaPrecompiles.length)).toEqual([...osakaPrecompiles]);
    for (const address of svmPrecompiles.slice(osakaPrecompiles.length)) {
      expect(address >= 0x010000n && address <= 0x0100ffn).toBe(true);
    }
  });
});
