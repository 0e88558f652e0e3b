/**
 * The HEVM cheatcodes property suites call on 0x7109709ECfa91a80626fF3989D68f67F5b1DD12D (the
 * forge-std `Vm` interface: see src/compile/std/forge-std/Vm.sol), as the frame driver's
 * `intercept` hook. Written over any word domain, so the symbolic engine and the concrete replay
 * of a counterexample give a test the same cheatcodes.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { executeMessage, type Interception, type Machine } from "../spec/machine/execute.js";
import type { FrameResult, Message } from "../spec/machine/frame.js";
import type { World } from "../spec/machine/world.js";
import { bigIntToBytes, bytesToBigInt } from "../spec/primitives/bytes.js";
import type { MutableBlock } from "./host/symbolic-world.js";

/** The last 20 bytes of keccak256("hevm cheat code"). */
export const HEVM_ADDRESS = 0x7109709ecfa91a80626ff3989d68f67f5b1dd12dn;

/** console.log's address (forge-std's console.sol): calls to it are not "the next call" of a prank. */
export const CONSOLE_ADDRESS = 0x000000000000000000636f6e736f6c652e6c6f67n;

/** A cheatcode the engine does not implement, or bad arguments to one. */
export class CheatcodeError extends Error {
  readonly code = "CHEATCODE";
}

const selector = (signature: string): number => Number(bytesToBigInt(keccak_256(new TextEncoder().encode(signature)).subarray(0, 4)));

const SELECTORS = {
  assume: selector("assume(bool)"),
  prank: selector("prank(address)"),
  startPrank: selector("startPrank(address)"),
  stopPrank: selector("stopPrank()"),
  deal: selector("deal(address,uint256)"),
  warp: selector("warp(uint256)"),
  roll: selector("roll(uint256)"),
  store: selector("store(address,bytes32,bytes32)"),
  load: selector("load(address,bytes32)"),
  expectRevert: selector("expectRevert()"),
  expectRevertBytes: selector("expectRevert(bytes)"),
  expectRevertSelector: selector("expectRevert(bytes4)"),
  label: selector("label(address,string)"),
} as const;

const ADDRESS_MASK = (1n << 160n) - 1n;

/** What the cheatcodes may change: the world (storage, balances) and the block. */
export interface CheatEnvironment<W, B> {
  readonly world: World<W, B> & { setBalance(address: bigint, balance: bigint): void };
  readonly block: MutableBlock;
  /** Keeps the path only if the word is non-zero; false means the path is discarded. */
  assume(condition: W): boolean;
  /** Called when `vm.assume` rejects the path. */
  discard(): never;
  /**
   * A concrete stand-in for a word the machine keeps as a bigint (a pranked sender, a block
   * timestamp or number): the word itself when concrete; for a symbolic word, a placeholder that
   * the word domain turns back into the word (see `symbolicWords`' aliases).
   */
  standIn(word: W, kind: "address" | "balance" | "block"): bigint;
}

/** Cheatcode state that lasts across calls: pranks and an expected revert. */
interface CheatState {
  prank?: { caller: bigint; depth: number; persistent: boolean };
  expectRevert?: { depth: number; data?: Uint8Array; prefix: boolean };
}

/** The `intercept` hook for a machine; `machine` is the machine it is installed on (for expectRevert). */
export function cheatcodes<W, B>(env: CheatEnvironment<W, B>, machine: () => Machine<W, B>): (message: Message<B>) => Interception<B> | undefined {
  const state: CheatState = {};
  return (message) => {
    if (message.kind === "call" && message.codeAddress === HEVM_ADDRESS) return { result: cheat(env, state, machine(), message) };
    if (message.codeAddress === CONSOLE_ADDRESS) return undefined;
    let next = message;
    if (state.prank !== undefined && message.depth === state.prank.depth) {
      next = { ...message, caller: state.prank.caller };
      if (!state.prank.persistent) delete state.prank;
      // The pranked address pays the value, so its balance is the one the call needs (the CALL
      // rule checked the test contract's); without it the call fails as CALL does: no output, gas
      // back. Compared as words: either may be a placeholder of a symbolic amount.
      const { words } = machine();
      if (words.truthy(words.lt(words.constant(env.world.balance(next.caller)), words.constant(next.transfer)))) {
        return { result: revertWith(words.bytes(new Uint8Array(0)), next.gas) };
      }
    }
    if (state.expectRevert !== undefined && message.depth === state.expectRevert.depth) {
      const expected = state.expectRevert;
      delete state.expectRevert;
      const m = machine();
      const outcome = executeMessage({ ...m, intercept: cheatcodes(env, () => m) }, next);
      const gasLeft = outcome.result.kind === "halt" ? 0n : outcome.result.gasLeft;
      const met = outcome.result.kind !== "success" && revertMatches(m, expected, outcome.result.kind === "revert" ? outcome.result.output : undefined);
      return {
        result: met
          ? success(m.words.bytes(next.kind === "call" ? DUMMY_CALL_OUTPUT : new Uint8Array(0)), gasLeft)
          : revertWith(m.words.bytes(errorString("vm.expectRevert: the call did not revert as expected")), gasLeft),
      };
    }
    return next === message ? undefined : { message: next };
  };
}

/**
 * What a call whose expected revert was met returns: zeros, as forge does, so that the caller's
 * ABI decoder finds a value of any type of up to 256 words where it expects the call's result.
 */
