/**
 * Generated programs as data, and their lowering to bytecode.
 *
 * A program is a list of blocks, each with a known stack effect: it pushes its own operands, runs
 * its instruction and disposes of every result (pops it, or stores or folds it where the post state
 * or the logs make it observable, untraced runs included). Blocks therefore compose in any order
 * with sound stack use, and fast-check shrinks a program by dropping or simplifying blocks. Loops
 * keep one counter on the stack below their body, and every jump targets a label the assembler
 * turns into a JUMPDEST.
 * Only `raw` blocks (a few random bytes) may break these rules, on purpose.
 */
import { type AsmItem, assemble, op, opcodeOf, push } from "./assembler.js";

/**
 * Where a block's result goes: dropped, folded into FOLD_SLOT, or made observable in storage or
 * memory. A popped result is compared only through the trace (top of the stack), which untraced
 * runs (the compile tier) lack; a folded one reaches the state root.
 */
export type Sink =
  | { readonly kind: "pop" }
  | { readonly kind: "fold" }
  | { readonly kind: "sstore"; readonly slot: bigint }
  | { readonly kind: "mstore"; readonly offset: bigint };

export type Block =
  /** An instruction taking pushed operands (in stack order: µs[0] first) and leaving one result. */
  | { readonly kind: "compute"; readonly mnemonic: string; readonly operands: readonly bigint[]; readonly sink: Sink }
  /** An instruction taking operands and leaving nothing (stores, copies, LOGn). */
  | { readonly kind: "effect"; readonly mnemonic: string; readonly operands: readonly bigint[] }
  /** DUPn or SWAPn over n+1 pushed words, all folded into FOLD_SLOT afterwards (top first), so a wrong item or order shows. */
  | { readonly kind: "stack"; readonly mnemonic: string; readonly depth: number; readonly fill: bigint }
  /** The CALL family: gas, address, [value,] argsOffset, argsLength, retOffset, retLength. */
  | { readonly kind: "call"; readonly mnemonic: "CALL" | "CALLCODE" | "DELEGATECALL" | "STATICCALL"; readonly gas: CallGas; readonly target: bigint; readonly value: bigint; readonly args: readonly [bigint, bigint]; readonly ret: readonly [bigint, bigint]; readonly sink: Sink }
  /**
   * Words written to memory from offset 0, then a call to a precompile over the first `length`
   * bytes with `gas` (all that is left when absent); the success flag goes to the sink and keccak256 of the whole output (the return data) is folded into PRECOMPILE_OUTPUT_SLOT.
   */
  | { readonly kind: "precompile"; readonly mnemonic: "CALL" | "STATICCALL"; readonly address: bigint; readonly words: readonly bigint[]; readonly length: bigint; readonly gas?: bigint; readonly sink: Sink }
  /** Initcode written to memory, then CREATE or CREATE2 over it; with `callAfter`, a CALL to the new address follows. */
  | { readonly kind: "create"; readonly mnemonic: "CREATE" | "CREATE2"; readonly value: bigint; readonly salt: bigint; readonly initcode: Initcode; readonly callAfter: boolean; readonly sink: Sink }
  /** `count` iterations of the body, the counter kept on the stack under it. */
  | { readonly kind: "loop"; readonly count: number; readonly body: readonly Block[] }
  /** The body runs only when `condition` is zero (JUMPI over it otherwise). */
  | { readonly kind: "branch"; readonly condition: bigint; readonly body: readonly Block[] }
  /**
   * JUMP over dead bytes to a label. A PUSHn among the dead bytes can swallow the label's JUMPDEST
   * into its push data, which makes the jump invalid (Yellow Paper §9.4.3): JUMPDEST analysis tested.
   */
  | { readonly kind: "jump"; readonly dead: Uint8Array }
  /** Arbitrary bytes: undefined opcodes, truncated pushes, stack underflows. */
  | { readonly kind: "raw"; readonly bytes: Uint8Array }
  /**
   * A call to the identity precompile that leaves `length` bytes of return data, then
   * RETURNDATACOPY to `dest` from `offset` of as many bytes as end `delta` (−1, 0, 1) from the
   * data's end: the last byte in, exactly the end, one byte past it (EIP-211 halts).
   */
  | { readonly kind: "returndata"; readonly length: bigint; readonly offset: bigint; readonly delta: bigint; readonly dest: bigint }
  /**
   * One instruction run on each operand tuple in turn (µs[0] first): a sweep of the instruction's
   * boundary table (values.ts, `SWEEP_TUPLES`). Every result is folded into FOLD_SLOT, so each
   * reaches the state root, untraced runs included; traced runs also compare it as the top of the stack.
   */
  | { readonly kind: "sweep"; readonly mnemonic: string; readonly tuples: readonly (readonly bigint[])[] }
  /** `count` zeros pushed and popped again: stacks at and around the 1024-item limit. */
  | { readonly kind: "fill"; readonly count: number }
  /**
   * A call of the running contract to itself with all its gas, the result popped: the program
   * that holds it recurses until gas or the 1024-frame limit stops it (scenario.ts uses it once,
   * at the head of a dedicated contract, so the recursion is a chain, not a tree).
   */
  | { readonly kind: "recurse"; readonly mnemonic: "CALL" | "CALLCODE" | "DELEGATECALL" | "STATICCALL" };

