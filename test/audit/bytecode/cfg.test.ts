/**
 * The control-flow graph on hand-assembled runtime code: static jumps resolved from PUSHed
 * constants, solc's internal-function returns resolved per calling context, dynamic jumps left
 * unresolved, JUMPDEST bytes inside PUSH data never a target, and the step budget holding on
 * adversarial code.
 */
import { describe, expect, it } from "vitest";
import { disassemble } from "../../../src/audit/bytecode/disassembly.js";
import { interpret, MAX_CONTEXTS_PER_BLOCK, MAX_STEPS } from "../../../src/audit/bytecode/interpret.js";
import { Taint } from "../../../src/audit/bytecode/values.js";

/** Assembles `["PUSH1", 4, "JUMP"]`-style programs: a number after PUSHn is its immediate. */
function assemble(program: readonly (string | number)[]): Uint8Array {
  const opcodes: Record<string, number> = {
    STOP: 0x00, ADD: 0x01, EQ: 0x14, AND: 0x16, ISZERO: 0x15, CALLER: 0x33, CALLDATALOAD: 0x35, TIMESTAMP: 0x42, POP: 0x50,
    SLOAD: 0x54, SSTORE: 0x55, JUMP: 0x56, JUMPI: 0x57, JUMPDEST: 0x5b, GAS: 0x5a, CALL: 0xf1, REVERT: 0xfd,
    INVALID: 0xfe, SELFDESTRUCT: 0xff, DUP1: 0x80, SWAP1: 0x90,
  };
  const bytes: number[] = [];
  for (let i = 0; i < program.length; i++) {
    const item = program[i] as string | number;
    if (typeof item === "number") throw new Error(`immediate ${item} without PUSH`);
    const push = /^PUSH(\d+)$/.exec(item);
    if (push !== null) {
      const width = Number(push[1]);
      const value = program[++i] as number;
      for (let b = width - 1; b >= 0; b--) bytes.push((value >> (8 * b)) & 0xff);
      bytes.splice(bytes.length - width, 0, 0x5f + width);
      continue;
    }
    const opcode = opcodes[item];
    if (opcode === undefined) throw new Error(`unknown mnemonic ${item}`);
    bytes.push(opcode);
  }
  return Uint8Array.from(bytes);
}

const targets = (edges: ReadonlyMap<number, ReadonlySet<number>>, from: number) => [...(edges.get(from) ?? [])].sort((a, b) => a - b);

describe("control-flow graph", () => {
  it("resolves a PUSHed jump target and leaves the skipped block unreached", () => {
    // 0: PUSH1 4, 2: JUMP, 3: INVALID, 4: JUMPDEST, 5: STOP
    const analysis = interpret(assemble(["PUSH1", 4, "JUMP", "INVALID", "JUMPDEST", "STOP"]));
    expect(targets(analysis.edges, 0)).toEqual([4]);
    expect(analysis.unresolvedJumps.size).toBe(0);
    expect([...analysis.reached].sort((a, b) => a - b)).toEqual([0, 4]);
    expect(analysis.complete).toBe(true);
  });

  it("gives a JUMPI both its target and its fall-through", () => {
    // 0: PUSH1 0, 2: CALLDATALOAD, 3: PUSH1 8, 5: JUMPI, 6: STOP, 7: STOP, 8: JUMPDEST, 9: STOP
    const analysis = interpret(assemble(["PUSH1", 0, "CALLDATALOAD", "PUSH1", 8, "JUMPI", "STOP", "STOP", "JUMPDEST", "STOP"]));
    expect(targets(analysis.edges, 0)).toEqual([6, 8]);
    expect(analysis.reached.has(7)).toBe(false);
  });

  it("returns from an internal function to each caller's own return address", () => {
    // main: PUSH1 ret1 PUSH1 fn JUMP | ret1: JUMPDEST PUSH1 ret2 PUSH1 fn JUMP | ret2: JUMPDEST STOP | fn: JUMPDEST JUMP
    const code = assemble([
      "PUSH1", 5, "PUSH1", 14, "JUMP",
      "JUMPDEST", "PUSH1", 12, "PUSH1", 14, "JUMP",
      "JUMPDEST", "STOP",
      "JUMPDEST", "JUMP",
    ]);
    expect(disassemble(code).jumpdests).toEqual(new Set([5, 11, 13]));
    const fixed = assemble([
      "PUSH1", 5, "PUSH1", 13, "JUMP",
      "JUMPDEST", "PUSH1", 11, "PUSH1", 13, "JUMP",
      "JUMPDEST", "STOP",
      "JUMPDEST", "JUMP",
    ]);
    const analysis = interpret(fixed);
    expect(targets(analysis.edges, 13)).toEqual([5, 11]);
    expect(analysis.unresolvedJumps.size).toBe(0);
    expect(analysis.reached.has(11)).toBe(true);
  });

  it("resolves a tag masked with 0xffffffff (solc 0.4's internal library calls)", () => {
    // 0: PUSH1 10, 2: PUSH4 0xffffffff, 7: AND, 8: JUMP, 9: STOP, 10: JUMPDEST, 11: STOP
    const analysis = interpret(assemble(["PUSH1", 10, "PUSH4", 0xffffffff, "AND", "JUMP", "STOP", "JUMPDEST", "STOP"]));
    expect(targets(analysis.edges, 0)).toEqual([10]);
    expect(analysis.unresolvedJumps.size).toBe(0);
  });

  it("marks a jump to a calldata value unresolved and guesses no edge", () => {
    const analysis = interpret(assemble(["PUSH1", 0, "CALLDATALOAD", "JUMP", "JUMPDEST", "STOP"]));
    expect([...analysis.unresolvedJumps]).toEqual([3]);
    expect(analysis.edges.get(0)).toBeUndefined();
    expect(analysis.reached.has(4)).toBe(false);
  });

  it("never jumps to a JUMPDEST byte inside PUSH data", () => {
    // 0: PUSH2 0x5b5b (bytes 1 and 2 are data), 3: POP, 4: PUSH1 2, 6: JUMP, 7: JUMPDEST, 8: STOP
    const code = assemble(["PUSH2", 0x5b5b, "POP", "PUSH1", 2, "JUMP", "JUMPDEST", "STOP"]);
    const { jumpdests, blocks } = disassemble(code);
    expect(jumpdests).toEqual(new Set([7]));
    expect(blocks.map((b) => b.start)).toEqual([0, 7]);
    const analysis = interpret(code);
    expect(analysis.edges.get(0)).toBeUndefined();
    expect(analysis.unresolvedJumps.size).toBe(0);
  });

  it("records a caller check before SELFDESTRUCT and its absence on the other path", () => {
    // 0: PUSH1 0, 2: SLOAD, 3: CALLER, 4: EQ, 5: PUSH1 12, 7: JUMPI, 8: revert(0, 0), 12: JUMPDEST, 13: CALLER, 14: SELFDESTRUCT
    const guarded = interpret(assemble(["PUSH1", 0, "SLOAD", "CALLER", "EQ", "PUSH1", 12, "JUMPI", "PUSH1", 0, "DUP1", "REVERT", "JUMPDEST", "CALLER", "SELFDESTRUCT"]));
    const unguarded = interpret(assemble(["PUSH1", 0, "CALLDATALOAD", "PUSH1", 7, "JUMPI", "STOP", "JUMPDEST", "CALLER", "SELFDESTRUCT"]));
    const selfdestructs = (a: ReturnType<typeof interpret>) => [...a.sites.values()].filter((s) => s.opcode === 0xff);
    expect(selfdestructs(guarded).map((s) => s.unguarded)).toEqual([false]);
    expect(selfdestructs(unguarded).map((s) => s.unguarded)).toEqual([true]);
    expect((selfdestructs(unguarded)[0]?.operands[0]?.taint ?? 0) & Taint.CALLER).toBe(Taint.CALLER);
  });

  it("tells a CALL whose success flag is popped from one that reaches a branch", () => {
    const call = ["PUSH1", 0, "DUP1", "DUP1", "DUP1", "DUP1", "CALLER", "GAS", "CALL"];
    const dropped = interpret(assemble([...call, "POP", "STOP"]));
    const checked = interpret(assemble([...call, "ISZERO", "PUSH1", 14, "JUMPI", "STOP", "JUMPDEST", "STOP"]));
    expect(dropped.usedCallResults.size).toBe(0);
    expect([...checked.usedCallResults]).toEqual([8]);
  });
});

