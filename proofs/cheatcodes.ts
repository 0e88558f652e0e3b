/**
 * The HEVM cheatcodes property suites call on 0x7109709ECfa91a80626fF3989D68f67F5b1DD12D (the
 * forge-std `Vm` interface: see src/compile/std/forge-std/Vm.sol), as the frame driver's
 * `intercept` hook. Written over any word domain, so the symbolic engine and the concrete replay
 * of a counterexample give a test the same cheatcodes.
 */
import { executeMessage, type Interception, type Machine } from "../spec/machine/execute.js";
import type { FrameResult, Message } from "../spec/machine/frame.js";
import type { World } from "../spec/machine/world.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { abiBytes, abiString, addressOfKey, checksummed, errorData, errorString, forgeCheatcodeError, forgeCheatcodeErrorData, privateKey } from "./cheatcode-values.js";
import { ASSERTION_CHEATCODES, type AssertionCheatcode } from "./assertions.js";
import { selectorNumber } from "./selector.js";
import { bigIntToBytes, bytesToBigInt, bytesToHex, concatBytes } from "../spec/primitives/bytes.js";
import type { MutableTransaction } from "./environment.js";
import type { MutableBlock } from "./host/symbolic-world.js";

/** The last 20 bytes of keccak256("hevm cheat code"). */
export const HEVM_ADDRESS = 0x7109709ecfa91a80626ff3989d68f67f5b1dd12dn;

/** console.log's address (forge-std's console.sol): calls to it are not "the next call" of a prank. */
export const CONSOLE_ADDRESS = 0x000000000000000000636f6e736f6c652e6c6f67n;

/** A cheatcode the engine does not implement, or bad arguments to one. */
export class CheatcodeError extends Error {
  readonly code = "CHEATCODE";
}

const signatures = new Map<number, string>();

/** The signature of every cheatcode served, by selector: how a trace names a call to the cheatcode address. */
export const CHEATCODE_SIGNATURES: ReadonlyMap<number, string> = signatures;

const selector = (signature: string): number => {
  const value = selectorNumber(signature);
  signatures.set(value, signature);
  return value;
};

/** The vm.assert* family (see assertions.ts), by selector. */
const ASSERTIONS: ReadonlyMap<number, AssertionCheatcode> = new Map([...ASSERTION_CHEATCODES].map(([signature, check]) => [selector(signature), check]));

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
  expectEmit: selector("expectEmit()"),
  expectEmitFrom: selector("expectEmit(address)"),
  expectEmitChecks: selector("expectEmit(bool,bool,bool,bool)"),
  expectEmitChecksFrom: selector("expectEmit(bool,bool,bool,bool,address)"),
  expectRevertBytes: selector("expectRevert(bytes)"),
  expectRevertSelector: selector("expectRevert(bytes4)"),
  label: selector("label(address,string)"),
  prankOrigin: selector("prank(address,address)"),
  startPrankOrigin: selector("startPrank(address,address)"),
  addr: selector("addr(uint256)"),
  etch: selector("etch(address,bytes)"),
  chainId: selector("chainId(uint256)"),
  fee: selector("fee(uint256)"),
  coinbase: selector("coinbase(address)"),
  prevrandao: selector("prevrandao(bytes32)"),
  prevrandaoNumber: selector("prevrandao(uint256)"),
  difficulty: selector("difficulty(uint256)"),
  setNonce: selector("setNonce(address,uint64)"),
  getNonce: selector("getNonce(address)"),
  getBlockTimestamp: selector("getBlockTimestamp()"),
  getBlockNumber: selector("getBlockNumber()"),
  mockCall: selector("mockCall(address,bytes,bytes)"),
  clearMockedCalls: selector("clearMockedCalls()"),
  toStringAddress: selector("toString(address)"),
  toStringBytes: selector("toString(bytes)"),
  toStringBytes32: selector("toString(bytes32)"),
  toStringBool: selector("toString(bool)"),
  toStringUint: selector("toString(uint256)"),
  toStringInt: selector("toString(int256)"),
  sign: selector("sign(uint256,bytes32)"),
  snapshot: selector("snapshot()"),
  snapshotState: selector("snapshotState()"),
  revertTo: selector("revertTo(uint256)"),
  revertToState: selector("revertToState(uint256)"),
  getCode: selector("getCode(string)"),
  expectCall: selector("expectCall(address,bytes)"),
} as const;

