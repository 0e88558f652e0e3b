/**
 * Starting and stopping the `anvil` binary of the npm package @foundry-rs/anvil (revm behind
 * JSON-RPC) on a free loopback port: shared by the benchmark's timing peer
 * (conformance/bench/anvil.ts) and the revm state-test peer (conformance/peers/revm-anvil.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { JsonRpcClient } from "../bench/json-rpc.js";

export class AnvilUnavailableError extends Error {
  readonly code = "ANVIL_UNAVAILABLE";
}

const STARTUP_TIMEOUT_MS = 30_000;

/** The launcher script of @foundry-rs/anvil, which starts the platform binary it ships. */
export function anvilLauncher(): string {
  try {
    const packageJson = createRequire(import.meta.url).resolve("@foundry-rs/anvil/package.json");
    return join(dirname(packageJson), "bin.mjs");
  } catch {
    throw new AnvilUnavailableError("anvil needs the npm package @foundry-rs/anvil (npm install --no-save @foundry-rs/anvil)");
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

/** A running anvil and its JSON-RPC client. */
export class AnvilProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly rpc: JsonRpcClient,
  ) {}

  /** Starts anvil with `args` (after host and port) and waits until it answers. */
  static async start(args: readonly string[], launcher: string = anvilLauncher()): Promise<AnvilProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [launcher, "--host", "127.0.0.1", "--port", String(port), ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // A command that never calls close() (svm statetest --impl revm) must still end, and take anvil with it.
    child.unref();
    (child.stderr as { unref?: () => void } | null)?.unref?.();
    process.once("exit", () => child.kill());
    const anvil = new AnvilProcess(child, new JsonRpcClient(`http://127.0.0.1:${port}`));
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null) throw new AnvilUnavailableError(`anvil exited with code ${child.exitCode}: ${stderr.trim()}`);
      try {
        await anvil.rpc.call("eth_chainId", []);
        return anvil;
      } catch (error) {
        if (Date.now() > deadline) {
          child.kill();
          throw new AnvilUnavailableError(`anvil did not answer within ${STARTUP_TIMEOUT_MS} ms: ${error instanceof Error ? error.message : String(error)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    // Started unreferenced; waiting for its exit must keep this process alive.
    this.child.ref();
    this.child.kill("SIGTERM");
    await exited;
  }
}
