/**
 * 0x010050 HYBRID_VERIFY (docs/extensions.md, rule V): classicalId 1 ‖ pqId 1 ‖ msg 32 ‖ classical
 * part ‖ pq part; 1 only when both signatures hold over the same msg, the seed's transition-period
 * scheme (safe while either scheme stands). Each part is its precompile's input without the message.
 * Gas is 500 plus both schemes' prices, read from the id bytes alone; an unknown id costs 500 and gives 0.
 */
import { p256 } from "@noble/curves/nist.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { concatBytes } from "../../bytes.js";
import { ecdsaVerifies } from "../ecdsa-verify.js";
import { ed25519Gas, ed25519Verifies } from "./ed25519.js";
import {
  FALCON_1024,
  FALCON_512,
  ML_DSA_44,
  ML_DSA_65,
  ML_DSA_87,
  messageLastGas,
  type PostQuantumScheme,
  SLH_DSA_SHA2_128F,
  SLH_DSA_SHA2_128S,
  SLH_DSA_SHAKE_128F,
  SLH_DSA_SHAKE_128S,
} from "./post-quantum.js";
import { verifier } from "./verdict.js";

const BASE_GAS = 500;
const MESSAGE = 32;
const HEADER = 2 + MESSAGE;

interface Part {
  readonly length: number;
  readonly gas: number;
  verifies(message: Uint8Array, part: Uint8Array): boolean;
}

/** ECDSA's part r ‖ s ‖ qx ‖ qy, the message being the hash h (EIP-7951's input order). */
const ecdsaPart = (curve: typeof p256 | typeof secp256k1, gas: number): Part => ({
  length: 128,
  gas,
  verifies: (message, part) => ecdsaVerifies(curve, concatBytes(message, part)),
});

/** Ed25519's part pk 32 ‖ sig 64, priced as ED25519_VERIFY with the 32-byte message. */
const ed25519Part: Part = {
  length: 96,
  gas: ed25519Gas(96 + MESSAGE),
  verifies: (message, part) => ed25519Verifies(part.subarray(0, 32), part.subarray(32), message),
};

const CLASSICAL: ReadonlyMap<number, Part> = new Map([
  // ECRECOVER's price
  [0x01, ecdsaPart(secp256k1, 3000)],
  // P256VERIFY's price (EIP-7951)
  [0x02, ecdsaPart(p256, 6900)],
  [0x03, ed25519Part],
]);

/** ML-DSA and SLH-DSA parts are sig ‖ pk, at their precompiles' price. */
const signatureFirst = (scheme: PostQuantumScheme): Part => ({
  length: scheme.signatureLength + scheme.publicKeyLength,
  gas: scheme.gas,
  verifies: (message, part) =>
    scheme.verifies(message, part.subarray(0, scheme.signatureLength), part.subarray(scheme.signatureLength)),
});

/** Falcon parts are pk ‖ sig (EIP-7619's order); the price is Falcon's precompile's for the 32-byte message. */
const publicKeyFirst = (scheme: PostQuantumScheme): Part => ({
  length: scheme.publicKeyLength + scheme.signatureLength,
  gas: messageLastGas(scheme, MESSAGE),
  verifies: (message, part) =>
    scheme.verifies(message, part.subarray(scheme.publicKeyLength), part.subarray(0, scheme.publicKeyLength)),
});

const POST_QUANTUM: ReadonlyMap<number, Part> = new Map([
  [0x01, signatureFirst(ML_DSA_44)],
  [0x02, signatureFirst(ML_DSA_65)],
  [0x03, signatureFirst(ML_DSA_87)],
  [0x04, signatureFirst(SLH_DSA_SHA2_128S)],
  [0x05, signatureFirst(SLH_DSA_SHA2_128F)],
  [0x06, signatureFirst(SLH_DSA_SHAKE_128S)],
  [0x07, signatureFirst(SLH_DSA_SHAKE_128F)],
  [0x08, publicKeyFirst(FALCON_512)],
  [0x09, publicKeyFirst(FALCON_1024)],
]);

/** The two schemes the id bytes name (a missing byte reads as 0, which names none), or undefined. */
function partsOf(input: Uint8Array): readonly [Part, Part] | undefined {
  const classical = CLASSICAL.get(input[0] ?? 0);
  const postQuantum = POST_QUANTUM.get(input[1] ?? 0);
  return classical === undefined || postQuantum === undefined ? undefined : [classical, postQuantum];
}

export const hybridVerify = verifier(
  (input) => {
    const parts = partsOf(input);
    return parts === undefined ? BASE_GAS : BASE_GAS + parts[0].gas + parts[1].gas;
  },
  (input) => {
    const parts = partsOf(input);
    if (parts === undefined) return false;
    const [classical, postQuantum] = parts;
    if (input.length !== HEADER + classical.length + postQuantum.length) return false;
    const message = input.subarray(2, HEADER);
    const classicalEnd = HEADER + classical.length;
    return (
      classical.verifies(message, input.subarray(HEADER, classicalEnd)) &&
      postQuantum.verifies(message, input.subarray(classicalEnd))
    );
  },
);