describe("budget", () => {
  it("finishes 24 KiB of JUMPDESTs quickly", () => {
    const started = performance.now();
    const analysis = interpret(new Uint8Array(24 * 1024).fill(0x5b));
    expect(analysis.disassembly.blocks.length).toBe(24 * 1024);
    expect(analysis.complete).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("finishes one huge block that overflows the stack", () => {
    const started = performance.now();
    const code = new Uint8Array(24 * 1024);
    for (let pc = 0; pc < code.length; pc += 2) code.set([0x60, 0x01], pc);
    const analysis = interpret(code);
    expect(analysis.disassembly.blocks.length).toBe(1);
    expect(analysis.steps).toBeLessThanOrEqual(1030);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("joins contexts past the cap, leaving the merged returns unresolved", () => {
    // 4,000 call sites of one function `hub` (JUMPDEST JUMP), each with its own return address.
    const parts: (string | number)[] = [];
    const sites = 4000;
    expect(sites).toBeGreaterThan(MAX_CONTEXTS_PER_BLOCK);
    const hub = sites * 9;
    for (let i = 0; i < sites; i++) parts.push("JUMPDEST", "PUSH2", i * 9 + 9, "PUSH2", hub, "JUMP", "STOP");
    parts.push("JUMPDEST", "JUMP");
    const started = performance.now();
    const analysis = interpret(assemble(parts));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(analysis.steps).toBeLessThanOrEqual(MAX_STEPS + 1100);
    // Past MAX_CONTEXTS_PER_BLOCK contexts the hub's return address is no longer a constant: those returns are unresolved.
    expect(analysis.unresolvedJumps.has(hub + 1)).toBe(true);
  });

  it("stops at the step budget and says the analysis is incomplete", () => {
    // 16 call sites of a function whose body is 20,000 JUMPDESTs: 16 contexts × 20,000 blocks.
    const callers = 16;
    const body = callers * 9;
    const parts: (string | number)[] = [];
    for (let i = 0; i < callers; i++) parts.push("JUMPDEST", "PUSH2", i * 9 + 9, "PUSH2", body, "JUMP", "STOP");
    for (let i = 0; i < 20_000; i++) parts.push("JUMPDEST");
    parts.push("JUMP");
    const started = performance.now();
    const analysis = interpret(assemble(parts));
    expect(analysis.complete).toBe(false);
    expect(analysis.steps).toBeLessThanOrEqual(MAX_STEPS + 1100);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