/** How much gas a call forwards: a fixed amount, or all that is left (the GAS opcode). */
export type CallGas = { readonly kind: "fixed"; readonly amount: bigint } | { readonly kind: "all" };

/** How a program ends. */
export type Terminator =
  | { readonly kind: "stop" }
  | { readonly kind: "fallthrough" }
  | { readonly kind: "invalid" }
  | { readonly kind: "return" | "revert"; readonly offset: bigint; readonly length: bigint }
  | { readonly kind: "selfdestruct"; readonly beneficiary: bigint };

export interface Program {
  readonly blocks: readonly Block[];
  readonly end: Terminator;
}

/** Creation code: a program that runs, then returns `runtime` as the new contract's code (or ends otherwise). */
export interface Initcode {
  readonly blocks: readonly Block[];
  readonly runtime: Uint8Array;
  readonly end: InitcodeEnd;
}

/**
 * How creation code ends: returning the runtime; returning `length` zero bytes of fresh memory
 * (sizes around the EIP-170 limit of 0x6000); reverting with the runtime as revert data; stopping
 * (an empty contract).
 */
export type InitcodeEnd =
  | { readonly kind: "return-runtime" }
  | { readonly kind: "return-zeros"; readonly length: bigint }
  | { readonly kind: "revert" }
  | { readonly kind: "stop" }
  /** SELFDESTRUCT during creation: the account is created and destroyed in one transaction (EIP-6780). */
  | { readonly kind: "selfdestruct"; readonly beneficiary: bigint };

/** The identity precompile (Yellow Paper Appendix E), which returns its input as return data. */
const IDENTITY = 4n;

/** Memory where creation blocks assemble initcode; above the offsets other blocks favour. */
const INITCODE_OFFSET = 0x400n;
const WORD = 32;
/** Where precompile blocks fold the hashes of precompiles' outputs. */
export const PRECOMPILE_OUTPUT_SLOT = 0xf0n;
/** Where blocks fold the words they would otherwise drop (sweep results, fold sinks, DUP/SWAP items). */
export const FOLD_SLOT = 0xf1n;
/**
 * The fold: acc' = (acc + word mod 2^256) · FOLD_MULTIPLIER mod FOLD_MODULUS, a polynomial hash
 * over a prime field. XOR or ADD alone cancel pairs of equal errors (a fault turning two results
 * of a sweep from 1 to 0, or two from 2^255 to 0, would leave the sum unchanged); reduction by a
 * prime mixes the top bit into the others and weighs each word by its position, so a changed word
 * changes the accumulator except by a coincidence of about 2^-64. 2^64 − 59 is the largest prime
 * below 2^64; the multiplier is any number between 1 and it (the golden ratio's 64-bit fraction).
 */
export const FOLD_MODULUS = (1n << 64n) - 59n;
export const FOLD_MULTIPLIER = 0x9e3779b97f4a7c15n;
/** Memory no generated block writes to, so RETURN from there yields zero bytes. */
const FRESH_MEMORY_OFFSET = 0x10000n;

/** Labels are numbered per program as lowering meets them. */
class Labels {
  private next = 0;
  fresh(): number {
    return this.next++;
  }
}

function pushAll(values: readonly bigint[]): AsmItem[] {
  return [...values].reverse().map(push);
}

