/**
 * The SVM precompiles' gas, measured against ECRECOVER's 3,000 (docs/extensions.md, "Gas"):
 *
 *     npx tsc -p tsconfig.json && node dist/conformance/bench/svm-precompile-cost.js [rounds]
 *
 * Each round times every precompile once on a representative valid input (the SVM vectors'
 * valid cases) next to the spec's ECRECOVER on a valid signature, interleaved so that a busy
 * phase of the machine slows all alike; the fastest of the rounds (the one least disturbed by
 * other processes on a shared machine) is reported as 3000 × time / time(ECRECOVER), beside the
 * gas the precompile charges. RSA runs on native
 * OpenSSL, so it is compared with a native (node:crypto) ECDSA verification instead of the
 * JavaScript ECRECOVER. Hash and AES-GCM per-word costs are the slope between a 32-byte and a
 * 32 KiB input.
 */
import { createSign, createVerify, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { SVM_ADDRESS } from "../../spec/fork/svm-addresses.js";
import { runPrecompile } from "../../spec/precompiles/index.js";
import { bigIntToBytes, concatBytes, hexToBytes } from "../../spec/primitives/bytes.js";
import { PQ_SCHEMES } from "../../spec/precompiles/svm/post-quantum-schemes.js";
import { blsCases } from "../vectors/svm/cases-bls.js";
import { aesGcmCases, ed25519Cases, rsaCases, schnorrCases } from "../vectors/svm/cases-classical.js";
import { svmVectorsFolder } from "../vectors/svm/known-answers.js";
import type { VectorCase } from "../vectors/svm/vector-case.js";

const ECRECOVER_GAS = 3000;
const GAS_LIMIT = 1n << 40n;

type Anchor = "ecrecover" | "native-ecdsa";

interface Subject {
  readonly label: string;
  readonly address: bigint;
  readonly input: Uint8Array;
  readonly anchor: Anchor;
}

function ecrecoverInput(): Uint8Array {
  const hash = new Uint8Array(32).fill(7);
  const signature = secp256k1.Signature.fromBytes(
    secp256k1.sign(hash, new Uint8Array(32).fill(1), { prehash: false, format: "recovered" }),
    "recovered",
  );
  return concatBytes(hash, bigIntToBytes(27n + BigInt(signature.recovery ?? 0), 32), bigIntToBytes(signature.r, 32), bigIntToBytes(signature.s, 32));
}

function nativeEcdsa(): () => void {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "secp256k1" });
  const message = new Uint8Array(32).fill(7);
  const signature = createSign("sha256").update(message).sign(privateKey);
  return () => {
    if (!createVerify("sha256").update(message).verify(publicKey, signature)) throw new Error("native ECDSA did not verify");
  };
}

function firstValid(cases: VectorCase[], address: bigint): Uint8Array {
  const found = cases.find((c) => c.address === address && c.callGas === undefined && c.expected.kind === "output");
  if (found === undefined) throw new Error(`no valid vector for 0x${address.toString(16)}`);
  return found.input;
}

/**
 * The calldata of a committed vector (the probe forwards it to the precompile unchanged): the
 * post-quantum signatures are slow to make (SLH-DSA-SHAKE-128s takes seconds), so the benchmark
 * reads them from the vector files instead of signing again.
 */
function vectorInput(file: string, test: string): Uint8Array {
  const tests = JSON.parse(readFileSync(join(svmVectorsFolder(), file), "utf8")) as Record<string, { transaction: { data: string[] } }>;
  const data = tests[test]?.transaction.data[0];
  if (data === undefined) throw new Error(`no vector ${test} in ${file}`);
  return hexToBytes(data);
}

