/**
 * The control-flow graph of runtime code and the data flow over it, in one abstract interpretation.
 * A jump's target is resolved when the value on the stack is a PUSHed constant that is a JUMPDEST;
 * solc's internal functions return through a JUMP to an address their caller pushed, so blocks are
 * analysed per calling context: the stack's height and the JUMPDEST constants on it. A target the
 * interpretation cannot pin down is an unresolved jump: no edge is guessed.
 *
 * Budget (adversarial code must finish fast): at most MAX_STEPS abstract instruction steps per
 * contract (a block entry also costs one step per 16 stack entries copied), at most
 * MAX_CONTEXTS_PER_BLOCK calling contexts per block (more are joined into one more, losing their
 * constants), and the EVM's 1024-entry stack. Past the step budget the analysis stops and says it
 * is incomplete; detectors that report a missing check then report nothing for that contract.
 */
import { stackArity } from "../../vm/opcodes.js";
import { type Block, type Disassembly, disassemble, endsFlow, Op } from "./disassembly.js";
import { ENTRY_STATE, joinStates, MEMORY_WORDS, type PathState, peek } from "./state.js";
import { type AbstractValue, ACCESS_CHECK, BLOCK_VALUES, compared, constant, derived, join, negated, Taint, tainted, UNKNOWN } from "./values.js";

export const MAX_STEPS = 300_000;
export const MAX_CONTEXTS_PER_BLOCK = 256;
const WIDENED = "*";
const STACK_LIMIT = 1024;

export const CALL_OPCODES: ReadonlySet<number> = new Set([0xf1, 0xf2, 0xf4, 0xfa]);

/** What every visit of one instruction saw, joined. */
export interface Site {
  readonly pc: number;
  readonly opcode: number;
  /** The popped operands, top of the stack first (EVM order: CALL's gas, address, value, …). */
  operands: AbstractValue[];
  /** Reached on some path that passed no caller check. */
  unguarded: boolean;
  /** Reached on some path holding no lock. */
  unlocked: boolean;
  /** Gas-forwarding calls before it on some path (not under a lock). */
  callsBefore: readonly number[];
  /** ABI functions (dispatcher indexes) it is reached from. */
  functions: bigint;
}

export interface RuntimeAnalysis {
  readonly disassembly: Disassembly;
  /** Block start → the starts of the blocks control can go to next. */
  readonly edges: ReadonlyMap<number, ReadonlySet<number>>;
  /** JUMP/JUMPI program counters with a target the interpretation could not pin down on some path. */
  readonly unresolvedJumps: ReadonlySet<number>;
  /** Blocks reached by the interpretation. */
  readonly reached: ReadonlySet<number>;
  readonly sites: ReadonlyMap<number, Site>;
  /** Calls whose success flag reaches any instruction other than POP, DUP or SWAP. */
  readonly usedCallResults: ReadonlySet<number>;
  /** The selectors the dispatcher compares, in the order met; a Site's `functions` bits index this. */
  readonly selectors: readonly number[];
  /** Selector → the block its dispatcher branch jumps to. */
  readonly entries: ReadonlyMap<number, number>;
  /** The interpretation ran to its fixpoint within the budget. */
  readonly complete: boolean;
  readonly steps: number;
}

interface Context {
  readonly key: string;
  state: PathState;
}

/** A context's identity: the stack height and the JUMPDEST constants (return addresses) on it. */
function contextKey(state: PathState, jumpdests: ReadonlySet<number>): string {
  let key = String(state.stack.length);
  state.stack.forEach((v, i) => {
    if (v.constant !== undefined && v.constant < 0x1000000n && jumpdests.has(Number(v.constant))) key += `,${i}:${v.constant}`;
  });
  return key;
}

const SOURCE_OPCODES: ReadonlyMap<number, number> = new Map([
  [0x33, Taint.CALLER],
  [0x32, Taint.ORIGIN],
  [0x42, Taint.TIMESTAMP],
  [0x43, Taint.NUMBER],
  [0x44, Taint.PREVRANDAO],
  [0x41, Taint.COINBASE],
  [0x34, Taint.CALLVALUE],
  [0x5a, Taint.GAS],
  [0x36, Taint.CALLDATA],
  [0x3d, Taint.RETURNDATA],
]);

const COPY_TAINT: ReadonlyMap<number, number> = new Map([
  [0x37, Taint.CALLDATA],
  [0x3e, Taint.RETURNDATA],
  [0x39, 0],
  [0x3c, 0],
]);

