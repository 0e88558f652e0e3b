/**
 * The `logs` field of a state test: keccak256 of the RLP list of every log as
 * `[address, [topics...], data]` (Yellow Paper §4.3.1, the log entry O = (Oa, Ot, Od)).
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { rlpEncode } from "../../spec/primitives/rlp.js";

export type LogEntry = readonly [address: Uint8Array, topics: readonly Uint8Array[], data: Uint8Array];

export function logsHash(logs: readonly LogEntry[]): Uint8Array {
  return keccak_256(rlpEncode(logs.map(([address, topics, data]) => [address, [...topics], data])));
}
