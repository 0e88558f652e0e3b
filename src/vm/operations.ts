/**
 * Opcode bodies that run outside the hot loop: they touch the world state, copy memory or hash,
 * and are too large to inline. Each takes the frame with pc/gas/sp already stored, updates them,
 * and returns Halt.Running to continue or the reason the frame halts.
 */
import { EMPTY_BYTES, readWord } from "./bytes.js";
import { accountAccessCost } from "./access.js";
import type { ExecutionContext } from "./context.js";
import { type Frame, Halt } from "./frame.js";
import { keccak256 } from "./keccak.js";
import { copyToMemory, readMemory, touchMemory, useGas, wordCount } from "./memory.js";

export const ADDRESS_MASK = (1n << 160n) - 1n;
const MAX_UINT64 = (1n << 64n) - 1n;

/**
 * Recent KECCAK256 results for inputs of up to two words. Contracts hash the same short inputs
 * again and again (a mapping key with its slot, an array's slot, once per element access), and
 * Keccak-f in JavaScript costs microseconds where a lookup costs a fraction of one; the hash is a
 * pure function, so a hit returns exactly what hashing would. Bounded: emptied when full.
 */
const RECENT_HASHES = new Map<string, bigint>();
const RECENT_HASHES_LIMIT = 4096;
const MEMO_MAX_INPUT = 64;

function hashWord(data: Uint8Array): bigint {
  if (data.length > MEMO_MAX_INPUT) return readWord(keccak256(data), 0, 32);
  const key = Buffer.from(data.buffer, data.byteOffset, data.length).toString("latin1");
  let word = RECENT_HASHES.get(key);
  if (word === undefined) {
    word = readWord(keccak256(data), 0, 32);
    if (RECENT_HASHES.size >= RECENT_HASHES_LIMIT) RECENT_HASHES.clear();
    RECENT_HASHES.set(key, word);
  }
  return word;
}

/** KECCAK256: 30 + 6 per word, plus memory. */
export function keccakOp(frame: Frame): Halt {
  const stack = frame.stack;
  const offset = stack[frame.sp - 1]!;
  const size = stack[frame.sp - 2]!;
  if (!touchMemory(frame, offset, size)) return Halt.OutOfGas;
  if (!useGas(frame, 6 * wordCount(Number(size)))) return Halt.OutOfGas;
  frame.sp--;
  stack[frame.sp - 1] = hashWord(readMemory(frame, offset, size));
  return Halt.Running;
}

/**
 * CALLDATACOPY, CODECOPY, RETURNDATACOPY: 3 per word plus memory; RETURNDATACOPY past the end halts
 * (EIP-211) once it has been priced, so that running out of gas comes first, as in the spec and
 * go-ethereum, and a trace shows the full price.
 */
export function copyOp(frame: Frame, source: Uint8Array, checkBounds: boolean): Halt {
  const stack = frame.stack;
  const memOffset = stack[frame.sp - 1]!;
  const dataOffset = stack[frame.sp - 2]!;
  const size = stack[frame.sp - 3]!;
  frame.sp -= 3;
  if (!touchMemory(frame, memOffset, size)) return Halt.OutOfGas;
  if (!useGas(frame, 3 * wordCount(Number(size)))) return Halt.OutOfGas;
  if (checkBounds && dataOffset + size > BigInt(source.length)) return Halt.ReturnDataOutOfBounds;
  if (size !== 0n) copyToMemory(frame, Number(memOffset), source, dataOffset, Number(size));
  return Halt.Running;
}

/** MCOPY (EIP-5656): 3 per word plus memory covering both ranges; overlapping copies behave like memmove. */
export function mcopyOp(frame: Frame): Halt {
  const stack = frame.stack;
  const dest = stack[frame.sp - 1]!;
  const src = stack[frame.sp - 2]!;
  const size = stack[frame.sp - 3]!;
  frame.sp -= 3;
  if (!touchMemory(frame, src, size) || !touchMemory(frame, dest, size)) return Halt.OutOfGas;
  if (!useGas(frame, 3 * wordCount(Number(size)))) return Halt.OutOfGas;
  if (size !== 0n) frame.memory.copyWithin(Number(dest), Number(src), Number(src) + Number(size));
  return Halt.Running;
}