const MASK = (1n << 256n) - 1n;

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  for (let b = base & MASK, e = exponent; e > 0n; e >>= 1n, b = (b * b) & MASK) if (e & 1n) result = (result * b) & MASK;
  return result;
}

/**
 * Arithmetic on constants only, computed: solc masks an internal function's tag with 0xffffffff
 * (0.4), builds masks with EXP and SUB, cleans a bytes32 slot with SHL 0. A result with an unknown
 * operand stays unknown, so a loop counter never becomes a context of its own.
 */
function folded(opcode: number, [a, b]: readonly AbstractValue[]): AbstractValue | undefined {
  const x = a?.constant;
  if (x === undefined) return undefined;
  if (opcode === 0x19) return constant(~x & MASK);
  const y = b?.constant;
  if (y === undefined) return undefined;
  switch (opcode) {
    case 0x01: return constant((x + y) & MASK);
    case 0x02: return constant((x * y) & MASK);
    case 0x03: return constant((x - y) & MASK);
    case 0x04: return constant(y === 0n ? 0n : x / y);
    case 0x0a: return constant(power(x, y));
    case 0x16: return constant(x & y);
    case 0x17: return constant(x | y);
    case 0x1b: return constant(x >= 256n ? 0n : (y << x) & MASK);
    case 0x1c: return constant(x >= 256n ? 0n : y >> x);
  }
  return undefined;
}

class Interpreter {
  private readonly contexts = new Map<number, Map<string, Context>>();
  private readonly queue: [number, Context][] = [];
  private readonly queued = new Set<Context>();
  readonly edges = new Map<number, Set<number>>();
  readonly unresolved = new Set<number>();
  readonly sites = new Map<number, Site>();
  readonly usedCalls = new Set<number>();
  readonly selectors: number[] = [];
  readonly entries = new Map<number, number>();
  steps = 0;

  constructor(readonly code: Disassembly) {}

  run(): boolean {
    if (this.code.blocks.length === 0) return true;
    this.enter(0, ENTRY_STATE);
    for (let next = this.queue.pop(); next !== undefined; next = this.queue.pop()) {
      const [start, context] = next;
      this.queued.delete(context);
      if (this.steps > MAX_STEPS) return false;
      this.visit(this.code.blockAt.get(start) as Block, context.state);
    }
    return this.steps <= MAX_STEPS;
  }

  private edge(from: number, to: number): void {
    let out = this.edges.get(from);
    if (out === undefined) this.edges.set(from, (out = new Set()));
    out.add(to);
  }

  private enter(start: number, state: PathState): void {
    this.steps += 1 + (state.stack.length >> 4);
    let byKey = this.contexts.get(start);
    if (byKey === undefined) this.contexts.set(start, (byKey = new Map()));
    // Past the cap, every further context is joined into one more, keyed WIDENED.
    const key = byKey.size < MAX_CONTEXTS_PER_BLOCK ? contextKey(state, this.code.jumpdests) : WIDENED;
    let context = byKey.get(key) ?? (key === WIDENED ? undefined : byKey.get(WIDENED));
    if (context === undefined) {
      context = { key, state };
      byKey.set(key, context);
    } else {
      const { state: joined, changed } = joinStates(context.state, state);
      if (!changed) return;
      context.state = joined;
    }
    if (!this.queued.has(context)) {
      this.queued.add(context);
      this.queue.push([start, context]);
    }
  }

  private consume(values: readonly AbstractValue[]): void {
    for (const v of values) for (const pc of [...v.calls, ...v.failures]) this.usedCalls.add(pc);
  }

  private record(pc: number, opcode: number, operands: AbstractValue[], state: PathState): void {
    const site = this.sites.get(pc);
    if (site === undefined) {
      this.sites.set(pc, {
        pc,
        opcode,
        operands,
        unguarded: !state.guarded,
        unlocked: !state.locked,
        callsBefore: state.callsBefore,
        functions: state.functions,
      });
      return;
    }
    site.operands = site.operands.map((v, i) => join(v, operands[i] ?? UNKNOWN));
    site.unguarded ||= !state.guarded;
    site.unlocked ||= !state.locked;
    site.callsBefore = [...new Set([...site.callsBefore, ...state.callsBefore])];
    site.functions |= state.functions;
  }

