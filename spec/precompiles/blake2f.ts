/**
 * 0x09 BLAKE2F (EIP-152): the BLAKE2b compression function F with a caller-chosen round count.
 *
 * Input, exactly 213 bytes: rounds (4 bytes, big-endian) ‖ h (8 words) ‖ m (16 words) ‖
 * t (2 words) ‖ f (1 byte, 0 or 1), words being 64-bit little-endian as in BLAKE2b. Output: the
 * new h, 64 bytes. Any other length or final flag fails the call. The price is one gas per round,
 * so a huge round count fails for want of gas before it runs.
 */
import { compress } from "./blake2-compression.js";
import { PrecompileFailure } from "./failure.js";
import type { Precompile } from "./precompile.js";

export const BLAKE2F_INPUT_LENGTH = 213;
export const BLAKE2F_GAS_PER_ROUND = 1n;

const ROUNDS_OFFSET = 0;
const H_OFFSET = 4;
const M_OFFSET = 68;
const T_OFFSET = 196;
const F_OFFSET = 212;

function roundsOf(input: Uint8Array): number {
  return new DataView(input.buffer, input.byteOffset + ROUNDS_OFFSET, 4).getUint32(0, false);
}

/** The price: one gas per round. An input of the wrong length costs nothing before failing. */
export function blake2fGasCost(input: Uint8Array): bigint {
  if (input.length !== BLAKE2F_INPUT_LENGTH) return 0n;
  return BLAKE2F_GAS_PER_ROUND * BigInt(roundsOf(input));
}

export const blake2f: Precompile = {
  address: 0x09n,
  name: "BLAKE2F",
  gasCost: blake2fGasCost,
  run(input) {
    if (input.length !== BLAKE2F_INPUT_LENGTH) {
      throw new PrecompileFailure("invalid-input-length", `BLAKE2F input is ${input.length} bytes, not ${BLAKE2F_INPUT_LENGTH}`);
    }
    const flag = input[F_OFFSET]!;
    if (flag !== 0 && flag !== 1) throw new PrecompileFailure("invalid-final-flag", `BLAKE2F final-block flag is ${flag}, not 0 or 1`);
    const h = compress({
      rounds: roundsOf(input),
      h: readWords(input, H_OFFSET, 8),
      m: readWords(input, M_OFFSET, 16),
      t: readWords(input, T_OFFSET, 2),
      final: flag === 1,
    });
    return writeWords(h);
  },
};

/** `count` little-endian 64-bit words starting at `offset`. */
function readWords(input: Uint8Array, offset: number, count: number): BigUint64Array {
  const view = new DataView(input.buffer, input.byteOffset + offset, 8 * count);
  const words = new BigUint64Array(count);
  for (let i = 0; i < count; i++) words[i] = view.getBigUint64(8 * i, true);
  return words;
}

function writeWords(words: BigUint64Array): Uint8Array {
  const out = new Uint8Array(8 * words.length);
  const view = new DataView(out.buffer);
  words.forEach((word, i) => view.setBigUint64(8 * i, word, true));
  return out;
}
