/**
 * Decoding a vectors file of the common ethereum/tests shape: a JSON object mapping test names
 * to tests, each checked by an io-ts codec. A file that does not decode is reported with the
 * test's name and the JSON path of the first offending value, so the run can go on without it.
 */
import type * as t from "io-ts";
import { formatValidationError } from "./state-tests.js";

export type TestFileResult<T> =
  | { readonly ok: true; readonly tests: ReadonlyMap<string, T> }
  | { readonly ok: false; readonly error: string };

export function decodeTestFile<T>(text: string, codec: t.Decoder<unknown, T>): TestFileResult<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `invalid JSON: ${(error as Error).message}` };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, error: "expected a JSON object mapping test names to tests" };
  }
  const entries = Object.entries(json);
  if (entries.length === 0) return { ok: false, error: "the file holds no tests" };
  const tests = new Map<string, T>();
  for (const [name, value] of entries) {
    const decoded = codec.decode(value);
    if (decoded._tag === "Left") {
      const deepest = decoded.left.reduce((best, e) => (e.context.length > best.context.length ? e : best));
      return { ok: false, error: `${name}: ${formatValidationError(deepest)}` };
    }
    tests.set(name, decoded.right);
  }
  return { ok: true, tests };
}
