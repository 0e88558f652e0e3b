/**
 * The published known-answer vectors under `sources/` (see its README for where each comes from),
 * parsed. Both the vector generator and the tests read them through here.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { hexToBytes } from "../../../spec/primitives/bytes.js";

/** `conformance/vectors/svm` in the checkout, also when running from dist/ (which holds no copy of the data). */
export function svmVectorsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return here.replace(/[\\/]dist[\\/]conformance[\\/]/, "/conformance/");
}

function sourcesFolder(): string {
  return join(svmVectorsFolder(), "sources");
}

function csvRows(file: string): string[][] {
  const lines = readFileSync(join(sourcesFolder(), file), "utf8").trim().split("\n");
  // No field of these files contains a comma except BIP-340's free-text comment, the last column.
  return lines.slice(1).map((line) => {
    const fields = line.split(",");
    return [...fields.slice(0, 7), fields.slice(7).join(",")];
  });
}

function bytes(hex: string): Uint8Array {
  return hexToBytes(hex === "" ? "0x" : `0x${hex}`);
}

export interface SignatureKnownAnswer {
  readonly name: string;
  readonly publicKey: Uint8Array;
  readonly message: Uint8Array;
  readonly signature: Uint8Array;
  readonly valid: boolean;
}

/** BIP-340's test-vectors.csv: index, secret key, public key, aux_rand, message, signature, result, comment. */
export function bip340Vectors(): SignatureKnownAnswer[] {
  return csvRows("bip340-test-vectors.csv").map(([index, , publicKey, , message, signature, result, comment]) => ({
    name: `BIP-340 vector ${index}${comment ? ` (${comment})` : ""}`,
    publicKey: bytes(publicKey!),
    message: bytes(message!),
    signature: bytes(signature!),
    valid: result === "TRUE",
  }));
}

/** RFC 8032 §7.1 TEST 1, 2, 3, 1024 and SHA(abc): name, secret key, public key, message, signature; all valid. */
export function rfc8032Vectors(): SignatureKnownAnswer[] {
  return csvRows("rfc8032-ed25519.csv").map(([name, , publicKey, message, signature]) => ({
    name: `RFC 8032 ${name}`,
    publicKey: bytes(publicKey!),
    message: bytes(message!),
    signature: bytes(signature!),
    valid: true,
  }));
}

/** ethereum/bls12-381-tests verify vectors: name, public key, message, signature, result. */
export function blsVerifyVectors(): SignatureKnownAnswer[] {
  return csvRows("bls12-381-verify.csv").map(([name, publicKey, message, signature, result]) => ({
    name: `ethereum/bls12-381-tests ${name}`,
    publicKey: bytes(publicKey!),
    message: bytes(message!),
    signature: bytes(signature!),
    valid: result === "TRUE",
  }));
}

/** A CSV file whose first line names its columns (no field of these files holds a comma). */
function csvRecords(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(sourcesFolder(), file), "utf8").trim().split("\n");
  const names = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((field, i) => [names[i]!, field])));
}

/** FIPS 202 known answers from NIST ACVP (SHA3-256/512 AFT cases): name, message, digest. */
export interface DigestKnownAnswer {
  readonly name: string;
  readonly message: Uint8Array;
  readonly digest: Uint8Array;
}

export function acvpSha3Vectors(bits: 256 | 512): DigestKnownAnswer[] {
  return csvRecords(`acvp-sha3-${bits}.csv`).map((r) => ({
    name: `ACVP SHA3-${bits} AFT tcId ${r.tcId} (${Number(r.bits) / 8} bytes)`,
    message: bytes(r.msg!),
    digest: bytes(r.md!),
  }));
}

/** What every Wycheproof case records besides its inputs: its id, verdict ("valid"/"invalid") and flags. */
export interface WycheproofCase {
  readonly tcId: number;
  readonly valid: boolean;
  readonly flags: string;
  /** The remaining columns, hex-decoded. */
  readonly fields: Readonly<Record<string, Uint8Array>>;
}

/** One of the wycheproof-*.csv subsets (see sources/README.md): tcId, result, flags, then hex columns. */
export function wycheproofCases(file: string): WycheproofCase[] {
  return csvRecords(file).map(({ tcId, result, flags, ...rest }) => {
    if (result !== "valid" && result !== "invalid") throw new Error(`${file}: tcId ${tcId} has result '${result}'`);
    return {
      tcId: Number(tcId),
      valid: result === "valid",
      flags: flags ?? "",
      fields: Object.fromEntries(Object.entries(rest).map(([name, hex]) => [name, bytes(hex)])),
    };
  });
}
