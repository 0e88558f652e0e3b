/**
 * `svm t8n`: state-test cases run through the transition tool must reach the vectors' post-state
 * root and logs hash; chained transactions see each other's state; the roots of transactions,
 * receipts and withdrawals and the logs bloom must equal what ethereumjs computes from the same
 * items with its own encoders and trie.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { genTransactionsTrieRoot, genWithdrawalsTrieRoot } from "@ethereumjs/block";
import { createWithdrawal } from "@ethereumjs/util";
import { Bloom, encodeReceipt } from "@ethereumjs/vm";
import { describe, expect, it } from "vitest";
import { parseAlloc, parseEnv, parseTxs } from "../../conformance/t8n/inputs.js";
import { transition } from "../../conformance/t8n/transition.js";
import { bigIntToBytes, bytesToHex } from "../../spec/primitives/bytes.js";
import { rlpDecode, rlpEncode } from "../../spec/primitives/rlp.js";
import { PROJECT_ROOT, svm } from "../cli/svm-process.js";

const STATE_TESTS = join(PROJECT_ROOT, "../shared/conformance/ethereum-tests/GeneralStateTests");

interface RawPost {
  hash: string;
  logs: string;
  txbytes: string;
  expectException?: string;
}

/** A vector's test as t8n inputs: its pre and env are already in alloc's and env's shape. */
function vector(relativePath: string, fork = "Cancun") {
  const file = JSON.parse(readFileSync(join(STATE_TESTS, relativePath), "utf8")) as Record<string, { pre: unknown; env: unknown; post: Record<string, RawPost[]> }>;
  const test = Object.values(file)[0]!;
  return { pre: test.pre, env: test.env, posts: test.post[fork]! };
}

/** The RLP list of signed transactions, as t8n's `txs` hex string. */
function txsRlp(txbytes: readonly string[]): string {
  const items = txbytes.map((hex) => {
    const bytes = Uint8Array.from(Buffer.from(hex.slice(2), "hex"));
    return bytes[0]! >= 0xc0 ? rlpDecode(bytes) : bytes;
  });
  return bytesToHex(rlpEncode(items));
}

function run(v: ReturnType<typeof vector>, txbytes: readonly string[], extraEnv: Record<string, unknown> = {}) {
  return transition(parseAlloc(v.pre), parseEnv({ ...(v.env as object), ...extraEnv }), parseTxs(txsRlp(txbytes), 1n), { fork: "Cancun", chainId: 1n, reward: 0n });
}

describe("svm t8n on state-test cases", () => {
  it.each(["stExample/add11.json", "stLogTests/log1_MaxTopic.json", "stLogTests/log0_emptyMem.json", "stEIP2930/coinbaseT2.json", "stEIP1559/valCausesOOF.json"])("%s: the vectors' post root and logs hash", (path) => {
    const v = vector(path);
    for (const post of v.posts.slice(0, 3)) {
      const result = run(v, [post.txbytes]);
      expect(result.rejected.length).toBe(post.expectException === undefined ? 0 : 1);
      expect(bytesToHex(result.stateRoot)).toBe(post.hash);
      expect(bytesToHex(result.logsHash)).toBe(post.logs);
    }
  });

  it("signs a JSON transaction that comes with its secretKey (EIP-155 unless `protected` is false), as geth's t8n does", () => {
    const file = JSON.parse(readFileSync(join(STATE_TESTS, "stExample/add11.json"), "utf8")) as Record<string, { transaction: Record<string, unknown> }>;
    const t = Object.values(file)[0]!.transaction;
    const v = vector("stExample/add11.json");
    const json = [{ type: "0x0", nonce: t.nonce, gasPrice: t.gasPrice, gas: (t.gasLimit as string[])[0], to: t.to, value: (t.value as string[])[0], input: (t.data as string[])[0], v: "0x0", r: "0x0", s: "0x0", secretKey: t.secretKey }];
    for (const protectedTx of [true, false]) {
      const txs = parseTxs(json.map((tx) => ({ ...tx, protected: protectedTx })), 1n);
      const result = transition(parseAlloc(v.pre), parseEnv(v.env), txs, { fork: "Cancun", chainId: 1n, reward: 0n });
      expect(result.rejected).toEqual([]);
      expect(bytesToHex(result.stateRoot)).toBe(v.posts[0]!.hash);
      expect(bytesToHex(result.included[0]!.bytes) === v.posts[0]!.txbytes).toBe(!protectedTx);
    }
  });

  it("rejects an invalid transaction with its reason and leaves the state as it was", () => {
    const v = vector("stExample/invalidTr.json");
    const post = v.posts.find((p) => p.expectException !== undefined)!;
    const result = run(v, [post.txbytes]);
    expect(result.included).toEqual([]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.index).toBe(0);
    expect(bytesToHex(result.stateRoot)).toBe(post.hash);
  });

  it("runs the block's transactions in order on the state each leaves: the same transaction twice is a nonce mismatch the second time", () => {
    const v = vector("stLogTests/log1_MaxTopic.json");
    const post = v.posts[0]!;
    const result = run(v, [post.txbytes, post.txbytes]);
    expect(result.included.map((t) => t.index)).toEqual([0]);
    expect(result.rejected).toEqual([{ index: 1, error: expect.stringMatching(/^NONCE_MISMATCH/) }]);
    expect(bytesToHex(result.stateRoot)).toBe(post.hash);
  });

  it.each([
    ["a legacy transaction that logs", "stLogTests/log1_MaxTopic.json"],
    ["a typed (EIP-2718) transaction", "stEIP2930/coinbaseT2.json"],
  ])("gives the transactions, receipts and withdrawals roots and the bloom that ethereumjs computes from the same items: %s", async (_what, path) => {
    const v = vector(path);
    const withdrawals = [{ index: "0x0", validatorIndex: "0x5", address: "0x00000000000000000000000000000000000000aa", amount: "0x10" }];
    const result = run(v, [v.posts[0]!.txbytes], { withdrawals });
    const bytes = result.included.map((t) => t.bytes);
    expect(bytesToHex(result.txRoot)).toBe(bytesToHex(await genTransactionsTrieRoot(bytes.map((b) => ({ serialize: () => b })) as never)));
    const theirReceipts = result.included.map((t) => {
      const bloom = new Bloom();
      for (const log of t.receipt.logs) {
        bloom.add(bigIntToBytes(log.address, 20));
        for (const topic of log.topics) bloom.add(bigIntToBytes(topic, 32));
      }
      const logs = t.receipt.logs.map((log) => [bigIntToBytes(log.address, 20), log.topics.map((x) => bigIntToBytes(x, 32)), log.data]);
      return encodeReceipt({ status: t.receipt.success ? 1 : 0, cumulativeBlockGasUsed: t.receipt.cumulativeGasUsed, bitvector: bloom.bitvector, logs } as never, t.receipt.type);
    });
    expect(result.included).toHaveLength(1);
    expect(bytesToHex(result.receiptsRoot)).toBe(bytesToHex(await genTransactionsTrieRoot(theirReceipts.map((r) => ({ serialize: () => r })) as never)));
    const theirWithdrawals = withdrawals.map((w) => createWithdrawal(w));
    expect(bytesToHex(result.withdrawalsRoot!)).toBe(bytesToHex(await genWithdrawalsTrieRoot(theirWithdrawals)));
    expect(result.accounts.get(0xaan)!.balance).toBe(0x10n * 1_000_000_000n);
  });
});

