/**
 * Runs a compiled contract's `go()` on @ethereumjs/evm with a console at console.log's address
 * that prints each call through `formatConsoleLog`: what a test of the console and log
 * formatting sees a real EVM do.
 */
import { Common, Hardfork, Mainnet } from "@ethereumjs/common";
import { createEVM } from "@ethereumjs/evm";
import { createAddressFromString } from "@ethereumjs/util";
import { encodeCall, findFunction } from "../../src/abi/index.js";
import { type CompiledContract, formatConsoleLog } from "../../src/compile/index.js";

const CONSOLE = "0x000000000000000000636f6e736f6c652e6c6f67";

export interface ConsoleRun {
  /** The console lines, in order. */
  readonly printed: string[];
  /** The call's logs (address, topics, data). */
  readonly logs: readonly (readonly [Uint8Array, Uint8Array[], Uint8Array])[];
  readonly error: unknown;
}

export async function runGoWithConsole(contract: CompiledContract): Promise<ConsoleRun> {
  const printed: string[] = [];
  const evm = await createEVM({
    common: new Common({ chain: Mainnet, hardfork: Hardfork.Cancun }),
    customPrecompiles: [
      {
        address: createAddressFromString(CONSOLE),
        function: (input) => {
          printed.push(formatConsoleLog(input.data) ?? "<not a console call>");
          return { executionGasUsed: 0n, returnValue: new Uint8Array() };
        },
      },
    ],
  });
  const caller = createAddressFromString("0x00000000000000000000000000000000000ca11e");
  const created = await evm.runCall({ caller, data: contract.creationBytecode, gasLimit: 10_000_000n });
  const result = await evm.runCall({
    caller,
    to: created.createdAddress,
    data: encodeCall(findFunction(contract.abi, "go"), []),
    gasLimit: 10_000_000n,
  });
  return { printed, logs: result.execResult.logs ?? [], error: result.execResult.exceptionError };
}
