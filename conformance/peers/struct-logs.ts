/**
 * go-ethereum's struct-logger trace (`debug_traceTransaction` without a tracer, which anvil
 * implements over revm) as trace steps: each log names its instruction (`PUSH1`, `opcode 0xc not
 * defined`), so the byte is found by name in the fork's instruction set (spec/'s names are
 * go-ethereum's), and errors are read into the halt vocabulary.
 */
import type { Schedule } from "../../spec/fork/schedule.js";
import { opcodeName } from "../../spec/machine/opcodes.js";
import type { TraceStep } from "../../interface/implementation.js";
import { haltReasonOf } from "./command-halts.js";

export interface StructLog {
  readonly pc: number;
  readonly op: string;
  readonly gas: number | string;
  readonly gasCost: number | string;
  readonly depth: number;
  readonly stack?: readonly string[];
  readonly refund?: number | string;
  readonly memSize?: number;
  readonly error?: string;
}

/** The name `byName` gives `op`. */
function opcodeNameOf(op: number, byName: ReadonlyMap<string, number>): string {
  for (const [name, byte] of byName) if (byte === op) return name;
  return `opcode 0x${op.toString(16)} not defined`;
}

/** 0x44, which EIP-4399 renamed PREVRANDAO from the merge on; anvil's struct logger keeps the old name. */
const OP_PREVRANDAO = 0x44;

/** The byte of each instruction name under `schedule` (and DIFFICULTY for 0x44 after the merge). */
export function opcodesByName(schedule: Schedule): ReadonlyMap<string, number> {
  const byName = new Map<string, number>();
  for (let op = 0; op < 256; op++) byName.set(opcodeName(op, schedule), op);
  if (!byName.has("DIFFICULTY")) byName.set("DIFFICULTY", OP_PREVRANDAO);
  return byName;
}

/**
 * The steps, or the first thing about a log that cannot be read (an unknown name or error text).
 * revm names every byte no fork defines `Unknown`; at depth 1 the byte is read from `topCode`
 * (the code the transaction runs), deeper it cannot be recovered.
 */
export function stepsOfStructLogs(logs: readonly StructLog[], byName: ReadonlyMap<string, number>, topCode?: Uint8Array): TraceStep[] | string {
  const steps: TraceStep[] = [];
  for (const log of logs) {
    const undefinedByte = /^opcode 0x([0-9a-f]+) not defined$/i.exec(log.op);
    const unknownAtTop = log.op === "Unknown" && log.depth === 1 ? topCode?.[log.pc] : undefined;
    const op = byName.get(log.op) ?? (undefinedByte === null ? unknownAtTop : parseInt(undefinedByte[1]!, 16));
    if (op === undefined) return `an instruction SVM does not know: ${log.op}`;
    const error = log.error === undefined || log.error === "" ? undefined : haltReasonOf(log.error);
    if (log.error !== undefined && log.error !== "" && error === undefined) return `an error SVM does not recognise: ${log.error}`;
    steps.push({
      pc: log.pc,
      op,
      opName: log.op === "Unknown" ? opcodeNameOf(op, byName) : log.op,
      gas: BigInt(log.gas),
      gasCost: BigInt(log.gasCost),
      stack: (log.stack ?? []).map((word) => BigInt(word)),
      depth: log.depth,
      refund: BigInt(log.refund ?? 0),
      memSize: log.memSize ?? 0,
      ...(error !== undefined && { error }),
    });
  }
  return steps;
}
