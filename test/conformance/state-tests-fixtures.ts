/** Small, hand-made GeneralStateTests files and fake implementations for the runner's tests. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CaseOutcome, Implementation } from "../../interface/implementation.js";

export const ROOT_A = `0x${"aa".repeat(32)}`;
export const ROOT_B = `0x${"bb".repeat(32)}`;
export const LOGS_A = `0x${"1a".repeat(32)}`;
export const LOGS_B = `0x${"1b".repeat(32)}`;

export interface PostSpec {
  readonly d: number;
  readonly g?: number;
  readonly v?: number;
  readonly hash: string;
  readonly logs: string;
  readonly expectException?: string;
}

/** One state test with two data, gas and value entries, and the given post entries per fork. */
export function stateTest(post: Record<string, readonly PostSpec[]>): Record<string, unknown> {
  return {
    _info: { comment: "made by the runner's tests" },
    env: {
      currentCoinbase: "0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba",
      currentDifficulty: "0x020000",
      currentGasLimit: "0xff112233445566",
      currentNumber: "0x01",
      currentTimestamp: "0x03e8",
      currentBaseFee: "0x0a",
      currentRandom: "0x0000000000000000000000000000000000000000000000000000000000020000",
      currentExcessBlobGas: "0x00",
    },
    pre: {
      "0x095e7baea6a6c7c4c2dfeb977efac326af552d87": {
        balance: "0x0de0b6b3a7640000",
        code: "0x600160010160005500",
        nonce: "0x00",
        storage: { "0x01": "0x02", "0x03": "0x00" },
      },
    },
    transaction: {
      data: ["0x", "0x01"],
      gasLimit: ["0x061a80", "0x5208"],
      value: ["0x00", "0x01"],
      gasPrice: "0x0a",
      nonce: "0x00",
      secretKey: "0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8",
      sender: "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b",
      to: "0x095e7baea6a6c7c4c2dfeb977efac326af552d87",
    },
    post: Object.fromEntries(
      Object.entries(post).map(([fork, entries]) => [
        fork,
        entries.map((p) => ({
          hash: p.hash,
          logs: p.logs,
          indexes: { data: p.d, gas: p.g ?? 0, value: p.v ?? 0 },
          txbytes: `0x0${p.d}`,
          ...(p.expectException !== undefined && { expectException: p.expectException }),
        })),
      ]),
    ),
  };
}

/** A fresh temporary folder holding the given files (name → JSON value, or raw text). */
export function vectorFolder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "svm-statetests-"));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

export function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.slice(2), "hex"));
}

/** An implementation that executes every transaction to the same root and logs hash. */
export function fixedOutcome(outcome: CaseOutcome, name = "fake"): Implementation {
  return { name, runStateTest: () => outcome };
}

export function executed(root: string, logs: string, gasUsed = 21000n): CaseOutcome {
  return { kind: "executed", stateRoot: hex(root), logsHash: hex(logs), gasUsed, output: new Uint8Array(0), status: "success" };
}

export function rejected(root: string, error: "INTRINSIC_GAS_TOO_LOW" | "INSUFFICIENT_ACCOUNT_FUNDS"): CaseOutcome {
  return { kind: "rejected", stateRoot: hex(root), error, message: "test rejection" };
}
