/**
 * A call frame: the machine state μ of the Yellow Paper (§9.4.1: pc, gas, memory, stack) plus the
 * execution environment I (§9.3: address, caller, value, input, code, depth, static flag).
 *
 * Gas is a JavaScript number in the hot loop. A frame can hold more than 2^53 gas (state tests
 * allow gas limits up to 2^63), so amounts beyond GAS_CHUNK wait in `gasReserve` (a BigInt) and
 * are moved into `gas` only when it runs low; the total is always exact.
 */
import type { FrameStatus, HaltReason } from "../../interface/implementation.js";
import { EMPTY_BYTES } from "./bytes.js";
import type { CodeAnalysis } from "./analysis.js";

export const STACK_LIMIT = 1024;
/** The largest amount of gas held as a Number; exact integer arithmetic is safe well above it. */
export const GAS_CHUNK = 2 ** 52;
const GAS_CHUNK_BIG = BigInt(GAS_CHUNK);

/** How a frame ended. Values ≥ Halt.Exceptional are exceptional halts (all gas consumed, state reverted). */
export const enum Halt {
  Running = -1,
  Success = 0,
  Revert = 1,
  Exceptional = 2,
  OutOfGas = 2,
  StackUnderflow = 3,
  StackOverflow = 4,
  InvalidOpcode = 5,
  InvalidJump = 6,
  StaticStateChange = 7,
  ReturnDataOutOfBounds = 8,
  CodeSizeExceeded = 9,
  InvalidCodePrefix = 10,
  AddressCollision = 11,
  InitcodeSizeExceeded = 12,
  PrecompileFailure = 13,
  CodeStoreOutOfGas = 14,
}

/** Each halt in the words of the conformance contract's vocabulary (go-ethereum's, see HALT_REASONS). */
const HALT_NAMES: Record<Halt, FrameStatus | undefined> = {
  [Halt.Running]: undefined,
  [Halt.Success]: "success",
  [Halt.Revert]: "revert",
  [Halt.OutOfGas]: "out of gas",
  [Halt.StackUnderflow]: "stack underflow",
  [Halt.StackOverflow]: "stack limit reached 1024 (1023)",
  [Halt.InvalidOpcode]: "invalid opcode",
  [Halt.InvalidJump]: "invalid jump destination",
  [Halt.StaticStateChange]: "write protection",
  [Halt.ReturnDataOutOfBounds]: "return data out of bounds",
  [Halt.CodeSizeExceeded]: "max code size exceeded",
  [Halt.InvalidCodePrefix]: "invalid code: must not begin with 0xef",
  [Halt.AddressCollision]: "contract address collision",
  // EIP-3860's limit fails CREATE's dynamic price, which geth reports as `out of gas: max initcode size exceeded`.
  [Halt.InitcodeSizeExceeded]: "out of gas",
  [Halt.PrecompileFailure]: "precompile failed",
  [Halt.CodeStoreOutOfGas]: "contract creation code storage out of gas",
};

/** How a finished frame ended; a running frame has no status yet. */
export function haltName(halt: Halt): FrameStatus {
  const name = HALT_NAMES[halt];
  if (name === undefined) throw new RangeError(`frame status ${halt} is not a finished frame's`);
  return name;
}

/** The exceptional halt `halt` names, for a trace step's error. */
export function haltReason(halt: Halt): HaltReason {
  const name = haltName(halt);
  if (name === "success" || name === "revert") throw new RangeError(`${name} is not an exceptional halt`);
  return name;
}

/** Stacks of finished frames, reused so that a call costs no 1024-slot allocation. */
const stackPool: bigint[][] = [];

function acquireStack(): bigint[] {
  return stackPool.pop() ?? new Array<bigint>(STACK_LIMIT).fill(0n);
}

/** Returns a finished frame's stack to the pool; the frame must not run again. */
export function releaseStack(frame: Frame): void {
  if (stackPool.length < STACK_LIMIT + 1) stackPool.push(frame.stack);
}

