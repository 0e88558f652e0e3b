/**
 * System operations, 0xf0-0xff: creating accounts, calling, returning, reverting and
 * self-destructing (Yellow Paper, Appendix H.2; EIP-7, EIP-150, EIP-161, EIP-211, EIP-214,
 * EIP-1014, EIP-2929, EIP-3860, EIP-6780). Sub-calls are not run here: the rule returns a
 * `subcall` with a `resume` continuation and the driver runs the child frame.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bigIntToBytes, bytesToBigInt, concatBytes } from "../../primitives/bytes.js";
import { rlpEncode, rlpEncodeUint } from "../../primitives/rlp.js";
import { ExceptionalHalt } from "../exceptions.js";
import { UnsupportedSymbolic } from "../../word/words.js";
import { CALL_DEPTH_LIMIT, type Control, type Frame, type Message, type SubCallResult } from "../frame.js";
import { delegatedAddress } from "../delegation.js";
import { accountAccessCost, allButOne64th, charge, initcodeCost, keccakWordCost, useMemory } from "../gas.js";
import { forbidInStaticContext } from "../static-context.js";

const ADDRESS_MASK = (1n << 160n) - 1n;
const MAX_NONCE = (1n << 64n) - 1n;

/** EIP-150: the gas a frame may pass on (before it, all of it). */
function passableGas<W, B>(f: Frame<W, B>, gas: bigint): bigint {
  return f.host.schedule.allButOne64th ? allButOne64th(gas) : gas;
}

/** The address of a contract made by CREATE: keccak256(rlp([sender, nonce]))[12:]. */
export function createAddress(sender: bigint, nonce: bigint): bigint {
  const encoded = rlpEncode([bigIntToBytes(sender, 20), rlpEncodeUint(nonce)]);
  return bytesToBigInt(keccak_256(encoded).subarray(12));
}

/** The address of a contract made by CREATE2: keccak256(0xff ‖ sender ‖ salt ‖ keccak256(initcode))[12:] (EIP-1014). */
export function create2Address(sender: bigint, salt: bigint, initcode: Uint8Array): bigint {
  const preimage = concatBytes(
    Uint8Array.of(0xff),
    bigIntToBytes(sender, 20),
    bigIntToBytes(salt, 32),
    keccak_256(initcode),
  );
  return bytesToBigInt(keccak_256(preimage).subarray(12));
}

/**
 * Whether the executing account cannot pay `value`. The comparison is one of words, not of the
 * bigints the host and `need` give, so that a symbolic domain decides it over a symbolic balance
 * or value; on concrete words it is the plain `balance < value`.
 */
function cannotPay<W, B>(f: Frame<W, B>, value: W): boolean {
  return f.words.truthy(f.words.lt(f.words.constant(f.host.balance(f.message.address)), value));
}

/** The shape CREATE and CREATE2 share once their address is known (execution-specs' generic_create). */
function create<W, B>(f: Frame<W, B>, name: string, valueWord: W, initcode: Initcode<B>, addressOf: (nonce: bigint) => bigint): Control<B> | void {
  const value = f.words.need(valueWord, `${name} value`);
  const host = f.host;
  const self = f.message.address;
  const gas = passableGas(f, f.gas);
  f.gas -= gas;
  f.returnData = f.words.bytes(new Uint8Array(0));
  const nonce = host.nonce(self);
  if (cannotPay(f, valueWord) || nonce === MAX_NONCE || f.message.depth + 1 > CALL_DEPTH_LIMIT) {
    f.gas += gas;
    f.push(f.words.constant(0n));
    f.pc += 1;
    return;
  }
  const address = addressOf(nonce);
  host.touchAccount(address);
  host.incrementNonce(self);
  const message: Message<B> = {
    kind: "create",
    caller: self,
    address,
    codeAddress: address,
    value,
    transfer: value,
    data: f.words.bytes(new Uint8Array(0)),
    code: initcode.code,
    ...(initcode.symbolicTail !== undefined && { symbolicTail: initcode.symbolicTail }),
    gas,
    depth: f.message.depth + 1,
    isStatic: false,
  };
  return {
    kind: "subcall",
    message,
    resume: (result: SubCallResult<B>) => {
      f.gas += result.gasLeft;
      f.returnData = result.success ? f.words.bytes(new Uint8Array(0)) : result.output;
      f.push(f.words.constant(result.success ? result.createdAddress! : 0n));
      f.pc += 1;
    },
  };
}

/** Reads the initcode operands and charges what CREATE and CREATE2 both pay (memory, EIP-3860). */
/** Initcode to run: its bytes, and the symbolic tail a symbolic domain may leave in it (see `Message.symbolicTail`). */
interface Initcode<B> {
  readonly code: Uint8Array;
  readonly symbolicTail?: { readonly from: number; readonly bytes: B };
}

