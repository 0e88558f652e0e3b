/**
 * @ethereumjs/vm 10 as a peer implementation: the same state-test case run by an independent,
 * widely used EVM, so the runner, the fuzzer and the benchmark can compare ours against it.
 *
 * Each case gets a fresh VM: the pre-state is written into a new Merkle state manager, the block
 * header is built from the case's env under the case's hardfork (chain id 1), and the signed
 * transaction is decoded by @ethereumjs/tx and run with the block gas limit enforced. There is no
 * block reward and no system call, as in go-ethereum's state-test harness.
 */
import { createBlock, type Block } from "@ethereumjs/block";
import { Common, Mainnet } from "@ethereumjs/common";
import { MerkleStateManager } from "@ethereumjs/statemanager";
import { createTxFromRLP, type TypedTransaction } from "@ethereumjs/tx";
import { Address, createAccount } from "@ethereumjs/util";
import { createVM, runTx, type RunTxResult, type VM } from "@ethereumjs/vm";
import { bigIntToBytes } from "../../spec/primitives/bytes.js";
import {
  FORK_NAMES,
  type BlockEnv,
  type CaseOutcome,
  type FrameStatus,
  type Implementation,
  type PreState,
  type RunOptions,
  type StateTestCase,
} from "../../interface/implementation.js";
import { StateTestBlockchain } from "./ethereumjs-blockchain.js";
import { frameStatusOf, transactionErrorOf } from "./ethereumjs-errors.js";
import { ETHEREUMJS_FORKS, ETHEREUMJS_HARDFORKS, isEthereumjsFork } from "./ethereumjs-forks.js";
import { ethereumjsKzg } from "./ethereumjs-kzg.js";
import { attachProgress, attachTracer, type EthereumjsEvents } from "./ethereumjs-tracer.js";
import { logsHash } from "./logs-hash.js";

/** An ethereumjs failure that is neither a transaction ethereumjs refused nor a result: a bug to look at. */
export class EthereumjsAdapterError extends Error {
  readonly code = "ETHEREUMJS_ADAPTER";
}

function commonFor(testCase: StateTestCase): Common {
  const fork = testCase.fork;
  if (!isEthereumjsFork(fork)) throw new EthereumjsAdapterError(`@ethereumjs/vm has no fork ${fork}`);
  const needsKzg = FORK_NAMES.indexOf(testCase.fork) >= FORK_NAMES.indexOf("Cancun");
  return new Common({
    chain: Mainnet,
    hardfork: ETHEREUMJS_HARDFORKS[fork],
    ...(needsKzg ? { customCrypto: { kzg: ethereumjsKzg() } } : {}),
  });
}

function addressOf(value: bigint): Address {
  return new Address(bigIntToBytes(value, 20));
}

async function writePreState(stateManager: MerkleStateManager, pre: PreState): Promise<void> {
  for (const [addressValue, account] of pre) {
    const address = addressOf(addressValue);
    await stateManager.putAccount(address, createAccount({ nonce: account.nonce, balance: account.balance }));
    if (account.code.length > 0) await stateManager.putCode(address, account.code);
    for (const [slot, value] of account.storage) {
      if (value !== 0n) await stateManager.putStorage(address, bigIntToBytes(slot, 32), bigIntToBytes(value, 32));
    }
  }
}

/**
 * The block the transaction runs in. PREVRANDAO lives in the header's mixHash from Paris on
 * (EIP-4399), where the difficulty must be 0; the base fee exists from London (EIP-1559) and the
 * excess blob gas from Cancun (EIP-4844), and ethereumjs refuses header fields its fork lacks.
 */
function blockFor(env: BlockEnv, common: Common): Block {
  const postMerge = common.gteHardfork("paris");
  return createBlock(
    {
      header: {
        coinbase: addressOf(env.coinbase),
        number: env.number,
        timestamp: env.timestamp,
        gasLimit: env.gasLimit,
        difficulty: postMerge ? 0n : env.difficulty,
        ...(postMerge ? { mixHash: bigIntToBytes(env.prevRandao ?? 0n, 32) } : {}),
        ...(common.gteHardfork("london") ? { baseFeePerGas: env.baseFee ?? 0n } : {}),
        ...(common.gteHardfork("cancun") ? { excessBlobGas: env.excessBlobGas ?? 0n } : {}),
      },
    },
    { common },
  );
}

function eventsOf(vm: VM): EthereumjsEvents {
  const events = vm.evm.events;
  if (events === undefined) throw new EthereumjsAdapterError("this ethereumjs EVM emits no events, so it cannot be traced");
  return events;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function statusOf(testCase: StateTestCase, result: RunTxResult): FrameStatus {
  const error = result.execResult.exceptionError?.error;
  const status = frameStatusOf(error);
  if (status === undefined) throw new EthereumjsAdapterError(`${testCase.id}: ethereumjs ended with '${error}', which ethereumjs-errors.ts does not map`);
  return status;
}

async function run(testCase: StateTestCase, options: RunOptions | undefined): Promise<CaseOutcome> {
  const common = commonFor(testCase);
  const stateManager = new MerkleStateManager({ common });
  await writePreState(stateManager, testCase.pre);
  const preStateRoot = await stateManager.getStateRoot();

  let tx: TypedTransaction;
  try {
    tx = createTxFromRLP(testCase.txBytes, { common });
    if (!tx.isValid()) throw new Error(`invalid transaction: ${tx.getValidationErrors().join("; ")}`);
  } catch (error) {
    const message = messageOf(error);
    return { kind: "rejected", stateRoot: preStateRoot, error: transactionErrorOf(message) ?? "MALFORMED_RLP", message };
  }

  const vm: VM = await createVM({ common, stateManager, blockchain: new StateTestBlockchain() });
  const trace = options?.tracer === undefined ? undefined : attachTracer(eventsOf(vm), options.tracer);
  if (options?.progress !== undefined) attachProgress(eventsOf(vm), options.progress);

  let result: RunTxResult;
  try {
    result = await runTx(vm, { tx, block: blockFor(testCase.env, common), skipBlockGasLimitValidation: false });
  } catch (error) {
    const message = messageOf(error);
    const rejection = transactionErrorOf(message);
    if (rejection === undefined) throw new EthereumjsAdapterError(`${testCase.id}: ethereumjs failed: ${message}`);
    return { kind: "rejected", stateRoot: preStateRoot, error: rejection, message };
  } finally {
    trace?.flush();
  }
  return {
    kind: "executed",
    stateRoot: await stateManager.getStateRoot(),
    logsHash: logsHash(result.execResult.logs ?? []),
    gasUsed: result.totalGasSpent,
    output: result.execResult.returnValue,
    status: statusOf(testCase, result),
  };
}

export const ethereumjsImplementation: Implementation = {
  name: "ethereumjs",
  /** @ethereumjs/vm 10 runs every Ethereum fork up to Osaka (ETHEREUMJS_HARDFORKS maps each), not SVM. */
  forks: ETHEREUMJS_FORKS,
  runStateTest: run,
};
