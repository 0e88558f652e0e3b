/**
 * Translates a code's basic blocks into JavaScript text: chunks of blocks, each chunk one function,
 * a loop over a switch on the dense index of its blocks (docs/performance.md, "The compile tier").
 *
 * Every character of the text comes from this file: opcodes select templates, and the only values
 * taken from the contract are numbers (pcs, PUSH immediates, gas) printed with toString.
 *
 * Exactness. The interpreter checks arity and charges static gas before each instruction; a block
 * checks the entry stack height against the block's bounds and charges the whole block's static
 * gas once. When either check fails, the frame goes to the interpreter at the block's start with
 * nothing changed, and the interpreter halts exactly where it would have. Inside a block the local
 * `gas` runs ahead of the interpreter's by the static gas of the instructions still to come
 * (`gasAfter`), so wherever gas is observed (a handler, memory expansion) that amount is added
 * back; when a dynamic charge leaves too little for the rest of the block, see `shortfall`.
 *
 * The stack is the frame's array. Within a block, items live in JavaScript variables (PUSH values
 * as literals, DUP and SWAP as renamings) and are written to the array only where the block ends,
 * calls a handler or leaves for the interpreter. A pc that starts no compiled block (a fall-through
 * or a resumption there) leaves compiled code for the interpreter, which is slower but exact.
 */
import type { CodeAnalysis } from "../analysis.js";
import { Halt, MAX_MEMORY, STACK_LIMIT } from "../frame.js";
import type { Block, Instruction } from "./blocks.js";
import { PURE_BINARY, PURE_TERNARY } from "../handlers.js";
import { runtimeFunction } from "./runtime.js";

/**
 * An item of the symbolic stack: a value already in a constant (or a literal), or one still in the
 * array. A value known at compile time carries it (`constant`); a comparison's result carries the
 * JavaScript boolean it was made from (`truth`), so JUMPI and ISZERO test the boolean.
 */
type Item =
  | { readonly kind: "value"; readonly expr: string; readonly constant?: bigint; readonly truth?: string }
  | { kind: "entry"; readonly depth: number; name: string | null };

/** Items held in constants before a block writes them to the array, bounding the text an exit copies. */
const MAX_HELD_ITEMS = 32;

/** Binary word operations written inline: a is the top of the stack, b the item below it. */
const BINARY: Record<number, (a: string, b: string) => string> = {
  0x01: (a, b) => `BigInt.asUintN(256, ${a} + ${b})`,
  0x02: (a, b) => `BigInt.asUintN(256, ${a} * ${b})`,
  0x03: (a, b) => `BigInt.asUintN(256, ${a} - ${b})`,
  0x04: (a, b) => `div(${a}, ${b})`,
  0x05: (a, b) => `sdiv(${a}, ${b})`,
  0x06: (a, b) => `(${b} === 0n ? 0n : ${a} % ${b})`,
  0x16: (a, b) => `(${a} & ${b})`,
  0x17: (a, b) => `(${a} | ${b})`,
  0x18: (a, b) => `(${a} ^ ${b})`,
  0x1b: (a, b) => `(${a} < 256n ? BigInt.asUintN(256, ${b} << ${a}) : 0n)`,
  0x1c: (a, b) => `(${a} < 256n ? ${b} >> ${a} : 0n)`,
};

/** Comparisons as JavaScript booleans (EQ, LT, GT, SLT, SGT); their word is `(c ? 1n : 0n)`. */
const COMPARISON: Record<number, (a: string, b: string) => string> = {
  0x10: (a, b) => `${a} < ${b}`,
  0x11: (a, b) => `${a} > ${b}`,
  0x12: (a, b) => `slt(${a}, ${b})`,
  0x13: (a, b) => `sgt(${a}, ${b})`,
  0x14: (a, b) => `${a} === ${b}`,
};

/**
 * The same templates as functions, to fold operations whose operands are known at compile time:
 * the folded value is what the emitted text would compute, by construction.
 */
