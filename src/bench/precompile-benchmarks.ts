/**
 * The `precompile/…` benchmarks of `npm run bench`: one transaction per benchmark, to a contract
 * that calls one precompile many times on one input (precompile-contract.ts), so the run time is
 * mostly the precompile's. The inputs are valid and chosen to be expensive per call:
 *
 * - BLAKE2F (EIP-152): EIP-152's test vector 5 (12 rounds, BLAKE2b's own count), and one call
 *   with millions of rounds, whose Mgas/s is millions of rounds per second (one gas per round).
 * - MODEXP (EIP-198, priced by EIP-2565): odd moduli with the top bit set and all-ones exponents,
 *   so every exponent bit costs a squaring and a multiplication.
 * - BN254 (EIP-196/197, priced by EIP-1108): addition of distinct points, multiplication by
 *   r − 1 (every scalar bit set), a two-pair pairing check that holds.
 * - BLS12-381 (EIP-2537): an 8-pair G1 MSM, and a two-pair pairing check that holds.
 *
 * BLS12-381 exists from Prague; the others run under London like the evm-benchmarks suite, so
 * a London peer (`--peer anvil`) can run them too.
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { bn254 } from "@noble/curves/bn254.js";
import type { ForkName, StateTestCase } from "../../interface/implementation.js";
import { singleCallCase } from "../../conformance/single-call.js";
import { precompileLoopCode, type PrecompileLoop } from "./precompile-contract.js";

export interface PrecompileBenchmark {
  /** `precompile/blake2f/12-rounds`, … */
  readonly name: string;
  readonly testCase: StateTestCase;
  /** What the contract calls, for tests and for checking outputs. */
  readonly loop: PrecompileLoop;
}

/** How many calls each benchmark makes, relative to its default; tests use small scales. */
export interface PrecompileBenchmarkOptions {
  readonly scale?: number;
  /** The rounds of the one large BLAKE2F call. */
  readonly blake2fRounds?: number;
}

export const DEFAULT_BLAKE2F_ROUNDS = 1_000_000;
/** Enough for every default benchmark; unspent gas is refunded and does not show in the timing. */
const TRANSACTION_GAS = 30_000_000n;

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, "hex"));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}

/** A big-endian unsigned integer in `length` bytes. */
function be(value: bigint, length: number): Uint8Array {
  return hexBytes(value.toString(16).padStart(2 * length, "0"));
}

/** A fixed, irregular byte pattern (a multiplicative congruential sequence); deterministic so every run is the same. */
function pattern(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 48271) % 0x7fffffff;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/** EIP-152's test vector 5 with the given rounds: BLAKE2b-512's initial state, the block "abc", t = 3, final. */
function blake2fInput(rounds: number): Uint8Array {
  const h = "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b";
  return concat(be(BigInt(rounds), 4), hexBytes(h), hexBytes("616263" + "00".repeat(125)), hexBytes("03" + "00".repeat(15)), Uint8Array.of(1));
}

/** EIP-198's layout: the three lengths as words, then base, exponent and modulus. */
function modexpInput(modulusBytes: number, exponentBytes: number): Uint8Array {
  const base = pattern(modulusBytes, 7);
  const modulus = pattern(modulusBytes, 11);
  modulus[0]! |= 0x80;
  modulus[modulusBytes - 1]! |= 1;
  const exponent = new Uint8Array(exponentBytes).fill(0xff);
  return concat(be(BigInt(modulusBytes), 32), be(BigInt(exponentBytes), 32), be(BigInt(modulusBytes), 32), base, exponent, modulus);
}

type Bn254G1 = InstanceType<typeof bn254.G1.Point>;
type Bn254G2 = InstanceType<typeof bn254.G2.Point>;

/** EIP-196: x ‖ y, 32 bytes each. */
function bnG1(point: Bn254G1): Uint8Array {
  const { x, y } = point.toAffine();
  return concat(be(x, 32), be(y, 32));
}

/** EIP-197: an Fp2 element a·i + b is written a ‖ b, the imaginary part first. */
function bnG2(point: Bn254G2): Uint8Array {
  const { x, y } = point.toAffine();
  return concat(be(x.c1, 32), be(x.c0, 32), be(y.c1, 32), be(y.c0, 32));
}

type BlsG1 = InstanceType<typeof bls12_381.G1.Point>;
type BlsG2 = InstanceType<typeof bls12_381.G2.Point>;

