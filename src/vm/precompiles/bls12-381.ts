/**
 * 0x0b–0x11: BLS12-381 operations (EIP-2537, Prague), over `@noble/curves`.
 *
 * Encoding: a field element is 64 big-endian bytes holding a value below p (so its top 16 bytes
 * are zero); a G1 point is x ‖ y, a G2 point x.c0 ‖ x.c1 ‖ y.c0 ‖ y.c1; all-zero bytes encode
 * the point at infinity; a scalar is 32 bytes and need not be below the group order. Every
 * point must be on its curve; MSM and pairing inputs must also lie in the prime-order subgroup
 * (addition does not check it). Any invalid input fails the call, which burns its gas.
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { bigIntToBytes, bytesToBigInt, concatBytes } from "../bytes.js";
import {
  G1_ADD_GAS,
  G1_MSM_DISCOUNTS,
  G1_MUL_GAS,
  G2_ADD_GAS,
  G2_MSM_DISCOUNTS,
  G2_MUL_GAS,
  MAP_FP2_TO_G2_GAS,
  MAP_FP_TO_G1_GAS,
  PAIRING_BASE_GAS,
  PAIRING_PER_PAIR_GAS,
  msmGas,
} from "./bls12-381-pricing.js";
import type { Precompile, PrecompileResult } from "./types.js";

type G1Point = InstanceType<typeof bls12_381.G1.Point>;
type G2Point = InstanceType<typeof bls12_381.G2.Point>;
type Fp2 = G2Point["X"];

const G1 = bls12_381.G1.Point;
const G2 = bls12_381.G2.Point;
const { Fp, Fp2, Fp12 } = bls12_381.fields;
const P = Fp.ORDER;
const Q = bls12_381.fields.Fr.ORDER;
const B1 = G1.CURVE().b;
const B2 = G2.CURVE().b;

const FP_LENGTH = 64;
const G1_LENGTH = 128;
const G2_LENGTH = 256;
const SCALAR_LENGTH = 32;

/** An input that is not a valid encoding: the call fails. */
class InvalidInput extends Error {}

function fp(input: Uint8Array, offset: number): bigint {
  const value = bytesToBigInt(input.subarray(offset, offset + FP_LENGTH));
  if (value >= P) throw new InvalidInput("field element not below p");
  return value;
}

function fp2(input: Uint8Array, offset: number): Fp2 {
  return Fp2.fromBigTuple([fp(input, offset), fp(input, offset + FP_LENGTH)]);
}

/**
 * Membership of the order-r subgroup (EIP-2537), checked through @noble/curves' assertValidity
 * (the curve equation, already checked, and the subgroup): a point it accepts is remembered as
 * valid, so the pairing, which validates its inputs again, does not repeat the costly check.
 */
function inSubgroup(point: G1Point | G2Point, group: "G1" | "G2"): void {
  try {
    point.assertValidity();
  } catch {
    throw new InvalidInput(`${group} point not in the subgroup`);
  }
}

function g1(input: Uint8Array, offset: number, subgroup: boolean): G1Point {
  const x = fp(input, offset);
  const y = fp(input, offset + FP_LENGTH);
  if (x === 0n && y === 0n) return G1.ZERO;
  if (!Fp.eql(Fp.sqr(y), Fp.add(Fp.mul(Fp.sqr(x), x), B1))) throw new InvalidInput("G1 point not on the curve");
  const point = G1.fromAffine({ x, y });
  if (subgroup) inSubgroup(point, "G1");
  return point;
}

function g2(input: Uint8Array, offset: number, subgroup: boolean): G2Point {
  const x = fp2(input, offset);
  const y = fp2(input, offset + 2 * FP_LENGTH);
  if (Fp2.is0(x) && Fp2.is0(y)) return G2.ZERO;
  if (!Fp2.eql(Fp2.sqr(y), Fp2.add(Fp2.mul(Fp2.sqr(x), x), B2))) throw new InvalidInput("G2 point not on the curve");
  const point = G2.fromAffine({ x, y });
  if (subgroup) inSubgroup(point, "G2");
  return point;
}

function encodeFp(value: bigint): Uint8Array {
  return bigIntToBytes(value, FP_LENGTH);
}

function encodeG1(point: G1Point): Uint8Array {
  if (point.is0()) return new Uint8Array(G1_LENGTH);
  const { x, y } = point.toAffine();
  return concatBytes(encodeFp(x), encodeFp(y));
}

function encodeG2(point: G2Point): Uint8Array {
  if (point.is0()) return new Uint8Array(G2_LENGTH);
  const { x, y } = point.toAffine();
  return concatBytes(encodeFp(x.c0), encodeFp(x.c1), encodeFp(y.c0), encodeFp(y.c1));
}

/** Scalars are any 256-bit value; on subgroup points, reducing them mod q changes nothing. */
function scalar(input: Uint8Array, offset: number): bigint {
  return bytesToBigInt(input.subarray(offset, offset + SCALAR_LENGTH)) % Q;
}

