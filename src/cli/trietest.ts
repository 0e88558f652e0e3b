/** `svm trietest`: runs ethereum/tests TrieTests on the spec's Merkle-Patricia root. */
import { runTrieTestFile } from "../../conformance/runners/trie-tests.js";
import { vectorSuiteCommand } from "./vector-suite-command.js";

export const trietestCommand = vectorSuiteCommand({
  command: "trietest",
  summary: "run TrieTests: Merkle-Patricia roots of plain and secure (hashed-key) tries",
  folder: "TrieTests",
  hasForks: false,
  example: "svm trietest TrieTests/trieanyorder.json",
  runner: () => runTrieTestFile,
});