/** EIP-2537: a base-field element in 64 bytes (16 zero bytes, then 48), an Fp2 element c0 ‖ c1. */
function blsG1(point: BlsG1): Uint8Array {
  const { x, y } = point.toAffine();
  return concat(be(x, 64), be(y, 64));
}

function blsG2(point: BlsG2): Uint8Array {
  const { x, y } = point.toAffine();
  return concat(be(x.c0, 64), be(x.c1, 64), be(y.c0, 64), be(y.c1, 64));
}

interface Definition {
  readonly name: string;
  readonly fork: ForkName;
  readonly address: bigint;
  readonly input: () => Uint8Array;
  readonly outputLength: number;
  /** Calls at scale 1. */
  readonly calls: number;
  /** A definition whose work is in one call keeps it at every scale. */
  readonly fixedCalls?: boolean;
}

function definitions(blake2fRounds: number): Definition[] {
  const bnOrder = bn254.fields.Fr.ORDER;
  const blsOrder = bls12_381.fields.Fr.ORDER;
  const bnG = bn254.G1.Point.BASE;
  const blsG = bls12_381.G1.Point.BASE;
  return [
    { name: "precompile/blake2f/12-rounds", fork: "London", address: 0x09n, input: () => blake2fInput(12), outputLength: 64, calls: 5_000 },
    {
      name: `precompile/blake2f/${blake2fRounds}-rounds`,
      fork: "London",
      address: 0x09n,
      input: () => blake2fInput(blake2fRounds),
      outputLength: 64,
      calls: 1,
      fixedCalls: true,
    },
    { name: "precompile/modexp/1024-bit-modulus", fork: "London", address: 0x05n, input: () => modexpInput(128, 128), outputLength: 128, calls: 60 },
    { name: "precompile/modexp/4096-bit-modulus", fork: "London", address: 0x05n, input: () => modexpInput(512, 32), outputLength: 512, calls: 20 },
    { name: "precompile/bn254/add", fork: "London", address: 0x06n, input: () => concat(bnG1(bnG), bnG1(bnG.double())), outputLength: 64, calls: 2_000 },
    { name: "precompile/bn254/mul", fork: "London", address: 0x07n, input: () => concat(bnG1(bnG.double()), be(bnOrder - 1n, 32)), outputLength: 64, calls: 100 },
    {
      name: "precompile/bn254/pairing-2",
      fork: "London",
      address: 0x08n,
      input: () => concat(bnG1(bnG), bnG2(bn254.G2.Point.BASE), bnG1(bnG.negate()), bnG2(bn254.G2.Point.BASE)),
      outputLength: 32,
      calls: 20,
    },
    {
      name: "precompile/bls12-381/g1msm-8",
      fork: "Prague",
      address: 0x0cn,
      input: () => concat(...Array.from({ length: 8 }, (_, i) => concat(blsG1(blsG.multiply(BigInt(i + 2))), be(blsOrder - 1n - BigInt(i), 32)))),
      outputLength: 128,
      calls: 10,
    },
    {
      name: "precompile/bls12-381/pairing-2",
      fork: "Prague",
      address: 0x0fn,
      input: () => concat(blsG1(blsG), blsG2(bls12_381.G2.Point.BASE), blsG1(blsG.negate()), blsG2(bls12_381.G2.Point.BASE)),
      outputLength: 32,
      calls: 10,
    },
  ];
}

/** The precompile benchmarks whose name matches `filter`, each a ready transaction. */
export function precompileBenchmarks(filter?: RegExp, options: PrecompileBenchmarkOptions = {}): PrecompileBenchmark[] {
  const scale = options.scale ?? 1;
  const rounds = options.blake2fRounds ?? DEFAULT_BLAKE2F_ROUNDS;
  return definitions(rounds)
    .filter((definition) => filter === undefined || filter.test(definition.name))
    .map((definition) => {
      const calls = definition.fixedCalls === true ? definition.calls : Math.max(1, Math.round(definition.calls * scale));
      const loop: PrecompileLoop = { address: definition.address, input: definition.input(), outputLength: definition.outputLength, calls };
      const gas = TRANSACTION_GAS + BigInt(definition.name.includes("blake2f") ? rounds : 0);
      const testCase = { ...singleCallCase({ code: precompileLoopCode(loop), gas, fork: definition.fork }), id: definition.name };
      return { name: definition.name, testCase, loop };
    });
}