/** [word, acc] (either order) → the accumulator with the word folded in (FOLD_MODULUS). */
const FOLD_STEP: readonly AsmItem[] = [op("ADD"), push(FOLD_MODULUS), op("SWAP1"), push(FOLD_MULTIPLIER), op("MULMOD")];

/** `items` run with the accumulator of `slot` on the stack under them (SLOAD before, SSTORE after). */
function withAccumulator(slot: bigint, items: readonly AsmItem[]): AsmItem[] {
  return [push(slot), op("SLOAD"), ...items, push(slot), op("SSTORE")];
}

/** The top `count` words folded into `slot`: the stack loses those words. */
function foldInto(slot: bigint, count: number): AsmItem[] {
  return withAccumulator(slot, Array.from({ length: count }, () => FOLD_STEP).flat());
}

function sinkItems(sink: Sink): AsmItem[] {
  switch (sink.kind) {
    case "pop":
      return [op("POP")];
    case "fold":
      return foldInto(FOLD_SLOT, 1);
    case "sstore":
      return [push(sink.slot), op("SSTORE")];
    case "mstore":
      return [push(sink.offset), op("MSTORE")];
  }
}

/** MSTOREs that place `bytes` at `offset` (the last word zero-padded, as MSTORE writes 32 bytes). */
function writeBytes(bytes: Uint8Array, offset: bigint): AsmItem[] {
  const items: AsmItem[] = [];
  for (let at = 0; at < bytes.length; at += WORD) {
    const word = new Uint8Array(WORD);
    word.set(bytes.subarray(at, at + WORD));
    let value = 0n;
    for (const byte of word) value = (value << 8n) | BigInt(byte);
    items.push(push(value), push(offset + BigInt(at)), op("MSTORE"));
  }
  return items;
}

/** Bytecode of creation code: the blocks, then RETURN of the runtime copied into memory (or REVERT/STOP). */
export function initcodeBytes(initcode: Initcode): Uint8Array {
  const items = lowerBlocks(initcode.blocks, new Labels());
  const runtimeLength = push(BigInt(initcode.runtime.length));
  switch (initcode.end.kind) {
    case "return-runtime":
      items.push(...writeBytes(initcode.runtime, 0n), runtimeLength, push(0n), op("RETURN"));
      break;
    case "return-zeros":
      items.push(push(initcode.end.length), push(FRESH_MEMORY_OFFSET), op("RETURN"));
      break;
    case "revert":
      items.push(...writeBytes(initcode.runtime, 0n), runtimeLength, push(0n), op("REVERT"));
      break;
    case "stop":
      items.push(op("STOP"));
      break;
    case "selfdestruct":
      items.push(push(initcode.end.beneficiary), op("SELFDESTRUCT"));
      break;
  }
  return assemble(items);
}

