/**
 * The TransactionTests runner on the real vectors (all of them: they run in about a second), on
 * vectors altered so that the runner must notice, and on malformed files.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Common, Hardfork, Mainnet } from "@ethereumjs/common";
import { createEOACode7702Tx } from "@ethereumjs/tx";
import { bytesToHex, eoaCode7702SignAuthorization, hexToBytes } from "@ethereumjs/util";
import { describe, expect, it } from "vitest";
import { runTransactionTestFile } from "../../conformance/runners/transaction-tests.js";
import { runVectorFiles } from "../../conformance/runners/vector-run.js";
import { vectorsRoot } from "../../conformance/vectors-location.js";

const folder = join(vectorsRoot(), "TransactionTests");
const read = (path: string) => JSON.parse(readFileSync(join(folder, path), "utf8")) as Record<string, any>;

describe("TransactionTests", () => {
  it("passes every case of every fork", () => {
    const report = runVectorFiles([folder], [folder], (text, id) => runTransactionTestFile(text, id));
    expect(report.results.filter((r) => r.status === "fail")).toEqual([]);
    expect(report.summary.passed).toBeGreaterThan(2500);
  });

  it("runs only the chosen fork", () => {
    const text = readFileSync(join(folder, "ttEIP1559/maxFeePerGas00prefix.json"), "utf8");
    const results = runTransactionTestFile(text, "f.json", { fork: "Cancun" });
    expect(results.map((r) => r.id)).toEqual(["f.json::maxFeePerGas00prefix::Cancun"]);
  });

  it("fails a case whose expected sender, hash or intrinsic gas is wrong", () => {
    const file = read("ttNonce/TransactionWithHighNonce64Minus2.json");
    const test = file["TransactionWithHighNonce64Minus2"];
    test.result = {
      Cancun: { ...test.result.Cancun, sender: "0x" + "11".repeat(20) },
      London: { ...test.result.London, intrinsicGas: "0x5209" },
      Berlin: { ...test.result.Berlin, hash: "0x" + "22".repeat(32) },
    };
    const results = runTransactionTestFile(JSON.stringify(file), "x.json");
    expect(results.map((r) => r.status)).toEqual(["fail", "fail", "fail"]);
    expect(results[0]!.reason).toMatch(/sender 0x254f.*, expected 0x1111/);
    expect(results[1]!.reason).toMatch(/intrinsic gas 21000, expected 21001/);
    expect(results[2]!.reason).toMatch(/hash/);
  });

  it("fails when a valid transaction is expected to be rejected, or rejected for another rule", () => {
    const file = read("ttNonce/TransactionWithHighNonce64Minus2.json");
    const test = file["TransactionWithHighNonce64Minus2"];
    test.result = {
      Cancun: { exception: "TransactionException.INTRINSIC_GAS_TOO_LOW", intrinsicGas: "0x5208" },
    };
    expect(runTransactionTestFile(JSON.stringify(file), "x.json")[0]).toMatchObject({ status: "fail", reason: /accepted/ });
    const nonceMax = read("ttNonce/TransactionWithHighNonce64Minus1.json");
    nonceMax["TransactionWithHighNonce64Minus1"].result = {
      Cancun: { exception: "TransactionException.INTRINSIC_GAS_TOO_LOW", intrinsicGas: "0x5208" },
    };
    expect(runTransactionTestFile(JSON.stringify(nonceMax), "y.json")[0]).toMatchObject({
      status: "fail",
      reason: /rejected as NONCE_IS_MAX .*expected INTRINSIC_GAS_TOO_LOW/,
    });
  });

  it("skips forks the spec does not have, with the reason", () => {
    const file = read("ttNonce/TransactionWithHighNonce64Minus2.json");
    const test = file["TransactionWithHighNonce64Minus2"];
    test.result = { Amsterdam: test.result.Cancun };
    expect(runTransactionTestFile(JSON.stringify(file), "x.json")).toEqual([
      { id: "x.json::TransactionWithHighNonce64Minus2::Amsterdam", status: "skip", reason: "fork Amsterdam is not in the spec's schedule" },
    ]);
  });

  it("reports a malformed file with the decoding error", () => {
    const [result] = runTransactionTestFile(JSON.stringify({ t: { txbytes: "0x0", result: {} } }), "bad.json");
    expect(result).toMatchObject({ id: "bad.json", status: "fail" });
    expect(result!.reason).toMatch(/t: txbytes/);
    expect(runTransactionTestFile("{", "broken.json")[0]!.reason).toMatch(/invalid JSON/);
  });
});

describe("TransactionTests of a set-code transaction (EIP-7702)", () => {
  it("accepts it from Prague with @ethereumjs/tx's sender, hash and intrinsic gas, and rejects it in Cancun", () => {
    const common = new Common({ chain: Mainnet, hardfork: Hardfork.Prague });
    const authorization = eoaCode7702SignAuthorization({ chainId: "0x1", address: `0x${"42".repeat(20)}`, nonce: "0x0" }, hexToBytes(`0x${"0b".repeat(32)}`));
    const tx = createEOACode7702Tx(
      { chainId: 1n, nonce: 0n, maxPriorityFeePerGas: 1n, maxFeePerGas: 10n, gasLimit: 100_000n, to: `0x${"13".repeat(20)}`, data: "0x0001", authorizationList: [authorization] },
      { common },
    ).sign(hexToBytes(`0x${"45".repeat(32)}`));
    const valid = { sender: tx.getSenderAddress().toString(), hash: bytesToHex(tx.hash()), intrinsicGas: `0x${tx.getIntrinsicGas().toString(16)}` };
    const file = {
      setCode: {
        txbytes: bytesToHex(tx.serialize()),
        result: { Cancun: { exception: "TransactionException.TYPE_4_TX_PRE_FORK", intrinsicGas: "0x0" }, Prague: valid, Osaka: valid },
      },
    };
    const results = runTransactionTestFile(JSON.stringify(file), "t4.json");
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ["t4.json::setCode::Cancun", "pass"],
      ["t4.json::setCode::Prague", "pass"],
      ["t4.json::setCode::Osaka", "pass"],
    ]);
  });
});
