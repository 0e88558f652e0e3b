/**
 * The halt vocabulary (HALT_REASONS: go-ethereum's words) for what a state-test binary prints as
 * a frame's error. go-ethereum, and the clients that imitate its tracer (besu, nethermind, EELS),
 * print these words, sometimes with detail after them (`out of gas: gas uint64 overflow`,
 * `stack underflow (0 <=> 1)`, `invalid opcode: opcode 0xc not defined`): the longest reason the
 * text starts with is taken. revm prints its own enum names (revm's `HaltReason`), mapped here.
 * A text neither knows gives undefined, and the adapter reports it rather than guess.
 */
import { EXECUTION_REVERTED, HALT_REASONS, type FrameStatus, type HaltReason } from "../../interface/implementation.js";

/** revm's HaltReason variants (and `Revert`), as `revme statetest` prints them in evmResult and traces. */
const REVM_NAMES: Readonly<Record<string, HaltReason>> = {
  OutOfGas: "out of gas",
  MemoryOOG: "out of gas",
  MemoryLimitOOG: "out of gas",
  PrecompileOOG: "out of gas",
  InvalidOperandOOG: "out of gas",
  OutOfFunds: "out of gas",
  OpcodeNotFound: "invalid opcode",
  InvalidFEOpcode: "invalid opcode",
  InvalidJump: "invalid jump destination",
  StackUnderflow: "stack underflow",
  StackOverflow: "stack limit reached 1024 (1023)",
  OutOfOffset: "return data out of bounds",
  CreateCollision: "contract address collision",
  StateChangeDuringStaticCall: "write protection",
  CallNotAllowedInsideStatic: "write protection",
  CreateContractSizeLimit: "max code size exceeded",
  CreateContractStartingWithEF: "invalid code: must not begin with 0xef",
  PrecompileError: "precompile failed",
  ReentrancySentryOOG: "out of gas",
  NotActivated: "invalid opcode",
};

/**
 * OpenEthereum's (parity's) words, which anvil's call tracer gives. Its `Out of stack` is left out:
 * anvil gives it for underflows too (the fuzzer met it where the stack was empty), so it does not
 * say which limit was hit, and a halt it names stays unrecognised rather than guessed.
 */
const PARITY_WORDS: Readonly<Record<string, HaltReason>> = {
  "bad jump destination": "invalid jump destination",
  "bad instruction": "invalid opcode",
  "mutable call in static context": "write protection",
  "built-in failed": "precompile failed",
  "precompiled failed": "precompile failed",
};

/** The reasons longest first, so `out of gas` does not take `contract creation code storage out of gas`'s place. */
const BY_LENGTH = [...HALT_REASONS].sort((a, b) => b.length - a.length);

export function haltReasonOf(text: string): HaltReason | undefined {
  // anvil's struct logger prints revm's Option: `Some(OutOfGas)`.
  const trimmed = text.trim().replace(/^Some\((.*)\)$/, "$1");
  const revm = /^([A-Za-z]+)(\(.*\))?$/.exec(trimmed);
  if (revm !== null && Object.hasOwn(REVM_NAMES, revm[1]!)) return REVM_NAMES[revm[1]!];
  const lower = trimmed.toLowerCase();
  if (Object.hasOwn(PARITY_WORDS, lower)) return PARITY_WORDS[lower];
  return BY_LENGTH.find((reason) => lower === reason || lower.startsWith(`${reason}:`) || lower.startsWith(`${reason} (`));
}

/** A summary's error as a frame status: none is success, a revert is revert, else a halt reason. */
export function frameStatusOf(error: string | undefined): FrameStatus | undefined {
  if (error === undefined || error === "") return "success";
  if (error === EXECUTION_REVERTED || /^revert/i.test(error.trim())) return "revert";
  return haltReasonOf(error);
}