function lowerBlock(block: Block, labels: Labels): AsmItem[] {
  switch (block.kind) {
    case "compute":
      return [...pushAll(block.operands), op(block.mnemonic), ...sinkItems(block.sink)];
    case "effect":
      return [...pushAll(block.operands), op(block.mnemonic)];
    case "stack": {
      const words = block.mnemonic.startsWith("SWAP") ? block.depth + 1 : block.depth;
      const fill = Array.from({ length: words }, (_, i) => block.fill + BigInt(i));
      const left = block.mnemonic.startsWith("DUP") ? words + 1 : words;
      return [...fill.map(push), op(block.mnemonic), ...foldInto(FOLD_SLOT, left)];
    }
    case "call": {
      const gas = block.gas.kind === "all" ? [op("GAS")] : [push(block.gas.amount)];
      const hasValue = block.mnemonic === "CALL" || block.mnemonic === "CALLCODE";
      const operands = [block.target, ...(hasValue ? [block.value] : []), ...block.args, ...block.ret];
      return [...pushAll(operands), ...gas, op(block.mnemonic), ...sinkItems(block.sink)];
    }
    case "precompile": {
      const writes = block.words.flatMap((word, i) => [push(word), push(BigInt(i * WORD)), op("MSTORE")]);
      const value = block.mnemonic === "CALL" ? [0n] : [];
      const operands = [block.address, ...value, 0n, block.length, 0n, 64n];
      // The whole output, not only the 64 bytes copied back: BLS points are 128 and 256 bytes long.
      const outputHash = [
        op("RETURNDATASIZE"), push(0n), push(0n), op("RETURNDATACOPY"),
        op("RETURNDATASIZE"), push(0n), op("KECCAK256"), ...foldInto(PRECOMPILE_OUTPUT_SLOT, 1),
      ];
      const gas = block.gas === undefined ? op("GAS") : push(block.gas);
      return [...writes, ...pushAll(operands), gas, op(block.mnemonic), ...sinkItems(block.sink), ...outputHash];
    }
    case "create": {
      const code = initcodeBytes(block.initcode);
      const salt = block.mnemonic === "CREATE2" ? [block.salt] : [];
      const operands = [block.value, INITCODE_OFFSET, BigInt(code.length), ...salt];
      const create = [...writeBytes(code, INITCODE_OFFSET), ...pushAll(operands), op(block.mnemonic)];
      if (!block.callAfter) return [...create, ...sinkItems(block.sink)];
      // The new address stays on the stack: CALL(GAS, DUP6 = address, 0, 0, 0, 0, 0), then both results go.
      const call = [...pushAll([0n, 0n, 0n, 0n, 0n]), op("DUP6"), op("GAS"), op("CALL")];
      return [...create, ...call, ...sinkItems(block.sink), op("POP")];
    }
    /** PUSH count; top: JUMPDEST, body, counter - 1, DUP1, JUMPI top while non-zero, POP the counter. */
    case "loop": {
      const top = labels.fresh();
      return [
        push(BigInt(block.count)),
        { kind: "label", label: top },
        ...lowerBlocks(block.body, labels),
        push(1n),
        op("SWAP1"),
        op("SUB"),
        op("DUP1"),
        { kind: "pushLabel", label: top },
        op("JUMPI"),
        op("POP"),
      ];
    }
    case "branch": {
      const skip = labels.fresh();
      return [
        push(block.condition),
        { kind: "pushLabel", label: skip },
        op("JUMPI"),
        ...lowerBlocks(block.body, labels),
        { kind: "label", label: skip },
      ];
    }
    case "jump": {
      const target = labels.fresh();
      return [{ kind: "pushLabel", label: target }, op("JUMP"), { kind: "raw", bytes: block.dead }, { kind: "label", label: target }];
    }
    case "raw":
      return [{ kind: "raw", bytes: block.bytes }];
    case "returndata": {
      const size = block.length + block.delta - block.offset;
      const call = [...pushAll([IDENTITY, 0n, block.length, 0n, 0n]), op("GAS"), op("STATICCALL"), op("POP")];
      return [...call, ...pushAll([block.dest, block.offset, size < 0n ? 0n : size]), op("RETURNDATACOPY")];
    }
    case "sweep":
      // The accumulator stays on the stack under each tuple's operands: one SLOAD and one SSTORE per sweep.
      return withAccumulator(FOLD_SLOT, block.tuples.flatMap((tuple) => [...pushAll(tuple), op(block.mnemonic), ...FOLD_STEP]));
    case "fill":
      return [...Array.from({ length: block.count }, () => push(0n)), ...Array.from({ length: block.count }, () => op("POP"))];
    case "recurse": {
      const value = block.mnemonic === "CALL" || block.mnemonic === "CALLCODE" ? [0n] : [];
      return [...pushAll([...value, 0n, 0n, 0n, 0n]), op("ADDRESS"), op("GAS"), op(block.mnemonic), op("POP")];
    }
  }
}

function lowerBlocks(blocks: readonly Block[], labels: Labels): AsmItem[] {
  return blocks.flatMap((block) => lowerBlock(block, labels));
}

function terminatorItems(end: Terminator): AsmItem[] {
  switch (end.kind) {
    case "stop":
      return [op("STOP")];
    case "fallthrough":
      return [];
    case "invalid":
      return [{ kind: "op", opcode: opcodeOf("INVALID") }];
    case "return":
      return [push(end.length), push(end.offset), op("RETURN")];
    case "revert":
      return [push(end.length), push(end.offset), op("REVERT")];
    case "selfdestruct":
      return [push(end.beneficiary), op("SELFDESTRUCT")];
  }
}

/** The program's bytecode. */
export function programBytes(program: Program): Uint8Array {
  const labels = new Labels();
  return assemble([...lowerBlocks(program.blocks, labels), ...terminatorItems(program.end)]);
}