describe("svm t8n command line", () => {
  it("reads files, writes result, alloc, body and a trace per transaction into the basedir", async () => {
    const folder = mkdtempSync(join(tmpdir(), "svm-t8n-"));
    const v = vector("stExample/add11.json");
    writeFileSync(join(folder, "alloc.json"), JSON.stringify(v.pre));
    writeFileSync(join(folder, "env.json"), JSON.stringify(v.env));
    writeFileSync(join(folder, "txs.json"), JSON.stringify(txsRlp([v.posts[0]!.txbytes])));
    const out = join(folder, "out");
    const args = ["t8n", "--input.alloc", join(folder, "alloc.json"), "--input.env", join(folder, "env.json"), "--input.txs", join(folder, "txs.json")];
    const result = await svm([...args, "--state.fork", "Cancun", "--output.basedir", out, "--output.body", "body.json", "--trace"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const written = JSON.parse(readFileSync(join(out, "result.json"), "utf8")) as Record<string, unknown>;
    expect(written.stateRoot).toBe(v.posts[0]!.hash);
    expect(written).toHaveProperty("receiptsRoot");
    const alloc = JSON.parse(readFileSync(join(out, "alloc.json"), "utf8")) as Record<string, unknown>;
    expect(Object.keys(alloc).length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(out, "body.json"), "utf8"))).toBe(txsRlp([v.posts[0]!.txbytes]));
  });

  it("reads stdin and writes stdout as one JSON object", async () => {
    const v = vector("stExample/add11.json");
    const input = JSON.stringify({ alloc: v.pre, env: v.env, txs: txsRlp([v.posts[0]!.txbytes]) });
    const result = await svm(["t8n", "--input.alloc", "stdin", "--input.env", "stdin", "--input.txs", "stdin", "--state.fork", "Cancun", "--output.result", "stdout", "--output.alloc", "stdout"], { stdin: input });
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { result: { stateRoot: string }; alloc: object };
    expect(output.result.stateRoot).toBe(v.posts[0]!.hash);
  });

  it("--impl runs each transaction on another implementation too and requires the spec's roots", async () => {
    const folder = mkdtempSync(join(tmpdir(), "svm-t8n-"));
    const v = vector("stLogTests/log1_MaxTopic.json");
    const input = JSON.stringify({ alloc: v.pre, env: v.env, txs: txsRlp([v.posts[0]!.txbytes, v.posts[0]!.txbytes]) });
    const base = ["t8n", "--input.alloc", "stdin", "--input.env", "stdin", "--input.txs", "stdin", "--state.fork", "Cancun", "--output.basedir", folder];
    for (const impl of ["src", "revm"]) {
      const agreeing = await svm([...base, "--impl", impl], { stdin: input });
      expect([agreeing.code, agreeing.stderr]).toEqual([0, ""]);
    }
    const wrongRoot = `cmd:${process.execPath} -e "console.error(JSON.stringify({stateRoot: '0x' + '11'.repeat(32), gasUsed: '0x1', output: '0x'}))"`;
    const differing = await svm([...base, "--impl", wrongRoot], { stdin: input });
    expect(differing.code).toBe(1);
    expect(differing.stderr).toMatch(/^tx 0: cmd:.* reaches 0x(11){32}, the spec 0x/m);
  }, 30_000);

  it("is an input error for a missing env field, naming it", async () => {
    const folder = mkdtempSync(join(tmpdir(), "svm-t8n-"));
    writeFileSync(join(folder, "alloc.json"), "{}");
    writeFileSync(join(folder, "env.json"), JSON.stringify({ currentCoinbase: "0x00", currentGasLimit: "0x100", currentNumber: "1", currentTimestamp: "1" }));
    writeFileSync(join(folder, "txs.json"), "[]");
    const result = await svm(["t8n", "--state.fork", "Cancun", "--output.basedir", join(folder, "out")], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/currentBaseFee is required/);
  });
});
