/** `svm rlptest`: runs ethereum/tests RLPTests on the spec's RLP codec. */
import { runRlpTestFile } from "../../conformance/runners/rlp-tests.js";
import { vectorSuiteCommand } from "./vector-suite-command.js";

export const rlptestCommand = vectorSuiteCommand({
  command: "rlptest",
  summary: "run RLPTests: canonical encoding, and rejection of malformed encodings",
  folder: "RLPTests",
  hasForks: false,
  example: "svm rlptest --verbose",
  runner: () => runRlpTestFile,
});
