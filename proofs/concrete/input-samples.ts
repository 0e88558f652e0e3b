/**
 * Concrete inputs to try before solving: edge values of each parameter's ABI type (0, 1, 2, 3,
 * the extremes, the sign boundary) and pseudo-random ones, drawn with a fixed seed so that runs are
 * deterministic. A sample that fails when replayed concretely is a counterexample like any other;
 * one that does not proves nothing, so sampling can only make a result `fail`, never `pass`.
 */
import type { InputWord } from "../calldata.js";

/** A deterministic generator (xorshift64*), seeded from the property, for reproducible samples. */
export class SampleRandom {
  private state: bigint;

  constructor(seed: bigint) {
    this.state = (seed & 0xffffffffffffffffn) | 1n;
  }

  /** 64 pseudo-random bits. */
  next(): bigint {
    let x = this.state;
    x ^= x >> 12n;
    x ^= (x << 25n) & 0xffffffffffffffffn;
    x ^= x >> 27n;
    this.state = x;
    return (x * 0x2545f4914f6cdd1dn) & 0xffffffffffffffffn;
  }

  /** A value below 2^bits. */
  bits(bits: number): bigint {
    let value = 0n;
    for (let have = 0; have < bits; have += 64) value = (value << 64n) | this.next();
    return value & ((1n << BigInt(bits)) - 1n);
  }

  below(n: number): number {
    return Number(this.next() % BigInt(n));
  }
}

const WORD = (1n << 256n) - 1n;

/** Two's complement of a signed value as a 256-bit word. */
const signed = (value: bigint): bigint => value & WORD;

/** The edge values of a type, as 256-bit words in its range. */
export function edgeValues(type: string): bigint[] {
  const uint = /^uint(\d*)$/.exec(type);
  if (uint !== null) {
    const max = (1n << BigInt(uint[1] === "" ? 256 : Number(uint[1]))) - 1n;
    return [0n, 1n, 2n, 3n, 10n, max, max - 1n, max / 2n, max / 2n + 1n, 1n << 64n, 1n << 128n].filter((v) => v <= max);
  }
  const int = /^int(\d*)$/.exec(type);
  if (int !== null) {
    const bits = BigInt(int[1] === "" ? 256 : Number(int[1]));
    const max = (1n << (bits - 1n)) - 1n;
    return [0n, 1n, 2n, -1n, -2n, max, -max - 1n, max - 1n, -max].map(signed);
  }
  if (type === "bool") return [0n, 1n];
  if (type === "address") return [0n, 1n, 0x10n, 0xbeefn, (1n << 160n) - 1n];
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed !== null) {
    const shift = BigInt(256 - 8 * Number(fixed[1]));
    return [0n, 1n << shift, WORD >> shift << shift];
  }
  // A 32-byte chunk of `bytes` or `string` contents.
  return [0n, WORD, 1n << 248n];
}

/** A pseudo-random value in the type's range. */
function randomValue(type: string, random: SampleRandom): bigint {
  const uint = /^uint(\d*)$/.exec(type);
  if (uint !== null) {
    const bits = uint[1] === "" ? 256 : Number(uint[1]);
    // Small values find more bugs than uniform 256-bit ones: pick a width first.
    return random.bits(1 + random.below(bits));
  }
  const int = /^int(\d*)$/.exec(type);
  if (int !== null) {
    const bits = int[1] === "" ? 256 : Number(int[1]);
    const magnitude = random.bits(random.below(bits));
    return signed(random.below(2) === 0 ? magnitude : -magnitude);
  }
  if (type === "bool") return BigInt(random.below(2));
  if (type === "address") return random.bits(160);
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed !== null) {
    const shift = BigInt(256 - 8 * Number(fixed[1]));
    return (random.bits(256) >> shift) << shift;
  }
  return random.bits(256);
}

/**
 * `count` assignments of values to the inputs: all zeros, all ones, then each input an edge value
 * (three times in four) or a random one.
 */
export function sampleInputs(inputs: readonly InputWord[], count: number, random: SampleRandom): bigint[][] {
  const samples: bigint[][] = [];
  for (let k = 0; k < count; k++) {
    samples.push(
      inputs.map(({ type }) => {
        const edges = edgeValues(type);
        if (k < 2) return edges[Math.min(k, edges.length - 1)]!;
        return random.below(4) === 0 ? randomValue(type, random) : edges[random.below(edges.length)]!;
      }),
    );
  }
  return samples;
}