function initcodeOperand<W, B>(f: Frame<W, B>, offset: bigint, size: bigint): Initcode<B> {
  const limit = f.host.schedule.maxInitcodeSize;
  const [start, length] = useMemory(f, offset, size);
  if (limit !== null && size > BigInt(limit)) throw new ExceptionalHalt("out of gas", "EIP-3860: initcode larger than the limit");
  charge(f, initcodeCost(f, size));
  const bytes = f.memory.read(start, length);
  const initcode = f.words.concreteBytes(bytes);
  if (initcode !== undefined) return { code: initcode };
  // A symbolic domain: the code that runs must be concrete, so the symbolic bytes must all come
  // after it (constructor arguments appended to the code); find where they begin.
  let from = 0;
  let to = length;
  while (from < to) {
    const middle = Math.ceil((from + to) / 2);
    if (f.words.concreteBytes(f.words.slice(bytes, f.words.constant(0n), middle)) !== undefined) from = middle;
    else to = middle - 1;
  }
  const prefix = f.words.concreteBytes(f.words.slice(bytes, f.words.constant(0n), from)) ?? new Uint8Array(0);
  const code = new Uint8Array(length);
  code.set(prefix);
  return { code, symbolicTail: { from, bytes } };
}

export function CREATE<W, B>(f: Frame<W, B>): Control<B> | void {
  // stack
  const value = f.pop();
  const offset = f.words.need(f.pop(), "CREATE offset");
  const size = f.words.need(f.pop(), "CREATE size");
  // gas
  const initcode = initcodeOperand(f, offset, size);
  forbidInStaticContext(f);
  // operation and program counter
  return create(f, "CREATE", value, initcode, (nonce) => createAddress(f.message.address, nonce));
}

export function CREATE2<W, B>(f: Frame<W, B>): Control<B> | void {
  // stack
  const value = f.pop();
  const offset = f.words.need(f.pop(), "CREATE2 offset");
  const size = f.words.need(f.pop(), "CREATE2 size");
  const salt = f.words.need(f.pop(), "CREATE2 salt");
  // gas: as CREATE, plus hashing the initcode
  const initcode = initcodeOperand(f, offset, size);
  charge(f, keccakWordCost(f, size));
  forbidInStaticContext(f);
  // The address hashes the initcode, which must then be concrete.
  if (initcode.symbolicTail !== undefined) throw new UnsupportedSymbolic("CREATE2 of initcode with symbolic bytes (constructor arguments)");
  // operation and program counter
  return create(f, "CREATE2", value, initcode, () => create2Address(f.message.address, salt, initcode.code));
}

/** How one of the four call opcodes shapes its message. */
interface CallKind {
  readonly name: string;
  readonly hasValue: boolean;
  /** The value moves to the callee's own account (CALL), or stays with the caller (CALLCODE). */
  readonly runsInCallee: boolean;
  readonly delegates: boolean;
  readonly isStatic: boolean;
}

const CALL_KINDS = {
  CALL: { name: "CALL", hasValue: true, runsInCallee: true, delegates: false, isStatic: false },
  CALLCODE: { name: "CALLCODE", hasValue: true, runsInCallee: false, delegates: false, isStatic: false },
  DELEGATECALL: { name: "DELEGATECALL", hasValue: false, runsInCallee: false, delegates: true, isStatic: false },
  STATICCALL: { name: "STATICCALL", hasValue: false, runsInCallee: true, delegates: false, isStatic: true },
} as const satisfies Record<string, CallKind>;

