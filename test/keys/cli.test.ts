/**
 * `svm keys` as a script meets it (in process, through the CLI's main): exit codes 0 / 1 (a
 * signature that does not verify) / 2 (usage or input), JSON documents whose precompile inputs
 * src/vm's precompiles accept, --out files equal to what is printed, and seeds that repeat.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { fromHex } from "../../src/keys/encoding.js";
import { SCHEME_NAMES } from "../../src/keys/schemes.js";
import { scheduleOf } from "../../src/vm/forks.js";
import { precompileAt } from "../../src/vm/precompiles/index.js";
import { svm } from "../cli/svm-process.js";

const SEED = "00112233445566778899aabbccddeeff";
const DIGEST = `0x${"ab".repeat(32)}`;
const ONE = `0x${"00".repeat(31)}01`;
const schedule = scheduleOf("SVM");

let stdout: string[];
let stderr: string[];

beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(console, "log").mockImplementation((text: unknown) => void stdout.push(String(text)));
  vi.spyOn(console, "error").mockImplementation((text: unknown) => void stderr.push(String(text)));
});
afterEach(() => vi.restoreAllMocks());

async function keys(...args: string[]): Promise<number> {
  stdout = [];
  stderr = [];
  return main(["keys", ...args]);
}

const printed = () => JSON.parse(stdout.join("\n")) as Record<string, any>;
const folder = () => mkdtempSync(join(tmpdir(), "svm-keys-cli-"));

/** What src/vm's precompile answers to a `{ address, input }` of a document. */
function run(call: { address: string; input: string }): string {
  const result = precompileAt(BigInt(call.address), schedule)!(fromHex(call.input, "input"), 1e9, schedule);
  if (typeof result === "string") throw new Error(result);
  return `0x${Buffer.from(result.output).toString("hex")}`;
}

