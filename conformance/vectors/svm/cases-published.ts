/**
 * Vectors from published known-answer sets, each case laid out as the precompile's input with the
 * verdict the set gives (sources/README.md says where each subset comes from and how it was
 * chosen): NIST ACVP's SHA3-256/512 AFT cases (FIPS 202), and Wycheproof's Ed25519, AES-256-GCM,
 * RSASSA-PKCS1-v1_5 and RSASSA-PSS with SHA-256, ML-DSA verify and ECDSA (secp256k1, P-256) cases.
 *
 * Wycheproof's ECDSA cases reach the precompiles through HYBRID_VERIFY, whose classical parts are
 * ECDSA over a 32-byte h: h is SHA-256 of the case's message (the cases' hash), and the pq part is
 * an ML-DSA-44 signature over h made here (deterministic), so the hybrid verdict is the ECDSA one.
 */
import { ml_dsa44 } from "@noble/post-quantum/ml-dsa.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { SVM_ADDRESS } from "../../../spec/fork/svm-addresses.js";
import { bigIntToBytes, concatBytes } from "../../../spec/primitives/bytes.js";
import { acvpSha3Vectors, type WycheproofCase, wycheproofCases } from "./known-answers.js";
import { fails, gasEdges, invalid, output, valid, type VectorCase } from "./vector-case.js";

const verdict = (c: WycheproofCase) => (c.valid ? valid : invalid);
const field = (c: WycheproofCase, name: string): Uint8Array => {
  const value = c.fields[name];
  if (value === undefined) throw new Error(`Wycheproof tcId ${c.tcId} has no column '${name}'`);
  return value;
};

export function acvpSha3Cases(): VectorCase[] {
  return ([256, 512] as const).flatMap((bits) => {
    const address = bits === 256 ? SVM_ADDRESS.SHA3_256 : SVM_ADDRESS.SHA3_512;
    const cases = acvpSha3Vectors(bits).map(
      (v): VectorCase => ({ name: `SHA3_${bits}_acvp_${v.name.replace(/^.*tcId (\d+).*$/, "tc$1")}_${v.message.length}_bytes`, address, input: v.message, expected: output(v.digest) }),
    );
    return [...cases, ...gasEdges(cases[cases.length - 1]!)];
  });
}

export function wycheproofEd25519Cases(): VectorCase[] {
  return wycheproofCases("wycheproof-ed25519.csv").map((c) => ({
    name: `ED25519_wycheproof_tc${c.tcId}_${c.flags}`,
    address: SVM_ADDRESS.ED25519_VERIFY,
    // A truncated or padded signature shifts the layout: the precompile then reads 64 bytes that
    // are no signature of the message, which is invalid too (Wycheproof's verdict stands).
    input: concatBytes(field(c, "publicKey"), field(c, "sig"), field(c, "msg")),
    expected: verdict(c),
  }));
}

export function wycheproofAesGcmCases(): VectorCase[] {
  return wycheproofCases("wycheproof-aes-gcm.csv").map((c) => {
    const aad = field(c, "aad");
    return {
      name: `AES256GCM_wycheproof_tc${c.tcId}_${c.flags}`,
      address: SVM_ADDRESS.AES256GCM_DECRYPT,
      input: concatBytes(field(c, "key"), field(c, "iv"), bigIntToBytes(BigInt(aad.length), 32), aad, field(c, "ct"), field(c, "tag")),
      expected: c.valid ? output(field(c, "msg")) : fails,
    };
  });
}

export function wycheproofRsaCases(): VectorCase[] {
  const sets = [
    ["RSA_PKCS1", SVM_ADDRESS.RSA_PKCS1_SHA256_VERIFY, "wycheproof-rsa-pkcs1-2048-sha256.csv"],
    ["RSA_PSS", SVM_ADDRESS.RSA_PSS_SHA256_VERIFY, "wycheproof-rsa-pss-2048-sha256-mgf1-32.csv"],
  ] as const;
  return sets.flatMap(([label, address, file]) =>
    wycheproofCases(file).map((c): VectorCase => {
      const [n, e] = [field(c, "n"), field(c, "e")];
      return {
        name: `${label}_wycheproof_tc${c.tcId}${c.flags === "" ? "" : `_${c.flags}`}`,
        address,
        input: concatBytes(bigIntToBytes(BigInt(n.length), 32), bigIntToBytes(BigInt(e.length), 32), n, e, field(c, "sig"), field(c, "msg")),
        expected: verdict(c),
      };
    }),
  );
}

export function wycheproofMlDsaCases(): VectorCase[] {
  const sets = [
    [44, SVM_ADDRESS.MLDSA44_VERIFY],
    [65, SVM_ADDRESS.MLDSA65_VERIFY],
    [87, SVM_ADDRESS.MLDSA87_VERIFY],
  ] as const;
  return sets.flatMap(([set, address]) =>
    wycheproofCases(`wycheproof-mldsa-${set}-verify.csv`).map((c): VectorCase => ({
      name: `MLDSA${set}_wycheproof_tc${c.tcId}_${c.flags}`,
      address,
      input: concatBytes(field(c, "msg"), field(c, "sig"), field(c, "publicKey")),
      expected: verdict(c),
    })),
  );
}

/** ML-DSA-44's id in HYBRID_VERIFY (docs/extensions.md) and a fixed key to sign h with. */
const MLDSA44_ID = 1;
const HYBRID_PQ_KEYS = ml_dsa44.keygen(new Uint8Array(32).fill(0x44));

export function wycheproofEcdsaHybridCases(): VectorCase[] {
  const curves = [
    ["secp256k1", 1, "wycheproof-ecdsa-secp256k1-sha256-p1363.csv"],
    ["p256", 2, "wycheproof-ecdsa-secp256r1-sha256-p1363.csv"],
  ] as const;
  return curves.flatMap(([label, classicalId, file]) =>
    wycheproofCases(file).map((c): VectorCase => {
      const h = sha256(field(c, "msg"));
      const pq = ml_dsa44.sign(h, HYBRID_PQ_KEYS.secretKey, { extraEntropy: false });
      return {
        name: `HYBRID_${label}_wycheproof_tc${c.tcId}_${c.flags}`,
        address: SVM_ADDRESS.HYBRID_VERIFY,
        input: concatBytes(Uint8Array.of(classicalId, MLDSA44_ID), h, field(c, "sig"), field(c, "qx"), field(c, "qy"), pq, HYBRID_PQ_KEYS.publicKey),
        expected: verdict(c),
      };
    }),
  );
}
