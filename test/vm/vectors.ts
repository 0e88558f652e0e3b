/** Where the shared ethereum/tests checkout is, for the vm tests. */
import { existsSync } from "node:fs";
import { join } from "node:path";

export const ETHEREUM_TESTS =
  process.env.SVM_TESTS_DIR ?? join(import.meta.dirname, "..", "..", "..", "shared", "conformance", "ethereum-tests");

export const haveVectors = existsSync(ETHEREUM_TESTS);
