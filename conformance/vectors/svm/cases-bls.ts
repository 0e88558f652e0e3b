/**
 * BLS vectors: ethereum/bls12-381-tests' verify vector (sources/), and aggregates signed here with
 * deterministic test keys through @noble/curves under the POP ciphersuite's DST.
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { SVM_ADDRESS } from "../../../spec/fork/svm-addresses.js";
import { BLS_POP_DST } from "../../../spec/precompiles/svm/bls.js";
import { bigIntToBytes, concatBytes } from "../../../spec/primitives/bytes.js";
import { blsVerifyVectors } from "./known-answers.js";
import { gasEdges, invalid, valid, type VectorCase } from "./vector-case.js";

const bls = bls12_381.longSignatures;

/** Secret keys 1000, 1001, … (test keys only), each signing `message(i)`. */
function signers(n: number, message: (i: number) => Uint8Array) {
  return Array.from({ length: n }, (_, i) => {
    const secret = bigIntToBytes(BigInt(1000 + i), 32);
    const msg = message(i);
    return { publicKey: bls.getPublicKey(secret).toBytes(true), message: msg, signature: bls.sign(bls.hash(msg, BLS_POP_DST), secret) };
  });
}

export function blsCases(): VectorCase[] {
  const verify = SVM_ADDRESS.BLS_VERIFY;
  const consensus = blsVerifyVectors()[0]!;
  const known: VectorCase = {
    name: "BLS_VERIFY_consensus_verify_valid_case_195246ee3bd3b6ec",
    address: verify,
    input: concatBytes(consensus.publicKey, consensus.signature, consensus.message),
    expected: valid,
  };
  const identity = new Uint8Array(48);
  identity[0] = 0xc0;

  const aggregate = SVM_ADDRESS.BLS_AGGREGATE_VERIFY;
  const group = signers(3, (i) => bigIntToBytes(BigInt(i + 7), 32));
  const aggregateSignature = bls.aggregateSignatures(group.map((s) => s.signature)).toBytes(true);
  const pairs = group.map((s) => concatBytes(s.publicKey, s.message));

  const fast = SVM_ADDRESS.BLS_FAST_AGGREGATE_VERIFY;
  const sameMessage = bigIntToBytes(42n, 32);
  const committee = signers(3, () => sameMessage);
  const committeeSignature = bls.aggregateSignatures(committee.map((s) => s.signature)).toBytes(true);
  const keys = committee.map((s) => s.publicKey);

  return [
    known,
    ...gasEdges(known),
    { name: "BLS_VERIFY_other_message", address: verify, input: concatBytes(consensus.publicKey, consensus.signature, Uint8Array.of(1)), expected: invalid },
    { name: "BLS_VERIFY_identity_public_key", address: verify, input: concatBytes(identity, consensus.signature, consensus.message), expected: invalid },
    { name: "BLS_VERIFY_malformed_length_143", address: verify, input: known.input.subarray(0, 143), expected: invalid },
    { name: "BLS_AGGREGATE_VERIFY_three_pairs", address: aggregate, input: concatBytes(aggregateSignature, ...pairs), expected: valid },
    { name: "BLS_AGGREGATE_VERIFY_missing_pair", address: aggregate, input: concatBytes(aggregateSignature, ...pairs.slice(0, 2)), expected: invalid },
    { name: "BLS_AGGREGATE_VERIFY_malformed_length", address: aggregate, input: concatBytes(aggregateSignature, ...pairs, Uint8Array.of(0)), expected: invalid },
    { name: "BLS_FAST_AGGREGATE_VERIFY_three_keys", address: fast, input: concatBytes(committeeSignature, sameMessage, ...keys), expected: valid },
    { name: "BLS_FAST_AGGREGATE_VERIFY_missing_key", address: fast, input: concatBytes(committeeSignature, sameMessage, ...keys.slice(1)), expected: invalid },
    { name: "BLS_FAST_AGGREGATE_VERIFY_no_keys", address: fast, input: concatBytes(committeeSignature, sameMessage), expected: invalid },
  ];
}
