/**
 * Questions detectors ask of an interpreted contract: which branches are the compiler's own checks,
 * which ABI functions reach an instruction, whether a value can be non-zero.
 */
import type { CompiledContract } from "../../compile/index.js";
import { Op } from "./disassembly.js";
import type { RuntimeAnalysis, Site } from "./interpret.js";
import type { AbstractValue } from "./values.js";

/** Panic(uint256)'s selector (Solidity ≥ 0.8.0 reverts with it on overflow, division by zero, bad index). */
const PANIC_SELECTOR = 0x4e487b71n;
/** How many blocks past a branch a panic or INVALID may sit (solc jumps to a shared panic routine). */
const PANIC_DEPTH = 3;

function panics(analysis: RuntimeAnalysis, start: number): boolean {
  const block = analysis.disassembly.blockAt.get(start);
  if (block === undefined) return false;
  for (let i = block.first; i <= block.last; i++) {
    const { opcode, push } = analysis.disassembly.instructions[i] as (typeof analysis.disassembly.instructions)[number];
    if (opcode === Op.INVALID) return true;
    if (push !== undefined && (push === PANIC_SELECTOR || push >> 224n === PANIC_SELECTOR)) return true;
  }
  return false;
}

/** The block an instruction belongs to (its start pc). */
function blockOf(analysis: RuntimeAnalysis, pc: number): number | undefined {
  const { instructions, blocks } = analysis.disassembly;
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((instructions[(blocks[mid] as (typeof blocks)[number]).first] as (typeof instructions)[number]).pc <= pc) low = mid;
    else high = mid - 1;
  }
  return blocks[low]?.start;
}

/**
 * A JUMPI the compiler inserted or an `assert`: one branch leads straight (within a few blocks) to
 * a Panic revert or INVALID. Overflow checks of 0.8 on `block.timestamp + 1 days` are such branches,
 * not decisions the code takes on the timestamp.
 */
export function compilerCheck(analysis: RuntimeAnalysis, jumpi: Site): boolean {
  const from = blockOf(analysis, jumpi.pc);
  if (from === undefined) return false;
  let frontier = [...(analysis.edges.get(from) ?? [])];
  for (let depth = 0; depth < PANIC_DEPTH && frontier.length > 0; depth++) {
    if (frontier.some((start) => panics(analysis, start))) return true;
    frontier = frontier.flatMap((start) => {
      const next = [...(analysis.edges.get(start) ?? [])];
      return next.length === 1 ? next : [];
    });
  }
  return false;
}

export function mayBeNonZero(value: AbstractValue): boolean {
  return value.constant !== 0n;
}

/** The signatures of the ABI functions whose dispatcher branch reaches the site (fallback and receive excluded). */
export function functionsOf(analysis: RuntimeAnalysis, contract: CompiledContract, site: Site): string[] {
  const bySelector = new Map(Object.entries(contract.methodIdentifiers).map(([signature, hex]) => [Number.parseInt(hex, 16), signature]));
  return analysis.selectors.flatMap((selector, index) =>
    (site.functions >> BigInt(index)) & 1n ? (bySelector.has(selector) ? [bySelector.get(selector) as string] : []) : [],
  );
}

export function sitesOf(analysis: RuntimeAnalysis, opcodes: ReadonlySet<number> | number): Site[] {
  const wanted = typeof opcodes === "number" ? new Set([opcodes]) : opcodes;
  return [...analysis.sites.values()].filter((s) => wanted.has(s.opcode)).sort((a, b) => a.pc - b.pc);
}
