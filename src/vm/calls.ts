/**
 * Message calls and contract creation (Yellow Paper §8 and §7): the CALL/CREATE opcodes set up
 * a child frame and suspend the caller; when the child halts, its outcome is handed back here.
 * Frames live on an explicit stack, so 1024 nested calls never deepen the JavaScript stack.
 */
import { bigIntToBytes, bigIntToMinimalBytes, bytesToBigInt, concatBytes, EMPTY_BYTES } from "./bytes.js";
import { accountAccessCost } from "./access.js";
import { analysisOf } from "./analysis.js";
import { delegatedAddress } from "./delegation.js";
import type { ExecutionContext } from "./context.js";
import { Frame, FrameKind, Halt } from "./frame.js";
import { keccak256 } from "./keccak.js";
import { touchMemory, useGas, wordCount } from "./memory.js";
import { ADDRESS_MASK } from "./operations.js";
import { precompileAt } from "./precompiles/index.js";
import { rlpEncode } from "./rlp.js";
import { MAX_NONCE } from "./world-state.js";

/** Returned by an opcode body that pushed a child frame: the interpreter switches to it. */
export const SUSPEND = 100;

export const MAX_CALL_DEPTH = 1024;

/** CREATE address: keccak256(rlp([sender, nonce]))[12:] (Yellow Paper eq. 88). */
export function createAddress(sender: bigint, nonce: bigint): bigint {
  const encoded = rlpEncode([bigIntToBytes(sender, 20), bigIntToMinimalBytes(nonce)]);
  return bytesToBigInt(keccak256(encoded).subarray(12));
}

/** CREATE2 address: keccak256(0xff ‖ sender ‖ salt ‖ keccak256(initcode))[12:] (EIP-1014). */
export function create2Address(sender: bigint, salt: bigint, initcode: Uint8Array): bigint {
  const preimage = concatBytes(Uint8Array.of(0xff), bigIntToBytes(sender, 20), bigIntToBytes(salt, 32), keccak256(initcode));
  return bytesToBigInt(keccak256(preimage).subarray(12));
}

/** EIP-150: all but one 64th of what is left. */
function allButOne64th(gas: bigint): bigint {
  return gas - gas / 64n;
}

export interface CallMessage {
  readonly caller: bigint;
  /** The account whose storage and balance the code acts on. */
  readonly address: bigint;
  /** Where the code comes from (differs from `address` for CALLCODE and DELEGATECALL, and under EIP-7702 delegation). */
  readonly codeAddress: bigint;
  /** EIP-7702: `codeAddress` came from a delegation designator, so it runs as code, never as a precompile. */
  readonly delegated: boolean;
  readonly value: bigint;
  /** Whether `value` moves from caller to address (CALL, and the transaction itself). */
  readonly transfersValue: boolean;
  readonly input: Uint8Array;
  readonly gas: bigint;
  readonly isStatic: boolean;
  readonly depth: number;
}

/** What a call that finished without running code produced. */
export interface ImmediateOutcome {
  readonly success: boolean;
  readonly gasLeft: bigint;
  readonly output: Uint8Array;
  readonly halt: Halt;
}

/**
 * Starts a message call (Yellow Paper Θ): transfers value and either runs a precompile or an
 * empty account to completion (returned as an ImmediateOutcome) or returns the child frame.
 */
export function beginCall(ctx: ExecutionContext, message: CallMessage): Frame | ImmediateOutcome {
  const { state, fork } = ctx;
  const checkpoint = state.checkpoint();
  const precompile = message.delegated ? undefined : precompileAt(message.codeAddress, fork);
  if (message.transfersValue) {
    const deadAndPointless =
      !state.exists(message.address) && precompile === undefined && fork.emptyAccountsAreDead && message.value === 0n;
    if (!deadAndPointless) state.transfer(message.caller, message.address, message.value);
  } else if (message.isStatic && message.address === message.codeAddress && state.exists(message.address)) {
    // STATICCALL touches its target (a zero-value transfer), which matters for EIP-161 clearing.
    state.touch(message.address);
  }
  if (precompile !== undefined) {
    const gas = message.gas > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(message.gas);
    const result = precompile(message.input, gas, fork);
    if (result === "failure" || result === "out of gas") {
      state.revert(checkpoint);
      return { success: false, gasLeft: 0n, output: EMPTY_BYTES, halt: result === "failure" ? Halt.PrecompileFailure : Halt.OutOfGas };
    }
    return { success: true, gasLeft: message.gas - BigInt(result.gasUsed), output: result.output, halt: Halt.Success };
  }
  const code = state.codeOf(message.codeAddress);
  if (code.length === 0) return { success: true, gasLeft: message.gas, output: EMPTY_BYTES, halt: Halt.Success };
  return new Frame(
    FrameKind.Call,
    analysisOf(code),
    message.address,
    message.caller,
    message.value,
    message.input,
    message.isStatic,
    message.depth,
    checkpoint,
    message.gas,
  );
}

