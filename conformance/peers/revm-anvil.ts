/**
 * revm as a peer implementation, through `anvil` (@foundry-rs/anvil, a devDependency): one anvil
 * process per fork (`--hardfork`), started when a case of that fork first arrives and stopped by
 * `close()` or when the process exits. anvil starts empty (no dev accounts, no CREATE2 deployer,
 * no automatic mining) and a snapshot of that empty chain is taken; each case reverts to it,
 * writes the pre-state with anvil's state-editing methods (anvil_setBalance/Nonce/Code/StorageAt),
 * sets the block (coinbase, gas limit, base fee, timestamp, number by mining empty blocks), sends
 * the signed transaction raw and mines one block.
 *
 * The state root is not anvil's block root: anvil's block root is a true Merkle-Patricia root of
 * its state, but anvil keeps a coinbase that earned nothing as an empty account, which EIP-161
 * removes (a state test's root has no such account). So revm's post state is read per account,
 * from the prestateTracer's diff of the transaction (prestate-diff.ts) over the case's pre-state,
 * and its root computed with spec/'s trie. The logs hash is computed from the receipt's logs;
 * gas used from the receipt; the output and the halt reason from the call tracer.
 *
 * What anvil cannot be told: PREVRANDAO/DIFFICULTY and the excess blob gas of the block (anvil
 * derives its own), so cases that read them differ; a blob transaction without its sidecar is
 * refused by anvil's pool; a case whose block number is below the chain's next is refused. These
 * are limits of driving revm through a node, not revm's: with a tracer, a case whose program uses
 * such a block value other than by popping it is refused too (anvil-environment.ts). With a tracer, the steps come from
 * anvil's struct logger (struct-logs.ts).
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bigIntToBytes, bytesToHex, hexToBytes } from "../../spec/primitives/bytes.js";
import { rlpEncode } from "../../spec/primitives/rlp.js";
import { decodeTransaction } from "../../spec/transaction/index.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { delegatedAddress } from "../../spec/machine/delegation.js";
import type { CaseOutcome, ForkName, HaltReason, Implementation, RunOptions, StateTestCase, TraceStep, TransactionError } from "../../interface/implementation.js";
import type { JsonRpcClient } from "../bench/json-rpc.js";
import { AnvilProcess } from "./anvil-process.js";
import { unsettableValueUsed } from "./anvil-environment.js";
import { postStateFromDiff, type PrestateDiff } from "./prestate-diff.js";
import { stateRootOf } from "./state-root-of.js";
import { opcodesByName, stepsOfStructLogs, type StructLog } from "./struct-logs.js";
import { transactionErrorOfClientText } from "./command-errors.js";
import { ANVIL_HARDFORKS } from "./anvil-hardforks.js";
import { frameStatusOf } from "./command-halts.js";

/** The most empty blocks mined to reach a case's block number. */
const MAX_BLOCKS_TO_MINE = 10_000n;

export class RevmAnvilError extends Error {
  readonly code = "REVM_ANVIL";
  override readonly name = "RevmAnvilError";
}

const quantity = (value: bigint) => `0x${value.toString(16)}`;
const addressHex = (value: bigint) => bytesToHex(bigIntToBytes(value, 20));
const wordHex = (value: bigint) => bytesToHex(bigIntToBytes(value, 32));

interface Chain {
  readonly anvil: AnvilProcess;
  /** The snapshot of the empty chain; evm_revert consumes it, so each case takes a new one. */
  snapshot: string;
  /**
   * The case running on this anvil (settled when it ends). Cases must not interleave: each one
   * reverts the chain, writes its pre-state and mines. A caller may abandon a case without
   * waiting for it (fast-check's interruptAfterTimeLimit races a shrinking run against the
   * clock), and the abandoned case's remaining calls would then land in the next case's chain.
   */
  running: Promise<unknown>;
}

interface RpcLog {
  readonly address: string;
  readonly topics: readonly string[];
  readonly data: string;
}

function logsHashOf(logs: readonly RpcLog[]): Uint8Array {
  return keccak_256(rlpEncode(logs.map((log) => [hexToBytes(log.address), log.topics.map((t) => hexToBytes(t)), hexToBytes(log.data)])));
}

/** A frame of the call tracer's tree (go-ethereum's callTracer shape). */
interface CallFrame {
  readonly from?: string;
  readonly to?: string;
  readonly output?: string;
  readonly error?: string;
  readonly calls?: readonly CallFrame[];
}

/**
 * The call tracer's errors for a call that failed before it began (go-ethereum's words, which anvil
 * gives): the value exceeds the caller's balance, or the depth limit is reached. The caller gets 0
 * back and the recipient is never touched (execution-specs' generic_call returns before
 * process_message), so it is no account EIP-161 may delete.
 */
const CALL_NEVER_BEGAN: ReadonlySet<string> = new Set(["insufficient balance for transfer", "max call depth exceeded"]);

