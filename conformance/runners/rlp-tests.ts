/**
 * The RLPTests runner.
 *
 * - `in` = "INVALID" (invalidRLPTest): decoding `out` must fail with an RLP error.
 * - `in` = "VALID" (RandomRLPTests): `out` must decode, and re-encoding must give `out` back.
 * - otherwise (rlptest): encoding `in` must give `out`, and decoding `out` must give back the
 *   item that `in` describes. Strings are their UTF-8 bytes, "#123..." and JSON numbers are
 *   integers (big-endian, no leading zeros, 0 as the empty string), arrays are lists.
 */
import { bigIntToMinimalBytes, bytesEqual, bytesToHex } from "../../spec/primitives/bytes.js";
import { type RlpItem, RlpError, rlpDecode, rlpEncode } from "../../spec/primitives/rlp.js";
import { type RlpInput, type RlpTest, decodeRlpTestFile } from "../formats/rlp-tests.js";
import type { CaseResult } from "../state-tests/result.js";
import { type Verdict, guarded, malformedFile } from "./vector-run.js";

const BIG_INTEGER_PREFIX = "#";
const DECIMAL = /^[0-9]+$/;

export function runRlpTestFile(text: string, fileId: string): CaseResult[] {
  const decoded = decodeRlpTestFile(text);
  if (!decoded.ok) return [malformedFile(fileId, decoded.error)];
  return [...decoded.tests].map(([name, test]) => ({ id: `${fileId}::${name}`, ...guarded(() => judge(test)) }));
}

function judge(test: RlpTest): Verdict {
  if (test.in === "INVALID") {
    try {
      const item = rlpDecode(test.out);
      return { status: "fail", reason: `decoded to ${describe(item)}, expected a decoding error` };
    } catch (error) {
      if (error instanceof RlpError) return { status: "pass" };
      throw error;
    }
  }
  let decoded: RlpItem;
  try {
    decoded = rlpDecode(test.out);
  } catch (error) {
    if (error instanceof RlpError) return { status: "fail", reason: `decoding failed: ${error.message}` };
    throw error;
  }
  const reencoded = rlpEncode(decoded);
  if (!bytesEqual(reencoded, test.out)) return { status: "fail", reason: `re-encoding gave ${bytesToHex(reencoded)}` };
  if (test.in === "VALID") return { status: "pass" };
  const item = toItem(test.in);
  const encoded = rlpEncode(item);
  if (!bytesEqual(encoded, test.out)) return { status: "fail", reason: `encoded as ${bytesToHex(encoded)}, expected ${bytesToHex(test.out)}` };
  if (!sameItem(decoded, item)) return { status: "fail", reason: `decoded to ${describe(decoded)}, expected ${describe(item)}` };
  return { status: "pass" };
}

function toItem(input: RlpInput): RlpItem {
  if (typeof input === "number") return bigIntToMinimalBytes(BigInt(input));
  if (typeof input !== "string") return input.map(toItem);
  const digits = input.slice(BIG_INTEGER_PREFIX.length);
  if (input.startsWith(BIG_INTEGER_PREFIX) && DECIMAL.test(digits)) return bigIntToMinimalBytes(BigInt(digits));
  return new TextEncoder().encode(input);
}

function sameItem(a: RlpItem, b: RlpItem): boolean {
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && bytesEqual(a, b);
  }
  return a.length === b.length && a.every((child, i) => sameItem(child, b[i]!));
}

function describe(item: RlpItem): string {
  return item instanceof Uint8Array ? bytesToHex(item) : `[${item.map(describe).join(", ")}]`;
}