const FOLD_BINARY = new Map(Object.entries(BINARY).map(([op, template]) => [Number(op), runtimeFunction(template("a", "b")) as (a: bigint, b: bigint) => bigint]));
const FOLD_COMPARISON = new Map(
  Object.entries(COMPARISON).map(([op, template]) => [Number(op), runtimeFunction(template("a", "b")) as (a: bigint, b: bigint) => boolean]),
);

/** Opcodes compiled inline; every other defined opcode runs its interpreter handler. */
const INLINE = new Set([
  0x00, 0x15, 0x19, 0x35, 0x50, 0x51, 0x52, 0x56, 0x57, 0x58, 0x5b, 0x5f,
  ...Object.keys(BINARY).map(Number),
  ...Object.keys(COMPARISON).map(Number),
  ...PURE_BINARY.keys(),
  ...PURE_TERNARY.keys(),
]);

function inline(op: number): boolean {
  return INLINE.has(op) || (op >= 0x60 && op <= 0x9f);
}

/** Word literals above this are named once per compiled code (`K0 = 0x…n`) rather than repeated in the text. */
const LARGE_LITERAL = 1n << 64n;

/** How literals are written: small ones in place, large ones through a shared constant. */
class Literals {
  private readonly names = new Map<bigint, string>();

  text(value: bigint): string {
    if (value < LARGE_LITERAL) return `0x${value.toString(16)}n`;
    let name = this.names.get(value);
    if (name === undefined) {
      name = `K${this.names.size}`;
      this.names.set(value, name);
    }
    return name;
  }

  declarations(): string {
    return [...this.names].map(([value, name]) => `const ${name} = 0x${value.toString(16)}n;`).join("\n");
  }
}

class BlockWriter {
  private items: Item[] = [];
  /**
   * Words of memory at constant offsets whose value the block already holds: stored by an MSTORE
   * or read by an MLOAD since the last handler (which may write memory). An MLOAD there takes the
   * value without reading, and without an expansion check: the earlier access already grew memory
   * past the word (or halted).
   */
  private readonly words = new Map<number, Item>();
  /** How many items below the runtime sp the symbolic stack has taken over from the array. */
  private taken = 0;

  constructor(
    private readonly out: string[],
    private readonly fresh: () => string,
  ) {}

  private ensure(n: number): void {
    while (this.items.length < n) {
      this.taken++;
      this.items.unshift({ kind: "entry", depth: this.taken, name: null });
    }
  }

  pop(): Item {
    this.ensure(1);
    return this.items.pop()!;
  }

  push(item: Item): void {
    this.items.push(item);
  }

  dup(n: number): void {
    this.ensure(n);
    this.items.push(this.items[this.items.length - n]!);
  }

  swap(n: number): void {
    this.ensure(n + 1);
    const top = this.items.length - 1;
    const other = top - n;
    const t = this.items[top]!;
    this.items[top] = this.items[other]!;
    this.items[other] = t;
  }

  get held(): number {
    return this.items.length;
  }

  /** The expression of an item, loading an array item into a constant on first use. */
  expr(item: Item): string {
    if (item.kind === "value") return item.expr;
    if (item.name === null) {
      item.name = this.fresh();
      this.out.push(`${item.name} = stack[sp - ${item.depth}];`);
    }
    return item.name;
  }

  /** A new temporary holding `expression`, pushed; the item is returned. */
  pushComputed(expression: string): Item {
    const name = this.fresh();
    this.out.push(`${name} = ${expression};`);
    const item: Item = { kind: "value", expr: name };
    this.items.push(item);
    return item;
  }

  /** A new boolean constant holding `condition`, pushed as the word 1 or 0. */
  pushCondition(condition: string): void {
    const name = this.fresh();
    this.out.push(`${name} = ${condition};`);
    this.items.push({ kind: "value", expr: `(${name} ? 1n : 0n)`, truth: name });
  }