  private selectorBit(selector: number): bigint {
    let index = this.selectors.indexOf(selector);
    if (index < 0) index = this.selectors.push(selector) - 1;
    return 1n << BigInt(index);
  }

  private jumpTarget(pc: number, target: AbstractValue): number | undefined {
    if (target.constant === undefined) {
      this.unresolved.add(pc);
      return undefined;
    }
    // A constant that is no JUMPDEST makes the jump fail (an exceptional halt), not an edge.
    return target.constant < 0x1000000n && this.code.jumpdests.has(Number(target.constant)) ? Number(target.constant) : undefined;
  }

  private visit(block: Block, entry: PathState): void {
    const stack = [...entry.stack];
    const memory = new Map(entry.memory);
    let state: PathState = entry;
    let memoryRest = entry.memoryRest;
    const pop = () => stack.pop() ?? UNKNOWN;
    // Memory at computed offsets (the free memory pointer's: every ABI encoding, event and string)
    // is one pool; block values read back from it would taint every later load, so the pool does
    // not carry them: a block value is followed on the stack and in constant-offset words only.
    const memoryTaint = () => [...memory.values()].reduce((t, v) => t | v.taint, memoryRest) & ~BLOCK_VALUES;
    const current = () => ({ ...state, stack, memory: new Map(memory), memoryRest });
    for (let i = block.first; i <= block.last; i++) {
      this.steps++;
      const { pc, opcode, push } = this.code.instructions[i] as (typeof this.code.instructions)[number];
      if (opcode === 0x7f && push === 0n) {
        stack.push(tainted(Taint.IMMUTABLE));
      } else if (push !== undefined) {
        stack.push(constant(push));
      } else if (opcode >= 0x80 && opcode <= 0x8f) {
        stack.push(peek(stack, opcode - 0x80));
      } else if (opcode >= 0x90 && opcode <= 0x9f) {
        const depth = opcode - 0x8f;
        while (stack.length <= depth) stack.unshift(UNKNOWN);
        const top = stack.length - 1;
        [stack[top], stack[top - depth]] = [stack[top - depth] as AbstractValue, stack[top] as AbstractValue];
      } else if (opcode === 0x50 || opcode === Op.JUMPDEST) {
        if (opcode === 0x50) pop();
      } else if (SOURCE_OPCODES.has(opcode)) {
        stack.push(tainted(SOURCE_OPCODES.get(opcode) as number));
      } else if (opcode === 0x35 || opcode === 0x40) {
        const argument = pop();
        stack.push(derived([argument], opcode === 0x35 ? Taint.CALLDATA : Taint.BLOCKHASH));
      } else if (opcode === 0x54) {
        const slot = pop();
        const keyed = (slot.taint & Taint.CALLER) !== 0 ? Taint.CALLER_KEYED : 0;
        stack.push({ ...UNKNOWN, taint: Taint.STORAGE | keyed, slots: slot.constant === undefined ? [] : [slot.constant] });
      } else if (opcode === 0x51) {
        const offset = pop();
        const word = offset.constant === undefined ? undefined : memory.get(offset.constant);
        stack.push(word ?? tainted(offset.constant === undefined ? memoryTaint() : memoryRest & ~BLOCK_VALUES));
      } else if (opcode === 0x52 || opcode === 0x53) {
        const offset = pop();
        const value = pop();
        this.consume([value]);
        if (opcode === 0x52 && offset.constant !== undefined && (memory.has(offset.constant) || memory.size < MEMORY_WORDS)) {
          memory.set(offset.constant, { ...value, calls: [], failures: [] });
        } else memoryRest |= value.taint;
      } else if (opcode === 0x20) {
        const offset = pop();
        const length = pop();
        let taint = memoryRest & ~BLOCK_VALUES;
        if (offset.constant !== undefined && length.constant !== undefined && length.constant <= 0x100n) {
          for (let at = offset.constant; at < offset.constant + length.constant; at += 32n) taint |= memory.get(at)?.taint ?? 0;
        } else taint = memoryTaint();
        stack.push(tainted(taint));
      } else if (COPY_TAINT.has(opcode) || opcode === 0x5e) {
        const operands = [pop(), pop(), pop(), ...(opcode === 0x3c ? [pop()] : [])];
        memoryRest |= opcode === 0x5e ? memoryTaint() : (COPY_TAINT.get(opcode) as number);
        this.consume(operands);
      } else if (opcode >= 0x10 && opcode <= 0x14) {
        const a = pop();
        const b = pop();
        this.consume([a, b]);
        stack.push(compared(a, b, opcode === 0x14));
      } else if (opcode === 0x15) {
        const a = pop();
        this.consume([a]);
        stack.push(negated(a));
      } else if (opcode === Op.JUMP) {
        const target = this.jumpTarget(pc, pop());
        if (target !== undefined) {
          this.edge(block.start, target);
          this.enter(target, current());
        }
        return;
      } else if (opcode === Op.JUMPI) {
        const targetValue = pop();
        const condition = pop();
        this.consume([condition]);
        this.record(pc, opcode, [targetValue, condition], state);
        const checked = (condition.taint & ACCESS_CHECK) !== 0;
        state = {
          ...state,
          guarded: state.guarded || checked,
          checkedSlots: condition.slots.length === 0 ? state.checkedSlots : [...new Set([...state.checkedSlots, ...condition.slots])],
        };
        // Past a branch on a call's success flag, the failed side drops the call from callsBefore:
        // a reverted callee's re-entrant effects were reverted with it.
        const without = (failed: readonly number[]) =>
          failed.length === 0 ? state.callsBefore : state.callsBefore.filter((call) => !failed.includes(call));
        const target = this.jumpTarget(pc, targetValue);
        if (target !== undefined) {
          this.edge(block.start, target);
          const functions = condition.selector === undefined ? state.functions : state.functions | this.selectorBit(condition.selector);
          if (condition.selector !== undefined && !this.entries.has(condition.selector)) this.entries.set(condition.selector, target);
          this.enter(target, { ...current(), functions, callsBefore: without(condition.failures) });
        }
        const next = this.code.instructions[i + 1];
        if (next !== undefined) {
          this.edge(block.start, next.pc);
          this.enter(next.pc, { ...current(), callsBefore: without(condition.calls) });
        }
        return;
      } else if (CALL_OPCODES.has(opcode)) {
        const operands = Array.from({ length: opcode === 0xf1 || opcode === 0xf2 ? 7 : 6 }, pop);
        this.consume(operands);
        this.record(pc, opcode, operands, state);
        const gas = operands[0] as AbstractValue;
        if ((gas.taint & Taint.GAS) !== 0 && opcode !== 0xfa && !state.locked && !state.callsBefore.includes(pc)) {
          state = { ...state, callsBefore: [...state.callsBefore, pc] };
        }
        memoryRest |= Taint.RETURNDATA;
        stack.push({ ...UNKNOWN, taint: Taint.CALL_RESULT, calls: [pc] });
      } else if (opcode === 0x55) {
        const slot = pop();
        const value = pop();
        this.consume([slot, value]);
        this.record(pc, opcode, [slot, value], state);
        if (slot.constant !== undefined && state.checkedSlots.includes(slot.constant) && state.callsBefore.length === 0) {
          state = { ...state, locked: true };
        }
      } else if (opcode === Op.SELFDESTRUCT) {
        const beneficiary = pop();
        this.consume([beneficiary]);
        this.record(pc, opcode, [beneficiary], state);
        return;
      } else if (endsFlow(opcode)) {
        const [popped] = stackArity(opcode);
        this.consume(Array.from({ length: popped }, pop));
        return;
      } else {
        const [popped, pushed] = stackArity(opcode);
        const operands = Array.from({ length: popped }, pop);
        this.consume(operands);
        if (pushed > 0) stack.push(folded(opcode, operands) ?? derived(operands));
      }
      if (stack.length > STACK_LIMIT) return;
    }
    const last = this.code.instructions[block.last] as (typeof this.code.instructions)[number];
    const next = this.code.instructions[block.last + 1];
    if (!endsFlow(last.opcode) && next !== undefined) {
      this.edge(block.start, next.pc);
      this.enter(next.pc, current());
    }
  }

  reached(): Set<number> {
    return new Set(this.contexts.keys());
  }
}

export function interpret(code: Uint8Array): RuntimeAnalysis {
  const disassembly = disassemble(code);
  const interpreter = new Interpreter(disassembly);
  const complete = interpreter.run();
  return {
    disassembly,
    edges: interpreter.edges,
    unresolvedJumps: interpreter.unresolved,
    reached: interpreter.reached(),
    sites: interpreter.sites,
    usedCallResults: interpreter.usedCalls,
    selectors: interpreter.selectors,
    entries: interpreter.entries,
    complete,
    steps: interpreter.steps,
  };
}
