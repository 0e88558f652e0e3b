/**
 * revm, through the `anvil` binary of the npm package @foundry-rs/anvil, as a timing peer
 * (`npm run bench -- --peer anvil`). Each benchmark's pre-state is installed with anvil's
 * state-editing methods and its call is made with `eth_call` over loopback JSON-RPC. A call's
 * time is its round trip minus the median round trip of an empty call (to an account without
 * code) with the same sender and gas, so what remains is roughly revm's execution. eth_call
 * reports neither gas nor a state root: only the output is checked against the others.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { bigIntToBytes, bytesToHex, hexToBytes } from "../../spec/primitives/bytes.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { decodeTransaction, recoverSender } from "../../spec/transaction/index.js";
import type { CallPeer } from "./call-peer.js";
import { JsonRpcClient } from "./json-rpc.js";
import { median } from "./statistics.js";
import type { Benchmark } from "./suite.js";

export class AnvilUnavailableError extends Error {
  readonly code = "ANVIL_UNAVAILABLE";
}

/** An address no benchmark uses, called to measure the JSON-RPC round trip alone. */
const EMPTY_ACCOUNT = 0xdead00000000000000000000000000000000beefn;
const ROUND_TRIP_SAMPLES = 7;
const STARTUP_TIMEOUT_MS = 30_000;
/** Above the 1e9 gas the benchmarks' transactions carry. */
const GAS_CAP = 10_000_000_000n;
const CHAIN_ID = 1n;

const quantity = (value: bigint) => `0x${value.toString(16)}`;
const addressHex = (value: bigint) => bytesToHex(bigIntToBytes(value, 20));
const wordHex = (value: bigint) => bytesToHex(bigIntToBytes(value, 32));

/** The launcher script of @foundry-rs/anvil, which starts the platform binary it ships. */
export function anvilLauncher(): string {
  try {
    const packageJson = createRequire(import.meta.url).resolve("@foundry-rs/anvil/package.json");
    return join(dirname(packageJson), "bin.mjs");
  } catch {
    throw new AnvilUnavailableError("--peer anvil needs the npm package @foundry-rs/anvil (npm install --no-save @foundry-rs/anvil)");
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

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

export class AnvilPeer implements CallPeer {
  readonly name = "anvil";
  #roundTripMs = 0;

  private constructor(
    private readonly process: ChildProcess,
    private readonly rpc: JsonRpcClient,
  ) {}

  /** Starts anvil on a free loopback port and waits until it answers. */
  static async start(launcher: string = anvilLauncher()): Promise<AnvilPeer> {
    const port = await freePort();
    const args = [launcher, "--host", "127.0.0.1", "--port", String(port), "--hardfork", "london", "--chain-id", String(CHAIN_ID)];
    args.push("--gas-limit", GAS_CAP.toString(), "--disable-code-size-limit", "--silent");
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const peer = new AnvilPeer(child, new JsonRpcClient(`http://127.0.0.1:${port}`));
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null) throw new AnvilUnavailableError(`anvil exited with code ${child.exitCode}: ${stderr.trim()}`);
      try {
        await peer.rpc.call("eth_chainId", []);
        return peer;
      } catch (error) {
        if (Date.now() > deadline) {
          child.kill();
          throw new AnvilUnavailableError(`anvil did not answer within ${STARTUP_TIMEOUT_MS} ms: ${error instanceof Error ? error.message : String(error)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  async prepare(benchmark: Benchmark): Promise<void> {
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
    if (this.process.exitCode !== null) return;
    const exited = new Promise((resolve) => this.process.once("exit", resolve));
    this.process.kill("SIGTERM");
    await exited;
  }
}