  /** The writes that put the symbolic stack into the array, and the change of sp they imply. */
  private writes(loadInto: string[]): { lines: string[]; delta: number } {
    const lines: string[] = [];
    const pending: { position: number; item: Item }[] = [];
    this.items.forEach((item, i) => {
      const position = i - this.taken;
      if (item.kind === "entry" && -item.depth === position) return;
      pending.push({ position, item });
    });
    // Array items moved by DUP/SWAP are read before any slot is overwritten.
    const temporary = new Map<Item, string>();
    for (const { item } of pending) {
      if (item.kind === "entry" && item.name === null && !temporary.has(item)) {
        const name = this.fresh();
        temporary.set(item, name);
        loadInto.push(`${name} = stack[sp - ${item.depth}];`);
      }
    }
    for (const { position, item } of pending) {
      const value = item.kind === "entry" ? (item.name ?? temporary.get(item)!) : item.expr;
      lines.push(`stack[sp ${position < 0 ? "-" : "+"} ${Math.abs(position)}] = ${value};`);
    }
    return { lines, delta: this.items.length - this.taken };
  }

  knownWord(offset: number): Item | undefined {
    return this.words.get(offset);
  }

  /** Notes the word at `offset`; words overlapping it are forgotten. Kept as a value, so it stays valid after a materialise. */
  rememberWord(offset: number, item: Item): void {
    for (const other of this.words.keys()) if (Math.abs(other - offset) < 32) this.words.delete(other);
    const value: Item = item.kind === "value" ? item : { kind: "value", expr: this.expr(item) };
    this.words.set(offset, value);
  }

  forgetMemory(): void {
    this.words.clear();
  }

  /** On the main path: writes the symbolic stack to the array and moves sp; the block continues from the array. */
  materialise(): void {
    const { lines, delta } = this.writes(this.out);
    this.out.push(...lines);
    if (delta !== 0) this.out.push(`sp += ${delta};`);
    this.items = [];
    this.taken = 0;
  }

  /** Text that stores the whole machine state in the frame (inside a branch that leaves the function). */
  storeState(pc: number, gasExpr: string): string {
    const loads: string[] = [];
    const { lines, delta } = this.writes(loads);
    return [...loads, ...lines, `f.pc = ${pc}; f.gas = ${gasExpr}; f.sp = sp + ${delta};`].join(" ");
  }
}

export interface GeneratedCode {
  /**
   * The factory's body, with parameters CH and IX besides the runtime's names: it returns an array
   * of chunk functions, `(ctx, frame, index) => next pc or ~result`, entered at their index-th block.
   */
  readonly source: string;
  /** For each pc that starts a block: 1 + the chunk the driver enters for it (0: no block starts there). */
  readonly chunkOf: Uint16Array;
  /** For each pc that starts a block: its index in that chunk. */
  readonly indexOf: Uint16Array;
}

/**
 * Thrown by the generator when the blocks' text outgrows the budget; the code is left to the
 * interpreter. The copies of blocks in other chunks (satelliteChars each) come on top of it.
 */
export class TooLargeToCompile extends Error {}

/** How much text the generator writes, and how it groups blocks into chunks. */
export interface GenerationLimits {
  /** Text of all blocks beyond which the code is left to the interpreter. */
  readonly maxChars: number;
  /**
   * Blocks are grouped into chunks of about this many characters, one function each: V8
   * optimises a function only below a bytecode size (TurboFan's limit is 60 KiB), and a whole
   * contract as one function stays in the bytecode interpreter. Jumps within a chunk stay in its loop.
   */
  readonly chunkChars: number;
  /**
   * A chunk also holds copies of blocks outside it that its blocks jump to statically, and the
   * blocks those jump to, up to this many characters. A Solidity internal function is such a
   * target: its caller jumps to it with a constant and it returns by a dynamic jump to an address
   * the caller pushed, so with a copy of it in the caller's chunk the call and the return stay in
   * the chunk's loop instead of leaving through the driver twice.
   */
  readonly satelliteChars: number;
}

/**
 * The limits compiled code runs with. Tests that must cross chunk boundaries in small programs
 * compile with far smaller chunks (compile/tier.ts setGenerationLimits).
 */
