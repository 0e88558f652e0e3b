import { describe, expect, it } from "vitest";
import { FORK_NAMES } from "../../conformance/implementation.js";
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

  it("the latest forks are Prague then Osaka", () => {
    expect(FORK_NAMES.slice(-3)).toEqual(["Cancun", "Prague", "Osaka"]);
  });
});
