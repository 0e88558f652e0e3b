/**
 * The line that ends a case in the statetest protocol goevmlab drives clients by: a JSON object
 * with the post-state root (`{"stateRoot": "0x…"}`, as go-ethereum's `evm statetest` prints it on
 * stderr). SVM adds the logs hash, which no EIP-3155 line carries, so a peer reading SVM through
 * `cmd:` can compare logs too; readers that know only `stateRoot` ignore it.
 */
import { bytesToHex } from "../../spec/primitives/bytes.js";
import type { CaseOutcome } from "../../interface/implementation.js";
import { EMPTY_LOGS_HASH } from "../fuzz/state-test-json.js";

export function stateRootLine(outcome: CaseOutcome): string {
  const logsHash = outcome.kind === "executed" ? outcome.logsHash : EMPTY_LOGS_HASH;
  return JSON.stringify({ stateRoot: bytesToHex(outcome.stateRoot), ...(logsHash !== undefined && { logsHash: bytesToHex(logsHash) }) });
}