export const DEFAULT_GENERATION_LIMITS: GenerationLimits = { maxChars: 2_000_000, chunkChars: 12_000, satelliteChars: 6_000 };

/** A jump to a constant block start, resolved when the chunks are known (stays in the loop or leaves it). */
const GOTO = /\u0000(\d+)\u0000/g;

function goto(pc: number | bigint): string {
  return `\u0000${pc}\u0000`;
}

/** After a dynamic jump has set pc: continue in this chunk if it holds that block, else leave (resolved per chunk). */
const DISPATCH = "\u0001";

/** One block's text, and where it may go next without a dynamic jump. */
interface BlockText {
  readonly start: number;
  readonly lines: readonly string[];
  readonly chars: number;
  /** The block it falls through to (a JUMPI not taken, a call's continuation), if any. */
  readonly fallsTo: number | null;
  /** Constant jump destinations and the fall-through. */
  readonly successors: readonly number[];
  /** How many temporaries (v0, v1, …) the block uses. */
  readonly temporaries: number;
}

export function generate(code: CodeAnalysis, blocks: readonly Block[], limits: GenerationLimits): GeneratedCode {
  const { maxChars, chunkChars, satelliteChars } = limits;
  const codeSize = BigInt(code.size);
  const literals = new Literals();
  const isJumpdest = (dest: bigint): boolean => dest < codeSize && code.jumpdests[Number(dest)] === 1;
  const handlerNames = new Set<number>();
  const pureNames = new Set<number>();
  const halt = (pc: number, reason: number): string => `return ended(f, ${pc}, gas, ${reason});`;

  let chars = 0;
  const texts = new Map<number, BlockText>();
  for (const block of blocks) {
    const text = blockText(block, { isJumpdest, halt, handlerNames, pureNames, codeSize, pushValues: code.pushValues, literals });
    chars += text.chars;
    if (chars > maxChars) throw new TooLargeToCompile(`more than ${maxChars} characters of JavaScript`);
    texts.set(block.start, text);
  }

  const chunkStarts: number[][] = [];
  let current: number[] = [];
  let currentChars = 0;
  for (const block of blocks) {
    current.push(block.start);
    currentChars += texts.get(block.start)!.chars;
    if (currentChars > chunkChars) {
      chunkStarts.push(current);
      current = [];
      currentChars = 0;
    }
  }
  if (current.length > 0) chunkStarts.push(current);

  // A block's home is the chunk it was grouped into; the driver and dynamic jumps enter it there.
  const chunkOf = new Uint16Array(code.size + 1);
  const indexOf = new Uint16Array(code.size + 1);
  chunkStarts.forEach((entries, chunk) =>
    entries.forEach((start, index) => {
      chunkOf[start] = chunk + 1;
      indexOf[start] = index;
    }),
  );
  const chunks = chunkStarts.map((entries, chunk) => chunkText(chunk + 1, [...entries, ...satellites(entries, texts, satelliteChars)], texts));
  const handlers = [...handlerNames].map((op) => `const h${op} = HANDLERS[${op}];`).join("\n");
  const pures = [...pureNames].map((op) => `const p${op} = ${PURE_BINARY.has(op) ? "PURE_BINARY" : "PURE_TERNARY"}.get(${op});`).join("\n");
  const source = `"use strict";
${handlers}
${pures}
${literals.declarations()}
return [
${chunks.join(",\n")}
];`;
  return { source, chunkOf, indexOf };
}

/** Blocks reached from `entries` by constant jumps and fall-throughs, breadth first, within `budget` characters. */
function satellites(entries: readonly number[], texts: ReadonlyMap<number, BlockText>, budget: number): number[] {
  const inside = new Set(entries);
  const added: number[] = [];

  const queue = entries.flatMap((start) => texts.get(start)!.successors);
  for (let i = 0; i < queue.length && budget > 0; i++) {
    const start = queue[i]!;
    const text = texts.get(start);
    if (inside.has(start) || text === undefined || text.chars > budget) continue;
    inside.add(start);
    added.push(start);
    budget -= text.chars;
    queue.push(...text.successors);
  }
  return added;
}