/** Every sender and recipient of the call tree: the accounts a transaction touches (EIP-161). */
function frameAddresses(frame: CallFrame): bigint[] {
  const began = frame.error === undefined || !CALL_NEVER_BEGAN.has(frame.error);
  const own = [frame.from, began ? frame.to : undefined].filter((a): a is string => a !== undefined).map(BigInt);
  return own.concat((frame.calls ?? []).flatMap(frameAddresses));
}

/**
 * anvil's call tracer words every stack halt OpenEthereum's way, `Out of stack`, for an underflow
 * too; the struct logger's error on the frame's last step names revm's own halt.
 */
const OUT_OF_STACK = "Out of stack";

function lastTopLevelError(steps: readonly TraceStep[]): HaltReason | undefined {
  const last = steps.filter((step) => step.depth === 1).at(-1);
  return last?.error;
}

/** The code of an account after the transaction (its block holds only that transaction). */
async function codeAfter(rpc: JsonRpcClient, address: string): Promise<Uint8Array> {
  return hexToBytes((await rpc.call("eth_getCode", [address, "latest"])) as string);
}

/**
 * The code the transaction's own frame ran: the initcode of a creation, else the recipient's code
 * once its authorizations applied, followed through one delegation designator (EIP-7702: a
 * designator pointing at another designator is run as it is).
 */
async function codeRunByTransaction(rpc: JsonRpcClient, testCase: StateTestCase): Promise<Uint8Array> {
  const tx = decodeTransaction(testCase.txBytes);
  if (tx.to === null) return tx.data;
  const code = await codeAfter(rpc, addressHex(tx.to));
  const delegate = delegatedAddress(code);
  return delegate === undefined ? code : codeAfter(rpc, addressHex(delegate));
}

/**
 * The prestateTracer's diff leaves an emptied code out of `post` (go-ethereum's `omitempty`), as it
 * leaves unchanged code out: an EIP-7702 authorization to address 0 clears a delegation that way.
 * So the code of every changed account whose `pre` has code and whose `post` has none is read back.
 */
async function withClearedCode(rpc: JsonRpcClient, diff: PrestateDiff): Promise<PrestateDiff> {
  const post = { ...diff.post };
  for (const [address, after] of Object.entries(diff.post)) {
    if (diff.pre[address]?.code === undefined || after.code !== undefined) continue;
    const code = await codeAfter(rpc, address);
    if (code.length === 0) post[address] = { ...after, code: "0x" };
  }
  return { pre: diff.pre, post };
}

export class RevmAnvil implements Implementation {
  readonly name = "revm";
  readonly forks = Object.keys(ANVIL_HARDFORKS) as ForkName[];
  readonly #chains = new Map<ForkName, Promise<Chain>>();

  private chain(fork: ForkName): Promise<Chain> {
    const existing = this.#chains.get(fork);
    if (existing !== undefined) return existing;
    const hardfork = ANVIL_HARDFORKS[fork];
    if (hardfork === undefined) throw new RevmAnvilError(`anvil does not run ${fork}`);
    const args = ["--hardfork", hardfork, "--chain-id", "1", "--timestamp", "0", "--accounts", "0", "--disable-default-create2-deployer", "--no-mining", "--disable-min-priority-fee", "--steps-tracing", "--silent"];
    // EIP-7825's transaction gas cap is opt-in in anvil.
    if (fork === "Osaka") args.push("--enable-tx-gas-limit");
    const started = AnvilProcess.start(args).then(async (anvil) => ({ anvil, snapshot: (await anvil.rpc.call("evm_snapshot", [])) as string, running: Promise.resolve() }));
    this.#chains.set(fork, started);
    return started;
  }

  async runStateTest(testCase: StateTestCase, options: RunOptions = {}): Promise<CaseOutcome> {
    const chain = await this.chain(testCase.fork);
    const outcome = chain.running.then(() => this.runAlone(chain, testCase, options));
    chain.running = outcome.catch(() => undefined);
    return outcome;
  }

