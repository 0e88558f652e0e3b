/**
 * The ethereum/tests TransactionTests JSON format, as io-ts codecs.
 *
 * Each test is one signed transaction (`txbytes`) and, per fork, either the expected outcome of
 * decoding and validating it — `sender`, `hash` and `intrinsicGas` — or the `exception` that
 * rejects it (`TransactionException.X`, named after go-ethereum's failure stages) with the
 * intrinsic gas computed before the rejection (0 when the transaction did not decode).
 */
import * as t from "io-ts";
import { Address, Hash32, HexBytes, HexQuantity } from "./state-tests.js";
import { type TestFileResult, decodeTestFile } from "./test-file.js";

export const ValidTransactionResult = t.type(
  { sender: Address, hash: Hash32, intrinsicGas: HexQuantity },
  "valid transaction result",
);

export const InvalidTransactionResult = t.type({ exception: t.string, intrinsicGas: HexQuantity }, "exception result");

export const TransactionResult = t.union([InvalidTransactionResult, ValidTransactionResult], "transaction result");

export const TransactionTest = t.type(
  { txbytes: HexBytes, result: t.record(t.string, TransactionResult) },
  "transaction test",
);

export type TransactionResult = t.TypeOf<typeof TransactionResult>;
export type TransactionTest = t.TypeOf<typeof TransactionTest>;

export function decodeTransactionTestFile(text: string): TestFileResult<TransactionTest> {
  return decodeTestFile(text, TransactionTest);
}