/** BALANCE, EXTCODESIZE, EXTCODEHASH: one account read, priced by the access rule. */
export function accountQueryOp(ctx: ExecutionContext, frame: Frame, op: number): Halt {
  const stack = frame.stack;
  const address = stack[frame.sp - 1]! & ADDRESS_MASK;
  if (!useGas(frame, accountAccessCost(ctx, address))) return Halt.OutOfGas;
  const account = ctx.state.get(address);
  let result: bigint;
  if (op === 0x31) result = account?.balance ?? 0n;
  else if (op === 0x3b) result = BigInt(account?.code.length ?? 0);
  // EIP-1052: 0 for a non-existent or empty account.
  else result = account === undefined || account.isEmpty() ? 0n : readWord(account.codeHash, 0, 32);
  stack[frame.sp - 1] = result;
  return Halt.Running;
}

export function extCodeCopyOp(ctx: ExecutionContext, frame: Frame): Halt {
  const stack = frame.stack;
  const address = stack[frame.sp - 1]! & ADDRESS_MASK;
  frame.sp--;
  if (!useGas(frame, accountAccessCost(ctx, address))) return Halt.OutOfGas;
  return copyOp(frame, ctx.state.codeOf(address), false);
}

/** SLOAD: fixed price before Berlin, warm 100 / cold 2100 from Berlin (EIP-2929). */
export function sloadOp(ctx: ExecutionContext, frame: Frame): Halt {
  const stack = frame.stack;
  const slot = stack[frame.sp - 1]!;
  const fork = ctx.fork;
  if (fork.warmColdAccess) {
    const cost = ctx.state.warmSlot(frame.address, slot) ? fork.gasWarmAccess : fork.gasColdSload;
    if (!useGas(frame, cost)) return Halt.OutOfGas;
  }
  stack[frame.sp - 1] = ctx.state.getStorage(frame.address, slot);
  return Halt.Running;
}

/**
 * SSTORE: legacy pricing (Yellow Paper Appendix G), EIP-1283/EIP-2200 net metering with original
 * values, EIP-2929 cold-slot surcharge, EIP-3529 smaller clearing refund.
 */
export function sstoreOp(ctx: ExecutionContext, frame: Frame): Halt {
  const fork = ctx.fork;
  const state = ctx.state;
  const stack = frame.stack;
  const slot = stack[frame.sp - 1]!;
  const value = stack[frame.sp - 2]!;
  frame.sp -= 2;
  const address = frame.address;
  if (fork.sstoreRule === "net-metered-with-sentry" && frame.gas <= fork.sstoreSentryGas && frame.gasReserve === 0n) {
    return Halt.OutOfGas;
  }
  const current = state.getStorage(address, slot);
  let cost = 0;
  if (fork.warmColdAccess && !state.warmSlot(address, slot)) cost += fork.gasColdSload;
  if (fork.sstoreRule === "legacy") {
    cost += current === 0n && value !== 0n ? fork.gasSstoreSet : fork.gasSstoreReset;
    if (!useGas(frame, cost)) return Halt.OutOfGas;
    if (frame.isStatic) return Halt.StaticStateChange;
    if (current !== 0n && value === 0n) state.addRefund(fork.refundSstoreClears);
  } else {
    const original = state.originalStorage(address, slot);
    if (current === value) cost += fork.gasSstoreNoop;
    else if (original === current) cost += original === 0n ? fork.gasSstoreSet : fork.gasSstoreReset;
    else cost += fork.gasSstoreNoop;
    if (!useGas(frame, cost)) return Halt.OutOfGas;
    if (frame.isStatic) return Halt.StaticStateChange;
    if (current !== value) {
      let refund = 0;
      if (original === current) {
        if (original !== 0n && value === 0n) refund += fork.refundSstoreClears;
      } else {
        if (original !== 0n) {
          if (current === 0n) refund -= fork.refundSstoreClears;
          else if (value === 0n) refund += fork.refundSstoreClears;
        }
        if (original === value) {
          refund += (original === 0n ? fork.gasSstoreSet : fork.gasSstoreReset) - fork.gasSstoreNoop;
        }
      }
      if (refund !== 0) state.addRefund(refund);
    }
  }
  if (current !== value) state.setStorage(address, slot, value);
  return Halt.Running;
}

/** TSTORE (EIP-1153): forbidden in a static context. */
export function tstoreOp(ctx: ExecutionContext, frame: Frame): Halt {
  if (frame.isStatic) return Halt.StaticStateChange;
  const stack = frame.stack;
  ctx.state.setTransient(frame.address, stack[frame.sp - 1]!, stack[frame.sp - 2]!);
  frame.sp -= 2;
  return Halt.Running;
}

