/**
 * ethereum/tests TransactionTests through src/vm's decoder, sender recovery and intrinsic gas:
 * a valid transaction must decode to the expected sender and intrinsic gas; an invalid one must
 * be rejected by decoding or by the stateless checks (intrinsic gas, initcode size, nonce bound,
 * fee order).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Common, Hardfork, Mainnet } from "@ethereumjs/common";
import { createEOACode7702Tx } from "@ethereumjs/tx";
import { eoaCode7702RecoverAuthority, eoaCode7702SignAuthorization, hexToBytes as ejsHexToBytes } from "@ethereumjs/util";
import { describe, expect, it } from "vitest";
import { FORK_NAMES, type ForkName } from "../../interface/implementation.js";
import { recoverAuthority } from "../../src/vm/authorizations.js";
import { bytesToBigInt, hexToBytes } from "../../src/vm/bytes.js";
import { VmError } from "../../src/vm/errors.js";
import { scheduleOf } from "../../src/vm/forks.js";
import { intrinsicGas } from "../../src/vm/intrinsic-gas.js";
import { decodeTransaction, type Transaction, TransactionRejected } from "../../src/vm/transaction.js";
import { ETHEREUM_TESTS, haveVectors } from "./vectors.js";

interface Vector {
  txbytes: string;
  result: Record<string, { hash?: string; sender?: string; intrinsicGas?: string; exception?: string }>;
}

const MAX_NONCE = (1n << 64n) - 1n;

/** The stateless part of validation; returns why the transaction is invalid, or null. */
function statelessProblem(tx: Transaction, fork: ForkName): string | null {
  const schedule = scheduleOf(fork);
  if (tx.gasLimit < intrinsicGas(tx, schedule)) return "intrinsic gas";
  if (tx.nonce >= MAX_NONCE) return "nonce";
  if (tx.to === null && tx.data.length > schedule.maxInitcodeSize) return "initcode size";
  if (tx.maxPriorityFeePerGas > tx.maxFeePerGas) return "priority fee above max fee";
  if (tx.gasLimit * tx.maxFeePerGas >= 1n << 256n) return "gas × price overflow";
  return null;
}

function decode(bytes: Uint8Array, fork: ForkName): Transaction | string {
  try {
    return decodeTransaction(bytes, scheduleOf(fork));
  } catch (error) {
    if (error instanceof TransactionRejected || error instanceof VmError) return error.message;
    throw error;
  }
}

describe.runIf(haveVectors)("TransactionTests through src/vm", () => {
  const root = join(ETHEREUM_TESTS, "TransactionTests");
  for (const folder of haveVectors ? readdirSync(root).sort() : []) {
    it(`agrees with ${folder}`, () => {
      let checked = 0;
      for (const file of readdirSync(join(root, folder)).filter((f) => f.endsWith(".json"))) {
        const tests = JSON.parse(readFileSync(join(root, folder, file), "utf8")) as Record<string, Vector>;
        for (const [name, vector] of Object.entries(tests)) {
          let bytes: Uint8Array;
          try {
            bytes = hexToBytes(vector.txbytes);
          } catch {
            continue;
          }
          for (const [fork, expected] of Object.entries(vector.result)) {
            if (!(FORK_NAMES as readonly string[]).includes(fork)) continue;
            const id = `${folder}/${file}::${name}::${fork}`;
            checked++;
            const tx = decode(bytes, fork as ForkName);
            if (expected.exception !== undefined) {
              const problem = typeof tx === "string" ? tx : statelessProblem(tx, fork as ForkName);
              expect(problem, `${id} should be rejected (${expected.exception})`).not.toBeNull();
            } else {
              expect(typeof tx === "string" ? tx : null, id).toBeNull();
              const valid = tx as Transaction;
              expect(`0x${valid.sender.toString(16).padStart(40, "0")}`, id).toBe(expected.sender);
              expect(intrinsicGas(valid, scheduleOf(fork as ForkName)), id).toBe(BigInt(expected.intrinsicGas!));
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});

describe("a set-code transaction (EIP-7702) built by @ethereumjs/tx", () => {
  const common = new Common({ chain: Mainnet, hardfork: Hardfork.Prague });
  const delegate = `0x${"42".repeat(20)}` as const;
  const authorization = eoaCode7702SignAuthorization({ chainId: "0x1", address: delegate, nonce: "0x7" }, ejsHexToBytes(`0x${"0b".repeat(32)}`));
  const tx = createEOACode7702Tx(
    { chainId: 1n, nonce: 3n, maxPriorityFeePerGas: 1n, maxFeePerGas: 10n, gasLimit: 100_000n, to: `0x${"13".repeat(20)}`, data: "0x0001", authorizationList: [authorization] },
    { common },
  ).sign(ejsHexToBytes(`0x${"45".repeat(32)}`));

  it("decodes from Prague to the same sender, fields, authority and intrinsic gas", () => {
    for (const fork of ["Prague", "Osaka"] as const) {
      const decoded = decode(tx.serialize(), fork);
      if (typeof decoded === "string") throw new Error(decoded);
      expect(decoded.type).toBe(4);
      expect(decoded.sender).toBe(bytesToBigInt(tx.getSenderAddress().bytes));
      expect(intrinsicGas(decoded, scheduleOf(fork))).toBe(tx.getIntrinsicGas());
      expect(decoded.authorizations).toEqual([
        { chainId: 1n, address: BigInt(delegate), nonce: 7n, yParity: bytesToBigInt(authorization[3]), r: bytesToBigInt(authorization[4]), s: bytesToBigInt(authorization[5]) },
      ]);
      expect(recoverAuthority(decoded.authorizations[0]!)).toBe(bytesToBigInt(eoaCode7702RecoverAuthority(authorization).bytes));
    }
  });

  it("is rejected before Prague as TYPE_4_TX_PRE_FORK", () => {
    expect(() => decodeTransaction(tx.serialize(), scheduleOf("Cancun"))).toThrow(
      expect.objectContaining({ error: "TYPE_4_TX_PRE_FORK" }) as Error,
    );
  });
});
