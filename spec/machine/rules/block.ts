/** Block information, 0x40-0x4a (Yellow Paper, Appendix H.2; EIP-1344, EIP-1884, EIP-3198, EIP-4399, EIP-4844, EIP-7516). */
import type { Frame } from "../frame.js";

function pushValue<W, B>(f: Frame<W, B>, value: bigint): void {
  // stack: nothing popped; gas: static only
  // operation
  f.push(f.words.constant(value));
  // program counter
  f.pc += 1;
}

/** BLOCKHASH: the hash of one of the 256 most recent complete blocks, else 0. */
export function BLOCKHASH<W, B>(f: Frame<W, B>): void {
  // stack
  const number = f.words.need(f.pop(), "BLOCKHASH block number");
  // gas: static only
  // operation
  const current = f.host.block.number;
  const recent = number < current && number + 256n >= current;
  f.push(f.words.constant(recent ? f.host.blockHash(number) : 0n));
  // program counter
  f.pc += 1;
}

export const COINBASE = <W, B>(f: Frame<W, B>): void => pushValue(f, f.host.block.coinbase);
export const TIMESTAMP = <W, B>(f: Frame<W, B>): void => pushValue(f, f.host.block.timestamp);
export const NUMBER = <W, B>(f: Frame<W, B>): void => pushValue(f, f.host.block.number);
/** 0x44: DIFFICULTY until the Merge, PREVRANDAO after it (EIP-4399). */
export const PREVRANDAO = <W, B>(f: Frame<W, B>): void =>
  pushValue(f, f.host.schedule.prevRandaoReplacesDifficulty ? f.host.block.prevRandao : f.host.block.difficulty);
export const GASLIMIT = <W, B>(f: Frame<W, B>): void => pushValue(f, f.host.block.gasLimit);
export const CHAINID = <W, B>(f: Frame<W, B>): void => pushValue(f, f.host.block.chainId);
export const SELFBALANCE = <W, B>(f: Frame<W, B>): void => pushValue(f, f.host.balance(f.message.address));
export const BASEFEE = <W, B>(f: Frame<W, B>): void => pushValue(f, f.host.block.baseFee);
export const BLOBBASEFEE = <W, B>(f: Frame<W, B>): void => pushValue(f, f.host.block.blobBaseFee);

/** BLOBHASH: the versioned hash of the transaction's blob at the index, else 0 (EIP-4844). */
export function BLOBHASH<W, B>(f: Frame<W, B>): void {
  // stack
  const index = f.words.need(f.pop(), "BLOBHASH index");
  // gas: static only
  // operation
  const hashes = f.host.tx.blobHashes;
  f.push(f.words.constant(index < BigInt(hashes.length) ? hashes[Number(index)]! : 0n));
  // program counter
  f.pc += 1;
}
