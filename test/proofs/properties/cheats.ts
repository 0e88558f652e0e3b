/**
 * The HEVM cheatcodes the property suite uses, served to @ethereumjs/evm for concrete replay: a
 * precompile at the cheatcode address for the calls themselves, and message hooks for the
 * cheatcodes that change the next call (prank, expectRevert). Semantics follow forge-std's Vm as
 * documented in docs/prove.md; only what the suite needs, each input checked.
 */
import type { Block } from "@ethereumjs/block";
import type { EVM, EVMError, Message } from "@ethereumjs/evm";
import { type Address, createAccount, createAddressFromString, setLengthLeft, unpadBytes } from "@ethereumjs/util";
import { bytesToHex, decodeParameters, decodeRevert, parseSignature, selectorHex } from "../../../src/abi/index.js";
import type { AbiType } from "../../../src/abi/types.js";

export const CHEATCODE_ADDRESS = "0x7109709ecfa91a80626ff3989d68f67f5b1dd12d";
const CONSOLE_ADDRESS = "0x000000000000000000636f6e736f6c652e6c6f67";

const CHEATS = new Map(
  [
    "assume(bool)",
    "prank(address)",
    "startPrank(address)",
    "stopPrank()",
    "deal(address,uint256)",
    "warp(uint256)",
    "roll(uint256)",
    "store(address,bytes32,bytes32)",
    "load(address,bytes32)",
    "expectRevert()",
    "expectRevert(bytes)",
    "expectRevert(bytes4)",
    "label(address,string)",
  ].map((signature) => [selectorHex(signature), parseSignature(signature)] as const),
);

/** Revert data the next call must produce: any (undefined), exactly `data`, or starting with a 4-byte selector. */
interface Expectation {
  readonly data: Uint8Array | undefined;
  readonly prefixOnly: boolean;
}

/** Per-run cheatcode state; `reset` starts a property run from scratch. */
export class CheatState {
  assumptionViolated = false;
  /** An expected revert that did not happen (the call succeeded, or reverted with other data). */
  expectRevertUnmet = false;
  private prank: { caller: Address; persistent: boolean } | undefined;
  private expected: Expectation | undefined;
  /** One entry per running message, innermost last: the expected revert it must produce, if any. */
  private readonly frames: { expectation: Expectation | undefined }[] = [];

  constructor(
    private readonly block: Block,
    private readonly startTime: bigint,
    private readonly startNumber: bigint,
  ) {}

  reset(): void {
    this.assumptionViolated = false;
    this.expectRevertUnmet = false;
    this.prank = undefined;
    this.expected = undefined;
    this.frames.length = 0;
    this.setBlock(this.startTime, this.startNumber);
  }

  private setBlock(timestamp: bigint, number: bigint): void {
    const header = this.block.header as { timestamp: bigint; number: bigint };
    header.timestamp = timestamp;
    header.number = number;
  }

  /** The precompile body: runs one cheatcode call. */
  async call(evm: EVM, data: Uint8Array): Promise<Uint8Array> {
    const fn = CHEATS.get(bytesToHex(data.subarray(0, 4)));
    if (fn === undefined) throw new Error(`cheatcode ${bytesToHex(data.subarray(0, 4))} is not served by the concrete replay`);
    const args = decodeParameters(
      fn.inputs.map((i): AbiType => i.type),
      data.subarray(4),
    );
    const address = (i: number) => createAddressFromString((args[i] as string).toLowerCase());
    switch (fn.name) {
      case "assume":
        if (args[0] === false) this.assumptionViolated = true;
        break;
      case "prank":
      case "startPrank":
        this.prank = { caller: address(0), persistent: fn.name === "startPrank" };
        break;
      case "stopPrank":
        this.prank = undefined;
        break;
      case "deal": {
        const account = (await evm.stateManager.getAccount(address(0))) ?? createAccount({});
        account.balance = args[1] as bigint;
        await evm.stateManager.putAccount(address(0), account);
        break;
      }
      case "warp":
        this.setBlock(args[0] as bigint, this.block.header.number);
        break;
      case "roll":
        this.setBlock(this.block.header.timestamp, args[0] as bigint);
        break;
      case "store":
        await evm.stateManager.putStorage(address(0), args[1] as Uint8Array, unpadBytes(args[2] as Uint8Array));
        break;
      case "load":
        return setLengthLeft(await evm.stateManager.getStorage(address(0), args[1] as Uint8Array), 32);
      case "expectRevert":
        this.expected =
          fn.inputs.length === 0
            ? { data: undefined, prefixOnly: false }
            : { data: args[0] as Uint8Array, prefixOnly: fn.inputs[0]?.type.kind === "fixedBytes" };
        break;
    }
    return new Uint8Array();
  }

  /** Hooked to `beforeMessage`: applies a prank and arms an expected revert for the test's next call. */
  beforeMessage(message: Message): void {
    const to = message.to?.toString();
    const fromTest = message.depth === 1 && to !== CHEATCODE_ADDRESS && to !== CONSOLE_ADDRESS;
    if (fromTest && this.prank !== undefined) {
      message.caller = this.prank.caller;
      if (!this.prank.persistent) this.prank = undefined;
    }
    this.frames.push({ expectation: fromTest ? this.expected : undefined });
    if (fromTest) this.expected = undefined;
  }

  /**
   * Hooked to `afterMessage`: an expected revert turns into a successful return of 8192 zero bytes
   * as in forge, so the caller can decode a result (its state changes are already rolled back); a call that should have reverted, and did not or reverted with
   * other data, marks the run as failed.
   */
  afterMessage(result: { execResult: { exceptionError?: EVMError; returnValue: Uint8Array } }): void {
    const expectation = this.frames.pop()?.expectation;
    if (expectation === undefined) return;
    const reverted = result.execResult.exceptionError !== undefined;
    const data = result.execResult.returnValue;
    const wanted = expectation.data;
    const matches = wanted === undefined || revertDataMatches(data, wanted, expectation.prefixOnly);
    if (reverted && matches) {
      delete result.execResult.exceptionError;
      result.execResult.returnValue = new Uint8Array(8192);
    } else {
      this.expectRevertUnmet = true;
    }
  }
}

/**
 * Foundry's rule: the revert data equals the expected bytes (or, for a bytes4, starts with them), or
 * it is `Error(string)` whose message is the expected bytes, so `vm.expectRevert(bytes("msg"))`
 * matches `require(cond, "msg")`.
 */
function revertDataMatches(data: Uint8Array, wanted: Uint8Array, prefixOnly: boolean): boolean {
  if (prefixOnly) return bytesToHex(data.subarray(0, wanted.length)) === bytesToHex(wanted);
  if (bytesToHex(data) === bytesToHex(wanted)) return true;
  const reason = decodeRevert(data);
  return reason.kind === "error" && reason.message === new TextDecoder().decode(wanted);
}