describe("svm keys", () => {
  it("lists every scheme in its help and exits 0; a missing or unknown subcommand is a usage error", async () => {
    expect(await keys("--help")).toBe(0);
    for (const name of SCHEME_NAMES) expect(stdout.join("\n")).toContain(name);
    expect(await keys()).toBe(2);
    expect(await keys("forge")).toBe(2);
    expect(stderr.join("\n")).toContain("unknown subcommand 'forge'");
  });

  it("runs the examples of its --help as written, in order, from an empty folder", async () => {
    expect(await keys("--help")).toBe(0);
    const examples = stdout.join("\n").split(/^Example:$/m)[1]!.split("\n").filter((line) => line.startsWith("  svm "));
    expect(examples.length).toBeGreaterThan(1);
    const cwd = folder();
    for (const line of examples) {
      const result = await svm(line.trim().split(/\s+/).slice(1), { cwd });
      expect(result.code, `${line}\n${result.stderr}`).toBe(0);
    }
  });

  it("generates the same key from the same seed, writes --out as printed, and prints fields for people without --json", async () => {
    const dir = folder();
    expect(await keys("generate", "--scheme", "ed25519", "--seed", SEED, "--out", join(dir, "k.json"), "--json")).toBe(0);
    const first = printed();
    expect(JSON.parse(readFileSync(join(dir, "k.json"), "utf8"))).toEqual(first);
    expect(await keys("generate", "--scheme", "ed25519", "--seed", SEED)).toBe(0);
    expect(stdout.join("\n")).toContain(`publicKey: ${first.publicKey}`);
    expect(await keys("generate", "--scheme", "ed25519", "--json")).toBe(0);
    expect(printed().publicKey).not.toBe(first.publicKey);
  });

  it("refuses bad input with exit 2 and a one-line reason", async () => {
    const dir = folder();
    expect(await keys("generate")).toBe(2);
    expect(await keys("generate", "--scheme", "ed25519", "--seed", "0011")).toBe(2);
    expect(stderr.join("\n")).toContain("at least 16 bytes");
    expect(await keys("generate", "--scheme", "rsa-pss", "--seed", SEED)).toBe(2);
    expect(await keys("generate", "--scheme", "ed25519", "--bits", "2048")).toBe(2);
    expect(await keys("generate", "--scheme", "ml-dsa-44", "--seed", SEED, "--out", join(dir, "k.json"))).toBe(0);
    expect(await keys("sign", "--key", join(dir, "k.json"), "--message", "0x01")).toBe(2);
    expect(stderr.join("\n")).toContain("32-byte message");
    expect(await keys("sign", "--key", join(dir, "k.json"), "--message", "0xzz")).toBe(2);
    expect(await keys("sign", "--key", join(dir, "nothing.json"), "--message", DIGEST)).toBe(2);
    writeFileSync(join(dir, "bad.json"), "{");
    expect(await keys("sign", "--key", join(dir, "bad.json"), "--message", DIGEST)).toBe(2);
    expect(await keys("threshold", "--t", "2", "--n", "2", "--seed", SEED, "--out", dir)).toBe(0);
    expect(await keys("sign", "--key", join(dir, "share-1.json"), "--message", DIGEST)).toBe(2);
    expect(stderr.join("\n")).toContain("'svm-bls-share' file, expected 'svm-key'");
    expect(await keys("verify", "--scheme", "ed25519", "--public-key", "0x00", "--message", DIGEST)).toBe(2);
  });

  it("verifies: exit 0 for a signature it made, 1 for a tampered one", async () => {
    const dir = folder();
    await keys("generate", "--scheme", "bip340", "--seed", SEED, "--out", join(dir, "k.json"));
    expect(await keys("sign", "--key", join(dir, "k.json"), "--message", "0x68656c6c6f", "--out", join(dir, "s.json"), "--json")).toBe(0);
    const signed = printed();
    expect(run(signed.precompile)).toBe(ONE);
    expect(await keys("verify", "--signed", join(dir, "s.json"))).toBe(0);
    const tampered = `${signed.signature.slice(0, -2)}${signed.signature.endsWith("00") ? "01" : "00"}`;
    expect(await keys("verify", "--key", join(dir, "k.json"), "--message", "0x68656c6c6f", "--signature", tampered, "--json")).toBe(1);
    expect(printed().valid).toBe(false);
    expect(await keys("verify", "--scheme", "bip340", "--public-key", signed.publicKey, "--message", "0x68656c6c6f", "--signature", signed.signature)).toBe(0);
  });

  it("aggregates BLS signatures into inputs BLS_FAST_AGGREGATE_VERIFY and BLS_AGGREGATE_VERIFY accept", async () => {
    const dir = folder();
    const files = [];
    for (const i of [1, 2, 3]) {
      await keys("generate", "--scheme", "bls", "--seed", `${SEED}0${i}`, "--out", join(dir, `k${i}.json`));
      await keys("sign", "--key", join(dir, `k${i}.json`), "--message", DIGEST, "--out", join(dir, `s${i}.json`));
      files.push(join(dir, `s${i}.json`));
    }
    expect(await keys("aggregate", ...files, "--json")).toBe(0);
    const calls = printed().precompiles as { name: string; address: string; input: string }[];
    expect(calls.map((c) => c.name)).toEqual(["BLS_FAST_AGGREGATE_VERIFY", "BLS_AGGREGATE_VERIFY"]);
    for (const c of calls) expect(run(c)).toBe(ONE);
  });

  it("joins a secp256k1 and an ML-DSA-44 signature into the input HYBRID_VERIFY accepts", async () => {
    const dir = folder();
    for (const scheme of ["secp256k1", "ml-dsa-44"]) {
      await keys("generate", "--scheme", scheme, "--seed", SEED, "--out", join(dir, `${scheme}.json`));
      await keys("sign", "--key", join(dir, `${scheme}.json`), "--message", DIGEST, "--out", join(dir, `${scheme}-sig.json`));
    }
    expect(await keys("hybrid", "--classical", join(dir, "secp256k1-sig.json"), "--pq", join(dir, "ml-dsa-44-sig.json"), "--json")).toBe(0);
    expect(run(printed().precompile)).toBe(ONE);
    expect(await keys("hybrid", "--classical", join(dir, "ml-dsa-44-sig.json"), "--pq", join(dir, "secp256k1-sig.json"))).toBe(2);
  });

  it("combines partials of one message only", async () => {
    const dir = folder();
    await keys("threshold", "--t", "2", "--n", "3", "--seed", SEED, "--out", dir);
    await keys("partial-sign", "--share", join(dir, "share-1.json"), "--message", DIGEST, "--out", join(dir, "p1.json"));
    await keys("partial-sign", "--share", join(dir, "share-2.json"), "--message", "0x01", "--out", join(dir, "p2.json"));
    expect(await keys("combine", join(dir, "p1.json"), join(dir, "p2.json"))).toBe(2);
    expect(stderr.join("\n")).toContain("message differs");
    await keys("partial-sign", "--share", join(dir, "share-3.json"), "--message", DIGEST, "--out", join(dir, "p3.json"));
    expect(await keys("combine", join(dir, "p3.json"), join(dir, "p1.json"), "--json")).toBe(0);
    expect(run(printed().precompile)).toBe(ONE);
  });
});
