/**
 * Concrete replay of suite properties on a peer EVM (@ethereumjs/evm, Cancun), used to check the
 * suite itself: each unsafe property really fails on its written counterexample, and each safe one
 * holds on sampled inputs. Cheatcodes are served by `CheatState` (cheats.ts).
 */
import { type Block, createBlock } from "@ethereumjs/block";
import { Common, Hardfork, Mainnet } from "@ethereumjs/common";
import { createEVM, type EVM } from "@ethereumjs/evm";
import { type Address, createAddressFromString } from "@ethereumjs/util";
import {
  type AbiFunction,
  type AbiInput,
  bytesToHex,
  decodeResult,
  decodeRevert,
  encodeCall,
  parseSignature,
} from "../../../src/abi/index.js";
import type { CompiledContract } from "../../../src/compile/index.js";
import { CHEATCODE_ADDRESS, CheatState } from "./cheats.js";

const CALLER = createAddressFromString("0x00000000000000000000000000000000000ca11e");
const GAS = 30_000_000n;
/** The block every call runs in; warp and roll change it, and each property run restores it. */
const START_TIME = 1_700_000_000n;
const START_NUMBER = 18_000_000n;

/** How one call ended, in the vocabulary of the manifest's `failure` field. */
export type Outcome = "pass" | "rejected" | "assertion" | `panic:0x${string}` | "revert";

export interface Deployed {
  readonly evm: EVM;
  readonly block: Block;
  readonly address: Address;
  readonly cheats: CheatState;
}

/** Deploys the test contract and runs its setUp, as a property run starts. */
export async function deploy(contract: CompiledContract): Promise<Deployed> {
  const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun });
  const block = createBlock({ header: { timestamp: START_TIME, number: START_NUMBER, gasLimit: GAS } }, { common, freeze: false });
  const cheats = new CheatState(block, START_TIME, START_NUMBER);
  const evm: EVM = await createEVM({
    common,
    customPrecompiles: [
      {
        address: createAddressFromString(CHEATCODE_ADDRESS),
        function: async (input) => ({ executionGasUsed: 0n, returnValue: await cheats.call(evm, input.data) }),
      },
    ],
  });
  evm.events.on("beforeMessage", (message) => cheats.beforeMessage(message));
  evm.events.on("afterMessage", (result) => cheats.afterMessage(result));
  // Solidity checks EXTCODESIZE before calling a function without return values, so the address needs code.
  await evm.stateManager.putCode(createAddressFromString(CHEATCODE_ADDRESS), new Uint8Array([0x00]));
  cheats.reset();
  const created = await evm.runCall({ caller: CALLER, data: contract.creationBytecode, gasLimit: GAS, block });
  const address = created.createdAddress;
  if (created.execResult.exceptionError !== undefined || address === undefined) {
    throw new Error(`deploying ${contract.fullyQualifiedName} failed: ${created.execResult.exceptionError?.error}`);
  }
  const deployed = { evm, block, address, cheats };
  if (contract.abi.some((i) => i.kind === "function" && i.name === "setUp")) {
    const setUp = await call(deployed, deployed.address, parseSignature("setUp()"), []);
    if (setUp.reverted) throw new Error(`${contract.fullyQualifiedName}.setUp() reverted`);
  }
  return deployed;
}

interface CallResult {
  readonly reverted: boolean;
  readonly returnData: Uint8Array;
}

export async function call(d: Deployed, to: Address, fn: AbiFunction, args: readonly AbiInput[]): Promise<CallResult> {
  const result = await d.evm.runCall({ caller: CALLER, to, data: encodeCall(fn, args), gasLimit: GAS, block: d.block });
  return { reverted: result.execResult.exceptionError !== undefined, returnData: result.execResult.returnValue };
}

function revertOutcome(data: Uint8Array): Outcome {
  const reason = decodeRevert(data);
  return reason.kind === "panic" ? `panic:0x${reason.code.toString(16).padStart(2, "0")}` : "revert";
}

/** Calls `fn` on the test contract and reports how the property fared, leaving the state as it was. */
export async function runProperty(d: Deployed, fn: AbiFunction, args: readonly AbiInput[]): Promise<Outcome> {
  await d.evm.stateManager.checkpoint();
  try {
    d.cheats.reset();
    const result = await call(d, d.address, fn, args);
    if (d.cheats.assumptionViolated) return "rejected";
    if (d.cheats.expectRevertUnmet) return "revert";
    if (result.reverted) return revertOutcome(result.returnData);
    const failed = await call(d, d.address, parseSignature("failed() returns (bool)"), []);
    return decodeResult(parseSignature("failed() returns (bool)"), failed.returnData)[0] === true ? "assertion" : "pass";
  } finally {
    await d.evm.stateManager.revert();
  }
}

/** Applies one call to a target; a reverting call leaves no trace (the EVM rolls it back). */
export async function callTarget(d: Deployed, target: Address, fn: AbiFunction, args: readonly AbiInput[]): Promise<boolean> {
  return !(await call(d, target, fn, args)).reverted;
}

/** The address a public getter of the test contract returns (how the manifest names call targets). */
export async function getterAddress(d: Deployed, getter: string): Promise<Address> {
  const fn = parseSignature(`${getter}() returns (address)`);
  const result = await call(d, d.address, fn, []);
  return createAddressFromString((decodeResult(fn, result.returnData)[0] as string).toLowerCase());
}

/** The targets `targetContracts()` reports, each with the compiled contract whose runtime code it has. */
export async function targets(d: Deployed, compiled: readonly CompiledContract[]): Promise<{ address: Address; contract: CompiledContract }[]> {
  const fn = parseSignature("targetContracts() returns (address[])");
  const result = await call(d, d.address, fn, []);
  const addresses = decodeResult(fn, result.returnData)[0] as string[];
  return Promise.all(
    addresses.map(async (text) => {
      const address = createAddressFromString(text.toLowerCase());
      const code = bytesToHex(await d.evm.stateManager.getCode(address));
      const contract = compiled.find((c) => c.runtimeBytecode.length > 0 && bytesToHex(c.runtimeBytecode) === code);
      if (contract === undefined) throw new Error(`no compiled contract has the code deployed at ${text}`);
      return { address, contract };
    }),
  );
}
