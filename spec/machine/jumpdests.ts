/** Valid jump destinations: offsets of JUMPDEST opcodes that are not inside PUSH data (Yellow Paper 9.4.3). */
const JUMPDEST = 0x5b;
const PUSH1 = 0x60;
const PUSH32 = 0x7f;

export function jumpdests(code: Uint8Array): Set<number> {
  const valid = new Set<number>();
  for (let pc = 0; pc < code.length; pc++) {
    const opcode = code[pc]!;
    if (opcode === JUMPDEST) valid.add(pc);
    else if (opcode >= PUSH1 && opcode <= PUSH32) pc += opcode - PUSH1 + 1;
  }
  return valid;
}
