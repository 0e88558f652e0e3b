/**
 * The ethereum/tests RLPTests JSON format, as io-ts codecs.
 *
 * Each test has `out`, an encoding in hex (with or without 0x), and `in`, which is either:
 * - "INVALID": `out` must be rejected by the decoder (invalidRLPTest);
 * - "VALID": `out` must decode (RandomRLPTests);
 * - the value `out` encodes: a string (its UTF-8 bytes), a "#"-prefixed decimal big integer or a
 *   JSON number (a canonical integer), or a list of such values (rlptest).
 */
import * as t from "io-ts";
import { hexToBytes } from "../../spec/primitives/bytes.js";
import { type TestFileResult, decodeTestFile } from "./test-file.js";

/** A value to encode, as the file gives it: text, "#bignumber", a number, or a nested list. */
export type RlpInput = string | number | readonly RlpInput[];

const isRlpInput = (u: unknown): u is RlpInput =>
  typeof u === "string" || (typeof u === "number" && Number.isSafeInteger(u) && u >= 0) || (Array.isArray(u) && u.every(isRlpInput));

export const RlpInput = new t.Type<RlpInput, RlpInput, unknown>(
  "string, non-negative integer or list of them",
  isRlpInput,
  (u, c) => (isRlpInput(u) ? t.success(u) : t.failure(u, c)),
  (input) => input,
);

const HEX = /^(?:0x)?(?:[0-9a-fA-F]{2})*$/;

/** The encoding under test, as hex with or without 0x (the files use both). */
export const RlpHex = new t.Type<Uint8Array, string, unknown>(
  "hex bytes (0x optional)",
  (u): u is Uint8Array => u instanceof Uint8Array,
  (u, c) => (typeof u === "string" && HEX.test(u) ? t.success(hexToBytes(u)) : t.failure(u, c)),
  (bytes) => `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`,
);

export const RlpTest = t.type({ in: RlpInput, out: RlpHex }, "RLP test");

export type RlpTest = t.TypeOf<typeof RlpTest>;

export function decodeRlpTestFile(text: string): TestFileResult<RlpTest> {
  return decodeTestFile(text, RlpTest);
}
