/**
 * Rule V of docs/extensions.md, shared by every SVM verifier: the gas is computed from the input
 * alone before anything runs; once paid, the output is one 32-byte word, 1 when the signature is
 * valid and 0 for every other input (wrong lengths, bad encodings, failed checks), never a halt.
 */
import type { Precompile } from "../types.js";

/** ⌈n/32⌉, and 0 for a negative n (the table's `words`). */
export function words(n: number): number {
  return n <= 0 ? 0 : Math.ceil(n / 32);
}

function verdictWord(valid: boolean): Uint8Array {
  const out = new Uint8Array(32);
  out[31] = valid ? 1 : 0;
  return out;
}

/** Runs `check`, reading any exception a library throws on a malformed input as "invalid". */
export function holds(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

export function verifier(gasOf: (input: Uint8Array) => number, verifies: (input: Uint8Array) => boolean): Precompile {
  return (input, gas) => {
    const cost = gasOf(input);
    if (cost > gas) return "out of gas";
    return { gasUsed: cost, output: verdictWord(holds(() => verifies(input))) };
  };
}
