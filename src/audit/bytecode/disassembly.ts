/**
 * Runtime code as instructions and basic blocks. A JUMPDEST byte inside PUSH data is not an
 * instruction and not a valid jump target (Yellow Paper §9.4.3, "valid jump destinations"); a block
 * starts at every JUMPDEST and after every instruction that ends or branches control flow.
 * Linear in the code size: no budget needed here.
 */
import { OPCODE_NAMES } from "../../vm/opcodes.js";

export const Op = {
  STOP: 0x00,
  JUMP: 0x56,
  JUMPI: 0x57,
  JUMPDEST: 0x5b,
  RETURN: 0xf3,
  REVERT: 0xfd,
  INVALID: 0xfe,
  SELFDESTRUCT: 0xff,
} as const;

export interface Instruction {
  readonly pc: number;
  readonly opcode: number;
  /** The immediate of PUSH1…PUSH32 (bytes past the code's end read as zero), 0 for PUSH0. */
  readonly push: bigint | undefined;
}

export interface Block {
  /** Program counter of the first instruction. */
  readonly start: number;
  /** Index of the first and last instruction in `Disassembly.instructions`. */
  readonly first: number;
  readonly last: number;
}

export interface Disassembly {
  readonly instructions: readonly Instruction[];
  readonly blocks: readonly Block[];
  /** Block by its starting pc. */
  readonly blockAt: ReadonlyMap<number, Block>;
  /** Valid jump destinations: JUMPDEST instructions, never bytes of PUSH data. */
  readonly jumpdests: ReadonlySet<number>;
}

/** An opcode this code cannot continue after: a halt, an unconditional jump, or an undefined opcode. */
export function endsFlow(opcode: number): boolean {
  return (
    opcode === Op.STOP ||
    opcode === Op.JUMP ||
    opcode === Op.RETURN ||
    opcode === Op.REVERT ||
    opcode === Op.INVALID ||
    opcode === Op.SELFDESTRUCT ||
    isUndefined(opcode)
  );
}

function isUndefined(opcode: number): boolean {
  return (OPCODE_NAMES[opcode] ?? "").startsWith("opcode ");
}

export function opcodeName(opcode: number): string {
  return isUndefined(opcode) ? `0x${opcode.toString(16).padStart(2, "0")}` : (OPCODE_NAMES[opcode] as string);
}

export function disassemble(code: Uint8Array): Disassembly {
  const instructions: Instruction[] = [];
  const jumpdests = new Set<number>();
  for (let pc = 0; pc < code.length; ) {
    const opcode = code[pc] as number;
    let push: bigint | undefined;
    let size = 1;
    if (opcode === 0x5f) push = 0n;
    else if (opcode >= 0x60 && opcode <= 0x7f) {
      const width = opcode - 0x5f;
      let value = 0n;
      for (let i = 1; i <= width; i++) value = (value << 8n) | BigInt(code[pc + i] ?? 0);
      push = value;
      size += width;
    }
    if (opcode === Op.JUMPDEST) jumpdests.add(pc);
    instructions.push({ pc, opcode, push });
    pc += size;
  }
  const blocks: Block[] = [];
  let first = 0;
  for (let i = 0; i < instructions.length; i++) {
    const here = instructions[i] as Instruction;
    const next = instructions[i + 1];
    const cut = endsFlow(here.opcode) || here.opcode === Op.JUMPI || next === undefined || next.opcode === Op.JUMPDEST;
    if (!cut) continue;
    blocks.push({ start: (instructions[first] as Instruction).pc, first, last: i });
    first = i + 1;
  }
  return { instructions, blocks, blockAt: new Map(blocks.map((b) => [b.start, b])), jumpdests };
}
