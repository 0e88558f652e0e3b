/**
 * The anvil peer's protocol, against a stand-in launcher (test/bench/fixtures/fake-anvil.mjs):
 * the real anvil is an optional package this machine does not have installed.
 */
import { get } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AnvilPeer } from "../../conformance/bench/anvil.js";
import { JsonRpcClient, JsonRpcError } from "../../conformance/bench/json-rpc.js";
import { loadBenchmarks } from "../../conformance/bench/suite.js";
import { bytesToHex } from "../../spec/primitives/bytes.js";

const ROOT = join(import.meta.dirname, "../../../shared/bench/evm-benchmarks");
const FAKE = join(import.meta.dirname, "fixtures/fake-anvil.mjs");

function fetchJson<T>(url: string): Promise<T> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve(JSON.parse(text)));
    }).on("error", reject);
  });
}

function rpcOf(peer: AnvilPeer): JsonRpcClient {
  return (peer as unknown as { rpc: JsonRpcClient }).rpc;
}

describe("AnvilPeer", () => {
  it("installs the pre-state, calls the benchmark's contract with its sender, and stops anvil", async () => {
    const benchmark = loadBenchmarks(ROOT, /^main\/swap_math\/d0$/)[0]!;
    const peer = await AnvilPeer.start(FAKE);
    try {
      await peer.prepare(benchmark);
      const { ms, output } = await peer.run(benchmark);
      expect(ms).toBeGreaterThanOrEqual(0);
      const contract = [...benchmark.testCase.pre].find(([, account]) => account.code.length > 0)!;
      expect(bytesToHex(output)).toBe(bytesToHex(contract[1].code));
      const log = await fetchJson<{ method: string; params: unknown[] }[]>(`${rpcOf(peer).url}/log`);
      const methods = log.map((entry) => entry.method);
      expect(methods.filter((m) => m === "anvil_setCode")).toHaveLength(benchmark.testCase.pre.size);
      const call = log.filter((entry) => entry.method === "eth_call").at(-1)!.params[0] as Record<string, string>;
      expect(call.from).toBe("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
      expect(call.gas).toBe("0x3b9aca00");
    } finally {
      await peer.close();
    }
  });

  it("runs each benchmark on an anvil started with the benchmark's fork", async () => {
    const london = loadBenchmarks(ROOT, /^main\/swap_math\/d0$/)[0]!;
    const prague = { ...london, name: "prague/swap_math", testCase: { ...london.testCase, fork: "Prague" as const } };
    const peer = await AnvilPeer.start(FAKE);
    try {
      await peer.prepare(london);
      const first = rpcOf(peer).url;
      expect(await fetchJson<string>(`${first}/hardfork`)).toBe("london");
      await peer.prepare(prague);
      expect(rpcOf(peer).url).not.toBe(first);
      expect(await fetchJson<string>(`${rpcOf(peer).url}/hardfork`)).toBe("prague");
      expect((await peer.run(prague)).output.length).toBeGreaterThan(0);
      await peer.prepare(london);
      expect(rpcOf(peer).url).toBe(first);
    } finally {
      await peer.close();
    }
  });

  it("refuses JSON-RPC endpoints off the loopback interface", () => {
    expect(() => new JsonRpcClient("http://10.0.0.1:8545")).toThrow(JsonRpcError);
  });
});