/** LOG0..LOG4: 375 + 375 per topic (static) + 8 per byte + memory; forbidden in a static context, once priced. */
export function logOp(ctx: ExecutionContext, frame: Frame, topicCount: number): Halt {
  const stack = frame.stack;
  const offset = stack[frame.sp - 1]!;
  const size = stack[frame.sp - 2]!;
  if (!touchMemory(frame, offset, size)) return Halt.OutOfGas;
  if (!useGas(frame, 8 * Number(size))) return Halt.OutOfGas;
  if (frame.isStatic) return Halt.StaticStateChange;
  const topics: bigint[] = [];
  for (let i = 0; i < topicCount; i++) topics.push(stack[frame.sp - 3 - i]!);
  frame.sp -= 2 + topicCount;
  ctx.state.addLog({ address: frame.address, topics, data: readMemory(frame, offset, size) });
  return Halt.Running;
}

/** EXP: 10 + 50 (10 before EIP-160) per byte of the exponent. */
export function expOp(ctx: ExecutionContext, frame: Frame): Halt {
  const stack = frame.stack;
  const base = stack[frame.sp - 1]!;
  const exponent = stack[frame.sp - 2]!;
  const bytes = exponent === 0n ? 0 : Math.ceil(exponent.toString(16).length / 2);
  if (!useGas(frame, ctx.fork.gasExpByte * bytes)) return Halt.OutOfGas;
  frame.sp--;
  stack[frame.sp - 1] = exp256(base, exponent);
  return Halt.Running;
}

/** base^exponent mod 2^256 by square-and-multiply. */
export function exp256(base: bigint, exponent: bigint): bigint {
  if (exponent === 0n) return 1n;
  if (base === 0n || base === 1n) return base;
  if (base === 2n) return exponent < 256n ? 1n << exponent : 0n;
  let result = 1n;
  let b = base;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = BigInt.asUintN(256, result * b);
    e >>= 1n;
    if (e > 0n) b = BigInt.asUintN(256, b * b);
  }
  return result;
}

/** BLOCKHASH: the state-test convention keccak256(decimal digits of n) for the 256 most recent blocks, else 0. */
export function blockHash(ctx: ExecutionContext, n: bigint): bigint {
  const current = ctx.block.number;
  const recent = n < current && n + 256n >= current && n <= MAX_UINT64;
  return recent ? hashWord(new TextEncoder().encode(n.toString(10))) : 0n;
}

/** BLOBHASH (EIP-4844): the index-th versioned hash of the transaction, or 0. */
export function blobHash(ctx: ExecutionContext, index: bigint): bigint {
  const hashes = ctx.blobHashes;
  return index < BigInt(hashes.length) ? hashes[Number(index)]! : 0n;
}

/** RETURN and REVERT: the output is a copy of memory. */
export function returnOp(frame: Frame): Halt {
  const stack = frame.stack;
  const offset = stack[frame.sp - 1]!;
  const size = stack[frame.sp - 2]!;
  frame.sp -= 2;
  if (!touchMemory(frame, offset, size)) return Halt.OutOfGas;
  frame.output = size === 0n ? EMPTY_BYTES : readMemory(frame, offset, size);
  return Halt.Running;
}

/**
 * SELFDESTRUCT: moves the whole balance to the beneficiary and ends the frame. Before Cancun the
 * account is deleted at the end of the transaction; from Cancun (EIP-6780) only when it was
 * created in this same transaction.
 */
export function selfdestructOp(ctx: ExecutionContext, frame: Frame): Halt {
  const fork = ctx.fork;
  const state = ctx.state;
  const beneficiary = frame.stack[frame.sp - 1]! & ADDRESS_MASK;
  frame.sp--;
  let cost = 0;
  if (fork.warmColdAccess && !state.warmAddress(beneficiary)) cost += fork.gasColdAccountAccess;
  const balance = state.balanceOf(frame.address);
  if (fork.selfdestructNewAccountGas > 0) {
    const needsAccount = fork.emptyAccountsAreDead
      ? state.isDead(beneficiary) && balance !== 0n
      : !state.exists(beneficiary);
    if (needsAccount) cost += fork.selfdestructNewAccountGas;
  }
  if (!useGas(frame, cost)) return Halt.OutOfGas;
  if (frame.isStatic) return Halt.StaticStateChange;
  if (fork.refundSelfdestruct > 0 && !state.selfdestructed.has(frame.address)) {
    state.addRefund(fork.refundSelfdestruct);
  }
  state.transfer(frame.address, beneficiary, balance);
  if (!fork.selfdestructOnlyInCreatingTx || state.createdInTx.has(frame.address)) {
    state.setBalance(frame.address, 0n);
    state.markSelfdestructed(frame.address);
  }
  return Halt.Success;
}
