/**
 * Writes the SVM precompile vectors, conformance/vectors/svm/<family>.json, GeneralStateTests
 * files filled by the spec (see fill.ts). Run after changing a precompile or a case:
 *
 *     npx tsc -p tsconfig.json && node dist/conformance/vectors/svm/generate.js [family...]
 *
 * Families are the file names without .json (hashes, aes-gcm, ed25519, schnorr, rsa, bls, post-quantum, hybrid,
 * and the published sets acvp-sha3, wycheproof-ed25519, -aes-gcm, -rsa, -mldsa, -ecdsa-hybrid); all
 * when none is named. The RSA cases sign with a fresh key each run, so regenerating changes
 * rsa.json's bytes (not what it checks): name the families you changed. Every other file comes
 * out identical.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { blsCases } from "./cases-bls.js";
import { aesGcmCases, ed25519Cases, rsaCases, schnorrCases } from "./cases-classical.js";
import { hashCases } from "./cases-hashes.js";
import { hybridVectorCases, postQuantumCases } from "./cases-post-quantum.js";
import { acvpSha3Cases, wycheproofAesGcmCases, wycheproofEcdsaHybridCases, wycheproofEd25519Cases, wycheproofMlDsaCases, wycheproofRsaCases } from "./cases-published.js";
import { fillVector } from "./fill.js";
import { svmVectorsFolder } from "./known-answers.js";
import type { VectorCase } from "./vector-case.js";

const FAMILIES: readonly [file: string, cases: () => VectorCase[]][] = [
  ["hashes", hashCases],
  ["aes-gcm", aesGcmCases],
  ["ed25519", ed25519Cases],
  ["schnorr", schnorrCases],
  ["rsa", rsaCases],
  ["bls", blsCases],
  ["post-quantum", postQuantumCases],
  ["hybrid", hybridVectorCases],
  ["acvp-sha3", acvpSha3Cases],
  ["wycheproof-ed25519", wycheproofEd25519Cases],
  ["wycheproof-aes-gcm", wycheproofAesGcmCases],
  ["wycheproof-rsa", wycheproofRsaCases],
  ["wycheproof-mldsa", wycheproofMlDsaCases],
  ["wycheproof-ecdsa-hybrid", wycheproofEcdsaHybridCases],
];

const INFO = {
  comment:
    "SVM fork precompile vector (docs/extensions.md). Expected post state filled by the executable spec (--impl spec); src/vm is checked against it.",
  "filling-tool": "conformance/vectors/svm/generate.ts (spec)",
};

async function main(): Promise<void> {
  const folder = svmVectorsFolder();
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !FAMILIES.some(([file]) => file === name));
  if (unknown.length > 0) throw new Error(`unknown vector family ${unknown.join(", ")}; known: ${FAMILIES.map(([file]) => file).join(", ")}`);
  for (const [file, cases] of FAMILIES) {
    if (wanted.length > 0 && !wanted.includes(file)) continue;
    const tests: Record<string, unknown> = {};
    for (const vector of cases()) {
      if (vector.name in tests) throw new Error(`duplicate vector name ${vector.name}`);
      tests[vector.name] = await fillVector(vector, INFO);
    }
    const path = join(folder, `${file}.json`);
    writeFileSync(path, `${JSON.stringify(tests, null, 2)}\n`);
    process.stdout.write(`${path}: ${Object.keys(tests).length} vectors\n`);
  }
}

await main();
