/**
 * The call trace of a concrete run on the spec (proofs/concrete/call-trace.ts), which a
 * counterexample's replay shows with `svm prove -v`: calls nested as they ran, with their type,
 * value and result (success with output, revert with data, halt), the events each frame emitted
 * (at the storage address under DELEGATECALL), creations, and calls answered without code.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { compileSoliditySource } from "../../src/compile/index.js";
import { decodeRevert, encodeCall, functionsOf, bytesToHex } from "../../src/abi/index.js";
import { CallTracer, type TracedCall, type TracedLog } from "../../proofs/concrete/call-trace.js";
import { ConcreteChain } from "../../proofs/concrete/chain.js";
import { DEPLOYER, TEST_CONTRACT } from "../../proofs/environment.js";

const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract Callee {
    event Hi(uint256 x);
    function hi(uint256 x) external returns (uint256) { emit Hi(x); return x + 1; }
    function boom() external pure { assembly { invalid() } }
    function no() external pure { revert("no"); }
}
contract Caller {
    Callee public callee = new Callee();
    function run() external returns (uint256 y) {
        y = callee.hi(1);
        (bool ok, ) = address(callee).call(abi.encodeWithSignature("boom()"));
        (ok, ) = address(callee).call(abi.encodeWithSignature("no()"));
        (ok, ) = address(callee).delegatecall(abi.encodeWithSignature("hi(uint256)", 5));
        payable(address(0xbeef)).transfer(3);
        new Callee();
        require(ok);
    }
}
`;

let top: TracedCall;
let callee: bigint;

beforeAll(() => {
  const compiled = compileSoliditySource(SOURCE).contracts;
  const caller = compiled.find((c) => c.name === "Caller")!;
  const chain = new ConcreteChain();
  expect(chain.deploy(DEPLOYER, TEST_CONTRACT, caller.creationBytecode).result.kind).toBe("success");
  const run = functionsOf(caller.abi).find((f) => f.name === "run")!;
  const tracer = new CallTracer();
  chain.tracer = tracer;
  chain.fund(TEST_CONTRACT, 100n);
  const outcome = chain.call(DEPLOYER, TEST_CONTRACT, encodeCall(run, []));
  expect(outcome.result.kind).toBe("success");
  expect(tracer.calls).toHaveLength(1);
  top = tracer.calls[0]!;
  callee = (top.children[0] as TracedCall).address;
});

const calls = () => top.children.filter((c): c is TracedCall => c.kind === "call");

describe("call trace", () => {
  it("records the top-level call and its result", () => {
    expect(top).toMatchObject({ type: "call", caller: DEPLOYER, address: TEST_CONTRACT, value: 0n, depth: 0 });
    expect(top.gasUsed).toBeGreaterThan(0n);
    expect(top.gasUsed).toBeLessThan(top.gas);
    expect(top.result).toEqual({ kind: "success", output: Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? 2 : 0)) });
  });

  it("nests a call with the event it emitted and the output it returned", () => {
    const hi = calls()[0]!;
    expect(hi).toMatchObject({ type: "call", caller: TEST_CONTRACT, depth: 1 });
    const log = hi.children[0] as TracedLog;
    expect(log).toMatchObject({ kind: "log", address: callee });
    expect(log.topics).toHaveLength(1);
    expect(bytesToHex(log.data)).toBe(`0x${"0".repeat(63)}1`);
    expect(hi.result).toEqual({ kind: "success", output: Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? 2 : 0)) });
  });

  it("tells a halt from a revert, and keeps the revert data", () => {
    const [, boom, no] = calls();
    expect(boom!.result?.kind).toBe("halt");
    // A halt consumes all the gas the call was given; a revert returns what is left.
    expect(boom!.gasUsed).toBe(boom!.gas);
    expect(no!.gasUsed).toBeLessThan(no!.gas);
    expect(no!.result?.kind).toBe("revert");
    const data = no!.result?.kind === "revert" ? no!.result.output : new Uint8Array(0);
    expect(decodeRevert(data)).toMatchObject({ kind: "error", message: "no" });
  });

  it("names a delegatecall, whose events belong to the caller's address", () => {
    const delegated = calls()[3]!;
    expect(delegated).toMatchObject({ type: "delegatecall", address: TEST_CONTRACT, codeAddress: callee });
    expect(delegated.children[0]).toMatchObject({ kind: "log", address: TEST_CONTRACT });
    expect(delegated.result?.kind).toBe("success");
  });

  it("records a transfer to an account without code and a creation", () => {
    const [, , , , transfer, created] = calls();
    expect(transfer).toMatchObject({ type: "call", address: 0xbeefn, value: 3n, children: [] });
    expect(transfer!.result).toEqual({ kind: "success", output: new Uint8Array(0) });
    expect(transfer!.gasUsed).toBe(0n);
    expect(created).toMatchObject({ type: "create", caller: TEST_CONTRACT });
    expect(created!.result?.kind).toBe("success");
    expect(calls()).toHaveLength(6);
  });
});