export interface CreateMessage {
  readonly caller: bigint;
  readonly address: bigint;
  readonly value: bigint;
  readonly initcode: Uint8Array;
  readonly gas: bigint;
  readonly depth: number;
}

/** EIP-684 (and EIP-7610): creation fails if the address already has code, a nonce or storage. */
export function hasCollision(ctx: ExecutionContext, address: bigint): boolean {
  const account = ctx.state.get(address);
  return account !== undefined && (account.nonce !== 0n || account.code.length > 0 || account.storage.size > 0);
}

/** Starts running initcode at a fresh account (the caller has checked for a collision and bumped its nonce). */
export function beginCreate(ctx: ExecutionContext, message: CreateMessage): Frame {
  const { state, fork } = ctx;
  const checkpoint = state.checkpoint();
  state.createContractAccount(message.address, fork.emptyAccountsAreDead ? 1n : 0n);
  state.transfer(message.caller, message.address, message.value);
  return new Frame(
    FrameKind.Create,
    analysisOf(message.initcode),
    message.address,
    message.caller,
    message.value,
    EMPTY_BYTES,
    false,
    message.depth,
    checkpoint,
    message.gas,
  );
}

function push(frame: Frame, value: bigint): void {
  frame.stack[frame.sp++] = value;
}

/** CALL, CALLCODE, DELEGATECALL, STATICCALL (Yellow Paper §9.4 and EIP-7, EIP-150, EIP-214, EIP-2929). */
export function callOp(ctx: ExecutionContext, frame: Frame, op: number): number {
  const { state, fork } = ctx;
  const stack = frame.stack;
  let sp = frame.sp;
  const requested = stack[--sp]!;
  const target = stack[--sp]! & ADDRESS_MASK;
  const hasValue = op === 0xf1 || op === 0xf2;
  const value = hasValue ? stack[--sp]! : 0n;
  const inOffset = stack[--sp]!;
  const inSize = stack[--sp]!;
  const outOffset = stack[--sp]!;
  const outSize = stack[--sp]!;
  frame.sp = sp;
  if (!touchMemory(frame, inOffset, inSize) || !touchMemory(frame, outOffset, outSize)) return Halt.OutOfGas;
  let extra = accountAccessCost(ctx, target);
  // EIP-7702: calling a delegated account also accesses (warm or cold) the delegate, whose code runs.
  const delegate = fork.delegation ? delegatedAddress(state.codeOf(target)) : null;
  if (delegate !== null) extra += accountAccessCost(ctx, delegate);
  if (value !== 0n) {
    extra += fork.gasCallValue;
    if (op === 0xf1) {
      const needsAccount = fork.emptyAccountsAreDead ? state.isDead(target) : !state.exists(target);
      if (needsAccount) extra += fork.gasNewAccount;
    }
  } else if (op === 0xf1 && !fork.emptyAccountsAreDead && !state.exists(target)) {
    extra += fork.gasNewAccount;
  }
  if (!useGas(frame, extra)) return Halt.OutOfGas;
  let callGas = requested;
  if (fork.allButOne64th) {
    const cap = allButOne64th(frame.totalGas());
    if (callGas > cap) callGas = cap;
  }
  if (callGas > frame.totalGas()) return Halt.OutOfGas;
  frame.setGas(frame.totalGas() - callGas);
  // EIP-214: only CALL moves value to another account; CALLCODE with value is allowed in a static frame.
  if (frame.isStatic && value !== 0n && op === 0xf1) return Halt.StaticStateChange;
  if (value !== 0n) callGas += BigInt(fork.gasCallStipend);
  frame.returnData = EMPTY_BYTES;
  if (frame.depth >= MAX_CALL_DEPTH || (hasValue && state.balanceOf(frame.address) < value)) {
    frame.returnGas(callGas);
    push(frame, 0n);
    return Halt.Running;
  }
  const input = inSize === 0n ? EMPTY_BYTES : frame.memory.slice(Number(inOffset), Number(inOffset) + Number(inSize));
  const message: CallMessage = {
    caller: op === 0xf4 ? frame.caller : frame.address,
    address: op === 0xf1 || op === 0xfa ? target : frame.address,
    codeAddress: delegate ?? target,
    delegated: delegate !== null,
    value: op === 0xf4 ? frame.value : value,
    transfersValue: op === 0xf1,
    input,
    gas: callGas,
    isStatic: frame.isStatic || op === 0xfa,
    depth: frame.depth + 1,
  };
  const started = beginCall(ctx, message);
  const retOffset = outSize === 0n ? 0 : Number(outOffset);
  const retSize = Number(outSize);
  if (started instanceof Frame) {
    started.retOffset = retOffset;
    started.retSize = retSize;
    ctx.frames.push(started);
    return SUSPEND;
  }
  frame.returnGas(started.gasLeft);
  frame.returnData = started.output;
  writeCallOutput(frame, retOffset, retSize, started.output);
  push(frame, started.success ? 1n : 0n);
  return Halt.Running;
}