export const enum FrameKind {
  Call = 0,
  Create = 1,
}

export class Frame {
  pc = 0;
  gas = 0;
  gasReserve = 0n;
  readonly stack: bigint[] = acquireStack();
  sp = 0;
  memory: Uint8Array = EMPTY_BYTES;
  memView: DataView = new DataView(new ArrayBuffer(0));
  /** Active memory in bytes, always a multiple of 32 (μ_i × 32). */
  memSize = 0;
  /** RETURNDATA of the most recent child call (EIP-211). */
  returnData: Uint8Array = EMPTY_BYTES;
  status: Halt = Halt.Running;
  output: Uint8Array = EMPTY_BYTES;
  /** Where the parent wants the output (CALL family). */
  retOffset = 0;
  retSize = 0;

  constructor(
    readonly kind: FrameKind,
    readonly code: CodeAnalysis,
    readonly address: bigint,
    readonly caller: bigint,
    readonly value: bigint,
    readonly input: Uint8Array,
    readonly isStatic: boolean,
    readonly depth: number,
    /** Journal position to revert to if this frame fails. */
    readonly checkpoint: number,
    totalGas: bigint,
  ) {
    this.setGas(totalGas);
  }

  setGas(total: bigint): void {
    if (total <= GAS_CHUNK_BIG) {
      this.gas = Number(total);
      this.gasReserve = 0n;
    } else {
      this.gas = GAS_CHUNK;
      this.gasReserve = total - GAS_CHUNK_BIG;
    }
  }

  /** All gas left, exactly. */
  totalGas(): bigint {
    return BigInt(this.gas) + this.gasReserve;
  }

  /** Adds gas returned by a child, keeping the Number part below GAS_CHUNK. */
  returnGas(amount: bigint): void {
    this.setGas(this.totalGas() + amount);
  }
}

/**
 * Called when `gas` went negative: moves reserve gas into the Number part. Returns the new gas,
 * still negative when the frame has truly run out.
 */
export function refillGas(frame: Frame, gas: number): number {
  let g = gas;
  while (g < 0 && frame.gasReserve > 0n) {
    const take = frame.gasReserve < GAS_CHUNK_BIG ? frame.gasReserve : GAS_CHUNK_BIG;
    frame.gasReserve -= take;
    g += Number(take);
  }
  return g;
}

/** Gas cost of `words` words of memory (Yellow Paper eq. 326: 3·a + ⌊a²/512⌋). */
export function memoryCost(words: number): number {
  return 3 * words + Math.floor((words * words) / 512);
}

/** Memory beyond 4 GiB is never affordable in practice and cannot be allocated; treated as out of gas. */
export const MAX_MEMORY = 0xffffffff;

/** Grows the frame's memory to `end` bytes (rounded up to a word), doubling capacity to amortise copies. */
export function growMemory(frame: Frame, end: number): void {
  const size = Math.ceil(end / 32) * 32;
  if (size > frame.memory.length) {
    let capacity = frame.memory.length * 2;
    if (capacity < size || capacity > MAX_MEMORY) capacity = size;
    if (capacity < 1024) capacity = 1024;
    const memory = new Uint8Array(capacity);
    memory.set(frame.memory.subarray(0, frame.memSize));
    frame.memory = memory;
    frame.memView = new DataView(memory.buffer);
  }
  frame.memSize = size;
}

/**
 * One Frame kept alive for the life of the process. V8 reaches the hidden class ("map") of a
 * class instance only weakly once every instance is garbage; a full GC between transactions then
 * drops it, and the interpreter's optimised code, specialised to that map, deoptimises on the
 * next transaction. A live instance pins the map.
 */
export const PINNED_FRAME = new Frame(FrameKind.Call, { padded: new Uint8Array(33), size: 0, jumpdests: new Uint8Array(0), pushValues: [] }, 0n, 0n, 0n, EMPTY_BYTES, false, 0, 0, 0n);
