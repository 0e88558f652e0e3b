/**
 * The state of one execution frame (Yellow Paper 9.4: μ, the machine state, and I, the execution
 * environment). A frame never calls into another frame: rules that start a sub-call return a
 * `SubCall` for the driver (`execute.ts`), which runs the child and hands its result to `resume`.
 */
import type { Words } from "../word/words.js";
import type { Host } from "./host.js";
import type { Memory } from "./memory.js";
import type { HaltReason } from "./exceptions.js";

/** A message: the execution environment I of the Yellow Paper. */
export interface Message<B> {
  readonly kind: "call" | "create";
  /** I_s: the caller as CALLER reports it. */
  readonly caller: bigint;
  /** I_a: the account whose storage and balance the code acts on. */
  readonly address: bigint;
  /** The account whose code runs (differs from `address` under CALLCODE and DELEGATECALL). */
  readonly codeAddress: bigint;
  /** I_v: CALLVALUE (under DELEGATECALL, the parent's value). */
  readonly value: bigint;
  /** Value moved from caller to address when the message starts (0 under DELEGATECALL). */
  readonly transfer: bigint;
  readonly data: B;
  readonly code: Uint8Array;
  /**
   * Initcode whose bytes from `from` on are symbolic (constructor arguments appended to concrete
   * code, in a symbolic domain): `code` holds zeros there, which must never run, and CODECOPY
   * reads `bytes`. Absent for concrete words.
   */
  readonly symbolicTail?: { readonly from: number; readonly bytes: B };
  readonly gas: bigint;
  /** I_e: 0 for the transaction's own frame. */
  readonly depth: number;
  /** I_w negated: state changes are forbidden (EIP-214). */
  readonly isStatic: boolean;
  /**
   * The code was reached through an EIP-7702 delegation designator, so `codeAddress` is the
   * delegate; a precompile there is not run (its code, empty, is).
   */
  readonly delegated?: boolean;
}

/** How a frame ended. */
export type FrameResult<B> =
  | { readonly kind: "success"; readonly output: B; readonly gasLeft: bigint }
  | { readonly kind: "revert"; readonly output: B; readonly gasLeft: bigint }
  | { readonly kind: "halt"; readonly reason: HaltReason };

/** What a rule asks the driver to do instead of continuing. */
export type Control<B> =
  | { readonly kind: "stop"; readonly result: FrameResult<B> }
  | { readonly kind: "subcall"; readonly message: Message<B>; readonly resume: (result: SubCallResult<B>) => void };

/** What the parent learns from a finished sub-call (for CREATE, the new address on success). */
export interface SubCallResult<B> {
  readonly success: boolean;
  readonly output: B;
  readonly gasLeft: bigint;
  readonly createdAddress?: bigint;
}

export const STACK_LIMIT = 1024;
export const CALL_DEPTH_LIMIT = 1024;

export class Frame<W, B> {
  pc = 0;
  readonly stack: W[] = [];
  gas: bigint;
  /** The return data of the last sub-call (EIP-211). */
  returnData: B;

  constructor(
    readonly message: Message<B>,
    readonly words: Words<W, B>,
    readonly host: Host<W, B>,
    readonly memory: Memory<W, B>,
    /** Offsets of the JUMPDEST instructions in the code (push data excluded). */
    readonly jumpdests: ReadonlySet<number>,
  ) {
    this.gas = message.gas;
    this.returnData = words.bytes(new Uint8Array(0));
  }

  pop(): W {
    return this.stack.pop()!;
  }

  push(word: W): void {
    this.stack.push(word);
  }
}