function writeCallOutput(frame: Frame, offset: number, size: number, output: Uint8Array): void {
  const n = Math.min(size, output.length);
  if (n > 0) frame.memory.set(output.subarray(0, n), offset);
}

/** CREATE and CREATE2 (Yellow Paper §7, EIP-1014, EIP-3860). */
export function createOp(ctx: ExecutionContext, frame: Frame, op: number): number {
  const { state, fork } = ctx;
  const stack = frame.stack;
  let sp = frame.sp;
  const value = stack[--sp]!;
  const offset = stack[--sp]!;
  const size = stack[--sp]!;
  const salt = op === 0xf5 ? stack[--sp]! : 0n;
  frame.sp = sp;
  if (!touchMemory(frame, offset, size)) return Halt.OutOfGas;
  const length = Number(size);
  if (length > fork.maxInitcodeSize) return Halt.InitcodeSizeExceeded;
  const perWord = fork.gasInitcodeWord + (op === 0xf5 ? 6 : 0);
  if (!useGas(frame, perWord * wordCount(length))) return Halt.OutOfGas;
  // EIP-214, once the creation is priced (as geth's opCreate and execution-specs check it).
  if (frame.isStatic) return Halt.StaticStateChange;
  const initcode = length === 0 ? EMPTY_BYTES : frame.memory.slice(Number(offset), Number(offset) + length);
  const available = frame.totalGas();
  const childGas = fork.allButOne64th ? allButOne64th(available) : available;
  frame.setGas(available - childGas);
  frame.returnData = EMPTY_BYTES;
  const creator = state.get(frame.address);
  const nonce = creator?.nonce ?? 0n;
  if (frame.depth >= MAX_CALL_DEPTH || (creator?.balance ?? 0n) < value || nonce >= MAX_NONCE) {
    frame.returnGas(childGas);
    push(frame, 0n);
    return Halt.Running;
  }
  const address = op === 0xf5 ? create2Address(frame.address, salt, initcode) : createAddress(frame.address, nonce);
  state.setNonce(frame.address, nonce + 1n);
  if (fork.warmColdAccess) state.warmAddress(address);
  if (hasCollision(ctx, address)) {
    push(frame, 0n);
    return Halt.Running;
  }
  const child = beginCreate(ctx, {
    caller: frame.address,
    address,
    value,
    initcode,
    gas: childGas,
    depth: frame.depth + 1,
  });
  ctx.frames.push(child);
  return SUSPEND;
}

/**
 * Settles a frame that halted: reverts its state on failure, and for a creation charges the code
 * deposit (Yellow Paper eq. 113, EIP-170 size limit, EIP-3541 0xEF prefix) and installs the code.
 */
export function settleFrame(ctx: ExecutionContext, frame: Frame): void {
  const fork = ctx.fork;
  if (frame.status === Halt.Success && frame.kind === FrameKind.Create) {
    const code = frame.output;
    const depositCost = fork.gasCodeDeposit * code.length;
    if (fork.rejectEfCode && code.length > 0 && code[0] === 0xef) {
      frame.status = Halt.InvalidCodePrefix;
    } else if (code.length > fork.maxCodeSize) {
      frame.status = Halt.CodeSizeExceeded;
    } else if (BigInt(depositCost) > frame.totalGas()) {
      if (fork.codeDepositFailsCreation) frame.status = Halt.CodeStoreOutOfGas;
      else frame.output = EMPTY_BYTES;
    } else {
      frame.setGas(frame.totalGas() - BigInt(depositCost));
      ctx.state.setCode(frame.address, code);
    }
    if (frame.status === Halt.Success) frame.output = EMPTY_BYTES;
  }
  if (frame.status !== Halt.Success) ctx.state.revert(frame.checkpoint);
  if (frame.status >= Halt.Exceptional) {
    frame.setGas(0n);
    frame.output = EMPTY_BYTES;
  }
}

/** Hands a settled child's outcome to its parent: gas back, return data, memory output, and the status word. */
export function resumeParent(parent: Frame, child: Frame): void {
  parent.returnGas(child.totalGas());
  const success = child.status === Halt.Success;
  if (child.kind === FrameKind.Create) {
    parent.returnData = child.status === Halt.Revert ? child.output : EMPTY_BYTES;
    push(parent, success ? child.address : 0n);
  } else {
    parent.returnData = child.output;
    writeCallOutput(parent, child.retOffset, child.retSize, child.output);
    push(parent, success ? 1n : 0n);
  }
}
