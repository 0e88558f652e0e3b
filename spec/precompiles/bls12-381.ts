/**
 * The BLS12-381 precompiles of EIP-2537 (Prague), at 0x0b-0x11: G1ADD, G1MSM, G2ADD, G2MSM,
 * PAIRING_CHECK, MAP_FP_TO_G1 and MAP_FP2_TO_G2.
 *
 * Every input length is exact (a multiple of the pair length, and not zero, for the MSMs and the
 * pairing); every field element must be below p and every point on its curve; the MSMs and the
 * pairing also need each point in the subgroup of order q, the additions do not. A broken rule
 * fails the call, which consumes all its gas. The maps are RFC 9380's simplified SWU map to the
 * isogenous curve, the isogeny, and cofactor clearing.
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import {
  type BlsG1Point,
  type BlsG2Point,
  BLS_G1,
  BLS_G2,
  decodeFp,
  decodeFp2,
  decodeG1,
  decodeG2,
  decodeScalar,
  encodeG1,
  encodeG2,
  FIELD_ELEMENT_LENGTH,
  FP2_LENGTH,
  G1_LENGTH,
  G2_LENGTH,
  SCALAR_LENGTH,
  SUBGROUP_ORDER,
} from "./bls12-381-points.js";
import { G1_MSM_DISCOUNTS, G2_MSM_DISCOUNTS, MSM_DISCOUNT_MULTIPLIER, msmDiscount } from "./bls12-381-discounts.js";
import { PrecompileFailure } from "./failure.js";
import type { Precompile } from "./precompile.js";

/** EIP-2537's gas schedule. */
export const BLS_GAS = {
  g1Add: 375n,
  g1Mul: 12000n,
  g2Add: 600n,
  g2Mul: 22500n,
  pairingPerPair: 32600n,
  pairingBase: 37700n,
  mapFpToG1: 5500n,
  mapFp2ToG2: 23800n,
} as const;

/**
 * RFC 9380's map_to_curve followed by clear_cofactor. @noble/curves returns the cleared point
 * (a projective Point, infinity included), though its declared type is affine coordinates.
 */
const mapToG1 = bls12_381.G1.mapToCurve as unknown as (u: bigint) => BlsG1Point;
const mapToG2 = bls12_381.G2.mapToCurve as unknown as (u: [bigint, bigint]) => BlsG2Point;

function requireLength(input: Uint8Array, length: number, name: string): void {
  if (input.length !== length) {
    throw new PrecompileFailure("invalid-input-length", `${name} takes ${length} bytes, got ${input.length}`);
  }
}

/** The number of whole items of `itemLength` bytes; fails unless the input is a positive multiple. */
function itemCount(input: Uint8Array, itemLength: number, name: string): number {
  if (input.length === 0 || input.length % itemLength !== 0) {
    throw new PrecompileFailure("invalid-input-length", `${name} takes a positive multiple of ${itemLength} bytes, got ${input.length}`);
  }
  return input.length / itemLength;
}

/** k · (one multiplication) · discount(k) / 1000, for the whole pairs in the input. */
function msmGas(input: Uint8Array, pairLength: number, multiplication: bigint, table: readonly number[]): bigint {
  const pairs = Math.floor(input.length / pairLength);
  return (BigInt(pairs) * multiplication * msmDiscount(table, pairs)) / MSM_DISCOUNT_MULTIPLIER;
}

const G1_MSM_PAIR = G1_LENGTH + SCALAR_LENGTH;
const G2_MSM_PAIR = G2_LENGTH + SCALAR_LENGTH;
const PAIRING_PAIR = G1_LENGTH + G2_LENGTH;

/** Σ sᵢ·Pᵢ over subgroup points, where a scalar acts modulo the subgroup order q. */
function msm<P extends BlsG1Point | BlsG2Point>(
  input: Uint8Array,
  pairLength: number,
  pointLength: number,
  name: string,
  decode: (bytes: Uint8Array, offset: number) => P,
  zero: P,
): P {
  const pairs = itemCount(input, pairLength, name);
  let sum = zero;
  for (let i = 0; i < pairs; i++) {
    const offset = i * pairLength;
    const point = decode(input, offset);
    const scalar = decodeScalar(input, offset + pointLength) % SUBGROUP_ORDER;
    sum = sum.add(point.multiplyUnsafe(scalar) as never) as P;
  }
  return sum;
}