/** Charges `cost`, then runs `body`; an InvalidInput from the body fails the call. */
function priced(cost: number, gas: number, body: () => Uint8Array): PrecompileResult {
  if (cost > gas) return "out of gas";
  try {
    return { gasUsed: cost, output: body() };
  } catch (error) {
    if (error instanceof InvalidInput) return "failure";
    throw error;
  }
}

function requireLength(input: Uint8Array, length: number): void {
  if (input.length !== length) throw new InvalidInput(`input must be ${length} bytes`);
}

/** A positive whole number of `unit`-byte items. */
function requireItems(input: Uint8Array, unit: number): number {
  if (input.length === 0 || input.length % unit !== 0) throw new InvalidInput(`input must be k·${unit} bytes, k ≥ 1`);
  return input.length / unit;
}

export const blsG1Add: Precompile = (input, gas) =>
  priced(G1_ADD_GAS, gas, () => {
    requireLength(input, 2 * G1_LENGTH);
    return encodeG1(g1(input, 0, false).add(g1(input, G1_LENGTH, false)));
  });

export const blsG2Add: Precompile = (input, gas) =>
  priced(G2_ADD_GAS, gas, () => {
    requireLength(input, 2 * G2_LENGTH);
    return encodeG2(g2(input, 0, false).add(g2(input, G2_LENGTH, false)));
  });

const G1_PAIR = G1_LENGTH + SCALAR_LENGTH;
const G2_PAIR = G2_LENGTH + SCALAR_LENGTH;

export const blsG1Msm: Precompile = (input, gas) =>
  priced(msmGas(Math.floor(input.length / G1_PAIR), G1_MUL_GAS, G1_MSM_DISCOUNTS), gas, () => {
    const k = requireItems(input, G1_PAIR);
    let sum = G1.ZERO;
    for (let i = 0; i < k; i++) {
      const point = g1(input, i * G1_PAIR, true);
      sum = sum.add(point.multiplyUnsafe(scalar(input, i * G1_PAIR + G1_LENGTH)));
    }
    return encodeG1(sum);
  });

export const blsG2Msm: Precompile = (input, gas) =>
  priced(msmGas(Math.floor(input.length / G2_PAIR), G2_MUL_GAS, G2_MSM_DISCOUNTS), gas, () => {
    const k = requireItems(input, G2_PAIR);
    let sum = G2.ZERO;
    for (let i = 0; i < k; i++) {
      const point = g2(input, i * G2_PAIR, true);
      sum = sum.add(point.multiplyUnsafe(scalar(input, i * G2_PAIR + G2_LENGTH)));
    }
    return encodeG2(sum);
  });

const PAIRING_PAIR = G1_LENGTH + G2_LENGTH;

/** e(P1, Q1) · … · e(Pk, Qk) = 1: 32 bytes, the last 1 or 0. A pair with infinity contributes 1. */
export const blsPairing: Precompile = (input, gas) =>
  priced(PAIRING_BASE_GAS + PAIRING_PER_PAIR_GAS * Math.floor(input.length / PAIRING_PAIR), gas, () => {
    const k = requireItems(input, PAIRING_PAIR);
    const pairs: { g1: G1Point; g2: G2Point }[] = [];
    for (let i = 0; i < k; i++) {
      const p = g1(input, i * PAIRING_PAIR, true);
      const q = g2(input, i * PAIRING_PAIR + G1_LENGTH, true);
      if (!p.is0() && !q.is0()) pairs.push({ g1: p, g2: q });
    }
    const one = pairs.length === 0 || Fp12.eql(bls12_381.pairingBatch(pairs), Fp12.ONE);
    return bigIntToBytes(one ? 1n : 0n, 32);
  });

/**
 * noble's hashers map with cofactor clearing and return a point; their declared type is the
 * affine map alone (and G1, with m = 1, takes one bigint), hence the narrowing here.
 */
function mappedG1(u: bigint): G1Point {
  const mapped: unknown = (bls12_381.G1.mapToCurve as unknown as (u: bigint) => unknown)(u);
  if (!(mapped instanceof G1)) throw new Error("noble's G1 map did not return a point");
  return mapped;
}

function mappedG2(u: [bigint, bigint]): G2Point {
  const mapped: unknown = bls12_381.G2.mapToCurve(u);
  if (!(mapped instanceof G2)) throw new Error("noble's G2 map did not return a point");
  return mapped;
}

/** RFC 9380 simplified SWU map with the 11-isogeny, then cofactor clearing (no hashing). */
export const blsMapFpToG1: Precompile = (input, gas) =>
  priced(MAP_FP_TO_G1_GAS, gas, () => {
    requireLength(input, FP_LENGTH);
    return encodeG1(mappedG1(fp(input, 0)));
  });

/** RFC 9380 simplified SWU map with the 3-isogeny, then cofactor clearing (no hashing). */
export const blsMapFp2ToG2: Precompile = (input, gas) =>
  priced(MAP_FP2_TO_G2_GAS, gas, () => {
    requireLength(input, 2 * FP_LENGTH);
    return encodeG2(mappedG2([fp(input, 0), fp(input, FP_LENGTH)]));
  });
