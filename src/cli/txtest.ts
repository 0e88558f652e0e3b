/** `svm txtest`: runs ethereum/tests TransactionTests on the spec's transaction rules. */
import { runTransactionTestFile } from "../../conformance/runners/transaction-tests.js";
import { vectorSuiteCommand } from "./vector-suite-command.js";

export const txtestCommand = vectorSuiteCommand({
  command: "txtest",
  summary: "run TransactionTests: decoding, sender recovery, intrinsic gas and validity per fork",
  folder: "TransactionTests",
  hasForks: true,
  example: "svm txtest --fork Cancun",
  runner: (fork) => (text, fileId) => runTransactionTestFile(text, fileId, fork === undefined ? {} : { fork }),
});
