/**
 * A sample of GeneralStateTests run through srcImplementation, decoded here with a minimal
 * reader of the JSON format (the full runner is `svm statetest --impl src`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AccountState, BlockEnv, ForkName, StateTestCase } from "../../interface/implementation.js";
import { bytesToHex, hexToBytes } from "../../src/vm/bytes.js";
import { srcImplementation } from "../../src/vm/implementation.js";
import { ETHEREUM_TESTS, haveVectors } from "./vectors.js";

interface JsonTest {
  env: Record<string, string>;
  pre: Record<string, { nonce: string; balance: string; code: string; storage: Record<string, string> }>;
  post: Record<string, { hash: string; logs: string; txbytes: string; expectException?: string }[]>;
}

function env(json: Record<string, string>): BlockEnv {
  const optional = (key: string): bigint | undefined => (json[key] === undefined ? undefined : BigInt(json[key]!));
  return {
    coinbase: BigInt(json.currentCoinbase!),
    gasLimit: BigInt(json.currentGasLimit!),
    number: BigInt(json.currentNumber!),
    timestamp: BigInt(json.currentTimestamp!),
    difficulty: BigInt(json.currentDifficulty ?? "0x0"),
    prevRandao: optional("currentRandom"),
    baseFee: optional("currentBaseFee"),
    excessBlobGas: optional("currentExcessBlobGas"),
  };
}

function pre(json: JsonTest["pre"]): Map<bigint, AccountState> {
  const accounts = new Map<bigint, AccountState>();
  for (const [address, a] of Object.entries(json)) {
    const storage = new Map<bigint, bigint>();
    for (const [slot, value] of Object.entries(a.storage)) if (BigInt(value) !== 0n) storage.set(BigInt(slot), BigInt(value));
    accounts.set(BigInt(address), { nonce: BigInt(a.nonce), balance: BigInt(a.balance), code: hexToBytes(a.code), storage });
  }
  return accounts;
}

/** Runs every Cancun case of the first `limit` files of `folder`; returns how many ran. */
function runFolder(folder: string, limit: number): number {
  const dir = join(ETHEREUM_TESTS, "GeneralStateTests", folder);
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort().slice(0, limit);
  let count = 0;
  for (const file of files) {
    const tests = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, JsonTest>;
    for (const [name, test] of Object.entries(tests)) {
      const fork: ForkName = "Cancun";
      for (const [i, expected] of (test.post[fork] ?? []).entries()) {
        const testCase: StateTestCase = { id: `${file}::${name}::${i}`, fork, env: env(test.env), pre: pre(test.pre), txBytes: hexToBytes(expected.txbytes) };
        const outcome = srcImplementation.runStateTest(testCase);
        if (outcome instanceof Promise) throw new TypeError("src runs synchronously");
        expect(bytesToHex(outcome.stateRoot), testCase.id).toBe(expected.hash);
        expect(outcome.kind, testCase.id).toBe(expected.expectException === undefined ? "executed" : "rejected");
        if (outcome.kind === "executed") expect(bytesToHex(outcome.logsHash), testCase.id).toBe(expected.logs);
        count++;
      }
    }
  }
  return count;
}

describe.runIf(haveVectors)("GeneralStateTests through src", () => {
  for (const [folder, limit] of [
    ["stExample", 20],
    ["stSStoreTest", 6],
    ["stCreate2", 6],
    ["stEIP1559", 1],
    ["stTransactionTest", 20],
    ["Cancun/stEIP1153-transientStorage", 10],
    ["Cancun/stEIP4844-blobtransactions", 4],
    ["Cancun/stEIP5656-MCOPY", 4],
    ["stPreCompiledContracts", 4],
  ] as const) {
    it(`passes the Cancun cases of ${folder} (first ${limit} files)`, () => {
      expect(runFolder(folder, limit)).toBeGreaterThan(0);
    });
  }
});