export const blsG1Add: Precompile = {
  address: 0x0bn,
  name: "BLS12_G1ADD",
  gasCost: () => BLS_GAS.g1Add,
  run(input) {
    requireLength(input, 2 * G1_LENGTH, "BLS12_G1ADD");
    return encodeG1(decodeG1(input, 0, "curve-only").add(decodeG1(input, G1_LENGTH, "curve-only")));
  },
};

export const blsG1Msm: Precompile = {
  address: 0x0cn,
  name: "BLS12_G1MSM",
  gasCost: (input) => msmGas(input, G1_MSM_PAIR, BLS_GAS.g1Mul, G1_MSM_DISCOUNTS),
  run: (input) =>
    encodeG1(msm(input, G1_MSM_PAIR, G1_LENGTH, "BLS12_G1MSM", (bytes, offset) => decodeG1(bytes, offset, "subgroup"), BLS_G1.ZERO)),
};

export const blsG2Add: Precompile = {
  address: 0x0dn,
  name: "BLS12_G2ADD",
  gasCost: () => BLS_GAS.g2Add,
  run(input) {
    requireLength(input, 2 * G2_LENGTH, "BLS12_G2ADD");
    return encodeG2(decodeG2(input, 0, "curve-only").add(decodeG2(input, G2_LENGTH, "curve-only")));
  },
};

export const blsG2Msm: Precompile = {
  address: 0x0en,
  name: "BLS12_G2MSM",
  gasCost: (input) => msmGas(input, G2_MSM_PAIR, BLS_GAS.g2Mul, G2_MSM_DISCOUNTS),
  run: (input) =>
    encodeG2(msm(input, G2_MSM_PAIR, G2_LENGTH, "BLS12_G2MSM", (bytes, offset) => decodeG2(bytes, offset, "subgroup"), BLS_G2.ZERO)),
};

export const blsPairingCheck: Precompile = {
  address: 0x0fn,
  name: "BLS12_PAIRING_CHECK",
  gasCost: (input) => BLS_GAS.pairingPerPair * BigInt(Math.floor(input.length / PAIRING_PAIR)) + BLS_GAS.pairingBase,
  run(input) {
    const count = itemCount(input, PAIRING_PAIR, "BLS12_PAIRING_CHECK");
    const pairs: { g1: BlsG1Point; g2: BlsG2Point }[] = [];
    for (let i = 0; i < count; i++) {
      const g1 = decodeG1(input, i * PAIRING_PAIR, "subgroup");
      const g2 = decodeG2(input, i * PAIRING_PAIR + G1_LENGTH, "subgroup");
      // A pair with infinity on either side contributes e = 1 to the product.
      if (!g1.is0() && !g2.is0()) pairs.push({ g1, g2 });
    }
    const Fp12 = bls12_381.fields.Fp12;
    const output = new Uint8Array(32);
    output[31] = Fp12.eql(bls12_381.pairingBatch(pairs), Fp12.ONE) ? 1 : 0;
    return output;
  },
};

export const blsMapFpToG1: Precompile = {
  address: 0x10n,
  name: "BLS12_MAP_FP_TO_G1",
  gasCost: () => BLS_GAS.mapFpToG1,
  run(input) {
    requireLength(input, FIELD_ELEMENT_LENGTH, "BLS12_MAP_FP_TO_G1");
    return encodeG1(mapToG1(decodeFp(input)));
  },
};

export const blsMapFp2ToG2: Precompile = {
  address: 0x11n,
  name: "BLS12_MAP_FP2_TO_G2",
  gasCost: () => BLS_GAS.mapFp2ToG2,
  run(input) {
    requireLength(input, FP2_LENGTH, "BLS12_MAP_FP2_TO_G2");
    const element = decodeFp2(input);
    return encodeG2(mapToG2([element.c0, element.c1]));
  },
};

export const BLS12_381_PRECOMPILES: readonly Precompile[] = [
  blsG1Add,
  blsG1Msm,
  blsG2Add,
  blsG2Msm,
  blsPairingCheck,
  blsMapFpToG1,
  blsMapFp2ToG2,
];
