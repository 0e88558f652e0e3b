/**
 * revm, through the `anvil` binary of the npm package @foundry-rs/anvil, as a timing peer
 * (`npm run bench -- --peer anvil`). Each benchmark's pre-state is installed with anvil's
 * state-editing methods and its call is made with `eth_call` over loopback JSON-RPC. A call's
 * time is its round trip minus the median round trip of an empty call (to an account without
 * code) with the same sender and gas, so what remains is roughly revm's execution. eth_call
 * reports neither gas nor a state root: only the output is checked against the others. One anvil
 * runs per fork the benchmarks ask for (`--hardfork`), started when the first of them comes.
 */
import { bigIntToBytes, bytesToHex, hexToBytes } from "../../spec/primitives/bytes.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { decodeTransaction, recoverSender } from "../../spec/transaction/index.js";
import type { CallPeer } from "./call-peer.js";
import type { ForkName } from "../../interface/implementation.js";
import { ANVIL_HARDFORKS } from "../peers/anvil-hardforks.js";
import { AnvilProcess, AnvilUnavailableError, anvilLauncher } from "../peers/anvil-process.js";
import type { JsonRpcClient } from "./json-rpc.js";
import { median } from "./statistics.js";
import type { Benchmark } from "./suite.js";

/** An address no benchmark uses, called to measure the JSON-RPC round trip alone. */
const EMPTY_ACCOUNT = 0xdead00000000000000000000000000000000beefn;
const ROUND_TRIP_SAMPLES = 7;
/** Above the 1e9 gas the benchmarks' transactions carry. */
const GAS_CAP = 10_000_000_000n;
const CHAIN_ID = 1n;

const quantity = (value: bigint) => `0x${value.toString(16)}`;
const addressHex = (value: bigint) => bytesToHex(bigIntToBytes(value, 20));
const wordHex = (value: bigint) => bytesToHex(bigIntToBytes(value, 32));

interface DecodedCall {
  readonly from: bigint;
  readonly to: bigint;
  readonly data: Uint8Array;
  readonly gas: bigint;
  readonly value: bigint;
}

function callOf(benchmark: Benchmark): DecodedCall {
  const tx = decodeTransaction(benchmark.testCase.txBytes);
  if (tx.to === null) throw new AnvilUnavailableError(`${benchmark.name}: a contract creation cannot be run with eth_call`);
  const from = recoverSender(tx, SCHEDULES[benchmark.testCase.fork], CHAIN_ID);
  return { from, to: tx.to, data: tx.data, gas: tx.gasLimit, value: tx.value };
}

function callObject(call: DecodedCall, to: bigint) {
  return { from: addressHex(call.from), to: addressHex(to), data: bytesToHex(call.data), gas: quantity(call.gas), value: quantity(call.value) };
}

export { AnvilUnavailableError };

export class AnvilPeer implements CallPeer {
  readonly name = "anvil";
  #roundTripMs = 0;
  readonly #processes = new Map<ForkName, AnvilProcess>();
  #current: AnvilProcess;

  private constructor(
    private readonly launcher: string,
    fork: ForkName,
    first: AnvilProcess,
  ) {
    this.#processes.set(fork, first);
    this.#current = first;
  }

  private get rpc(): JsonRpcClient {
    return this.#current.rpc;
  }

  private static launch(fork: ForkName, launcher: string): Promise<AnvilProcess> {
    const hardfork = ANVIL_HARDFORKS[fork];
    if (hardfork === undefined) throw new AnvilUnavailableError(`anvil does not run ${fork}`);
    const args = ["--hardfork", hardfork, "--chain-id", String(CHAIN_ID), "--gas-limit", GAS_CAP.toString(), "--disable-code-size-limit", "--silent"];
    return AnvilProcess.start(args, launcher);
  }

  /** Starts anvil (London, the suite's fork) on a free loopback port and waits until it answers. */
  static async start(launcher: string = anvilLauncher()): Promise<AnvilPeer> {
    return new AnvilPeer(launcher, "London", await AnvilPeer.launch("London", launcher));
  }

  private async use(fork: ForkName): Promise<void> {
    let process = this.#processes.get(fork);
    if (process === undefined) {
      process = await AnvilPeer.launch(fork, this.launcher);
      this.#processes.set(fork, process);
    }
    this.#current = process;
  }

  async prepare(benchmark: Benchmark): Promise<void> {
    await this.use(benchmark.testCase.fork);
    for (const [address, account] of benchmark.testCase.pre) {
      const at = addressHex(address);
      await this.rpc.call("anvil_setBalance", [at, quantity(account.balance)]);
      await this.rpc.call("anvil_setNonce", [at, quantity(account.nonce)]);
      await this.rpc.call("anvil_setCode", [at, bytesToHex(account.code)]);
      for (const [slot, value] of account.storage) await this.rpc.call("anvil_setStorageAt", [at, wordHex(slot), wordHex(value)]);
    }
    const call = callOf(benchmark);
    const samples: number[] = [];
    for (let i = 0; i < ROUND_TRIP_SAMPLES; i++) samples.push((await this.timedCall(call, EMPTY_ACCOUNT)).ms);
    this.#roundTripMs = median(samples);
  }

  async run(benchmark: Benchmark): Promise<{ ms: number; output: Uint8Array }> {
    const call = callOf(benchmark);
    const { ms, output } = await this.timedCall(call, call.to);
    return { ms: Math.max(0, ms - this.#roundTripMs), output };
  }

  private async timedCall(call: DecodedCall, to: bigint): Promise<{ ms: number; output: Uint8Array }> {
    const request = callObject(call, to);
    const start = process.hrtime.bigint();
    const result = await this.rpc.call("eth_call", [request, "latest"]);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (typeof result !== "string") throw new AnvilUnavailableError(`eth_call returned ${JSON.stringify(result)}`);
    return { ms, output: hexToBytes(result) };
  }

  async close(): Promise<void> {
    for (const process of this.#processes.values()) await process.close();
  }
}
