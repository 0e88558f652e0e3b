/**
 * A tiny assembler for generated programs: instructions, pushes, and labels that jumps name.
 *
 * A label becomes a JUMPDEST where it is placed, and a push of a label becomes a PUSH2 of that
 * JUMPDEST's offset, so a generated JUMP or JUMPI can only land on a real JUMPDEST (Yellow Paper
 * §9.4.3). Label pushes have a fixed width, which lets one pass fix every offset.
 */
import { bigIntToMinimalBytes } from "../../spec/primitives/bytes.js";
import { OPCODES } from "../../spec/machine/opcodes.js";

export type AsmItem =
  | { readonly kind: "op"; readonly opcode: number }
  | { readonly kind: "push"; readonly value: bigint }
  | { readonly kind: "pushLabel"; readonly label: number }
  | { readonly kind: "label"; readonly label: number }
  | { readonly kind: "raw"; readonly bytes: Uint8Array };

/** An assembly mistake in generated code: a label pushed but never placed, or placed twice. */
export class AssemblyError extends Error {
  readonly code = "FUZZ_ASSEMBLY";
}

const BY_NAME: ReadonlyMap<string, number> = new Map([...OPCODES.values()].map((info) => [info.name, info.opcode]));

/** The opcode of a mnemonic from the spec's instruction table (e.g. `op("SSTORE")` = 0x55). */
export function opcodeOf(name: string): number {
  const opcode = BY_NAME.get(name);
  if (opcode === undefined) throw new AssemblyError(`unknown mnemonic ${name}`);
  return opcode;
}

export const op = (name: string): AsmItem => ({ kind: "op", opcode: opcodeOf(name) });
export const push = (value: bigint): AsmItem => ({ kind: "push", value });

const PUSH1 = 0x60;
const LABEL_WIDTH = 2;
const MAX_WORD = (1n << 256n) - 1n;

/** PUSHn with the fewest bytes that hold `value` (PUSH1 0 for zero, so the code runs before PUSH0 exists). */
function pushBytes(value: bigint): Uint8Array {
  if (value < 0n || value > MAX_WORD) throw new AssemblyError(`push operand out of range: ${value}`);
  const data = value === 0n ? Uint8Array.of(0) : bigIntToMinimalBytes(value);
  return Uint8Array.of(PUSH1 + data.length - 1, ...data);
}

function itemSize(item: AsmItem): number {
  switch (item.kind) {
    case "op":
    case "label":
      return 1;
    case "push":
      return pushBytes(item.value).length;
    case "pushLabel":
      return 1 + LABEL_WIDTH;
    case "raw":
      return item.bytes.length;
  }
}

export function assemble(items: readonly AsmItem[]): Uint8Array {
  const offsets = new Map<number, number>();
  let size = 0;
  for (const item of items) {
    if (item.kind === "label") {
      if (offsets.has(item.label)) throw new AssemblyError(`label ${item.label} placed twice`);
      offsets.set(item.label, size);
    }
    size += itemSize(item);
  }
  const code = new Uint8Array(size);
  let at = 0;
  for (const item of items) {
    switch (item.kind) {
      case "op":
        code[at] = item.opcode;
        break;
      case "label":
        code[at] = opcodeOf("JUMPDEST");
        break;
      case "push":
        code.set(pushBytes(item.value), at);
        break;
      case "pushLabel": {
        const target = offsets.get(item.label);
        if (target === undefined) throw new AssemblyError(`label ${item.label} is pushed but never placed`);
        code.set([PUSH1 + LABEL_WIDTH - 1, target >> 8, target & 0xff], at);
        break;
      }
      case "raw":
        code.set(item.bytes, at);
        break;
    }
    at += itemSize(item);
  }
  return code;
}
