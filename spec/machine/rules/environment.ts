/** Environmental information, 0x30-0x3f (Yellow Paper, Appendix H.2; EIP-211, EIP-1052, EIP-2929). */
import { accountAccessCost, charge, copyCost, useMemory } from "../gas.js";
import { ExceptionalHalt } from "../exceptions.js";
import type { Frame } from "../frame.js";

const ADDRESS_MASK = (1n << 160n) - 1n;

/** An address operand: the low 160 bits of the word. */
function addressOperand<W, B>(f: Frame<W, B>, what: string): bigint {
  return f.words.need(f.pop(), what) & ADDRESS_MASK;
}

/** The shape of the rules that push one value from the environment. */
function pushValue<W, B>(f: Frame<W, B>, value: bigint): void {
  // stack: nothing popped; gas: static only
  // operation
  f.push(f.words.constant(value));
  // program counter
  f.pc += 1;
}

export const ADDRESS = <W, B>(f: Frame<W, B>): void => pushValue(f, f.message.address);
export const ORIGIN = <W, B>(f: Frame<W, B>): void => pushValue(f, f.host.tx.origin);
export const CALLER = <W, B>(f: Frame<W, B>): void => pushValue(f, f.message.caller);
export const CALLVALUE = <W, B>(f: Frame<W, B>): void => pushValue(f, f.message.value);
/** The length of a byte string, pushed as a word (`pushValue`'s shape): a symbolic domain may give it a symbolic length. */
function pushSize<W, B>(f: Frame<W, B>, bytes: B): void {
  // stack: nothing popped; gas: static only
  // operation
  f.push(f.words.size(bytes));
  // program counter
  f.pc += 1;
}

export const CALLDATASIZE = <W, B>(f: Frame<W, B>): void => pushSize(f, f.message.data);
export const CODESIZE = <W, B>(f: Frame<W, B>): void => pushValue(f, BigInt(f.message.code.length));
export const GASPRICE = <W, B>(f: Frame<W, B>): void => pushValue(f, f.host.tx.gasPrice);
export const RETURNDATASIZE = <W, B>(f: Frame<W, B>): void => pushSize(f, f.returnData);

export function BALANCE<W, B>(f: Frame<W, B>): void {
  // stack
  const address = addressOperand(f, "BALANCE address");
  // gas
  charge(f, accountAccessCost(f, address, f.host.schedule.gasBalance));
  // operation
  f.push(f.words.constant(f.host.balance(address)));
  // program counter
  f.pc += 1;
}

export function CALLDATALOAD<W, B>(f: Frame<W, B>): void {
  // stack
  const offset = f.pop();
  // gas: static only
  // operation: 32 bytes from the offset, zero-filled past the end of the data
  f.push(f.words.fromBytes(f.words.slice(f.message.data, offset, 32)));
  // program counter
  f.pc += 1;
}

/** The shape of CALLDATACOPY and CODECOPY: copy a zero-filled slice of `source` into memory. */
function copyToMemory<W, B>(f: Frame<W, B>, source: B, name: string): void {
  // stack
  const destination = f.words.need(f.pop(), `${name} memory offset`);
  const offset = f.pop();
  const size = f.words.need(f.pop(), `${name} size`);
  // gas
  const [start, length] = useMemory(f, destination, size);
  charge(f, copyCost(f, size));
  // operation
  if (length > 0) f.memory.write(start, f.words.slice(source, offset, length));
  // program counter
  f.pc += 1;
}

export const CALLDATACOPY = <W, B>(f: Frame<W, B>): void => copyToMemory(f, f.message.data, "CALLDATACOPY");
export const CODECOPY = <W, B>(f: Frame<W, B>): void =>
  copyToMemory(f, f.message.symbolicTail?.bytes ?? f.words.bytes(f.message.code), "CODECOPY");

export function EXTCODESIZE<W, B>(f: Frame<W, B>): void {
  // stack
  const address = addressOperand(f, "EXTCODESIZE address");
  // gas
  charge(f, accountAccessCost(f, address, f.host.schedule.gasExtCode));
  // operation
  f.push(f.words.constant(BigInt(f.host.code(address).length)));
  // program counter
  f.pc += 1;
}

export function EXTCODECOPY<W, B>(f: Frame<W, B>): void {
  // stack
  const address = addressOperand(f, "EXTCODECOPY address");
  const destination = f.words.need(f.pop(), "EXTCODECOPY memory offset");
  const offset = f.pop();
  const size = f.words.need(f.pop(), "EXTCODECOPY size");
  // gas
  const [start, length] = useMemory(f, destination, size);
  charge(f, copyCost(f, size));
  charge(f, accountAccessCost(f, address, f.host.schedule.gasExtCode));
  // operation
  if (length > 0) f.memory.write(start, f.words.slice(f.words.bytes(f.host.code(address)), offset, length));
  // program counter
  f.pc += 1;
}

/** RETURNDATACOPY: unlike the other copies, reading past the end is an exceptional halt (EIP-211). */
export function RETURNDATACOPY<W, B>(f: Frame<W, B>): void {
  // stack
  const destination = f.words.need(f.pop(), "RETURNDATACOPY memory offset");
  const source = f.pop();
  const offset = f.words.need(source, "RETURNDATACOPY source offset");
  const size = f.words.need(f.pop(), "RETURNDATACOPY size");
  // gas
  const [start, length] = useMemory(f, destination, size);
  charge(f, copyCost(f, size));
  // operation
  if (offset + size > BigInt(f.words.length(f.returnData))) throw new ExceptionalHalt("return data out of bounds");
  if (length > 0) f.memory.write(start, f.words.slice(f.returnData, source, length));
  // program counter
  f.pc += 1;
}

export function EXTCODEHASH<W, B>(f: Frame<W, B>): void {
  // stack
  const address = addressOperand(f, "EXTCODEHASH address");
  // gas
  charge(f, accountAccessCost(f, address, f.host.schedule.gasExtCodeHash));
  // operation
  f.push(f.words.constant(f.host.codeHash(address)));
  // program counter
  f.pc += 1;
}