const ADDRESS_MASK = (1n << 160n) - 1n;

/** A log as the cheatcodes read it back (vm.expectEmit). */
export interface EmittedLog<W, B> {
  readonly address: bigint;
  readonly topics: readonly W[];
  readonly data: B;
}

/** How a test fails whose vm.expectCall saw no such call. */
export const MISSED_EXPECT_CALL = "a vm.expectCall was not met";

/** vm.expectCall: a call to `callee` whose calldata starts with `data` must happen before the test's call ends. */
export interface ExpectedCall<B> {
  readonly callee: bigint;
  readonly data: B;
  met: boolean;
}

/** What the cheatcodes may change: the world (storage, balances, code), the block and tx.origin. */
export interface CheatEnvironment<W, B> {
  readonly world: World<W, B> & { setBalance(address: bigint, balance: bigint): void; readonly logs: readonly EmittedLog<W, B>[] };
  readonly block: MutableBlock;
  readonly tx: MutableTransaction;
  /**
   * A call did not do what the test expected of it (revert, emit an event): the test fails (as in
   * forge), whatever the test does with the call's outcome afterwards.
   */
  expectationMissed(what: string): void;
  /** The calls vm.expectCall expects; whoever runs the test's call checks them when it ends. */
  readonly expectedCalls: ExpectedCall<B>[];
  /** The creation code of a compiled contract, by the name vm.getCode is given. */
  artifact(what: string): Uint8Array | undefined;
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

/** Highest nonce `vm.setNonce` reaches (the world only increments nonces, one at a time). */
const MAX_SET_NONCE = 1n << 16n;

/** Cheatcode state that lasts across calls: pranks and an expected revert. */
interface CheatState<B> {
  prank?: { caller: bigint; origin?: bigint; depth: number; persistent: boolean };
  /** tx.origin before a persistent prank with an origin, restored by stopPrank. */
  savedOrigin?: bigint;
  /** The next call must revert: with any data, with data starting with a selector, or with exactly some data (or an Error(string) of it). */
  expectRevert?: { depth: number; data?: { kind: "selector"; selector: Uint8Array } | { kind: "exact"; bytes: B } };
  /**
   * vm.expectEmit: the first log the test emits after `from` (an index into the world's logs) is
   * the template; the test's next call must emit a log that matches it in topic 0, the topics and
   * data `checks` names, and the emitter if one is given.
   */
  expectEmit?: { depth: number; from: number; checks: readonly [boolean, boolean, boolean, boolean]; emitter?: bigint };
  /** vm.snapshot: the world's checkpoint and the block then, by snapshot id. */
  snapshots: { checkpoint: number; block: MutableBlock }[];
  /** vm.mockCall: calls to `callee` with calldata starting with `data` return `returnData`. */
  mocks: { callee: bigint; data: Uint8Array; returnData: B }[];
}

/** The `intercept` hook for a machine; `machine` is the machine it is installed on (for expectRevert). */
export function cheatcodes<W, B>(env: CheatEnvironment<W, B>, machine: () => Machine<W, B>): (message: Message<B>) => Interception<B> | undefined {
  const state: CheatState<B> = { mocks: [], snapshots: [] };
  return (message) => {
    if (message.kind === "call" && message.codeAddress === HEVM_ADDRESS) return { result: cheat(env, state, machine(), message) };
    if (message.codeAddress === CONSOLE_ADDRESS) return undefined;
    noteExpectedCall(env.expectedCalls, machine(), message);
    const mocked = mockedResult(state, machine(), message);
    if (mocked !== undefined) return { result: mocked };
    let next = message;
    let origin: bigint | undefined;
    if (state.prank !== undefined && message.depth === state.prank.depth) {
      next = { ...message, caller: state.prank.caller };
      if (!state.prank.persistent) {
        origin = state.prank.origin;
        delete state.prank;
      }
      // The pranked address pays the value, so its balance is the one the call needs (the CALL
      // rule checked the test contract's); without it the call fails as CALL does: no output, gas
      // back. Compared as words: either may be a placeholder of a symbolic amount.
      const { words } = machine();
      if (words.truthy(words.lt(words.constant(env.world.balance(next.caller)), words.constant(next.transfer)))) {
        return { result: revertWith(words.bytes(new Uint8Array(0)), next.gas) };
      }
    }
    const expected = state.expectRevert !== undefined && message.depth === state.expectRevert.depth ? state.expectRevert : undefined;
    const emit = state.expectEmit !== undefined && message.depth === state.expectEmit.depth ? state.expectEmit : undefined;
    if (expected === undefined && origin === undefined && emit === undefined) return next === message ? undefined : { message: next };
    // The call runs here: to put tx.origin back after it (vm.prank(sender, origin) lasts one
    // call), to look at the logs it emitted, or to turn its revert into the expectation's outcome.
    delete state.expectRevert;
    delete state.expectEmit;
    const m = machine();
    const template = emit === undefined ? undefined : env.world.logs[emit.from];
    if (emit !== undefined && template === undefined) throw new CheatcodeError("vm.expectEmit: the test emitted no event before its next call");
    const before = env.world.logs.length;
    const saved = env.tx.origin;
    if (origin !== undefined) env.tx.origin = origin;
    let outcome;
    try {
      outcome = executeMessage({ ...m, intercept: cheatcodes(env, () => m) }, next);
    } finally {
      env.tx.origin = saved;
    }
    if (emit !== undefined && !env.world.logs.slice(before).some((log) => logMatches(m, emit, template!, log))) env.expectationMissed("a vm.expectEmit was not met");
    if (expected === undefined) return { result: outcome.result };
    const gasLeft = outcome.result.kind === "halt" ? 0n : outcome.result.gasLeft;
    const met = outcome.result.kind !== "success" && revertMatches(m, expected, outcome.result.kind === "revert" ? outcome.result.output : undefined);
    if (met) return { result: success(m.words.bytes(next.kind === "call" ? DUMMY_CALL_OUTPUT : new Uint8Array(0)), gasLeft) };
    env.expectationMissed("a vm.expectRevert was not met");
    return { result: revertWith(m.words.bytes(errorString("vm.expectRevert: the call did not revert as expected")), gasLeft) };
  };
}

/** Whether a log the call emitted meets vm.expectEmit's template (symbolic parts are compared as words, so the engine forks on them). */
function logMatches<W, B>(machine: Machine<W, B>, emit: NonNullable<CheatState<B>["expectEmit"]>, template: EmittedLog<W, B>, log: EmittedLog<W, B>): boolean {
  const { words } = machine;
  const equal = (a: W, b: W): boolean => words.truthy(words.eq(a, b));
  if (emit.emitter !== undefined && log.address !== emit.emitter) return false;
  if (log.topics.length !== template.topics.length) return false;
  // Topic 0 (the event's signature) is always checked; topics 1 to 3 as `checks` says.
  for (let i = 0; i < template.topics.length; i++) {
    if ((i === 0 || emit.checks[i - 1] === true) && !equal(log.topics[i]!, template.topics[i]!)) return false;
  }
  if (!emit.checks[3]) return true;
  const size = words.length(template.data);
  if (words.length(log.data) !== size) return false;
  for (let offset = 0; offset < size; offset += 32) {
    const chunk = (data: B) => words.fromBytes(words.slice(data, words.constant(BigInt(offset)), 32));
    if (!equal(chunk(log.data), chunk(template.data))) return false;
  }
  return true;
}

/** Marks the expected calls this message is (symbolic calldata is compared as words, so the engine forks on it). */
function noteExpectedCall<W, B>(expected: ExpectedCall<B>[], machine: Machine<W, B>, message: Message<B>): void {
  const { words } = machine;
  for (const call of expected) {
    const length = words.length(call.data);
    if (call.met || call.callee !== message.codeAddress || words.length(message.data) < length) continue;
    if (sameBytes(machine, words.slice(message.data, words.constant(0n), length), call.data)) call.met = true;
  }
}

/** The result vm.mockCall gives a call, if one of the mocks matches it (its calldata must be concrete up to the mock's length). */
function mockedResult<W, B>(state: CheatState<B>, machine: Machine<W, B>, message: Message<B>): FrameResult<B> | undefined {
  if (message.kind !== "call" || state.mocks.length === 0) return undefined;
  const { words } = machine;
  for (const mock of state.mocks) {
    if (mock.callee !== message.codeAddress || words.length(message.data) < mock.data.length) continue;
    const head = words.concreteBytes(words.slice(message.data, words.constant(0n), mock.data.length));
    if (head === undefined) throw new CheatcodeError("a mocked call with symbolic calldata");
    if (mock.data.every((b, i) => head[i] === b)) return success(mock.returnData, message.gas);
  }
  return undefined;
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

/**
 * Whether the revert data meets the expectation (forge-std: a selector prefix, or exactly the data,
 * or the Error(string) whose message is the data). Symbolic bytes are compared as words, so the
 * engine forks on them.
 */
function revertMatches<W, B>(machine: Machine<W, B>, expected: NonNullable<CheatState<B>["expectRevert"]>, output: B | undefined): boolean {
  if (expected.data === undefined) return true;
  if (output === undefined) return false;
  const { words } = machine;
  if (expected.data.kind === "selector") {
    // Only the selector is compared, so the error's arguments may be symbolic.
    const want = expected.data.selector;
    if (words.length(output) < want.length) return false;
    const head = words.concreteBytes(words.slice(output, words.constant(0n), want.length));
    if (head === undefined) throw new CheatcodeError("vm.expectRevert against a symbolic error selector");
    return want.every((b, i) => head[i] === b);
  }
  const want = expected.data.bytes;
  if (sameBytes(machine, output, want)) return true;
  const message = words.concreteBytes(want);
  // forge matches a message against Error(string) and its own CheatcodeError(string) alike
  // (foundry crates/cheatcodes/src/test/revert_handlers.rs), so a failed vm.assert* can be expected.
  return message !== undefined && [errorData(message), forgeCheatcodeErrorData(message)].some((data) => sameBytes(machine, output, words.bytes(data)));
}

/** Whether two byte strings are equal: the same length, and equal 32-byte chunks (zero-padded past the end). */
function sameBytes<W, B>(machine: Machine<W, B>, a: B, b: B): boolean {
  const { words } = machine;
  const length = words.length(a);
  if (words.length(b) !== length) return false;
  for (let offset = 0; offset < length; offset += 32) {
    const chunk = (bytes: B) => words.fromBytes(words.slice(bytes, words.constant(BigInt(offset)), 32));
    if (!words.truthy(words.eq(chunk(a), chunk(b)))) return false;
  }
  return true;
}

function cheat<W, B>(env: CheatEnvironment<W, B>, state: CheatState<B>, machine: Machine<W, B>, message: Message<B>): FrameResult<B> {
  const words = machine.words;
  const data = message.data;
  const head = words.concreteBytes(words.slice(data, words.constant(0n), 4));
  if (head === undefined) throw new CheatcodeError("cheatcode call with a symbolic selector");
  const id = Number(bytesToBigInt(head));
  const arg = (i: number): W => words.fromBytes(words.slice(data, words.constant(BigInt(4 + 32 * i)), 32));
  const concreteArg = (i: number, what: string): bigint => words.need(arg(i), `vm.${what} argument`);
  const none = success(words.bytes(new Uint8Array(0)), message.gas);
  /** A `bytes` argument (ABI: offset, then length and contents), as the domain's bytes. */
  const bytesWordsArg = (i: number, what: string): B => {
    const offset = concreteArg(i, what);
    const length = words.need(words.fromBytes(words.slice(data, words.constant(4n + offset), 32)), `vm.${what} bytes length`);
    return words.slice(data, words.constant(4n + offset + 32n), Number(length));
  };
  /** A `bytes` argument that must be concrete. */
  const bytesArg = (i: number, what: string): Uint8Array => {
    const bytes = words.concreteBytes(bytesWordsArg(i, what));
    if (bytes === undefined) throw new CheatcodeError(`vm.${what} with symbolic bytes`);
    return bytes;
  };
  const keyArg = (i: number, what: string): Uint8Array => {
    const key = privateKey(concreteArg(i, what));
    if (key === undefined) throw new CheatcodeError(`vm.${what}: the private key is not in [1, n)`);
    return key;
  };
  const stringResult = (text: string): FrameResult<B> => success(words.bytes(abiString(text)), message.gas);
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
      if (state.savedOrigin !== undefined) env.tx.origin = state.savedOrigin;
      delete state.savedOrigin;
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
      state.expectRevert = { depth };
      return none;
    case SELECTORS.expectEmit:
      state.expectEmit = { depth, from: env.world.logs.length, checks: [true, true, true, true] };
      return none;
    case SELECTORS.expectEmitFrom:
      state.expectEmit = { depth, from: env.world.logs.length, checks: [true, true, true, true], emitter: concreteArg(0, "expectEmit") & ADDRESS_MASK };
      return none;
    case SELECTORS.expectEmitChecks:
    case SELECTORS.expectEmitChecksFrom: {
      const checks = [0, 1, 2, 3].map((i) => concreteArg(i, "expectEmit") !== 0n) as [boolean, boolean, boolean, boolean];
      const emitter = id === SELECTORS.expectEmitChecksFrom ? concreteArg(4, "expectEmit") & ADDRESS_MASK : undefined;
      state.expectEmit = { depth, from: env.world.logs.length, checks, ...(emitter !== undefined && { emitter }) };
      return none;
    }
    case SELECTORS.expectRevertSelector: {
      const selectorBytes = words.concreteBytes(words.slice(data, words.constant(4n), 4));
      if (selectorBytes === undefined) throw new CheatcodeError("vm.expectRevert with a symbolic selector");
      state.expectRevert = { depth, data: { kind: "selector", selector: selectorBytes } };
      return none;
    }
    case SELECTORS.expectRevertBytes:
      state.expectRevert = { depth, data: { kind: "exact", bytes: bytesWordsArg(0, "expectRevert") } };
      return none;
    case SELECTORS.label:
      return none;
    case SELECTORS.prankOrigin:
      state.prank = { caller: env.standIn(arg(0), "address") & ADDRESS_MASK, origin: env.standIn(arg(1), "address") & ADDRESS_MASK, depth, persistent: false };
      return none;
    case SELECTORS.startPrankOrigin:
      state.prank = { caller: env.standIn(arg(0), "address") & ADDRESS_MASK, depth, persistent: true };
      state.savedOrigin ??= env.tx.origin;
      env.tx.origin = env.standIn(arg(1), "address") & ADDRESS_MASK;
      return none;
    case SELECTORS.addr:
      return success(words.toBytes(words.constant(addressOfKey(keyArg(0, "addr")))), message.gas);
    case SELECTORS.etch:
      env.world.setCode(concreteArg(0, "etch") & ADDRESS_MASK, bytesArg(1, "etch"));
      return none;
    case SELECTORS.chainId:
      env.block.chainId = env.standIn(arg(0), "block");
      return none;
    case SELECTORS.fee:
      env.block.baseFee = env.standIn(arg(0), "block");
      return none;
    case SELECTORS.coinbase:
      env.block.coinbase = env.standIn(arg(0), "address") & ADDRESS_MASK;
      return none;
    case SELECTORS.prevrandao:
    case SELECTORS.prevrandaoNumber:
      env.block.prevRandao = env.standIn(arg(0), "block");
      return none;
    case SELECTORS.difficulty:
      env.block.difficulty = env.standIn(arg(0), "block");
      return none;
    case SELECTORS.setNonce: {
      const address = concreteArg(0, "setNonce") & ADDRESS_MASK;
      const nonce = concreteArg(1, "setNonce");
      const current = env.world.nonce(address);
      // forge refuses to lower a nonce.
      if (nonce < current) return revertWith(words.bytes(errorString("vm.setNonce: new nonce is lower than the current one")), message.gas);
      if (nonce > MAX_SET_NONCE) throw new CheatcodeError(`vm.setNonce beyond ${MAX_SET_NONCE}`);
      for (let n = current; n < nonce; n++) env.world.incrementNonce(address);
      return none;
    }
    case SELECTORS.getNonce:
      return success(words.toBytes(words.constant(env.world.nonce(concreteArg(0, "getNonce") & ADDRESS_MASK))), message.gas);
    case SELECTORS.getBlockTimestamp:
      return success(words.toBytes(words.constant(env.block.timestamp)), message.gas);
    case SELECTORS.getBlockNumber:
      return success(words.toBytes(words.constant(env.block.number)), message.gas);
    case SELECTORS.mockCall:
      state.mocks.unshift({ callee: concreteArg(0, "mockCall") & ADDRESS_MASK, data: bytesArg(1, "mockCall"), returnData: bytesWordsArg(2, "mockCall") });
      return none;
    case SELECTORS.clearMockedCalls:
      state.mocks.length = 0;
      return none;
    case SELECTORS.toStringAddress:
      return stringResult(checksummed(concreteArg(0, "toString") & ADDRESS_MASK));
    case SELECTORS.toStringBytes:
      return stringResult(bytesToHex(bytesArg(0, "toString")));
    case SELECTORS.toStringBytes32:
      return stringResult(`0x${concreteArg(0, "toString").toString(16).padStart(64, "0")}`);
    case SELECTORS.toStringBool:
      return stringResult(concreteArg(0, "toString") === 0n ? "false" : "true");
    case SELECTORS.toStringUint:
      return stringResult(concreteArg(0, "toString").toString());
    case SELECTORS.toStringInt: {
      const value = concreteArg(0, "toString");
      return stringResult((value >> 255n === 1n ? value - (1n << 256n) : value).toString());
    }
    case SELECTORS.sign: {
      const signature = secp256k1.sign(bigIntToBytes(concreteArg(1, "sign"), 32), keyArg(0, "sign"), { prehash: false, format: "recovered" });
      // 65 bytes: the recovery bit, r, s; Ethereum's v is 27 plus the recovery bit.
      return success(words.bytes(concatBytes(bigIntToBytes(27n + BigInt(signature[0]!), 32), signature.subarray(1))), message.gas);
    }
    case SELECTORS.snapshot:
    case SELECTORS.snapshotState:
      state.snapshots.push({ checkpoint: env.world.checkpoint(), block: { ...env.block } });
      return success(words.toBytes(words.constant(BigInt(state.snapshots.length - 1))), message.gas);
    case SELECTORS.revertTo:
    case SELECTORS.revertToState: {
      const snapshot = state.snapshots[Number(concreteArg(0, "revertTo"))];
      if (snapshot === undefined) return success(words.toBytes(words.constant(0n)), message.gas);
      // Everything since the snapshot is undone, the block's fields included (as forge does).
      env.world.revertTo(snapshot.checkpoint);
      Object.assign(env.block, snapshot.block);
      return success(words.toBytes(words.constant(1n)), message.gas);
    }
    case SELECTORS.expectCall:
      env.expectedCalls.push({ callee: concreteArg(0, "expectCall") & ADDRESS_MASK, data: bytesWordsArg(1, "expectCall"), met: false });
      return none;
    case SELECTORS.getCode: {
      const what = new TextDecoder().decode(bytesArg(0, "getCode"));
      const code = env.artifact(what);
      if (code === undefined) throw new CheatcodeError(`vm.getCode: no single compiled contract is named '${what}'`);
      return success(words.bytes(abiBytes(code)), message.gas);
    }
    default: {
      const assertion = ASSERTIONS.get(id);
      if (assertion === undefined) throw new CheatcodeError(`unsupported cheatcode 0x${id.toString(16).padStart(8, "0")}`);
      // A failed assertion reverts as forge's does; failure.ts makes it fail the property in every convention.
      const failure = assertion(words, data);
      return failure === undefined ? none : revertWith(words.bytes(forgeCheatcodeError(failure)), message.gas);
    }
  }
}
