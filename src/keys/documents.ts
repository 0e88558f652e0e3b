/**
 * The JSON files `svm keys` writes and reads back: a key, a signature (with its precompile input),
 * a threshold dealing, one share, one partial signature, an aggregate and a hybrid signature. Every byte field is `0x` hex in the
 * precompile's encoding; `kind` says which document a file is, so a share given where a key is
 * expected is refused by name rather than misread.
 */
import { readFileSync } from "node:fs";
import { fromHex, KeyInputError, type PrecompileCall, toHex } from "./encoding.js";

export type Json = Record<string, unknown>;

export const KINDS = {
  key: "svm-key",
  signature: "svm-signature",
  threshold: "svm-bls-threshold",
  share: "svm-bls-share",
  partial: "svm-bls-partial",
  aggregate: "svm-bls-aggregate",
  hybrid: "svm-hybrid-signature",
} as const;

/** Reads a JSON document of one kind from a file; `flag` names the option in errors. */
export function readDocument(path: string, kind: string, flag: string): Json {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new KeyInputError(`${flag}: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new KeyInputError(`${flag}: ${path} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new KeyInputError(`${flag}: ${path} is not a JSON object`);
  const found = (parsed as Json).kind;
  if (found !== kind) throw new KeyInputError(`${flag}: ${path} is ${typeof found === "string" ? `a '${found}'` : "not an svm keys"} file, expected '${kind}'`);
  return parsed as Json;
}

/** A hex field of a document, decoded. */
export function bytesField(document: Json, field: string, where: string): Uint8Array {
  const value = document[field];
  if (typeof value !== "string") throw new KeyInputError(`${where}: the field '${field}' is missing or not a hex string`);
  return fromHex(value, `${where}: ${field}`);
}

export function stringField(document: Json, field: string, where: string): string {
  const value = document[field];
  if (typeof value !== "string") throw new KeyInputError(`${where}: the field '${field}' is missing or not a string`);
  return value;
}

export function integerField(document: Json, field: string, where: string): number {
  const value = document[field];
  if (typeof value !== "number" || !Number.isInteger(value)) throw new KeyInputError(`${where}: the field '${field}' is missing or not an integer`);
  return value;
}

/** A precompile call as JSON: where to send it and the exact input. */
export function callJson(call: PrecompileCall): Json {
  return { name: call.name, address: call.address, input: toHex(call.input) };
}
