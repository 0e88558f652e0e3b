/**
 * Concrete replay of suite properties on a peer EVM (@ethereumjs/evm, Cancun), used to check the
 * suite itself: each unsafe property really fails on its written counterexample, and each safe one
 * holds on sampled inputs. Only `vm.assume` is served at the cheatcode address; the suite uses no
 * other cheatcode, so the replay is faithful.
 */
import { Common, Hardfork, Mainnet } from "@ethereumjs/common";
import { createEVM, type EVM } from "@ethereumjs/evm";
import { Address, createAddressFromString } from "@ethereumjs/util";
import {
  type AbiFunction,
  type AbiValue,
  bytesToHex,
  decodeParameters,
  decodeResult,
  decodeRevert,
  encodeCall,
  parseSignature,
  selectorHex,
} from "../../../src/abi/index.js";
import type { CompiledContract } from "../../../src/compile/index.js";

const CHEATCODES = "0x7109709ecfa91a80626ff3989d68f67f5b1dd12d";
const CALLER = createAddressFromString("0x00000000000000000000000000000000000ca11e");
const GAS = 30_000_000n;
const ASSUME = selectorHex("assume(bool)");

/** How one call ended, in the vocabulary of the manifest's `failure` field. */
export type Outcome = "pass" | "rejected" | "assertion" | `panic:0x${string}` | "revert";

export interface Deployed {
  readonly evm: EVM;
  readonly address: Address;
  /** Set by the cheatcode precompile when vm.assume(false) is called; reset before each run. */
  readonly assumption: { violated: boolean };
}

/** Deploys the test contract and runs its setUp, as a property run starts. */
export async function deploy(contract: CompiledContract): Promise<Deployed> {
  const assumption = { violated: false };
  const evm = await createEVM({
    common: new Common({ chain: Mainnet, hardfork: Hardfork.Cancun }),
    customPrecompiles: [
      {
        address: createAddressFromString(CHEATCODES),
        function: (input) => {
          const selector = bytesToHex(input.data.subarray(0, 4));
          if (selector !== ASSUME) throw new Error(`cheatcode ${selector} is not served by the concrete replay`);
          if (decodeParameters([{ kind: "bool" }], input.data.subarray(4))[0] === false) assumption.violated = true;
          return { executionGasUsed: 0n, returnValue: new Uint8Array() };
        },
      },
    ],
  });
  // Solidity checks EXTCODESIZE before calling a function without return values, so the address needs code.
  await evm.stateManager.putCode(createAddressFromString(CHEATCODES), new Uint8Array([0x00]));
  const created = await evm.runCall({ caller: CALLER, data: contract.creationBytecode, gasLimit: GAS });
  const address = created.createdAddress;
  if (created.execResult.exceptionError !== undefined || address === undefined) {
    throw new Error(`deploying ${contract.fullyQualifiedName} failed: ${created.execResult.exceptionError?.error}`);
  }
  const deployed = { evm, address, assumption };
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

export async function call(d: Deployed, to: Address, fn: AbiFunction, args: readonly AbiValue[]): Promise<CallResult> {
  const result = await d.evm.runCall({ caller: CALLER, to, data: encodeCall(fn, args), gasLimit: GAS });
  return { reverted: result.execResult.exceptionError !== undefined, returnData: result.execResult.returnValue };
}

function revertOutcome(data: Uint8Array): Outcome {
  const reason = decodeRevert(data);
  return reason.kind === "panic" ? `panic:0x${reason.code.toString(16).padStart(2, "0")}` : "revert";
}

/** Calls `fn` on the test contract and reports how the property fared, leaving the state as it was. */
export async function runProperty(d: Deployed, fn: AbiFunction, args: readonly AbiValue[]): Promise<Outcome> {
  await d.evm.stateManager.checkpoint();
  try {
    d.assumption.violated = false;
    const result = await call(d, d.address, fn, args);
    if (d.assumption.violated) return "rejected";
    if (result.reverted) return revertOutcome(result.returnData);
    const failed = await call(d, d.address, parseSignature("failed() returns (bool)"), []);
    return decodeResult(parseSignature("failed() returns (bool)"), failed.returnData)[0] === true ? "assertion" : "pass";
  } finally {
    await d.evm.stateManager.revert();
  }
}

/** Applies one call to a target; a reverting call leaves no trace (the EVM rolls it back). */
export async function callTarget(d: Deployed, target: Address, fn: AbiFunction, args: readonly AbiValue[]): Promise<boolean> {
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