/**
 * One chunk: a loop over a switch on the index of its blocks, a case per block. The indexes are
 * dense (0, 1, 2, …) so that V8 dispatches through a jump table; a switch on the blocks' pcs,
 * which are sparse, is a chain of comparisons in V8's bytecode and in its optimised code alike.
 * Its home blocks come first, in the order of chunkOf/indexOf; then the copies of blocks it reaches.
 */
function chunkText(id: number, members: readonly number[], texts: ReadonlyMap<number, BlockText>): string {
  const indexes = new Map(members.map((start, index) => [start, index]));
  const leave = (pc: string): string => `{ f.gas = gas; f.sp = sp; return ${pc}; }`;
  const jump = (pc: number): string => {
    const index = indexes.get(pc);
    return index !== undefined ? `{ b = ${index}; continue; }` : leave(`${pc}`);
  };
  const dispatch = `if (CH[pc] !== ${id}) ${leave("pc")} b = IX[pc]; continue;`;
  const cases: string[] = [];
  let temporaries = 0;
  let dynamicJumps = false;
  members.forEach((start, i) => {
    const text = texts.get(start)!;
    temporaries = Math.max(temporaries, text.temporaries);
    dynamicJumps ||= text.lines.some((line) => line.includes(DISPATCH));
    cases.push(`case ${i}: {`, ...text.lines.map((line) => line.replace(GOTO, (_, pc: string) => jump(Number(pc))).replace(DISPATCH, dispatch)));
    // A case falls through to the next one; a block whose fall-through is elsewhere jumps there.
    if (text.fallsTo !== null && members[i + 1] !== text.fallsTo) cases.push(jump(text.fallsTo));
    cases.push("}");
  });
  return `function (ctx, f, b) {
const stack = f.stack;
const J = f.code.jumpdests;
let gas = f.gas;
let sp = f.sp;
let r = 0;
${dynamicJumps ? "let pc = 0;" : ""}
${temporaries > 0 ? `let ${Array.from({ length: temporaries }, (_, k) => `v${k}`).join(", ")};` : ""}
for (;;) {
switch (b) {
${cases.join("\n")}
default:
throw new RangeError("compiled chunk entered at a block it does not hold: " + b);
}
}
}`;
}

/**
 * A block's temporaries are v0, v1, … afresh in every block, declared once per chunk with `let`:
 * nothing a block computes outlives it (its stack is in the array when it ends), and V8 gives
 * every declaration a register of its own, so per-block `const`s would make a chunk's frame as
 * large as all its blocks together, filled on every entry before V8 has optimised the chunk.
 */
function blockText(block: Block, shared: SharedContext): BlockText {
  let temporaries = 0;
  const fresh = (): string => `v${temporaries++}`;
  const out: string[] = [];
  const successors: number[] = [];
  const checks: string[] = [];
  if (block.minStack > 0) checks.push(`sp < ${block.minStack}`);
  if (block.maxStack < STACK_LIMIT) checks.push(`sp > ${block.maxStack}`);
  if (checks.length > 0) out.push(`if (${checks.join(" || ")}) return bail(f, ${block.start}, gas, sp);`);
  if (block.gas > 0) {
    out.push(`gas -= ${block.gas};`);
    out.push(`if (gas < 0 && (gas = refillGas(f, gas)) < 0) return bail(f, ${block.start}, gas + ${block.gas}, sp);`);
  }
  const w = new BlockWriter(out, fresh);
  const handlerAfter = handlersAfter(block.instructions);
  block.instructions.forEach((ins, i) => {
    emitInstruction(ins, w, out, { ...shared, fresh, handlerLater: handlerAfter[i]!, successors });
    if (w.held > MAX_HELD_ITEMS) w.materialise();
  });
  let fallsTo: number | null = null;
  if (block.ending === "next" || (block.ending === "jump" && block.instructions[block.instructions.length - 1]!.op === 0x57)) {
    w.materialise();
    fallsTo = block.end;
    successors.push(block.end);
  }
  if (block.ending === "exit") {
    w.materialise();
    out.push(`return bail(f, ${block.end}, gas, sp);`);
  }
  let chars = 0;
  for (const line of out) chars += line.length + 1;
  return { start: block.start, lines: out, chars, fallsTo, successors, temporaries };
}

