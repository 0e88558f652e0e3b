/**
 * Writes the SVM precompile vectors, conformance/vectors/svm/<family>.json, GeneralStateTests
 * files filled by the spec (see fill.ts). Run after changing a precompile or a case:
 *
 *     npx tsc -p tsconfig.json && node dist/conformance/vectors/svm/generate.js
 *
 * The RSA cases sign with a fresh key each run, so regenerating changes rsa.json's bytes (not
 * what it checks); every other file comes out identical.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { blsCases } from "./cases-bls.js";
import { aesGcmCases, ed25519Cases, rsaCases, schnorrCases } from "./cases-classical.js";
import { hashCases } from "./cases-hashes.js";
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
];

const INFO = {
  comment:
    "SVM fork precompile vector (docs/extensions.md). Expected post state filled by the executable spec (--impl spec); src/vm is checked against it.",
  "filling-tool": "conformance/vectors/svm/generate.ts (spec)",
};

async function main(): Promise<void> {
  const folder = svmVectorsFolder();
  for (const [file, cases] of FAMILIES) {
    const tests: Record<string, unknown> = {};
    for (const vector of cases()) {
      if (vector.name in tests) throw new Error(`duplicate vector name ${vector.name}`);
      tests[vector.name] = { _info: INFO, ...(await fillVector(vector) as object) };
    }
    const path = join(folder, `${file}.json`);
    writeFileSync(path, `${JSON.stringify(tests, null, 2)}\n`);
    process.stdout.write(`${path}: ${Object.keys(tests).length} vectors\n`);
  }
}

await main();
