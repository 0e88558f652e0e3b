/**
 * Event logs (Solidity ABI specification, "Events"): topic 0 of a non-anonymous event is the
 * keccak256 of its signature; indexed parameters follow as topics (a dynamic type's topic is the
 * keccak256 of its encoding, so only the hash can be recovered); the rest are ABI-encoded in data.
 */
import { decodeParameters } from "./decode.js";
import { AbiError } from "./errors.js";
import { bytesToHex } from "./hex.js";
import type { Abi, AbiEvent, AbiEventParameter } from "./json.js";
import { eventTopic } from "./selector.js";
import { isDynamic, parseParameter, splitTopLevel } from "./types.js";
import type { AbiValue } from "./values.js";

/**
 * Parses `Transfer(address indexed from, address indexed to, uint256 value)`, optionally followed by
 * `anonymous`.
 */
export function parseEventSignature(text: string): AbiEvent {
  const match = /^\s*(?:event\s+)?([A-Za-z_$][\w$]*)\s*\((.*)\)\s*(anonymous)?\s*;?\s*$/s.exec(text);
  if (match === null) throw new AbiError("ABI_TYPE", `'${text}' is not an event signature`);
  const list = (match[2] as string).trim();
  const inputs: AbiEventParameter[] =
    list === ""
      ? []
      : splitTopLevel(list, text).map((p) => ({ ...parseParameter(p), indexed: /\sindexed(\s|$)/.test(p) }));
  return { kind: "event", name: match[1] as string, inputs, anonymous: match[3] !== undefined };
}

export interface DecodedEvent {
  readonly event: AbiEvent;
  /** In declaration order; an indexed parameter of dynamic type is its 32-byte topic (the hash). */
  readonly args: AbiValue[];
}

/** Decodes a log against one event; throws AbiError when topics or data do not fit it. */
export function decodeEvent(event: AbiEvent, topics: readonly Uint8Array[], data: Uint8Array): DecodedEvent {
  const first = event.anonymous ? 0 : 1;
  const indexed = event.inputs.filter((i) => i.indexed);
  if (topics.length !== first + indexed.length) {
    throw new AbiError("ABI_DECODE", `event ${event.name} has ${first + indexed.length} topics, the log has ${topics.length}`);
  }
  if (!event.anonymous && bytesToHex(topics[0] as Uint8Array) !== bytesToHex(eventTopic(event))) {
    throw new AbiError("ABI_DECODE", `the log's topic 0 is not the signature hash of ${event.name}`);
  }
  const unindexed = decodeParameters(
    event.inputs.filter((i) => !i.indexed).map((i) => i.type),
    data,
  );
  let topic = first;
  let datum = 0;
  const args = event.inputs.map((input) => {
    if (!input.indexed) return unindexed[datum++] as AbiValue;
    const word = topics[topic++] as Uint8Array;
    if (word.length !== 32) throw new AbiError("ABI_DECODE", `topic ${topic - 1} of ${event.name} is not 32 bytes`);
    return isDynamic(input.type) ? word : (decodeParameters([input.type], word)[0] as AbiValue);
  });
  return { event, args };
}

/** Finds the non-anonymous event of `abi` whose topic 0 the log has, and decodes it; undefined if none matches. */
export function decodeEventLog(abi: Abi, topics: readonly Uint8Array[], data: Uint8Array): DecodedEvent | undefined {
  const topic0 = topics[0];
  if (topic0 === undefined) return undefined;
  const event = abi.find(
    (item): item is AbiEvent => item.kind === "event" && !item.anonymous && bytesToHex(eventTopic(item)) === bytesToHex(topic0),
  );
  return event === undefined ? undefined : decodeEvent(event, topics, data);
}
