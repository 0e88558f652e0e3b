/**
 * src/vm's SVM verifiers on every row of the published vectors committed under
 * conformance/vectors/svm/sources (their README names each source): BIP-340's test-vectors.csv
 * 0-14 (valid and invalid), RFC 8032 §7.1 TEST 1-3, the consensus BLS verify case.
 */
import { readFileSync } from "node:fs";
import { describe, it } from "vitest";
import { concatBytes, hexToBytes } from "../../src/vm/bytes.js";
import { expectVerdict } from "./svm-call.js";

function rows(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(new URL(`../../conformance/vectors/svm/sources/${file}`, import.meta.url), "utf8")
    .trim()
    .split("\n");
  const names = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i]!, cell])));
}

const hex = (text: string | undefined): Uint8Array => hexToBytes(`0x${text ?? ""}`);

describe("BIP-340 test-vectors.csv on SCHNORR_VERIFY 0x010021", () => {
  it.each(rows("bip340-test-vectors.csv").map((row) => [row.index, row] as const))("vector %s", (_index, row) => {
    const input = concatBytes(hex(row["public key"]), hex(row.signature), hex(row.message));
    expectVerdict(0x010021, input, row["verification result"] === "TRUE", 3000 + 12 * Math.ceil((input.length - 96) / 32));
  });
});

describe("RFC 8032 §7.1 on ED25519_VERIFY 0x010020", () => {
  it.each(rows("rfc8032-ed25519.csv").map((row) => [row.name, row] as const))("%s", (_name, row) => {
    const input = concatBytes(hex(row["public key"]), hex(row.signature), hex(row.message));
    expectVerdict(0x010020, input, true, 3400 + 12 * Math.ceil((input.length - 96) / 32));
  });
});

describe("ethereum/bls12-381-tests verify on BLS_VERIFY 0x010030", () => {
  it.each(rows("bls12-381-verify.csv").map((row) => [row.name, row] as const))("%s", (_name, row) => {
    expectVerdict(0x010030, concatBytes(hex(row["public key"]), hex(row.signature), hex(row.message)), row.result === "TRUE", 150012);
  });
});
