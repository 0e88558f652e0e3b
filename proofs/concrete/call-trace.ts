/**
 * The call trace of a concrete run on the spec: every message (calls, creations, calls a cheatcode
 * answered, calls to accounts without code such as console.log's) with its result, and the log
 * entries each frame emitted, nested as they happened. It is what a counterexample's replay shows
 * with `svm prove -v`, in the shape of forge's traces; decoding it with the ABI is the reader's job.
 *
 * It listens through the spec's two hooks (execute.ts): `intercept` sees every message start, the
 * step observer sees each frame run. A message ends when its parent runs again: the parent's stack
 * then holds the CALL's success flag (or CREATE's address) and its return data the child's output.
 */
import type { Interception, StepObserver } from "../../spec/machine/execute.js";
import type { ExceptionalHalt } from "../../spec/machine/exceptions.js";
import type { Frame, FrameResult, Message } from "../../spec/machine/frame.js";
import { isPrecompile } from "../../spec/precompiles/index.js";
import type { Schedule } from "../../spec/fork/schedule.js";
import { SCHEDULE } from "../environment.js";

/** How a traced message ended. */
export type TracedResult =
  | { readonly kind: "success"; readonly output: Uint8Array }
  | { readonly kind: "revert"; readonly output: Uint8Array }
  | { readonly kind: "halt"; readonly reason: string };

export interface TracedLog {
  readonly kind: "log";
  readonly address: bigint;
  readonly topics: readonly Uint8Array[];
  readonly data: Uint8Array;
}

export interface TracedCall {
  readonly kind: "call";
  /** call, staticcall, delegatecall (code of `codeAddress` run on `address`'s storage) or create. */
  readonly type: "call" | "staticcall" | "delegatecall" | "create";
  readonly caller: bigint;
  readonly address: bigint;
  readonly codeAddress: bigint;
  readonly value: bigint;
  /** Calldata, or the initcode of a creation. */
  readonly input: Uint8Array;
  readonly depth: number;
  /** The gas the message was given. */
  readonly gas: bigint;
  /** Answered by a cheatcode instead of running code. */
  readonly cheatcode: boolean;
  readonly children: (TracedCall | TracedLog)[];
  result?: TracedResult;
  /** Gas the message used (all of it on a halt); undefined when no code ran to tell (a precompile, a cheatcode). */
  gasUsed?: bigint;
}

type Bytes = Uint8Array;
type Intercept = (message: Message<Bytes>) => Interception<Bytes> | undefined;

const REVERT = 0xfd;
const LOG0 = 0xa0;
const LOG4 = 0xa4;

function typeOf(message: Message<Bytes>, parent: TracedCall | undefined): TracedCall["type"] {
  if (message.kind === "create") return "create";
  if (message.codeAddress !== message.address) return "delegatecall";
  if (message.isStatic && parent?.type !== "staticcall") return "staticcall";
  return "call";
}

function resultOf(result: FrameResult<Bytes>): TracedResult {
  return result.kind === "halt" ? { kind: "halt", reason: result.reason } : { kind: result.kind, output: result.output };
}

const wordBytes = (word: bigint) => Uint8Array.from({ length: 32 }, (_, i) => Number((word >> BigInt(8 * (31 - i))) & 0xffn));

interface Open {
  readonly call: TracedCall;
  frame?: Frame<bigint, Bytes>;
  /** What the frame's last step was about to do: a REVERT ends it as a revert, not a success. */
  lastOpcode?: number;
  halt?: string;
  /** A LOG about to run: its operands, read from memory once the step has expanded it. */
  pendingLog?: { readonly offset: number; readonly size: number; readonly topics: readonly Uint8Array[] };
}

export class CallTracer {
  /** The top-level messages of the run, in order. */
  readonly calls: TracedCall[] = [];
  private readonly open: Open[] = [];

  /** `schedule`: the fork the run is under, which says where its precompiles are. */
  constructor(private readonly schedule: Schedule = SCHEDULE) {}

