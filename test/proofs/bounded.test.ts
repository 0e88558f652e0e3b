/**
 * Sound verdicts (issue 9): a search cut short by a bound is `bounded` and names each bound hit;
 * `pass` only when every input was covered. Bytecode mode and `calldata: "abstract"` give calldata
 * a symbolic length (hevm's convention), so a failure that needs long calldata is found, and its
 * counterexample replays on the spec.
 */
import { afterAll, describe, expect, it } from "vitest";
import { checkBytecode } from "../../proofs/check.js";
import { ConcreteChain } from "../../proofs/concrete/chain.js";
import { DEPLOYER, TEST_CONTRACT } from "../../proofs/environment.js";
import { concreteFailure, DEFAULT_OPTIONS, type PropertyResult } from "../../proofs/prove.js";
import { ALL_PANIC_CODES } from "../../proofs/failure.js";
import { solverPool } from "../../proofs/z3/context.js";
import { checkSource, resultOf } from "./support/check-source.js";

afterAll(() => solverPool().close());

const bytecode = (hex: string) => checkBytecode("code", Buffer.from(hex, "hex"), DEFAULT_OPTIONS);

/** The failure the counterexample's calldata shows when the runtime code runs on the spec. */
function replayOnSpec(hex: string, result: PropertyResult): string | undefined {
  const chain = new ConcreteChain();
  chain.accounts.set(TEST_CONTRACT, { nonce: 1n, balance: 0n, code: Buffer.from(hex, "hex"), storage: new Map() });
  return concreteFailure(chain.call(DEPLOYER, TEST_CONTRACT, result.counterexample!.calls[0]!.calldata), ALL_PANIC_CODES);
}

describe("bytecode mode", () => {
  it("finds INVALID behind CALLDATASIZE > 200 with calldata longer than 200 bytes, which replays on the spec", { timeout: 60_000 }, async () => {
    // CALLDATASIZE PUSH1 200 LT ... : jump to INVALID when 200 < CALLDATASIZE.
    const code = "60c83611600857005bfe";
    const result = await bytecode(code);
    expect(result.status, result.reason).toBe("fail");
    const calldata = result.counterexample!.calls[0]!.calldata;
    expect(calldata.length).toBeGreaterThan(200);
    expect(replayOnSpec(code, result)).toMatch(/INVALID/);
  });

  it("never passes code that fails only on calldata too long to replay: unknown, saying why", { timeout: 60_000 }, async () => {
    // INVALID when CALLDATASIZE > 0x01000001: longer than a replay builds (16 MiB).
    const result = await bytecode("63010000013611600d57005b005bfe");
    expect(result.status).toBe("unknown");
    expect(result.reason).toMatch(/needs calldata longer than \d+ bytes/);
  });

  it("passes code whose every input was covered, with no bounds", { timeout: 60_000 }, async () => {
    // CALLDATALOAD(0) compared with itself: no input reaches INVALID, and nothing bounds the search.
    const result = await bytecode("6000358060003514600c57fe5b00");
    expect(result.status, result.reason).toBe("pass");
    expect(result.bounds).toEqual([]);
  });

  it("reports a loop cut by the loop bound as bounded, naming the bound", { timeout: 60_000 }, async () => {
    // JUMPDEST PUSH1 0 CALLDATALOAD PUSH1 0 JUMPI STOP: loops for ever on nonzero calldata.
    const result = await bytecode("5b60003560005700");
    expect(result.status, result.reason).toBe("bounded");
    expect(result.bounds).toContain(`loop ${DEFAULT_OPTIONS.loopBound}`);
  });

  it("reports a symbolic word split into only some of its values as bounded", { timeout: 60_000 }, async () => {
    // PUSH1 0 CALLDATALOAD JUMP: the jump target is any word; only some of its values are explored.
    const result = await bytecode("6000355600");
    expect(result.status, result.reason).toBe("bounded");
    expect(result.bounds.join(", ")).toMatch(/at pc 3 split into \d+ of its values/);
  });

  it("reads calldata past its end as zero, whatever its length", { timeout: 60_000 }, async () => {
    // INVALID when CALLDATALOAD(64) != 0 and CALLDATASIZE < 65: impossible, byte 64 lies past the end.
    const result = await bytecode("6040351560115760413610600f57005bfe5b00");
    expect(result.status, result.reason).toBe("pass");
  });
});

describe("Solidity properties", () => {
  const source = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract Bounds {
    function prove_static(uint128 a, uint128 b) public pure {
        assert(uint256(a) + uint256(b) >= a);
    }
    function prove_dynamic(bytes calldata data) public pure {
        assert(data.length < 2**64);
    }
    function prove_loop(uint256 n) public pure {
        uint256 total;
        for (uint256 i = 0; i < n; i++) total += 1;
        assert(total == n);
    }
    function prove_length() public pure {
        assert(msg.data.length < 100);
    }
    function prove_word(uint256 x) public pure {
        assert(x != 0x1234);
    }
}
`;
  let results: PropertyResult[];
  let abstract: PropertyResult[];

  it("passes fixed-size ABI arguments with no bounds", { timeout: 240_000 }, async () => {
    results = await checkSource(source, "Bounds", { timeoutMs: 20_000 });
    const result = resultOf(results, "prove_static");
    expect(result.status, result.reason).toBe("pass");
    expect(result.bounds).toEqual([]);
  });

  it("bounds dynamic arguments by the lengths tried", () => {
    const result = resultOf(results, "prove_dynamic");
    expect(result.status, result.reason).toBe("bounded");
    expect(result.bounds.join(", ")).toMatch(/bytes lengths 0\/1\/2\/3\/32\/65/);
  });

  it("bounds a loop over a symbolic count by the loop bound", () => {
    const result = resultOf(results, "prove_loop");
    expect(result.status, result.reason).toBe("bounded");
    expect(result.bounds).toContain(`loop ${DEFAULT_OPTIONS.loopBound}`);
  });

  it("gives ABI-shaped calldata by default: msg.data is the selector alone", () => {
    const result = resultOf(results, "prove_length");
    expect(result.status, result.reason).toBe("pass");
  });

  it("with abstract calldata, msg.data has any length and the failure replays", { timeout: 240_000 }, async () => {
    abstract = await checkSource(source, "Bounds", { timeoutMs: 20_000, calldata: "abstract", match: /prove_(length|word|static)/ });
    const result = resultOf(abstract, "prove_length");
    expect(result.status, result.reason).toBe("fail");
    expect(result.counterexample!.calls[0]!.calldata.length).toBeGreaterThanOrEqual(100);
    expect(result.counterexample!.failure).toMatch(/Panic\(0x01\)/);
  });

  it("with abstract calldata, the arguments are read from the bytes after the selector", () => {
    const word = resultOf(abstract, "prove_word");
    expect(word.status, word.reason).toBe("fail");
    const calldata = word.counterexample!.calls[0]!.calldata;
    expect(Buffer.from(calldata.subarray(4, 36)).toString("hex")).toBe("1234".padStart(64, "0"));
    const safe = resultOf(abstract, "prove_static");
    expect(safe.status, safe.reason).toBe("pass");
  });
});
