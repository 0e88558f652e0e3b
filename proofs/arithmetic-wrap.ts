/**
 * When ADD, SUB or MUL wraps (SWC-101, integer overflow and underflow): the exact result of the
 * operands, top of the stack first (`a op b`), is outside [0, 2^bits). `bits` is 256 for a word, or
 * the width of a narrower unsigned type (uint8 … uint248) whose result solc cleans with a low mask
 * before 0.8, which cuts any exact result at or past 2^bits.
 */
import { type Bv, type Z3Bool, z3Runtime } from "./z3/context.js";

export const WRAPPING_OPCODES: ReadonlyMap<number, "ADD" | "MUL" | "SUB"> = new Map([
  [0x01, "ADD"],
  [0x02, "MUL"],
  [0x03, "SUB"],
]);

const WORD = 1n << 256n;

/** The exact result of the instruction on concrete operands (may be negative or past 2^256). */
export function exactResult(opcode: number, a: bigint, b: bigint): bigint {
  const op = WRAPPING_OPCODES.get(opcode);
  if (op === undefined) throw new RangeError(`opcode 0x${opcode.toString(16)} is not ADD, MUL or SUB`);
  return op === "ADD" ? a + b : op === "MUL" ? a * b : a - b;
}

/** Whether the exact result on concrete operands is outside [0, 2^bits). */
export function wrapsConcretely(opcode: number, a: bigint, b: bigint, bits: number): boolean {
  const exact = exactResult(opcode, a, b);
  return exact < 0n || exact >= 1n << BigInt(bits);
}

/** The same as a condition on symbolic operands. */
export function wrapCondition(opcode: number, a: Bv, b: Bv, bits: number): Z3Bool {
  const { ctx, simplify } = z3Runtime();
  const op = WRAPPING_OPCODES.get(opcode);
  if (op === undefined) throw new RangeError(`opcode 0x${opcode.toString(16)} is not ADD, MUL or SUB`);
  if (op === "SUB") return a.ult(b);
  const limit = 1n << BigInt(bits);
  const atLeastLimit = (word: Bv): Z3Bool => (bits === 256 ? ctx.Bool.val(false) : word.uge(ctx.BitVec.val(limit, 256)));
  if (op === "ADD") return ctx.Or(a.add(b).ult(a), atLeastLimit(a.add(b)));
  // A concrete factor c: the product reaches 2^bits exactly when the other factor reaches
  // ceil(2^bits / c), a comparison the solver decides without a 256-bit multiplier.
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    const factor = simplify(y);
    if (!ctx.isBitVecVal(factor)) continue;
    const c = factor.value();
    if (c === 0n) return ctx.Bool.val(false);
    const least = (limit + c - 1n) / c;
    return least >= WORD ? ctx.Bool.val(false) : x.uge(ctx.BitVec.val(least, 256));
  }
  return ctx.Or(ctx.Not(a.mulNoOverflow(b, false)), atLeastLimit(a.mul(b)));
}
