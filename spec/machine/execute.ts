/**
 * The frame driver: runs a message and every sub-call it starts to completion (Yellow Paper 8 and
 * 9, execution-specs' process_message / process_create_message).
 *
 * Frames live on an explicit stack rather than the JavaScript call stack, so a chain of 1024
 * nested calls costs no native stack depth. A rule that starts a sub-call returns a `subcall`;
 * the driver pushes the child, and when the child ends it hands the result to the parent's
 * `resume` continuation.
 */
import { isPrecompile, runPrecompile } from "../precompiles/index.js";
import { UnsupportedSymbolic, type Words } from "../word/words.js";
import { ExceptionalHalt } from "./exceptions.js";
import { Frame, type FrameResult, type Message, type SubCallResult } from "./frame.js";
import { jumpdests } from "./jumpdests.js";
import type { Memory } from "./memory.js";
import { step, stepBefore } from "./step.js";
import type { World } from "./world.js";

/** Called after each step with the state before it, when a tracer is attached. */
export interface StepObserver<W, B> {
  before(frame: Frame<W, B>): void;
  after(frame: Frame<W, B>, halt?: ExceptionalHalt): void;
}

export interface Machine<W, B> {
  readonly words: Words<W, B>;
  readonly world: World<W, B>;
  newMemory(): Memory<W, B>;
  readonly observer?: StepObserver<W, B>;
  /**
   * A test harness's hook (HEVM cheatcodes in proofs/): it may answer a message itself, or replace
   * it (e.g. a pranked caller) before it starts. The concrete semantics has none.
   */
  readonly intercept?: (message: Message<B>) => Interception<B> | undefined;
}

/** What an `intercept` hook decided: the message's result without running it, or the message to run instead. */
export type Interception<B> = { readonly result: FrameResult<B> } | { readonly message: Message<B> };

/** A frame on the driver's stack, with what must happen when it ends. */
interface Active<W, B> {
  readonly frame: Frame<W, B>;
  readonly checkpoint: number;
  readonly resume?: (result: SubCallResult<B>) => void;
}

/** The outcome of a top-level message: the frame result and, for a creation, the new address. */
export interface MessageOutcome<B> {
  readonly result: FrameResult<B>;
  readonly createdAddress?: bigint;
}

const EF_PREFIX = 0xef;

export function executeMessage<W, B>(machine: Machine<W, B>, message: Message<B>): MessageOutcome<B> {
  const stack: Active<W, B>[] = [];
  let outcome: MessageOutcome<B> | undefined;

  /** Starts a message: either it finishes at once (precompile, failed creation) or a frame is pushed. */
  const start = (requested: Message<B>, resume?: (result: SubCallResult<B>) => void): void => {
    const checkpoint = machine.world.checkpoint();
    const interception = machine.intercept?.(requested);
    if (interception !== undefined && "result" in interception) {
      finish(requested, checkpoint, interception.result, resume);
      return;
    }
    const msg = interception?.message ?? requested;
    const immediate = enter(machine, msg);
    if (immediate !== undefined) {
      finish(msg, checkpoint, immediate, resume);
      return;
    }
    const frame = new Frame(msg, machine.words, machine.world, machine.newMemory(), jumpdests(msg.code));
    stack.push({ frame, checkpoint, ...(resume === undefined ? {} : { resume }) });
  };

  /** Ends a message: deposits created code, reverts on failure, and reports to the parent. */
  const finish = (
    msg: Message<B>,
    checkpoint: number,
    raw: FrameResult<B>,
    resume?: (result: SubCallResult<B>) => void,
  ): void => {
    const result = msg.kind === "create" && raw.kind === "success" ? depositCode(machine, msg, raw) : raw;
    if (result.kind !== "success") machine.world.revertTo(checkpoint);
    const success = result.kind === "success";
    const output = result.kind === "halt" ? machine.words.bytes(new Uint8Array(0)) : result.output;
    const gasLeft = result.kind === "halt" ? 0n : result.gasLeft;
    const createdAddress = msg.kind === "create" && success ? msg.address : undefined;
    if (resume === undefined) {
      outcome = { result, ...(createdAddress === undefined ? {} : { createdAddress }) };
      return;
    }
    resume({ success, output, gasLeft, ...(createdAddress === undefined ? {} : { createdAddress }) });
  };

  start(message);
  while (stack.length > 0) {
    const active = stack[stack.length - 1]!;
    const result = runUntilControl(machine, active.frame);
    if (result.kind === "subcall") {
      start(result.message, result.resume);
      continue;
    }
    stack.pop();
    finish(active.frame.message, active.checkpoint, result.result, active.resume);
  }
  return outcome!;
}

