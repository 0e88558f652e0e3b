/**
 * Reading what a state-test binary prints for one case, in the shapes goevmlab reads (its
 * evms/*.go): EIP-3155 step lines (`pc`, `op`, `gas`, `stack`, `depth`, …), a summary line after
 * the last step (`output`, `gasUsed`, `error`; revm adds `logsRoot`/`evmResult`, besu
 * `postLogsHash`), and the state root — `{"stateRoot": …}` on stderr (go-ethereum prints it
 * without 0x in older versions; revm, EELS and nethermind with it), `postHash` in besu's summary,
 * and `stateRoot`/`error` in the records go-ethereum prints as a JSON array on stdout. Lines that
 * are not JSON objects (log lines, banners) are ignored.
 */
import { hexToBytes } from "../../spec/primitives/bytes.js";
import type { TraceStep } from "../../interface/implementation.js";
import { haltReasonOf } from "./command-halts.js";

export interface CommandSummary {
  readonly gasUsed: bigint;
  readonly output: Uint8Array;
  /** The client's reason the transaction did not succeed, absent on success. */
  readonly error?: string;
}

export interface CommandOutput {
  readonly steps: readonly TraceStep[];
  /** The last state root printed (32 bytes), if any. */
  readonly stateRoot?: Uint8Array;
  readonly logsHash?: Uint8Array;
  readonly summary?: CommandSummary;
  /** A reason the client gave outside a summary line (go-ethereum's stdout records). */
  readonly error?: string;
  /** Step errors no halt reason matches (command-halts.ts): the adapter reports them. */
  readonly unrecognisedErrors: readonly string[];
}

type Json = Record<string, unknown>;

/** A hex string (with or without 0x) or a JSON number, as clients print quantities. */
function quantity(value: unknown): bigint | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value !== "string" || value === "") return undefined;
  const digits = value.startsWith("0x") || value.startsWith("0X") ? value.slice(2) : value;
  if (/^[0-9a-fA-F]+$/.test(digits)) return BigInt(`0x${digits}`);
  return undefined;
}

function bytes(value: unknown): Uint8Array | undefined {
  if (typeof value !== "string") return undefined;
  const digits = value.startsWith("0x") ? value.slice(2) : value;
  if (digits.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(digits)) return undefined;
  return hexToBytes(`0x${digits}`);
}

function hash32(value: unknown): Uint8Array | undefined {
  const b = bytes(value);
  return b?.length === 32 ? b : undefined;
}

function isStep(line: Json): boolean {
  return typeof line.pc === "number" && typeof line.op === "number" && typeof line.depth === "number" && line.depth >= 1;
}

/** A step, and the step's error text when the halt vocabulary has no word for it. */
function stepOf(line: Json, unrecognised: string[]): TraceStep {
  const errorText = typeof line.error === "string" && line.error !== "" ? line.error : undefined;
  const halt = errorText === undefined ? undefined : haltReasonOf(errorText);
  if (errorText !== undefined && halt === undefined) unrecognised.push(errorText);
  const stack = Array.isArray(line.stack) ? line.stack.map((word) => quantity(word) ?? 0n) : [];
  const returnData = bytes(line.returnData);
  return {
    pc: line.pc as number,
    op: line.op as number,
    opName: typeof line.opName === "string" ? line.opName : "",
    gas: quantity(line.gas) ?? 0n,
    gasCost: quantity(line.gasCost) ?? 0n,
    stack,
    depth: line.depth as number,
    refund: quantity(line.refund) ?? 0n,
    memSize: Number(quantity(line.memSize) ?? 0n),
    ...(returnData !== undefined && returnData.length > 0 && { returnData }),
    ...(halt !== undefined && { error: halt }),
  };
}

/**
 * revm's `evmResult` ("Success: Stop", "Revert: …", "Halt: OutOfGas") or the `error` field of
 * the others, as a reason: absent on success.
 */
function summaryError(line: Json): string | undefined {
  if (typeof line.evmResult === "string") {
    const [kind, ...rest] = line.evmResult.split(":");
    if (kind!.trim() === "Success") return undefined;
    if (kind!.trim() === "Revert") return "execution reverted";
    return rest.join(":").trim() || line.evmResult;
  }
  return typeof line.error === "string" && line.error !== "" ? line.error : undefined;
}

/** A reason printed outside a summary (go-ethereum's stdout records, revm's `errorMsg`). */
function otherError(line: Json): string | undefined {
  for (const key of ["error", "errorMsg"]) {
    const value = line[key];
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

function jsonObjects(text: string): Json[] {
  const objects: Json[] = [];
  const trimmed = text.trim();
  // go-ethereum's `evm statetest` prints its per-test records as one (indented) JSON array.
  if (trimmed.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.filter((item): item is Json => typeof item === "object" && item !== null);
    } catch {
      // Not a single array: read it line by line below.
    }
  }
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line.startsWith("{")) continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) objects.push(parsed as Json);
    } catch {
      // A line that only looks like JSON (a log message): not part of the protocol.
    }
  }
  return objects;
}

/** Reads one case's stderr and stdout (steps are taken from whichever stream carries them). */
export function parseCommandOutput(stderr: string, stdout: string): CommandOutput {
  const steps: TraceStep[] = [];
  const unrecognisedErrors: string[] = [];
  let stateRoot: Uint8Array | undefined;
  let logsHash: Uint8Array | undefined;
  let summary: CommandSummary | undefined;
  let error: string | undefined;
  for (const line of [...jsonObjects(stderr), ...jsonObjects(stdout)]) {
    if (isStep(line)) {
      steps.push(stepOf(line, unrecognisedErrors));
      continue;
    }
    stateRoot = hash32(line.stateRoot) ?? hash32(line.postHash) ?? stateRoot;
    logsHash = hash32(line.logsHash) ?? hash32(line.logsRoot) ?? hash32(line.postLogsHash) ?? logsHash;
    const gasUsed = quantity(line.gasUsed);
    const reason = summaryError(line);
    if (gasUsed !== undefined) {
      summary = { gasUsed, output: bytes(line.output) ?? new Uint8Array(0), ...(reason !== undefined && { error: reason }) };
    }
    error = otherError(line) ?? error;
  }
  return {
    steps,
    unrecognisedErrors,
    ...(stateRoot !== undefined && { stateRoot }),
    ...(logsHash !== undefined && { logsHash }),
    ...(summary !== undefined && { summary }),
    ...(error !== undefined && { error }),
  };
}