/** For each instruction of a block, whether a later one in the block runs an interpreter handler. */
function handlersAfter(instructions: readonly Instruction[]): boolean[] {
  const after: boolean[] = new Array(instructions.length);
  let seen = false;
  for (let i = instructions.length - 1; i >= 0; i--) {
    after[i] = seen;
    if (!inline(instructions[i]!.op)) seen = true;
  }
  return after;
}

interface Context {
  readonly isJumpdest: (dest: bigint) => boolean;
  readonly halt: (pc: number, reason: number) => string;
  readonly handlerNames: Set<number>;
  /** Opcodes whose pure word function (handlers.ts) the text calls as p<op>. */
  readonly pureNames: Set<number>;
  readonly codeSize: bigint;
  readonly pushValues: readonly bigint[];
  readonly fresh: () => string;
  readonly literals: Literals;
  /** Whether an instruction after this one in the block runs a handler (see shortfall). */
  readonly handlerLater: boolean;
  /** Where the block's constant jumps go, collected for grouping blocks into chunks. */
  readonly successors: number[];
}

/** What every block of a code shares while its text is written. */
type SharedContext = Omit<Context, "handlerLater" | "successors" | "fresh">;

const MAX_MEMORY_BIG = BigInt(MAX_MEMORY);

/**
 * After a dynamic charge, when gas no longer covers the static gas of the rest of the block. If no
 * handler runs in the rest of the block, every path through it ends in running out of gas before
 * the block ends (its instructions charge that static gas one by one, and nothing else they do can
 * halt first or be seen after an exceptional halt, which consumes all gas and reverts the frame):
 * so the frame halts out of gas here. Otherwise the interpreter continues after `ins` with the
 * frame's exact state, and a handler sees exactly the gas it would have.
 */
function shortfall(ins: Instruction, w: BlockWriter, c: Context, next: number): string {
  if (!c.handlerLater) return c.halt(ins.pc, Halt.OutOfGas);
  return `{ ${w.storeState(next, `gas + ${ins.gasAfter}`)} return X_EXIT; }`;
}