function subjects(): Subject[] {
  const classical = [...ed25519Cases(), ...schnorrCases()];
  const rsa = rsaCases();
  const bls = blsCases();
  const aes = aesGcmCases();
  const at = (label: string, address: bigint, cases: VectorCase[], anchor: Anchor = "ecrecover"): Subject => ({
    label,
    address,
    input: firstValid(cases, address),
    anchor,
  });
  const sized = (label: string, address: bigint, length: number): Subject => ({
    label,
    address,
    input: new Uint8Array(length).fill(0xa3),
    anchor: "ecrecover",
  });
  return [
    sized("SHA3_256 32 B", SVM_ADDRESS.SHA3_256, 32),
    sized("SHA3_256 32 KiB", SVM_ADDRESS.SHA3_256, 32768),
    sized("SHA3_512 32 B", SVM_ADDRESS.SHA3_512, 32),
    sized("SHA3_512 32 KiB", SVM_ADDRESS.SHA3_512, 32768),
    sized("BLAKE2B_512 32 B", SVM_ADDRESS.BLAKE2B_512, 32),
    sized("BLAKE2B_512 32 KiB", SVM_ADDRESS.BLAKE2B_512, 32768),
    sized("BLAKE3_256 32 B", SVM_ADDRESS.BLAKE3_256, 32),
    sized("BLAKE3_256 32 KiB", SVM_ADDRESS.BLAKE3_256, 32768),
    at("AES256GCM_DECRYPT (test 16)", SVM_ADDRESS.AES256GCM_DECRYPT, aes),
    at("ED25519_VERIFY", SVM_ADDRESS.ED25519_VERIFY, classical),
    at("SCHNORR_VERIFY", SVM_ADDRESS.SCHNORR_VERIFY, classical),
    at("RSA_PKCS1 2048", SVM_ADDRESS.RSA_PKCS1_SHA256_VERIFY, rsa.slice(0, 1), "native-ecdsa"),
    at("RSA_PSS 2048", SVM_ADDRESS.RSA_PSS_SHA256_VERIFY, rsa.slice(1, 2), "native-ecdsa"),
    at("RSA_PKCS1 4096", SVM_ADDRESS.RSA_PKCS1_SHA256_VERIFY, rsa.filter((c) => c.name.includes("4096")), "native-ecdsa"),
    at("BLS_VERIFY", SVM_ADDRESS.BLS_VERIFY, bls),
    at("BLS_AGGREGATE_VERIFY (3 pairs)", SVM_ADDRESS.BLS_AGGREGATE_VERIFY, bls),
    at("BLS_FAST_AGGREGATE_VERIFY (3 keys)", SVM_ADDRESS.BLS_FAST_AGGREGATE_VERIFY, bls),
    ...PQ_SCHEMES.map((scheme) => ({
      label: scheme.name,
      address: SVM_ADDRESS[scheme.name],
      input: vectorInput("post-quantum.json", `${scheme.name}_valid`),
      anchor: "ecrecover" as const,
    })),
    ...["HYBRID_secp256k1_mldsa44_valid", "HYBRID_p256_falcon512_valid", "HYBRID_ed25519_slhdsa_sha2_128f_valid"].map((test) => ({
      label: test.replace(/^HYBRID_/, "HYBRID ").replace(/_valid$/, ""),
      address: SVM_ADDRESS.HYBRID_VERIFY,
      input: vectorInput("hybrid.json", test),
      anchor: "ecrecover" as const,
    })),
  ];
}

function timeOnce(action: () => void): number {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function main(): void {
  const rounds = Number(process.argv[2] ?? 15);
  if (!Number.isInteger(rounds) || rounds < 3) throw new RangeError("rounds must be an integer of at least 3");
  const svm = SCHEDULES.SVM;
  const ecrecoverCall = ecrecoverInput();
  const ecrecover = () => runPrecompile(0x01n, ecrecoverCall, GAS_LIMIT, svm);
  const native = nativeEcdsa();
  const list = subjects();
  const anchors: Record<Anchor, number[]> = { ecrecover: [], "native-ecdsa": [] };
  const times = list.map(() => [] as number[]);
  for (let round = -2; round < rounds; round++) {
    const anchorEcrecover = timeOnce(ecrecover);
    const anchorNative = timeOnce(native);
    const roundTimes = list.map((subject) => timeOnce(() => runPrecompile(subject.address, subject.input, GAS_LIMIT, svm)));
    if (round < 0) continue;
    anchors.ecrecover.push(anchorEcrecover);
    anchors["native-ecdsa"].push(anchorNative);
    roundTimes.forEach((ms, i) => times[i]!.push(ms));
  }
  const anchorMs = { ecrecover: Math.min(...anchors.ecrecover), "native-ecdsa": Math.min(...anchors["native-ecdsa"]) };
  process.stdout.write(`ECRECOVER (spec, @noble/curves) ${anchorMs.ecrecover.toFixed(3)} ms = 3000 gas; native ECDSA verify ${anchorMs["native-ecdsa"].toFixed(3)} ms = 3000 gas\n`);
  process.stdout.write(`${"precompile".padEnd(36)} ${"fastest ms".padStart(10)} ${"measured gas".padStart(13)} ${"charged gas".padStart(12)}\n`);
  list.forEach((subject, i) => {
    const ms = Math.min(...times[i]!);
    const measured = Math.ceil((ECRECOVER_GAS * ms) / anchorMs[subject.anchor]);
    const charged = runPrecompile(subject.address, subject.input, GAS_LIMIT, svm);
    const chargedText = charged.ok ? charged.gasUsed.toString() : "fails";
    process.stdout.write(`${subject.label.padEnd(36)} ${ms.toFixed(3).padStart(10)} ${String(measured).padStart(13)} ${chargedText.padStart(12)}\n`);
  });
}

main();
