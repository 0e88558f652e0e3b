/**
 * 0x010050 HYBRID_VERIFY (docs/extensions.md): the transition-period scheme of hybrid signatures —
 * one call that holds only if BOTH a classical and a post-quantum signature over the same 32-byte
 * message are valid, so it stays safe while either scheme stands.
 *
 * Input: classicalId 1 ‖ pqId 1 ‖ msg 32 ‖ classical part ‖ pq part, exactly that long; each part
 * is its precompile's input with the message taken out. Rule V. Gas: 500 plus both schemes' prices
 * (500 alone for an unknown id).
 */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { SVM_ADDRESS } from "../../fork/svm-addresses.js";
import { concatBytes } from "../../primitives/bytes.js";
import { P256VERIFY_GAS, p256VerifyOutput } from "../p256-verify.js";
import type { Precompile } from "../precompile.js";
import { ed25519Holds } from "./ed25519.js";
import { holds } from "./library-verdict.js";
import { PQ_SCHEMES, type PqScheme } from "./post-quantum-schemes.js";
import { pqGas, pqHolds } from "./post-quantum.js";
import { verdict } from "./words.js";

export const HYBRID_BASE_GAS = 500n;
const HEADER = 2 + 32;

interface ClassicalScheme {
  readonly id: number;
  readonly partLength: number;
  readonly gas: bigint;
  holds(message: Uint8Array, part: Uint8Array): boolean;
}

/**
 * ECDSA over secp256k1 on a raw 32-byte hash h (msg), as EIP-7951 does for P-256: r ‖ s ‖ qx ‖ qy,
 * 0 < r, s < n, Q on the curve; a high s is accepted (no EIP-2 rule: this is no transaction).
 */
function secp256k1Holds(message: Uint8Array, part: Uint8Array): boolean {
  return holds(() =>
    secp256k1.verify(part.subarray(0, 64), message, concatBytes(Uint8Array.of(0x04), part.subarray(64, 128)), {
      prehash: false,
      lowS: false,
      format: "compact",
    }),
  );
}

/** P-256 by EIP-7951's own checks (the P256VERIFY precompile), on h ‖ r ‖ s ‖ qx ‖ qy. */
function p256Holds(message: Uint8Array, part: Uint8Array): boolean {
  return p256VerifyOutput(concatBytes(message, part)).length === 32;
}

const CLASSICAL: readonly ClassicalScheme[] = [
  { id: 0x01, partLength: 128, gas: 3000n, holds: secp256k1Holds },
  { id: 0x02, partLength: 128, gas: P256VERIFY_GAS, holds: p256Holds },
  // Ed25519's price on a 32-byte message: 3400 + 12 · 1.
  { id: 0x03, partLength: 96, gas: 3412n, holds: (message, part) => ed25519Holds(part.subarray(0, 32), part.subarray(32, 96), message) },
];

/** The pq part's length: the precompile's input without its 32-byte message. */
function pqPartLength(scheme: PqScheme): number {
  return scheme.publicKeyLength + scheme.signatureLength;
}

/** The scheme's own input rebuilt from the message and the pq part (sig ‖ pk, or pk ‖ sig for Falcon). */
function pqInput(scheme: PqScheme, message: Uint8Array, part: Uint8Array): Uint8Array {
  return scheme.layout === "msg32-sig-pk" ? concatBytes(message, part) : concatBytes(part, message);
}

function schemesOf(input: Uint8Array): { classical: ClassicalScheme; pq: PqScheme } | null {
  const classical = CLASSICAL.find((c) => c.id === (input[0] ?? 0));
  const pq = PQ_SCHEMES.find((p) => p.pqId === (input[1] ?? 0));
  return classical === undefined || pq === undefined ? null : { classical, pq };
}

function hybridGas(input: Uint8Array): bigint {
  const schemes = schemesOf(input);
  if (schemes === null) return HYBRID_BASE_GAS;
  return HYBRID_BASE_GAS + schemes.classical.gas + pqGas(schemes.pq, schemes.pq.publicKeyLength + schemes.pq.signatureLength + 32);
}

function hybridHolds(input: Uint8Array): boolean {
  const schemes = schemesOf(input);
  if (schemes === null) return false;
  const { classical, pq } = schemes;
  if (input.length !== HEADER + classical.partLength + pqPartLength(pq)) return false;
  const message = input.subarray(2, HEADER);
  const classicalPart = input.subarray(HEADER, HEADER + classical.partLength);
  const pqPart = input.subarray(HEADER + classical.partLength);
  return classical.holds(message, classicalPart) && pqHolds(pq, pqInput(pq, message, pqPart));
}

export const hybridVerify: Precompile = {
  address: SVM_ADDRESS.HYBRID_VERIFY,
  name: "HYBRID_VERIFY",
  gasCost: hybridGas,
  run: (input) => verdict(hybridHolds(input)),
};