  /** Wraps the run's intercept hook (cheatcodes), recording each message it lets through or answers. */
  intercept(inner: Intercept | undefined): Intercept {
    return (message) => {
      const decided = inner?.(message);
      const ran = decided !== undefined && "message" in decided ? decided.message : message;
      const parent = this.open.at(-1)?.call;
      const call: TracedCall = {
        kind: "call",
        type: typeOf(ran, parent),
        caller: ran.caller,
        address: ran.address,
        codeAddress: ran.codeAddress,
        value: ran.value,
        input: ran.kind === "create" ? ran.code : ran.data,
        depth: ran.depth,
        gas: ran.gas,
        cheatcode: decided !== undefined && "result" in decided,
        children: [],
      };
      if (parent === undefined) this.calls.push(call);
      else parent.children.push(call);
      if (decided !== undefined && "result" in decided) call.result = resultOf(decided.result);
      else this.open.push({ call });
      return decided;
    };
  }

  readonly observer: StepObserver<bigint, Bytes> = {
    before: (frame) => {
      this.settle(frame);
      const open = this.open.at(-1);
      if (open === undefined) return;
      open.frame ??= frame;
      const opcode = frame.message.code[frame.pc] ?? 0;
      open.lastOpcode = opcode;
      if (opcode >= LOG0 && opcode <= LOG4) open.pendingLog = this.logOf(frame, opcode - LOG0);
    },
    after: (frame: Frame<bigint, Bytes>, halt?: ExceptionalHalt) => {
      const open = this.open.at(-1);
      if (open === undefined || open.frame !== frame) return;
      if (halt !== undefined) open.halt = halt.reason;
      else if (open.pendingLog !== undefined) {
        const { offset, size, topics } = open.pendingLog;
        open.call.children.push({ kind: "log", address: frame.message.address, topics, data: size === 0 ? new Uint8Array(0) : frame.memory.read(offset, size) });
      }
      open.pendingLog = undefined;
    },
  };

  /** Ends the top-level message with its outcome (nothing runs after it that could tell). */
  finish(result: FrameResult<Bytes>): void {
    const top = this.open[0];
    this.open.length = 0;
    if (top === undefined) return;
    top.call.result = resultOf(result);
    top.call.gasUsed = top.call.gas - (result.kind === "halt" ? 0n : result.gasLeft);
  }

  /** Closes the messages above the frame that is about to run: they have ended, and it resumes. */
  private settle(frame: Frame<bigint, Bytes>): void {
    const index = this.open.findIndex((open) => open.frame === frame);
    if (index < 0) return;
    for (let i = this.open.length - 1; i > index; i--) {
      const ended = this.open[i]!;
      const success = i === index + 1 ? frame.stack.at(-1) !== 0n : ended.halt === undefined && ended.lastOpcode !== REVERT;
      const output = i === index + 1 ? frame.returnData : new Uint8Array(0);
      ended.call.result =
        ended.halt !== undefined
          ? { kind: "halt", reason: ended.halt }
          : success
            ? { kind: "success", output }
            : ended.lastOpcode === REVERT
              ? { kind: "revert", output }
              : { kind: "halt", reason: ended.frame === undefined ? "failed before running" : "failed" };
      if (ended.halt !== undefined) ended.call.gasUsed = ended.call.gas;
      else if (ended.frame !== undefined) ended.call.gasUsed = ended.call.gas - ended.frame.gas;
      else if (!isPrecompile(ended.call.codeAddress, this.schedule)) ended.call.gasUsed = 0n;
    }
    this.open.length = index + 1;
  }

  /** A LOG's operands (a LOG whose operands do not fit memory halts, which `after` records instead). */
  private logOf(frame: Frame<bigint, Bytes>, count: number): Open["pendingLog"] {
    const stack = frame.stack;
    if (stack.length < 2 + count) return undefined;
    const offset = stack.at(-1)!;
    const size = stack.at(-2)!;
    if (size !== 0n && offset + size > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
    const topics = Array.from({ length: count }, (_, i) => wordBytes(stack.at(-3 - i)!));
    return { offset: size === 0n ? 0 : Number(offset), size: Number(size), topics };
  }
}