/** The shape all four call opcodes share (execution-specs' generic_call and calculate_message_call_gas). */
function call<W, B>(f: Frame<W, B>, kind: CallKind): Control<B> | void {
  const s = f.host.schedule;
  // stack
  const requestedGas = f.words.need(f.pop(), `${kind.name} gas`);
  const target = f.words.need(f.pop(), `${kind.name} address`) & ADDRESS_MASK;
  const valueWord = kind.hasValue ? f.pop() : f.words.constant(0n);
  const value = f.words.need(valueWord, `${kind.name} value`);
  const inOffset = f.words.need(f.pop(), `${kind.name} input offset`);
  const inSize = f.words.need(f.pop(), `${kind.name} input size`);
  const outOffset = f.words.need(f.pop(), `${kind.name} output offset`);
  const outSize = f.words.need(f.pop(), `${kind.name} output size`);

  // gas: memory for both ranges, access, value transfer, new account; then the callee's share
  const [inStart, inLength] = useMemory(f, inOffset, inSize);
  const [outStart, outLength] = useMemory(f, outOffset, outSize);
  let extra = accountAccessCost(f, target, s.gasCall);
  // EIP-7702: a designator at the target runs its delegate's code, whose account is accessed too.
  const delegate = s.codeDelegation ? delegatedAddress(f.host.code(target)) : undefined;
  if (delegate !== undefined) extra += accountAccessCost(f, delegate, s.gasCall);
  if (value !== 0n) extra += s.gasCallValue;
  if (kind.runsInCallee && !kind.isStatic && needsNewAccount(f, target, value)) extra += s.gasNewAccount;
  charge(f, extra);
  const gas = s.allButOne64th && requestedGas > passableGas(f, f.gas) ? passableGas(f, f.gas) : requestedGas;
  charge(f, gas);
  if (f.message.isStatic && value !== 0n && kind.runsInCallee) {
    throw new ExceptionalHalt("write protection", "CALL with value in a static context");
  }
  const childGas = value !== 0n ? gas + s.gasCallStipend : gas;

  // operation
  f.returnData = f.words.bytes(new Uint8Array(0));
  const self = f.message.address;
  if (cannotPay(f, valueWord) || f.message.depth + 1 > CALL_DEPTH_LIMIT) {
    f.gas += childGas;
    f.push(f.words.constant(0n));
    f.pc += 1;
    return;
  }
  const message: Message<B> = {
    kind: "call",
    caller: kind.delegates ? f.message.caller : self,
    address: kind.runsInCallee ? target : self,
    codeAddress: delegate ?? target,
    value: kind.delegates ? f.message.value : value,
    transfer: kind.delegates ? 0n : value,
    data: f.memory.read(inStart, inLength),
    code: f.host.code(delegate ?? target),
    gas: childGas,
    depth: f.message.depth + 1,
    isStatic: kind.isStatic || f.message.isStatic,
    ...(delegate !== undefined && { delegated: true }),
  };
  return {
    kind: "subcall",
    message,
    resume: (result: SubCallResult<B>) => {
      f.gas += result.gasLeft;
      f.returnData = result.output;
      f.push(f.words.constant(result.success ? 1n : 0n));
      const copied = Math.min(outLength, f.words.length(result.output));
      if (copied > 0) f.memory.write(outStart, f.words.slice(result.output, f.words.constant(0n), copied));
      // program counter
      f.pc += 1;
    },
  };
}

/** G_newaccount applies when the call brings an account into being (EIP-161: only with value, to a dead one). */
function needsNewAccount<W, B>(f: Frame<W, B>, target: bigint, value: bigint): boolean {
  if (f.host.schedule.emptyAccountsAreDead) return value !== 0n && f.host.isDead(target);
  return !f.host.exists(target);
}

export const CALL = <W, B>(f: Frame<W, B>): Control<B> | void => call(f, CALL_KINDS.CALL);
export const CALLCODE = <W, B>(f: Frame<W, B>): Control<B> | void => call(f, CALL_KINDS.CALLCODE);
export const DELEGATECALL = <W, B>(f: Frame<W, B>): Control<B> | void => call(f, CALL_KINDS.DELEGATECALL);
export const STATICCALL = <W, B>(f: Frame<W, B>): Control<B> | void => call(f, CALL_KINDS.STATICCALL);

/** The shape of RETURN and REVERT: the frame ends with a slice of memory as its output. */
function finish<W, B>(f: Frame<W, B>, name: string, kind: "success" | "revert"): Control<B> {
  // stack
  const offset = f.words.need(f.pop(), `${name} offset`);
  const size = f.words.need(f.pop(), `${name} size`);
  // gas
  const [start, length] = useMemory(f, offset, size);
  // operation (the program counter no longer matters)
  return { kind: "stop", result: { kind, output: f.memory.read(start, length), gasLeft: f.gas } };
}

export const RETURN = <W, B>(f: Frame<W, B>): Control<B> => finish(f, "RETURN", "success");
/** REVERT (EIP-140): ends the frame, undoing its changes but keeping its remaining gas. */
export const REVERT = <W, B>(f: Frame<W, B>): Control<B> => finish(f, "REVERT", "revert");

export function SELFDESTRUCT<W, B>(f: Frame<W, B>): Control<B> {
  const s = f.host.schedule;
  const self = f.message.address;
  // stack
  const beneficiary = f.words.need(f.pop(), "SELFDESTRUCT beneficiary") & ADDRESS_MASK;
  // gas: static G_selfdestruct was charged by step; cold beneficiary; creating the beneficiary
  if (s.accessRule === "warm-cold" && f.host.touchAccount(beneficiary)) charge(f, s.gasColdAccountAccess);
  const createsAccount = s.emptyAccountsAreDead
    ? f.host.isDead(beneficiary) && f.host.balance(self) !== 0n
    : !f.host.exists(beneficiary);
  if (createsAccount && s.gasSelfdestruct !== 0n) charge(f, s.gasNewAccount);
  forbidInStaticContext(f);
  // operation
  if (s.refundSelfdestruct !== 0n && !f.host.isScheduledForDeletion(self)) f.host.addRefund(s.refundSelfdestruct);
  f.host.selfdestruct(self, beneficiary);
  // program counter: the frame ends
  return { kind: "stop", result: { kind: "success", output: f.words.bytes(new Uint8Array(0)), gasLeft: f.gas } };
}