function emitInstruction(ins: Instruction, w: BlockWriter, out: string[], c: Context): void {
  const { op, pc } = ins;
  const next = op >= 0x60 && op <= 0x7f ? pc + op - 0x5e : pc + 1;
  const binary = BINARY[op];
  if (binary !== undefined) {
    const a = w.pop();
    const b = w.pop();
    const fold = FOLD_BINARY.get(op)!;
    if (a.kind === "value" && a.constant !== undefined && b.kind === "value" && b.constant !== undefined) return pushConstant(w, c, fold(a.constant, b.constant));
    w.pushComputed(binary(w.expr(a), w.expr(b)));
    return;
  }
  const comparison = COMPARISON[op];
  if (comparison !== undefined) {
    const a = w.pop();
    const b = w.pop();
    const fold = FOLD_COMPARISON.get(op)!;
    if (a.kind === "value" && a.constant !== undefined && b.kind === "value" && b.constant !== undefined) return pushConstant(w, c, fold(a.constant, b.constant) ? 1n : 0n);
    w.pushCondition(comparison(w.expr(a), w.expr(b)));
    return;
  }
  const pure = PURE_BINARY.get(op);
  if (pure !== undefined) {
    const a = w.pop();
    const b = w.pop();
    if (a.kind === "value" && a.constant !== undefined && b.kind === "value" && b.constant !== undefined) return pushConstant(w, c, pure(a.constant, b.constant));
    c.pureNames.add(op);
    w.pushComputed(`p${op}(${w.expr(a)}, ${w.expr(b)})`);
    return;
  }
  const pureTernary = PURE_TERNARY.get(op);
  if (pureTernary !== undefined) {
    const a = w.expr(w.pop());
    const b = w.expr(w.pop());
    const n = w.expr(w.pop());
    c.pureNames.add(op);
    w.pushComputed(`p${op}(${a}, ${b}, ${n})`);
    return;
  }
  if (op >= 0x60 && op <= 0x7f) return pushConstant(w, c, c.pushValues[pc]!);
  if (op >= 0x80 && op <= 0x8f) return w.dup(op - 0x7f);
  if (op >= 0x90 && op <= 0x9f) return w.swap(op - 0x8f);
  switch (op) {
    case 0x15: {
      const a = w.pop();
      if (a.kind === "value" && a.constant !== undefined) return pushConstant(w, c, a.constant === 0n ? 1n : 0n);
      if (a.kind === "value" && a.truth !== undefined) return w.push({ kind: "value", expr: `(${a.truth} ? 0n : 1n)`, truth: `!${a.truth}` });
      w.pushCondition(`${w.expr(a)} === 0n`);
      return;
    }
    case 0x19: {
      const a = w.pop();
      if (a.kind === "value" && a.constant !== undefined) return pushConstant(w, c, ((1n << 256n) - 1n) ^ a.constant);
      w.pushComputed(`(UINT256_MAX ^ ${w.expr(a)})`);
      return;
    }
    case 0x35: {
      const offsetItem = w.pop();
      // A constant offset (a selector at 0, arguments at 4 + 32k) is compared as a number.
      if (offsetItem.kind === "value" && offsetItem.constant !== undefined && offsetItem.constant <= MAX_MEMORY_BIG) {
        const at = Number(offsetItem.constant);
        w.pushComputed(`(${at} >= f.input.length ? 0n : ${at + 32} <= f.input.length ? readWord(f.input, ${at}, 32) : readWord(sliceZeroPadded(f.input, ${at}, 32), 0, 32))`);
        return;
      }
      const offset = w.expr(offsetItem);
      w.pushComputed(
        `(${offset} >= BigInt(f.input.length) ? 0n : Number(${offset}) + 32 <= f.input.length ? readWord(f.input, Number(${offset}), 32) : readWord(sliceZeroPadded(f.input, Number(${offset}), 32), 0, 32))`,
      );
      return;
    }
    case 0x50:
      w.pop();
      return;
    case 0x5b:
      return;
    case 0x5f:
      return pushConstant(w, c, 0n);
    case 0x58:
      return pushConstant(w, c, BigInt(pc));
    case 0x00:
      out.push(c.halt(pc, Halt.Success));
      return;
    case 0x51:
    case 0x52:
      return emitMemoryWord(ins, w, out, c, next);
    case 0x56: {
      const dest = w.pop();
      emitJump(dest, w, out, c, pc, null);
      return;
    }
    case 0x57: {
      const dest = w.pop();
      const condition = w.pop();
      emitJump(dest, w, out, c, pc, condition);
      return;
    }
  }
  emitHandlerCall(ins, w, out, c, next);
}

function pushConstant(w: BlockWriter, c: Context, value: bigint): void {
  w.push({ kind: "value", expr: c.literals.text(value), constant: value });
}

/** JUMP (condition null) or JUMPI: a constant destination is checked now; any other against the JUMPDEST table. */
function emitJump(dest: Item, w: BlockWriter, out: string[], c: Context, pc: number, condition: Item | null): void {
  const constant = dest.kind === "value" ? dest.constant : undefined;
  const target = constant === undefined ? w.expr(dest) : null;
  let test: string | null = null;
  if (condition !== null) {
    if (condition.kind === "value" && condition.constant !== undefined) {
      if (condition.constant === 0n) return w.materialise();
    } else {
      test = condition.kind === "value" && condition.truth !== undefined ? condition.truth : `${w.expr(condition)} !== 0n`;
    }
  }
  w.materialise();
  let body: string;
  if (constant !== undefined) {
    if (c.isJumpdest(constant)) {
      body = goto(constant);
      c.successors.push(Number(constant));
    } else {
      body = c.halt(pc, Halt.InvalidJump);
    }
  } else {
    body = `if (${target} >= ${c.codeSize}n || J[Number(${target})] !== 1) ${c.halt(pc, Halt.InvalidJump)} pc = Number(${target}); ${DISPATCH}`;
  }
  out.push(test === null ? body : `if (${test}) { ${body} }`);
}

