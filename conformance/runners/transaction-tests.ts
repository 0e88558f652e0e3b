/**
 * The TransactionTests runner: for each test and each fork in its `result`, the spec decodes
 * `txbytes`, applies the stateless validity rules of that fork and recovers the sender, then
 * compares with the vector.
 *
 * - A valid transaction must give the expected `sender`, `hash` and `intrinsicGas`.
 * - An invalid one must be rejected. The vectors name go-ethereum's failure stage
 *   (`TransactionException.RLP_LEADING_ZEROS_NONCE`, `INVALID_SIGNATURE_VRS`, ...). Where that
 *   name fixes which rule is broken, the spec's error code must be the matching one (table
 *   below); where it reflects only go-ethereum's order of checks (e.g. signature before intrinsic
 *   gas, or type support before decoding), any rejection passes and the two names are noted.
 *   When the vector's intrinsic gas is non-zero (the reference decoded the transaction) and the
 *   spec decoded it too, the intrinsic gas must match as well.
 */
import { SCHEDULES } from "../../spec/fork/forks.js";
import { type ForkName, isKnownFork } from "../../spec/fork/names.js";
import { bytesEqual, bytesToHex } from "../../spec/primitives/bytes.js";
import {
  TransactionError,
  type TransactionErrorCode,
  decodeTransaction,
  intrinsicGas,
  recoverSender,
  transactionHash,
  validateStatic,
} from "../../spec/transaction/index.js";
import type { Schedule } from "../../spec/fork/schedule.js";
import { type TransactionResult, decodeTransactionTestFile } from "../formats/transaction-tests.js";
import type { CaseResult } from "../state-tests/result.js";
import { type Verdict, guarded, malformedFile } from "./vector-run.js";

/** TransactionTests are filled for chain id 1 (mainnet). */
export const TRANSACTION_TESTS_CHAIN_ID = 1n;

const EXCEPTION_PREFIX = "TransactionException.";

/** Vector exception names that determine the spec's error code. */
const EXACT_CODES: Readonly<Record<string, TransactionErrorCode>> = {
  INTRINSIC_GAS_TOO_LOW: "INTRINSIC_GAS_TOO_LOW",
  INITCODE_SIZE_EXCEEDED: "INITCODE_SIZE_EXCEEDED",
  GASLIMIT_PRICE_PRODUCT_OVERFLOW: "GASLIMIT_PRICE_PRODUCT_OVERFLOW",
  PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS: "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS",
  PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS_2: "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS",
  NONCE_TOO_BIG: "NONCE_IS_MAX",
  VALUE_OVERFLOW: "VALUE_OUT_OF_RANGE",
  GASPRICE_OVERFLOW: "VALUE_OUT_OF_RANGE",
  PRIORITY_OVERFLOW: "VALUE_OUT_OF_RANGE",
  ADDRESS_TOO_SHORT: "MALFORMED_RLP",
  ADDRESS_TOO_LONG: "MALFORMED_RLP",
  INTRINSIC_GAS_BELOW_FLOOR_GAS_COST: "INTRINSIC_GAS_BELOW_FLOOR_GAS_COST",
  GAS_LIMIT_EXCEEDS_MAXIMUM: "GAS_LIMIT_EXCEEDS_MAXIMUM",
};

/** Every `RLP_*` name is a decoding failure. */
function expectedCode(name: string): TransactionErrorCode | undefined {
  if (name.startsWith("RLP_")) return "MALFORMED_RLP";
  return EXACT_CODES[name];
}

export interface TransactionTestOptions {
  /** Run only this fork's results. */
  readonly fork?: ForkName;
}

type Outcome =
  | { readonly kind: "valid"; readonly sender: bigint; readonly hash: Uint8Array; readonly intrinsicGas: bigint }
  | { readonly kind: "rejected"; readonly code: TransactionErrorCode; readonly message: string; readonly intrinsicGas?: bigint };

/** What the spec makes of the transaction under a fork. */
export function evaluateTransaction(txBytes: Uint8Array, schedule: Schedule): Outcome {
  let tx;
  try {
    tx = decodeTransaction(txBytes);
  } catch (error) {
    if (error instanceof TransactionError) return { kind: "rejected", code: error.code, message: error.message };
    throw error;
  }
  const gas = intrinsicGas(tx, schedule);
  try {
    validateStatic(tx, schedule);
    const sender = recoverSender(tx, schedule, TRANSACTION_TESTS_CHAIN_ID);
    return { kind: "valid", sender, hash: transactionHash(txBytes), intrinsicGas: gas };
  } catch (error) {
    if (error instanceof TransactionError) return { kind: "rejected", code: error.code, message: error.message, intrinsicGas: gas };
    throw error;
  }
}

export function runTransactionTestFile(text: string, fileId: string, options: TransactionTestOptions = {}): CaseResult[] {
  const decoded = decodeTransactionTestFile(text);
  if (!decoded.ok) return [malformedFile(fileId, decoded.error)];
  const results: CaseResult[] = [];
  for (const [name, test] of decoded.tests) {
    for (const [fork, expected] of Object.entries(test.result)) {
      if (options.fork !== undefined && fork !== options.fork) continue;
      const id = `${fileId}::${name}::${fork}`;
      if (!isKnownFork(fork)) {
        results.push({ id, status: "skip", reason: `fork ${fork} is not in the spec's schedule` });
        continue;
      }
      results.push({ id, ...guarded(() => judge(evaluateTransaction(test.txbytes, SCHEDULES[fork]), expected)) });
    }
  }
  return results;
}

function judge(outcome: Outcome, expected: TransactionResult): Verdict {
  if (!("exception" in expected)) {
    if (outcome.kind === "rejected") return { status: "fail", reason: `rejected as ${outcome.code} (${outcome.message}), expected valid` };
    const mismatches: string[] = [];
    if (outcome.sender !== expected.sender) mismatches.push(`sender ${address(outcome.sender)}, expected ${address(expected.sender)}`);
    if (!bytesEqual(outcome.hash, expected.hash)) mismatches.push(`hash ${bytesToHex(outcome.hash)}, expected ${bytesToHex(expected.hash)}`);
    if (outcome.intrinsicGas !== expected.intrinsicGas) {
      mismatches.push(`intrinsic gas ${outcome.intrinsicGas}, expected ${expected.intrinsicGas}`);
    }
    return mismatches.length === 0 ? { status: "pass" } : { status: "fail", reason: mismatches.join("; ") };
  }
  if (outcome.kind === "valid") return { status: "fail", reason: `accepted (sender ${address(outcome.sender)}), expected ${expected.exception}` };
  const names = expected.exception.split("|").map((n) => n.replace(EXCEPTION_PREFIX, ""));
  const codes = names.map(expectedCode).filter((c): c is TransactionErrorCode => c !== undefined);
  if (codes.length > 0 && !codes.includes(outcome.code)) {
    return { status: "fail", reason: `rejected as ${outcome.code} (${outcome.message}), expected ${codes.join(" or ")} (${expected.exception})` };
  }
  if (expected.intrinsicGas !== 0n && outcome.intrinsicGas !== undefined && outcome.intrinsicGas !== expected.intrinsicGas) {
    return { status: "fail", reason: `rejected as expected, but intrinsic gas ${outcome.intrinsicGas}, expected ${expected.intrinsicGas}` };
  }
  return codes.length > 0 ? { status: "pass" } : { status: "pass", note: `rejected as ${outcome.code}; vectors say ${names.join("|")}` };
}

function address(value: bigint): string {
  return `0x${value.toString(16).padStart(40, "0")}`;
}
