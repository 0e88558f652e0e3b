/**
 * Post-quantum and hybrid vectors. No published known-answer set has these precompiles' shape
 * (NIST ACVP's ML-DSA/SLH-DSA sigVer cases carry their own contexts and message lengths; Falcon's
 * round-3 KATs use the attached, compressed format), so the signatures are made here with
 * @noble/post-quantum from fixed seeds — deterministic for ML-DSA and SLH-DSA, freshly randomised
 * for Falcon — and the expectations follow from that: what the signer made verifies, anything
 * tampered with or of the wrong length does not.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { p256 } from "@noble/curves/nist.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { falcon1024padded, falcon512padded } from "@noble/post-quantum/falcon.js";
import { ml_dsa44, ml_dsa65, ml_dsa87 } from "@noble/post-quantum/ml-dsa.js";
import { slh_dsa_sha2_128f, slh_dsa_sha2_128s, slh_dsa_shake_128f, slh_dsa_shake_128s } from "@noble/post-quantum/slh-dsa.js";
import { SVM_ADDRESS, type SvmPrecompileName } from "../../../spec/fork/svm-addresses.js";
import { concatBytes } from "../../../spec/primitives/bytes.js";
import { gasEdges, invalid, valid, type VectorCase } from "./vector-case.js";

interface Signer {
  readonly name: SvmPrecompileName;
  readonly pqId: number;
  readonly layout: "msg32-sig-pk" | "pk-sig-msg";
  readonly seedLength: number;
  keygen(seed: Uint8Array): { publicKey: Uint8Array; secretKey: Uint8Array };
  sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array;
}

const deterministic = { extraEntropy: false } as const;

const SIGNERS: readonly Signer[] = [
  { name: "MLDSA44_VERIFY", pqId: 1, layout: "msg32-sig-pk", seedLength: 32, keygen: (s) => ml_dsa44.keygen(s), sign: (m, k) => ml_dsa44.sign(m, k, deterministic) },
  { name: "MLDSA65_VERIFY", pqId: 2, layout: "msg32-sig-pk", seedLength: 32, keygen: (s) => ml_dsa65.keygen(s), sign: (m, k) => ml_dsa65.sign(m, k, deterministic) },
  { name: "MLDSA87_VERIFY", pqId: 3, layout: "msg32-sig-pk", seedLength: 32, keygen: (s) => ml_dsa87.keygen(s), sign: (m, k) => ml_dsa87.sign(m, k, deterministic) },
  { name: "SLHDSA_SHA2_128S_VERIFY", pqId: 4, layout: "msg32-sig-pk", seedLength: 48, keygen: (s) => slh_dsa_sha2_128s.keygen(s), sign: (m, k) => slh_dsa_sha2_128s.sign(m, k, deterministic) },
  { name: "SLHDSA_SHA2_128F_VERIFY", pqId: 5, layout: "msg32-sig-pk", seedLength: 48, keygen: (s) => slh_dsa_sha2_128f.keygen(s), sign: (m, k) => slh_dsa_sha2_128f.sign(m, k, deterministic) },
  { name: "SLHDSA_SHAKE_128S_VERIFY", pqId: 6, layout: "msg32-sig-pk", seedLength: 48, keygen: (s) => slh_dsa_shake_128s.keygen(s), sign: (m, k) => slh_dsa_shake_128s.sign(m, k, deterministic) },
  { name: "SLHDSA_SHAKE_128F_VERIFY", pqId: 7, layout: "msg32-sig-pk", seedLength: 48, keygen: (s) => slh_dsa_shake_128f.keygen(s), sign: (m, k) => slh_dsa_shake_128f.sign(m, k, deterministic) },
  { name: "FALCON512_VERIFY", pqId: 8, layout: "pk-sig-msg", seedLength: 48, keygen: (s) => falcon512padded.keygen(s), sign: (m, k) => falcon512padded.sign(m, k) },
  { name: "FALCON1024_VERIFY", pqId: 9, layout: "pk-sig-msg", seedLength: 48, keygen: (s) => falcon1024padded.keygen(s), sign: (m, k) => falcon1024padded.sign(m, k) },
];

const MESSAGE = new Uint8Array(32).fill(0x42);

function flipBit(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index]! ^= 1;
  return copy;
}

interface Signed {
  readonly signer: Signer;
  readonly publicKey: Uint8Array;
  readonly signature: Uint8Array;
}

function signed(signer: Signer): Signed {
  const keys = signer.keygen(new Uint8Array(signer.seedLength).fill(signer.pqId));
  return { signer, publicKey: keys.publicKey, signature: signer.sign(MESSAGE, keys.secretKey) };
}

function precompileInput(s: Signed, signature: Uint8Array = s.signature, message: Uint8Array = MESSAGE): Uint8Array {
  return s.signer.layout === "msg32-sig-pk" ? concatBytes(message, signature, s.publicKey) : concatBytes(s.publicKey, signature, message);
}

/** The pq part of HYBRID_VERIFY: the precompile input without the 32-byte message. */
function pqPart(s: Signed, signature = s.signature): Uint8Array {
  return s.signer.layout === "msg32-sig-pk" ? concatBytes(signature, s.publicKey) : concatBytes(s.publicKey, signature);
}

