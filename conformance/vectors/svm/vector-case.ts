/**
 * One SVM precompile vector: an input, the gas the probe contract forwards to the precompile, and
 * what the precompile must answer — taken from a standard's known answer, or from how the input
 * was built (a signature made by the library's signer must verify, a tampered one must not).
 * The generator checks every expectation against the spec before it fills the vector.
 */
import { SCHEDULES } from "../../../spec/fork/forks.js";
import { runPrecompile } from "../../../spec/precompiles/index.js";
import { bigIntToBytes } from "../../../spec/primitives/bytes.js";

export type Expectation =
  /** The call succeeds with exactly this output. */
  | { readonly kind: "output"; readonly output: Uint8Array }
  /** The call fails, consuming all gas forwarded (rule F, or too little gas). */
  | { readonly kind: "fails" };

export interface VectorCase {
  /** Unique within its file; becomes the state test's name. */
  readonly name: string;
  readonly address: bigint;
  readonly input: Uint8Array;
  /** Gas forwarded to the precompile; all the probe has when absent. */
  readonly callGas?: bigint;
  readonly expected: Expectation;
}

export const WORD_ONE = bigIntToBytes(1n, 32);
export const WORD_ZERO = new Uint8Array(32);

export const valid = { kind: "output", output: WORD_ONE } as const satisfies Expectation;
export const invalid = { kind: "output", output: WORD_ZERO } as const satisfies Expectation;
export const fails = { kind: "fails" } as const satisfies Expectation;

export function output(bytes: Uint8Array): Expectation {
  return { kind: "output", output: bytes };
}

/** The precompile's price for this input under SVM (the spec's gas formula). */
export function priceOf(address: bigint, input: Uint8Array): bigint {
  const result = runPrecompile(address, input, 1n << 62n, SCHEDULES.SVM);
  if (result.ok) return result.gasUsed;
  // A failing precompile reports no price; its gasCost is what an exact-gas call would need.
  throw new Error(`no price for a failing input at 0x${address.toString(16)}`);
}

/**
 * The two gas edges of a succeeding case: forwarded exactly its price (it succeeds), and one gas
 * less (it fails, consuming all of it).
 */
export function gasEdges(base: VectorCase): VectorCase[] {
  const price = priceOf(base.address, base.input);
  return [
    { ...base, name: `${base.name}_exact_gas`, callGas: price },
    { ...base, name: `${base.name}_out_of_gas`, callGas: price - 1n, expected: fails },
  ];
}
