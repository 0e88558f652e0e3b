/**
 * Textbook affine arithmetic on bn254's G1 (y² = x³ + 3 over F_p), written independently of the
 * spec's use of @noble/curves so the tests can compute expected sums and products themselves.
 */
export const P = 21888242871839275222246405745257275088696311157297823662689037894645226208583n;
export const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

/** A point, or null for infinity. */
export type Affine = { x: bigint; y: bigint } | null;

const mod = (a: bigint) => ((a % P) + P) % P;

function inverse(a: bigint): bigint {
  // Fermat: a^(p−2) = a⁻¹ mod p.
  let result = 1n;
  let base = mod(a);
  for (let e = P - 2n; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * base) % P;
    base = (base * base) % P;
  }
  return result;
}

export function add(a: Affine, b: Affine): Affine {
  if (a === null) return b;
  if (b === null) return a;
  if (a.x === b.x && mod(a.y + b.y) === 0n) return null;
  const slope = a.x === b.x ? mod(3n * a.x * a.x * inverse(2n * a.y)) : mod((b.y - a.y) * inverse(b.x - a.x));
  const x = mod(slope * slope - a.x - b.x);
  return { x, y: mod(slope * (a.x - x) - a.y) };
}

export function multiply(point: Affine, scalar: bigint): Affine {
  let result: Affine = null;
  let addend = point;
  for (let k = scalar; k > 0n; k >>= 1n) {
    if (k & 1n) result = add(result, addend);
    addend = add(addend, addend);
  }
  return result;
}

export function negate(point: Affine): Affine {
  return point === null ? null : { x: point.x, y: mod(-point.y) };
}

export function encode(point: Affine): string {
  if (point === null) return "00".repeat(64);
  return point.x.toString(16).padStart(64, "0") + point.y.toString(16).padStart(64, "0");
}

export const GENERATOR: Affine = { x: 1n, y: 2n };