/** MLOAD and MSTORE inline: memory grows by the interpreter's expandMemory, with the interpreter's gas. */
function emitMemoryWord(ins: Instruction, w: BlockWriter, out: string[], c: Context, next: number): void {
  const offsetItem = w.pop();
  const valueItem = ins.op === 0x52 ? w.pop() : null;
  const value = valueItem === null ? null : w.expr(valueItem);
  const known = offsetItem.kind === "value" ? offsetItem.constant : undefined;
  let start: string;
  if (known !== undefined) {
    if (known > MAX_MEMORY_BIG) {
      out.push(c.halt(ins.pc, Halt.OutOfGas));
      if (value === null) pushConstant(w, c, 0n);
      return;
    }
    const held = value === null ? w.knownWord(Number(known)) : undefined;
    if (held !== undefined) return w.push(held);
    start = known.toString();
  } else {
    const offset = w.expr(offsetItem);
    out.push(`if (${offset} > ${MAX_MEMORY_BIG}n) ${c.halt(ins.pc, Halt.OutOfGas)}`);
    start = c.fresh();
    out.push(`${start} = Number(${offset});`);
  }
  const end = known !== undefined ? `${Number(known) + 32}` : `${start} + 32`;
  const ahead = ins.gasAfter;
  const late = ahead > 0 && c.handlerLater;
  if (!late) {
    // Either nothing to add back, or a shortfall halts here (see shortfall): one test covers both.
    const charge = ahead === 0 ? `(gas = expandMemory(f, ${end}, gas)) < 0` : `(gas = expandMemory(f, ${end}, gas + ${ahead}) - ${ahead}) < 0 && (gas = refillGas(f, gas)) < 0`;
    out.push(`if (${end} > f.memSize && ${charge}) ${c.halt(ins.pc, Halt.OutOfGas)}`);
  } else {
    out.push(`if (${end} > f.memSize) { r = expandMemory(f, ${end}, gas + ${ahead}); if (r < 0) ${c.halt(ins.pc, Halt.OutOfGas)} gas = r - ${ahead}; }`);
  }
  if (valueItem === null) {
    const loaded = w.pushComputed(`mload(f, ${start})`);
    if (known !== undefined) w.rememberWord(Number(known), loaded);
  } else {
    out.push(`mstore(f, ${start}, ${value});`);
    if (known !== undefined) w.rememberWord(Number(known), valueItem);
    else w.forgetMemory();
  }
  if (late) out.push(`if (gas < 0 && (gas = refillGas(f, gas)) < 0) ${shortfall(ins, w, c, next)}`);
}

/** Any other instruction runs its interpreter handler on the frame, with the interpreter's pc, gas and stack. */
function emitHandlerCall(ins: Instruction, w: BlockWriter, out: string[], c: Context, next: number): void {
  w.materialise();
  w.forgetMemory();
  c.handlerNames.add(ins.op);
  out.push(`f.pc = ${ins.pc}; f.gas = gas + ${ins.gasAfter}; f.sp = sp;`);
  out.push(`r = h${ins.op}(ctx, f, ${ins.op});`);
  out.push(`if (r !== ${Halt.Running}) return settled(f, r, ${next});`);
  out.push(`sp = f.sp; gas = f.gas - ${ins.gasAfter};`);
  if (ins.gasAfter > 0) out.push(`if (gas < 0 && (gas = refillGas(f, gas)) < 0) ${shortfall(ins, w, c, next)}`);
}