type Stopped<B> = { kind: "stop"; result: FrameResult<B> } | { kind: "subcall"; message: Message<B>; resume: (r: SubCallResult<B>) => void };

/** Steps the frame until it stops or starts a sub-call. */
function runUntilControl<W, B>(machine: Machine<W, B>, frame: Frame<W, B>): Stopped<B> {
  const observer = machine.observer;
  const tail = frame.message.symbolicTail;
  const advance = tail === undefined ? step : stepBefore<W, B>(tail.from);
  for (;;) {
    try {
      observer?.before(frame);
      const control = advance(frame);
      observer?.after(frame);
      if (control !== undefined) return control;
    } catch (error) {
      if (!(error instanceof ExceptionalHalt)) throw error;
      observer?.after(frame, error);
      return { kind: "stop", result: { kind: "halt", reason: error.reason } };
    }
  }
}

/**
 * The start of a message (process_message): touch the target, prepare a new contract, move the
 * value, and run a precompile or empty code outright. Returns a result when no frame needs to run.
 */
function enter<W, B>(machine: Machine<W, B>, msg: Message<B>): FrameResult<B> | undefined {
  const world = machine.world;
  const schedule = world.schedule;
  if (msg.kind === "create") {
    if (world.hasCodeOrNonce(msg.address)) return { kind: "halt", reason: "contract address collision" };
    world.beginCreate(msg.address);
  }
  world.touch(msg.address);
  if (msg.transfer !== 0n) world.transfer(msg.caller, msg.address, msg.transfer);
  if (msg.kind === "call" && msg.delegated !== true && isPrecompile(msg.codeAddress, schedule)) {
    const input = machine.words.concreteBytes(msg.data);
    if (input === undefined) return { kind: "halt", reason: "precompile failed" };
    const run = runPrecompile(msg.codeAddress, input, msg.gas, schedule);
    if (!run.ok) return { kind: "halt", reason: run.outOfGas ? "out of gas" : "precompile failed" };
    return { kind: "success", output: machine.words.bytes(run.output), gasLeft: msg.gas - run.gasUsed };
  }
  // Empty code would only read STOP; no instruction runs, so none is traced (EIP-3155).
  if (msg.code.length === 0) {
    return { kind: "success", output: machine.words.bytes(new Uint8Array(0)), gasLeft: msg.gas };
  }
  return undefined;
}

/**
 * A successful creation pays G_codedeposit per byte of the returned code and stores it, unless
 * the code is too large (EIP-170), starts with 0xEF (EIP-3541), or cannot be paid for (a failure
 * from Homestead on; before it the account is left without code).
 */
function depositCode<W, B>(
  machine: Machine<W, B>,
  msg: Message<B>,
  result: FrameResult<B> & { kind: "success" },
): FrameResult<B> {
  const schedule = machine.world.schedule;
  const code = machine.words.concreteBytes(result.output);
  // Only a symbolic domain has no bytes to give: the code would hold symbolic values (immutables).
  if (code === undefined) throw new UnsupportedSymbolic("deploying code with symbolic bytes (immutables set from symbolic values)");
  if (schedule.rejectEfCode && code.length > 0 && code[0] === EF_PREFIX) return { kind: "halt", reason: "invalid code: must not begin with 0xef" };
  if (schedule.maxCodeSize !== null && code.length > schedule.maxCodeSize) return { kind: "halt", reason: "max code size exceeded" };
  const cost = schedule.gasCodeDeposit * BigInt(code.length);
  if (cost > result.gasLeft) {
    if (schedule.codeDepositFailureIsError) return { kind: "halt", reason: "contract creation code storage out of gas" };
    return { kind: "success", output: machine.words.bytes(new Uint8Array(0)), gasLeft: result.gasLeft };
  }
  machine.world.setCode(msg.address, code);
  return { kind: "success", output: machine.words.bytes(new Uint8Array(0)), gasLeft: result.gasLeft - cost };
}
