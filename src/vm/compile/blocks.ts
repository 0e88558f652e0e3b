/**
 * Basic blocks of a contract's code under one fork's opcode table: straight runs of instructions
 * that are entered only at their first instruction. A block begins at pc 0, at every JUMPDEST
 * (the only targets of JUMP/JUMPI, Yellow Paper §9.4.3), after a JUMPI (its fall-through) and
 * after CALL/CREATE (where a frame resumes once its child returns). It ends before the next
 * block's start, after a jump, after an instruction that halts or may suspend, and before an
 * undefined opcode (left to the interpreter, which halts there).
 *
 * For each block the static gas of all its instructions and the stack heights at which every
 * instruction's arity check passes are summed up once, so compiled code checks them once at
 * block entry, exactly when the interpreter's per-instruction checks would all pass.
 */
import type { CodeAnalysis } from "../analysis.js";
import { stackArity, type OpcodeTable } from "../opcodes.js";
import { STACK_LIMIT } from "../frame.js";

export interface Instruction {
  readonly pc: number;
  readonly op: number;
  /** Stack height relative to block entry before this instruction. */
  readonly height: number;
  /** Static gas of the instructions after this one in the block (charged up front with the block). */
  readonly gasAfter: number;
}

export interface Block {
  readonly start: number;
  readonly instructions: readonly Instruction[];
  /** Sum of the static gas of every instruction. */
  readonly gas: number;
  /** The smallest entry stack height for which no instruction underflows. */
  readonly minStack: number;
  /** The largest entry stack height for which no instruction overflows. */
  readonly maxStack: number;
  /** How the block ends: "next" falls through to the block at `end`; "exit" hands pc `end` to the interpreter. */
  readonly ending: "jump" | "halt" | "next" | "exit";
  /** The pc after the block's last instruction (or of the undefined opcode an "exit" block stops at). */
  readonly end: number;
}

/** Opcodes after which execution does not fall through (or may suspend for a child frame). */
const HALTS = new Set([0x00, 0xf3, 0xfd, 0xff]);
const SUSPENDS = new Set([0xf0, 0xf1, 0xf2, 0xf4, 0xf5, 0xfa]);

function instructionLength(op: number): number {
  return op >= 0x60 && op <= 0x7f ? op - 0x5e : 1;
}

/** The pcs where blocks begin, in order. */
function blockStarts(code: CodeAnalysis, table: OpcodeTable): number[] {
  // code.size holds the implicit STOP that ends every code (the padded zero byte).
  const starts = new Set<number>([0, code.size]);
  const bytes = code.padded;
  for (let pc = 0; pc < code.size; pc += instructionLength(bytes[pc]!)) {
    const op = bytes[pc]!;
    if (op === 0x5b) starts.add(pc);
    const next = pc + instructionLength(op);
    if (next >= code.size) continue;
    if (op === 0x56 || op === 0x57 || HALTS.has(op) || SUSPENDS.has(op) || table.gas[op]! < 0) starts.add(next);
  }
  return [...starts].sort((a, b) => a - b);
}

/**
 * A longer straight run is cut into blocks of this many instructions: one block is one piece of a
 * chunk function, and V8 optimises only functions below a bytecode size (Huff code unrolls whole
 * hash rounds into single blocks thousands of instructions long).
 */
export const MAX_BLOCK_INSTRUCTIONS = 192;

export function basicBlocks(code: CodeAnalysis, table: OpcodeTable): Block[] {
  const starts = blockStarts(code, table);
  const bytes = code.padded;
  const blocks: Block[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const limit = i + 1 < starts.length ? starts[i + 1]! : Infinity;
    const ops: { pc: number; op: number; height: number; gas: number }[] = [];
    let height = 0;
    let minStack = 0;
    let maxStack = STACK_LIMIT;
    let ending: Block["ending"] = "next";
    let pc = start;
    for (;;) {
      if (pc >= limit) break;
      if (ops.length === MAX_BLOCK_INSTRUCTIONS) {
        starts.splice(i + 1, 0, pc);
        break;
      }
      const op = pc >= code.size ? 0x00 : bytes[pc]!;
      const gas = table.gas[op]!;
      if (gas < 0) {
        ending = "exit";
        break;
      }
      const [popped, pushed] = stackArity(op);
      minStack = Math.max(minStack, table.stackMin[op]! - height);
      maxStack = Math.min(maxStack, table.stackMax[op]! - height);
      ops.push({ pc, op, height, gas });
      height += pushed - popped;
      pc += instructionLength(op);
      if (op === 0x56 || op === 0x57) {
        ending = "jump";
        break;
      }
      if (HALTS.has(op) || SUSPENDS.has(op)) {
        ending = HALTS.has(op) ? "halt" : "next";
        break;
      }
    }
    let after = 0;
    const instructions: Instruction[] = new Array(ops.length);
    for (let k = ops.length - 1; k >= 0; k--) {
      const o = ops[k]!;
      instructions[k] = { pc: o.pc, op: o.op, height: o.height, gasAfter: after };
      after += o.gas;
    }
    blocks.push({ start, instructions, gas: after, minStack, maxStack, ending, end: pc });
  }
  return blocks;
}