const DUMMY_CALL_OUTPUT = new Uint8Array(8192);

/** Cheatcodes cost nothing: the caller gets back all the gas it passed. */
function success<B>(output: B, gasLeft: bigint): FrameResult<B> {
  return { kind: "success", output, gasLeft };
}

function revertWith<B>(output: B, gasLeft: bigint): FrameResult<B> {
  return { kind: "revert", output, gasLeft };
}

/** Error(string)'s selector: expectRevert(bytes) also matches a require message given as bytes. */
const ERROR_SELECTOR = Uint8Array.of(0x08, 0xc3, 0x79, 0xa0);

/** The revert data of `revert(message)`: Error(string), ABI-encoded. */
function errorString(message: string): Uint8Array {
  const text = new TextEncoder().encode(message);
  const out = new Uint8Array(4 + 64 + Math.ceil(text.length / 32) * 32);
  out.set(ERROR_SELECTOR);
  out[4 + 31] = 32;
  out.set(bigIntToBytes(BigInt(text.length), 32), 36);
  out.set(text, 68);
  return out;
}

/** Whether the revert data meets the expectation (forge-std: exact data, the Error(string) of it, or a selector prefix). */
function revertMatches<W, B>(machine: Machine<W, B>, expected: NonNullable<CheatState["expectRevert"]>, output: B | undefined): boolean {
  if (expected.data === undefined) return true;
  if (output === undefined) return false;
  const actual = machine.words.concreteBytes(output);
  if (actual === undefined) throw new CheatcodeError("vm.expectRevert against symbolic revert data");
  const want = expected.data;
  if (expected.prefix) return actual.length >= want.length && want.every((b, i) => actual[i] === b);
  if (actual.length === want.length && want.every((b, i) => actual[i] === b)) return true;
  // Error(string) with `want` as the message: selector, offset 32, length, padded bytes.
  const padded = Math.ceil(want.length / 32) * 32;
  if (actual.length !== 4 + 64 + padded || !ERROR_SELECTOR.every((b, i) => actual[i] === b)) return false;
  if (bytesToBigInt(actual.subarray(4, 36)) !== 32n || bytesToBigInt(actual.subarray(36, 68)) !== BigInt(want.length)) return false;
  return want.every((b, i) => actual[68 + i] === b);
}

function cheat<W, B>(env: CheatEnvironment<W, B>, state: CheatState, machine: Machine<W, B>, message: Message<B>): FrameResult<B> {
  const words = machine.words;
  const data = message.data;
  const head = words.concreteBytes(words.slice(data, words.constant(0n), 4));
  if (head === undefined) throw new CheatcodeError("cheatcode call with a symbolic selector");
  const id = Number(bytesToBigInt(head));
  const arg = (i: number): W => words.fromBytes(words.slice(data, words.constant(BigInt(4 + 32 * i)), 32));
  const concreteArg = (i: number, what: string): bigint => words.need(arg(i), `vm.${what} argument`);
  const none = success(words.bytes(new Uint8Array(0)), message.gas);
  // Calls from the frame that used the cheatcode have the cheatcode call's depth.
  const depth = message.depth;
  switch (id) {
    case SELECTORS.assume:
      if (!env.assume(arg(0))) env.discard();
      return none;
    case SELECTORS.prank:
    case SELECTORS.startPrank:
      state.prank = { caller: env.standIn(arg(0), "address") & ADDRESS_MASK, depth, persistent: id === SELECTORS.startPrank };
      return none;
    case SELECTORS.stopPrank:
      delete state.prank;
      return none;
    case SELECTORS.deal:
      env.world.setBalance(env.standIn(arg(0), "address") & ADDRESS_MASK, env.standIn(arg(1), "balance"));
      return none;
    case SELECTORS.warp:
      env.block.timestamp = env.standIn(arg(0), "block");
      return none;
    case SELECTORS.roll:
      env.block.number = env.standIn(arg(0), "block");
      return none;
    case SELECTORS.store:
      env.world.sstore(concreteArg(0, "store") & ADDRESS_MASK, arg(1), arg(2));
      return none;
    case SELECTORS.load:
      return success(words.toBytes(env.world.sload(concreteArg(0, "load") & ADDRESS_MASK, arg(1))), message.gas);
    case SELECTORS.expectRevert:
      state.expectRevert = { depth, prefix: false };
      return none;
    case SELECTORS.expectRevertSelector: {
      const selectorBytes = words.concreteBytes(words.slice(data, words.constant(4n), 4));
      if (selectorBytes === undefined) throw new CheatcodeError("vm.expectRevert with a symbolic selector");
      state.expectRevert = { depth, data: selectorBytes, prefix: true };
      return none;
    }
    case SELECTORS.expectRevertBytes: {
      const offset = concreteArg(0, "expectRevert");
      const length = words.need(words.fromBytes(words.slice(data, words.constant(4n + offset), 32)), "vm.expectRevert data length");
      const bytes = words.concreteBytes(words.slice(data, words.constant(4n + offset + 32n), Number(length)));
      if (bytes === undefined) throw new CheatcodeError("vm.expectRevert with symbolic revert data");
      state.expectRevert = { depth, data: bytes, prefix: false };
      return none;
    }
    case SELECTORS.label:
      return none;
    default:
      throw new CheatcodeError(`unsupported cheatcode 0x${id.toString(16).padStart(8, "0")}`);
  }
}
