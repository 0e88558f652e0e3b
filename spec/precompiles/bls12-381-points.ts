/**
 * The encoding of BLS12-381 field elements and points shared by the EIP-2537 precompiles.
 *
 * A base-field element is 64 bytes big-endian and must be below the modulus p (so its top 16
 * bytes are zero). An F_p² element c0 + c1·v is encode(c0) ‖ encode(c1). A point is x ‖ y (128
 * bytes in G1, 256 in G2); all zeros is the point at infinity. Any other encoding must satisfy its
 * curve's equation; the subgroup check is the caller's choice, because EIP-2537 asks for it in the
 * MSMs and the pairing but not in the additions.
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import type { WeierstrassPoint, WeierstrassPointCons } from "@noble/curves/abstract/weierstrass.js";
import type { Fp2 } from "@noble/curves/abstract/tower.js";
import { bigIntToBytes, bytesToBigInt, concatBytes } from "../primitives/bytes.js";
import { PrecompileFailure } from "./failure.js";

export type BlsG1Point = WeierstrassPoint<bigint>;
export type BlsG2Point = WeierstrassPoint<Fp2>;

export const BLS_G1 = bls12_381.G1.Point;
export const BLS_G2 = bls12_381.G2.Point;

export const FIELD_ELEMENT_LENGTH = 64;
export const FP2_LENGTH = 2 * FIELD_ELEMENT_LENGTH;
export const G1_LENGTH = 2 * FIELD_ELEMENT_LENGTH;
export const G2_LENGTH = 2 * FP2_LENGTH;
export const SCALAR_LENGTH = 32;

/** The base field's modulus p (EIP-2537, "Curve parameters"). */
const FIELD_MODULUS = BLS_G1.Fp.ORDER;
/** The order q of the main subgroup, by which MSM scalars act on subgroup points. */
export const SUBGROUP_ORDER = BLS_G1.Fn.ORDER;

export type SubgroupCheck = "subgroup" | "curve-only";

/** The base-field element in the 64 bytes at `offset`. */
export function decodeFp(bytes: Uint8Array, offset = 0): bigint {
  const value = bytesToBigInt(bytes.subarray(offset, offset + FIELD_ELEMENT_LENGTH));
  if (value >= FIELD_MODULUS) {
    throw new PrecompileFailure("invalid-field-element", "bls12-381: a coordinate is not below the field modulus");
  }
  return value;
}

/** The F_p² element c0 + c1·v in the 128 bytes at `offset`. */
export function decodeFp2(bytes: Uint8Array, offset = 0): Fp2 {
  const c0 = decodeFp(bytes, offset);
  const c1 = decodeFp(bytes, offset + FIELD_ELEMENT_LENGTH);
  return bls12_381.fields.Fp2.fromBigTuple([c0, c1]);
}

/** Whether (x, y) satisfies y² = x³ + b (b = 4 on G1, 4(1 + v) on G2). */
function isOnCurve<T>(curve: WeierstrassPointCons<T>, x: T, y: T): boolean {
  const F = curve.Fp;
  const { b } = curve.CURVE();
  return F.eql(F.sqr(y), F.add(F.mul(F.sqr(x), x), b));
}

function checked<T>(point: WeierstrassPoint<T>, check: SubgroupCheck, group: string): WeierstrassPoint<T> {
  if (check === "subgroup" && !point.isTorsionFree()) {
    throw new PrecompileFailure("point-not-in-subgroup", `bls12-381: the ${group} point is not in the subgroup of order q`);
  }
  return point;
}

/** The G1 point in the 128 bytes at `offset`. */
export function decodeG1(bytes: Uint8Array, offset: number, check: SubgroupCheck): BlsG1Point {
  const x = decodeFp(bytes, offset);
  const y = decodeFp(bytes, offset + FIELD_ELEMENT_LENGTH);
  if (x === 0n && y === 0n) return BLS_G1.ZERO;
  if (!isOnCurve(BLS_G1, x, y)) throw new PrecompileFailure("point-not-on-curve", "bls12-381: the point is not on G1's curve");
  return checked(BLS_G1.fromAffine({ x, y }), check, "G1");
}

/** The G2 point in the 256 bytes at `offset`. */
export function decodeG2(bytes: Uint8Array, offset: number, check: SubgroupCheck): BlsG2Point {
  const x = decodeFp2(bytes, offset);
  const y = decodeFp2(bytes, offset + FP2_LENGTH);
  const F = BLS_G2.Fp;
  if (F.is0(x) && F.is0(y)) return BLS_G2.ZERO;
  if (!isOnCurve(BLS_G2, x, y)) throw new PrecompileFailure("point-not-on-curve", "bls12-381: the point is not on G2's curve");
  return checked(BLS_G2.fromAffine({ x, y }), check, "G2");
}

function encodeFp(value: bigint): Uint8Array {
  return bigIntToBytes(value, FIELD_ELEMENT_LENGTH);
}

function encodeFp2(value: Fp2): Uint8Array {
  return concatBytes(encodeFp(value.c0), encodeFp(value.c1));
}

export function encodeG1(point: BlsG1Point): Uint8Array {
  if (point.is0()) return new Uint8Array(G1_LENGTH);
  const { x, y } = point.toAffine();
  return concatBytes(encodeFp(x), encodeFp(y));
}

export function encodeG2(point: BlsG2Point): Uint8Array {
  if (point.is0()) return new Uint8Array(G2_LENGTH);
  const { x, y } = point.toAffine();
  return concatBytes(encodeFp2(x), encodeFp2(y));
}

/** The 32-byte scalar at `offset` (any 256-bit value: EIP-2537 does not require it below q). */
export function decodeScalar(bytes: Uint8Array, offset: number): bigint {
  return bytesToBigInt(bytes.subarray(offset, offset + SCALAR_LENGTH));
}
