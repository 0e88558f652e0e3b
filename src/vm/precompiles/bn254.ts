/**
 * 0x06-0x08: alt_bn128 point addition, scalar multiplication (EIP-196) and the pairing check
 * (EIP-197), priced by EIP-1108 from Istanbul. Invalid points (coordinates ≥ p, off the curve,
 * or G2 points outside the r-torsion subgroup) make the call fail.
 */
import { bn254 } from "@noble/curves/bn254.js";
import { bigIntToBytes, bytesToBigInt, sliceZeroPadded } from "../bytes.js";
import type { Precompile } from "./types.js";

const G1 = bn254.G1.Point;
const G2 = bn254.G2.Point;
const Fp12 = bn254.fields.Fp12;
const FIELD_MODULUS = bn254.fields.Fp.ORDER;

type G1Point = InstanceType<typeof G1>;
type G2Point = InstanceType<typeof G2>;

class InvalidPoint extends Error {}

function coordinate(bytes: Uint8Array, at: number): bigint {
  const value = bytesToBigInt(bytes.subarray(at, at + 32));
  if (value >= FIELD_MODULUS) throw new InvalidPoint("coordinate not below the field modulus");
  return value;
}

function readG1(bytes: Uint8Array, at: number): G1Point {
  const x = coordinate(bytes, at);
  const y = coordinate(bytes, at + 32);
  if (x === 0n && y === 0n) return G1.ZERO;
  const point = G1.fromAffine({ x, y });
  point.assertValidity();
  return point;
}

/** G2 coordinates are encoded imaginary part first (EIP-197). */
function readG2(bytes: Uint8Array, at: number): G2Point {
  const xi = coordinate(bytes, at);
  const xr = coordinate(bytes, at + 32);
  const yi = coordinate(bytes, at + 64);
  const yr = coordinate(bytes, at + 96);
  if (xi === 0n && xr === 0n && yi === 0n && yr === 0n) return G2.ZERO;
  const point = G2.fromAffine({ x: { c0: xr, c1: xi }, y: { c0: yr, c1: yi } });
  // @noble/curves' assertValidity checks the curve equation and membership of the order-r
  // subgroup (EIP-197 requires both), and remembers the point as valid, so the pairing does not
  // check it again. A second isTorsionFree here doubled the cost of every G2 point.
  point.assertValidity();
  return point;
}

function encodeG1(point: G1Point): Uint8Array {
  const out = new Uint8Array(64);
  if (point.is0()) return out;
  const { x, y } = point.toAffine();
  out.set(bigIntToBytes(x, 32), 0);
  out.set(bigIntToBytes(y, 32), 32);
  return out;
}

function guarded(compute: () => Uint8Array, gasUsed: number): ReturnType<Precompile> {
  try {
    return { gasUsed, output: compute() };
  } catch (error) {
    // Every library error here means malformed input (not on the curve, not in the subgroup).
    if (error instanceof Error) return "failure";
    throw error;
  }
}

export const bnAdd: Precompile = (input, gas, fork) => {
  if (fork.bnAddGas > gas) return "out of gas";
  return guarded(() => {
    const data = sliceZeroPadded(input, 0, 128);
    return encodeG1(readG1(data, 0).add(readG1(data, 64)));
  }, fork.bnAddGas);
};

export const bnMul: Precompile = (input, gas, fork) => {
  if (fork.bnMulGas > gas) return "out of gas";
  return guarded(() => {
    const data = sliceZeroPadded(input, 0, 96);
    const point = readG1(data, 0);
    // G1 has cofactor 1, so every curve point has order r and the scalar may be reduced mod r.
    const scalar = bytesToBigInt(data.subarray(64, 96)) % bn254.fields.Fr.ORDER;
    return encodeG1(scalar === 0n || point.is0() ? G1.ZERO : point.multiplyUnsafe(scalar));
  }, fork.bnMulGas);
};

export const bnPairing: Precompile = (input, gas, fork) => {
  // EIP-197: the price counts whole pairs, so a length that is no multiple of 192 is priced too.
  const pairs = Math.floor(input.length / 192);
  const cost = fork.bnPairingBaseGas + fork.bnPairingPerPointGas * pairs;
  if (cost > gas) return "out of gas";
  if (input.length % 192 !== 0) return "failure";
  return guarded(() => {
    const batch: { g1: G1Point; g2: G2Point }[] = [];
    for (let i = 0; i < pairs; i++) {
      const g1 = readG1(input, i * 192);
      const g2 = readG2(input, i * 192 + 64);
      if (!g1.is0() && !g2.is0()) batch.push({ g1, g2 });
    }
    const holds = batch.length === 0 || Fp12.eql(bn254.pairingBatch(batch), Fp12.ONE);
    return bigIntToBytes(holds ? 1n : 0n, 32);
  }, cost);
};