function schemeCases(s: Signed): VectorCase[] {
  const address = SVM_ADDRESS[s.signer.name];
  const base: VectorCase = { name: `${s.signer.name}_valid`, address, input: precompileInput(s), expected: valid };
  const input = base.input;
  return [
    base,
    ...gasEdges(base),
    { name: `${s.signer.name}_flipped_signature_bit`, address, input: precompileInput(s, flipBit(s.signature, 40)), expected: invalid },
    { name: `${s.signer.name}_other_message`, address, input: precompileInput(s, s.signature, flipBit(MESSAGE, 0)), expected: invalid },
    { name: `${s.signer.name}_malformed_length_one_short`, address, input: input.subarray(0, input.length - 1), expected: invalid },
    { name: `${s.signer.name}_empty_input`, address, input: new Uint8Array(0), expected: invalid },
  ];
}

/** Classical signers over the raw 32-byte message (ids of HYBRID_VERIFY). */
function classicalParts(): { id: number; label: string; part: Uint8Array }[] {
  const k1 = new Uint8Array(32).fill(0x11);
  const r1 = new Uint8Array(32).fill(0x22);
  const edKey = new Uint8Array(32).fill(0x33);
  return [
    { id: 1, label: "secp256k1", part: concatBytes(secp256k1.sign(MESSAGE, k1, { prehash: false }), secp256k1.getPublicKey(k1, false).subarray(1)) },
    { id: 2, label: "p256", part: concatBytes(p256.sign(MESSAGE, r1, { prehash: false }), p256.getPublicKey(r1, false).subarray(1)) },
    { id: 3, label: "ed25519", part: concatBytes(ed25519.getPublicKey(edKey), ed25519.sign(MESSAGE, edKey)) },
  ];
}

function hybridCases(all: readonly Signed[]): VectorCase[] {
  const address = SVM_ADDRESS.HYBRID_VERIFY;
  const byName = (name: SvmPrecompileName) => all.find((s) => s.signer.name === name)!;
  const classical = classicalParts();
  const input = (id: number, part: Uint8Array, pq: Signed, pqBytes = pqPart(pq)) =>
    concatBytes(Uint8Array.of(id, pq.signer.pqId), MESSAGE, part, pqBytes);
  const mldsa = byName("MLDSA44_VERIFY");
  const falcon = byName("FALCON512_VERIFY");
  const slh = byName("SLHDSA_SHA2_128F_VERIFY");
  const [k1, r1, ed] = classical as [(typeof classical)[0], (typeof classical)[0], (typeof classical)[0]];
  const first: VectorCase = { name: "HYBRID_secp256k1_mldsa44_valid", address, input: input(k1.id, k1.part, mldsa), expected: valid };
  return [
    first,
    ...gasEdges(first),
    { name: "HYBRID_p256_falcon512_valid", address, input: input(r1.id, r1.part, falcon), expected: valid },
    { name: "HYBRID_ed25519_slhdsa_sha2_128f_valid", address, input: input(ed.id, ed.part, slh), expected: valid },
    { name: "HYBRID_bad_classical_good_pq", address, input: input(k1.id, flipBit(k1.part, 3), mldsa), expected: invalid },
    { name: "HYBRID_good_classical_bad_pq", address, input: input(k1.id, k1.part, mldsa, pqPart(mldsa, flipBit(mldsa.signature, 40))), expected: invalid },
    { name: "HYBRID_classical_signed_other_scheme", address, input: input(r1.id, k1.part, mldsa), expected: invalid },
    { name: "HYBRID_unknown_classical_id", address, input: input(9, k1.part, mldsa), expected: invalid },
    { name: "HYBRID_malformed_length_one_short", address, input: first.input.subarray(0, first.input.length - 1), expected: invalid },
    { name: "HYBRID_empty_input", address, input: new Uint8Array(0), expected: invalid },
  ];
}

export function postQuantumCases(): VectorCase[] {
  const all = SIGNERS.map(signed);
  const falcon = all.find((s) => s.signer.name === "FALCON512_VERIFY")!;
  const falconLong: VectorCase = {
    name: "FALCON512_VERIFY_message_of_100_bytes",
    address: SVM_ADDRESS.FALCON512_VERIFY,
    input: (() => {
      const keys = falcon.signer.keygen(new Uint8Array(48).fill(falcon.signer.pqId));
      const message = new Uint8Array(100).fill(7);
      return concatBytes(keys.publicKey, falcon.signer.sign(message, keys.secretKey), message);
    })(),
    expected: valid,
  };
  return [...all.flatMap(schemeCases), falconLong, ...gasEdges(falconLong)];
}

export function hybridVectorCases(): VectorCase[] {
  return hybridCases(SIGNERS.filter((s) => ["MLDSA44_VERIFY", "FALCON512_VERIFY", "SLHDSA_SHA2_128F_VERIFY"].includes(s.name)).map(signed));
}