  /** One case on a chain no other case is using (runStateTest queues them). */
  private async runAlone(chain: Chain, testCase: StateTestCase, options: RunOptions): Promise<CaseOutcome> {
    const rpc = chain.anvil.rpc;
    await rpc.call("anvil_dropAllTransactions", []);
    // A failed revert would run this case, and every later one, on the previous case's state.
    if ((await rpc.call("evm_revert", [chain.snapshot])) !== true) throw new RevmAnvilError(`anvil could not revert to the empty chain (snapshot ${chain.snapshot})`);
    chain.snapshot = (await rpc.call("evm_snapshot", [])) as string;
    for (const [address, account] of testCase.pre) {
      const at = addressHex(address);
      await rpc.call("anvil_setBalance", [at, quantity(account.balance)]);
      await rpc.call("anvil_setNonce", [at, quantity(account.nonce)]);
      if (account.code.length > 0) await rpc.call("anvil_setCode", [at, bytesToHex(account.code)]);
      for (const [slot, value] of account.storage) await rpc.call("anvil_setStorageAt", [at, wordHex(slot), wordHex(value)]);
    }
    const env = testCase.env;
    const head = BigInt((await rpc.call("eth_blockNumber", [])) as string);
    const toMine = env.number - 1n - head;
    if (toMine < 0n || toMine > MAX_BLOCKS_TO_MINE) throw new RevmAnvilError(`anvil cannot run a block numbered ${env.number} (its next block is ${head + 1n})`);
    if (toMine > 0n) await rpc.call("anvil_mine", [quantity(toMine)]);
    await rpc.call("anvil_setCoinbase", [addressHex(env.coinbase)]);
    await rpc.call("evm_setBlockGasLimit", [quantity(env.gasLimit)]);
    if (env.baseFee !== undefined) await rpc.call("anvil_setNextBlockBaseFeePerGas", [quantity(env.baseFee)]);
    await rpc.call("evm_setNextBlockTimestamp", [quantity(env.timestamp)]);
    let hash: string;
    try {
      hash = (await rpc.call("eth_sendRawTransaction", [bytesToHex(testCase.txBytes)])) as string;
    } catch (error) {
      return this.rejection(error instanceof Error ? error.message : String(error), stateRootOf(testCase.pre));
    }
    await rpc.call("evm_mine", []);
    const receipt = (await rpc.call("eth_getTransactionReceipt", [hash])) as { status: string; gasUsed: string; logs: RpcLog[] } | null;
    if (receipt === null) {
      // anvil queues rather than refuses a transaction whose nonce is ahead of the sender's.
      const tx = decodeTransaction(testCase.txBytes);
      return this.rejection(`anvil did not include the transaction (nonce ${tx.nonce} is not the sender's next)`, stateRootOf(testCase.pre), "NONCE_MISMATCH");
    }
    const call = (await rpc.call("debug_traceTransaction", [hash, { tracer: "callTracer" }])) as CallFrame;
    const needsSteps = options.tracer !== undefined || call.error === OUT_OF_STACK;
    const structLogs = needsSteps ? ((await rpc.call("debug_traceTransaction", [hash, { disableMemory: true, disableStorage: true }])) as { structLogs: StructLog[] }).structLogs : [];
    const unsettable = unsettableValueUsed(structLogs, testCase);
    if (unsettable !== undefined) throw new RevmAnvilError(`the case reads a block value anvil cannot be told: ${unsettable}`);
    const steps = needsSteps ? await this.stepsOf(rpc, testCase, structLogs) : [];
    if (options.tracer !== undefined) for (const step of steps) options.tracer.step(step);
    const status = call.error === OUT_OF_STACK ? lastTopLevelError(steps) : frameStatusOf(call.error);
    if (status === undefined) throw new RevmAnvilError(`anvil's call tracer gave an error SVM does not recognise: ${call.error}`);
    const diff = await withClearedCode(rpc, (await rpc.call("debug_traceTransaction", [hash, { tracer: "prestateTracer", tracerConfig: { diffMode: true } }])) as PrestateDiff);
    return {
      kind: "executed",
      stateRoot: stateRootOf(postStateFromDiff(testCase.pre, diff, [env.coinbase, ...frameAddresses(call)])),
      logsHash: logsHashOf(receipt.logs),
      gasUsed: BigInt(receipt.gasUsed),
      output: status === "success" || status === "revert" ? hexToBytes(call.output ?? "0x") : new Uint8Array(0),
      status,
    };
  }

  /** The struct logs as trace steps; an `Unknown` instruction at depth 1 is read from the code the transaction ran. */
  private async stepsOf(rpc: JsonRpcClient, testCase: StateTestCase, structLogs: readonly StructLog[]): Promise<TraceStep[]> {
    const unknownAtTop = structLogs.some((log) => log.op === "Unknown" && log.depth === 1);
    const topCode = unknownAtTop ? await codeRunByTransaction(rpc, testCase) : undefined;
    const steps = stepsOfStructLogs(structLogs, opcodesByName(SCHEDULES[testCase.fork]), topCode);
    if (typeof steps === "string") throw new RevmAnvilError(`anvil's trace has ${steps}`);
    return steps;
  }

  private rejection(message: string, stateRoot: Uint8Array, known?: TransactionError): CaseOutcome {
    // anvil's pool wants a blob transaction's sidecar (the blobs), which a state test does not carry.
    if (/sidecar|blob_hashes. are required/i.test(message)) {
      throw new RevmAnvilError(`anvil cannot take a blob transaction without its sidecar (a limit of driving revm through anvil): ${message}`);
    }
    const error = known ?? transactionErrorOfClientText(message);
    if (error === undefined) throw new RevmAnvilError(`anvil refused the transaction for a reason SVM does not recognise: ${message}`);
    return { kind: "rejected", stateRoot, error, message };
  }

  async close(): Promise<void> {
    const chains = [...this.#chains.values()];
    this.#chains.clear();
    await Promise.all(chains.map(async (chain) => (await chain).anvil.close()));
  }
}

/** The registry's entry: one instance per process; its anvils stop when the process exits. */
export const revmImplementation = new RevmAnvil();
