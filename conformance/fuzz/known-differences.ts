/**
 * Known differences of a peer implementation: places where a peer (not the spec) departs from the
 * specification or from the EIP-3155 conventions, found by `svm fuzz` and analysed once, so that a
 * campaign against that peer reports only what is new.
 *
 * Two kinds, because they deserve different treatment:
 * - a **trace** difference is cosmetic (a step named differently, a step not traced): the peer's
 *   canonical trace is normalised for it before the comparison, and the run is counted as
 *   normalised, not diverged;
 * - an **outcome** difference changes what the transaction did or what the peer reported (status,
 *   output, gas, state, a crash): it is never hidden, but a divergence it explains is counted as
 *   "explained" under the entry's id instead of failing the campaign.
 *
 * Every recogniser is deliberately narrow: it checks the exact shape of its class (which fields
 * differ, on which side, by how much, at which instruction), so that a real bug of either side
 * that happens to touch the same area still counts as a failure.
 */
import { SCHEDULES } from "../../spec/fork/forks.js";
import { OPCODES, staticGas } from "../../spec/machine/opcodes.js";
import { decodeTransaction } from "../../spec/transaction/index.js";
import { recoverAuthority } from "../../spec/transaction/authority.js";
import type { CaseOutcome, FrameStatus, HaltReason, StateTestCase } from "../../interface/implementation.js";
import type { CanonicalStep } from "./canonical-trace.js";
import type { OutcomeDifference } from "./compare-outcomes.js";
import type { RunResult } from "./differential.js";

/** One implementation's side of a run: its result and its canonical trace. */
export interface Side {
  readonly result: RunResult;
  readonly steps: readonly CanonicalStep[];
}

/** A difference of outcome, seen from the peer: `peer` is the peer's value, `other` the other side's. */
export interface PeerDifference {
  readonly what: string;
  readonly peer: string;
  readonly other: string;
}

/** What an outcome recogniser sees: both sides (traces already normalised) and what differed. */
export interface PeerView {
  readonly testCase: StateTestCase;
  readonly peer: Side;
  readonly other: Side;
  readonly differences: readonly PeerDifference[];
  /** Index of the first differing step of the normalised traces, if any. */
  readonly traceIndex?: number;
}

interface EntryBase {
  /** Stable name, printed in summaries (`ethereumjs-…`). */
  readonly id: string;
  /** The `--a`/`--b` name of the implementation that differs. */
  readonly peer: string;
  /** What differs and why, with the EIP or specification section that decides who is right. */
  readonly description: string;
}

/**
 * How many steps of each trace, from `j` in the peer's and `i` in the other's, say the same thing
 * spelt differently; the normalised traces then carry the other side's steps for both.
 */
export interface TraceMatch {
  readonly peerSteps: number;
  readonly otherSteps: number;
}

export interface TraceEntry extends EntryBase {
  readonly kind: "trace";
  readonly match: (peer: readonly CanonicalStep[], j: number, other: readonly CanonicalStep[], i: number, testCase: StateTestCase) => TraceMatch | undefined;
}

export interface OutcomeEntry extends EntryBase {
  readonly kind: "outcome";
  readonly recognises: (view: PeerView) => boolean;
}

export type KnownDifference = TraceEntry | OutcomeEntry;

const OP_STOP = 0x00;
const OP_CREATE = 0xf0;
const OP_CREATE2 = 0xf5;
const OP_RETURN = 0xf3;
const OP_REVERT = 0xfd;
const OP_INVALID = 0xfe;
const EOF_MAGIC_FIRST_BYTE = 0xef;
/** The precompiles a transaction can fail on by input from Prague on: 0x01–0x0a and EIP-2537's BLS12-381 0x0b–0x11. */
const LAST_FAILING_PRECOMPILE = 0x11n;
/** The failure ethereumjs reports (status, and error of the REVERT step) when it applies EIP-3541. */
const INVALID_CODE: HaltReason = "invalid code: must not begin with 0xef";

/** Instructions that may expand memory by an operand (Yellow Paper, Appendix H: the μ_i' rules). */
const MEMORY_OPS: ReadonlySet<number> = new Set([
  0x20, 0x37, 0x39, 0x3c, 0x3e, 0x51, 0x52, 0x53, 0x5e, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xfa, 0xfd,
]);

function transactionTarget(testCase: StateTestCase): bigint | null {
  return decodeTransaction(testCase.txBytes).to;
}

/** Whether the transaction is sent straight to a precompile that can fail on its input (0x01–0x11). */
function sentToFailingPrecompile(testCase: StateTestCase): boolean {
  const target = transactionTarget(testCase);
  return target !== null && target >= 1n && target <= LAST_FAILING_PRECOMPILE;
}

function isCreation(testCase: StateTestCase): boolean {
  return transactionTarget(testCase) === null;
}

/** Whether step `index` is the last of its frame: the next step is in a shallower frame, or there is none. */
function endsFrame(steps: readonly CanonicalStep[], index: number): boolean {
  const next = steps[index + 1];
  return next === undefined || next.depth < steps[index]!.depth;
}

type ExecutedOutcome = Extract<CaseOutcome, { kind: "executed" }>;

function executed(side: Side): ExecutedOutcome | undefined {
  return side.result.ok && side.result.outcome.kind === "executed" ? side.result.outcome : undefined;
}

/**
 * The two statuses of a transaction sent straight to a precompile that can fail, when the status
 * is all that differs and no code ran on either side (both traces empty); else undefined.
 */
function directPrecompileStatuses(view: PeerView): { readonly peer: FrameStatus; readonly other: FrameStatus } | undefined {
  const peer = executed(view.peer);
  const other = executed(view.other);
  if (peer === undefined || other === undefined || !sentToFailingPrecompile(view.testCase)) return undefined;
  if (!onlyDiffer(view, "status") || view.peer.steps.length > 0 || view.other.steps.length > 0) return undefined;
  return { peer: peer.status, other: other.status };
}

function differs(view: PeerView, what: string): PeerDifference | undefined {
  return view.differences.find((difference) => difference.what === what);
}

/** Whether exactly the differences named differ (in any order). */
function onlyDiffer(view: PeerView, ...what: string[]): boolean {
  return view.differences.length === what.length && what.every((name) => differs(view, name) !== undefined);
}

/** EIP-3155 field-by-field equality, errors aside. */
function sameButError(x: CanonicalStep, y: CanonicalStep): boolean {
  return x.depth === y.depth && x.pc === y.pc && x.gas === y.gas && x.op === y.op && x.opName === y.opName && x.top === y.top;
}

const ETHEREUMJS = "ethereumjs";

const undefinedOpcodeAsInvalid: TraceEntry = {
  kind: "trace",
  id: "ethereumjs-undefined-opcode-traced-as-invalid",
  peer: ETHEREUMJS,
  description:
    "ethereumjs traces a byte that is no instruction in the fork (an undefined opcode, or TLOAD/TSTORE/MCOPY/PUSH0/BLOBHASH " +
    "before the fork that adds it) as op 0xfe `INVALID`; EIP-3155 asks for the byte at pc, which the spec traces as " +
    "go-ethereum names it (`opcode 0xc not defined`, or its later mnemonic). Both halt there with all gas consumed (Yellow Paper §9.4.2, invalid instruction), " +
    "so only the step's op and name differ; every other field must agree.",
  match: (peerSteps, j, otherSteps, i, testCase) => {
    const peer = peerSteps[j];
    const other = otherSteps[i]!;
    const same =
      peer !== undefined &&
      peer.op === OP_INVALID &&
      peer.opName === "INVALID" &&
      other.op !== OP_INVALID &&
      !SCHEDULES[testCase.fork].opcodes.has(other.op) &&
      peer.depth === other.depth &&
      peer.pc === other.pc &&
      peer.gas === other.gas &&
      peer.top === other.top &&
      (peer.error === undefined) === (other.error === undefined);
    return same ? { peerSteps: 1, otherSteps: 1 } : undefined;
  },
};

const implicitStopUntraced: TraceEntry = {
  kind: "trace",
  id: "ethereumjs-implicit-stop-untraced",
  peer: ETHEREUMJS,
  description:
    "Running past the end of the code executes STOP (Yellow Paper §9.4.1: bytes beyond the code read as 0x00); the spec " +
    "traces that step, ethereumjs ends the frame without a step. Only a STOP that ends its frame (the next step is in a " +
    "shallower frame, or the trace ends) and that the peer does not trace at the same place counts as traced by both.",
  match: (peer, j, other, i) => {
    const step = other[i]!;
    const peerStep = peer[j];
    const peerTracesIt = peerStep !== undefined && peerStep.op === OP_STOP && peerStep.depth === step.depth && peerStep.pc === step.pc;
    const untraced = step.op === OP_STOP && step.error === undefined && endsFrame(other, i) && !peerTracesIt;
    return untraced ? { peerSteps: 0, otherSteps: 1 } : undefined;
  },
};

const stackUnderflowUntraced: TraceEntry = {
  kind: "trace",
  id: "ethereumjs-stack-underflow-step-untraced",
  peer: ETHEREUMJS,
  description:
    "An instruction with a dynamic gas cost (REVERT, RETURN, LOG, the copies, …) that finds too few stack items: both " +
    "sides halt there with all gas consumed (Yellow Paper §9.4.2, stack underflow), but ethereumjs emits no trace step " +
    "for it, so its `stack underflow` error lands on the step before. EIP-3155 puts the error on the instruction that " +
    "failed, as the spec does. Recognised when the peer's step is the other's previous step plus a `stack underflow` " +
    "error, and the other's failing step is the last of its frame.",
  match: (peer, j, other, i) => {
    const peerStep = peer[j];
    const before = other[i]!;
    const failing = other[i + 1];
    const nextPeer = peer[j + 1];
    const matches =
      peerStep !== undefined &&
      failing !== undefined &&
      peerStep.error === "stack underflow" &&
      before.error === undefined &&
      sameButError(peerStep, before) &&
      failing.error !== undefined &&
      failing.depth === before.depth &&
      endsFrame(other, i + 1) &&
      (nextPeer === undefined || nextPeer.depth < before.depth);
    return matches ? { peerSteps: 1, otherSteps: 2 } : undefined;
  },
};

/** The errors ethereumjs gives a creation whose code cannot be deposited (EIP-170, EIP-3541, the code deposit cost). */
const CODE_DEPOSIT_ERRORS: ReadonlySet<HaltReason> = new Set<HaltReason>([
  "out of gas",
  "contract creation code storage out of gas",
  "max code size exceeded",
  INVALID_CODE,
]);

const codeDepositErrorOnReturn: TraceEntry = {
  kind: "trace",
  id: "ethereumjs-code-deposit-error-on-return",
  peer: ETHEREUMJS,
  description:
    "A creation whose RETURN succeeds but whose code cannot be deposited (the 200 gas per byte of Yellow Paper §7 is " +
    "not left, the code exceeds EIP-170's 24576 bytes, or starts with 0xEF, EIP-3541): the creation fails after the " +
    "RETURN instruction completed. The spec traces the RETURN without an error, as go-ethereum does; the ethereumjs " +
    "peer's tracer puts the frame's failure on its last step. Recognised on a RETURN that ends a frame opened by " +
    "CREATE/CREATE2 (or the creation transaction's own frame) and differs only by that error; the steps after it are " +
    "still compared, so a real difference of gas or outcome shows there.",
  match: (peer, j, other, i, testCase) => {
    const peerStep = peer[j];
    const step = other[i]!;
    const creationFrame = creatorOf(other, i) !== undefined || (step.depth === 1 && isCreation(testCase));
    const matches =
      peerStep !== undefined &&
      step.op === OP_RETURN &&
      step.error === undefined &&
      peerStep.error !== undefined &&
      CODE_DEPOSIT_ERRORS.has(peerStep.error) &&
      sameButError(peerStep, step) &&
      endsFrame(other, i) &&
      creationFrame;
    return matches ? { peerSteps: 1, otherSteps: 1 } : undefined;
  },
};

const OP_RETURNDATACOPY = 0x3e;

const returnDataOutOfBoundsStep: TraceEntry = {
  kind: "trace",
  id: "ethereumjs-returndata-out-of-bounds-step-as-out-of-gas",
  peer: ETHEREUMJS,
  description:
    "RETURNDATACOPY reading past the end of the return data is an exceptional halt of its own (EIP-211), which " +
    "go-ethereum and the spec report as `return data out of bounds`; ethereumjs reports it as `out of gas`. Both halt " +
    "there with all gas consumed, so only the error's wording differs: recognised on a RETURNDATACOPY step that " +
    "agrees in every other field.",
  match: (peer, j, other, i) => {
    const peerStep = peer[j];
    const step = other[i]!;
    const matches =
      peerStep !== undefined &&
      step.op === OP_RETURNDATACOPY &&
      step.error === "return data out of bounds" &&
      peerStep.error === "out of gas" &&
      sameButError(peerStep, step);
    return matches ? { peerSteps: 1, otherSteps: 1 } : undefined;
  },
};

/** The last step the other side ran in the transaction's own frame (depth 1), if any. */
function lastTopLevelStep(steps: readonly CanonicalStep[]): CanonicalStep | undefined {
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i]!.depth === 1) return steps[i];
  return undefined;
}

/**
 * An outcome entry for a halt of the transaction's own frame that ethereumjs words otherwise:
 * only the status differs, the peer's is `peerStatus`, the other side's one of `otherStatuses`,
 * the traces agree (after normalisation), and the other side's last top-level step is `failing`
 * and carries that error.
 */
function haltWordedOtherwise(
  id: string,
  description: string,
  peerStatus: HaltReason,
  otherStatuses: readonly HaltReason[],
  failing: (step: CanonicalStep, testCase: StateTestCase) => boolean,
  peerName: string = ETHEREUMJS,
): OutcomeEntry {
  return {
    kind: "outcome",
    id,
    peer: peerName,
    description,
    recognises: (view) => {
      const peer = executed(view.peer);
      const other = executed(view.other);
      const last = lastTopLevelStep(view.other.steps);
      return (
        peer !== undefined &&
        other !== undefined &&
        onlyDiffer(view, "status") &&
        peer.status === peerStatus &&
        (otherStatuses as readonly string[]).includes(other.status) &&
        view.traceIndex === undefined &&
        last !== undefined &&
        last.error === other.status &&
        failing(last, view.testCase)
      );
    },
  };
}

const returnDataOutOfBoundsStatus = haltWordedOtherwise(
  "ethereumjs-returndata-out-of-bounds-status-as-out-of-gas",
  "The transaction's own frame halts on RETURNDATACOPY past the end of the return data (EIP-211): the spec says " +
    "`return data out of bounds`, ethereumjs `out of gas`, the halt being the same (all gas consumed). Recognised " +
    "when only the status differs, in exactly those words, the traces agree, and the other side's last top-level step " +
    "is that RETURNDATACOPY.",
  "out of gas",
  ["return data out of bounds"],
  (step) => step.op === OP_RETURNDATACOPY,
);

/** The static price of the instruction at a step, under the case's fork (none for a byte that is no instruction). */
function staticPrice(step: CanonicalStep, testCase: StateTestCase): bigint | undefined {
  const info = OPCODES.get(step.op);
  return info === undefined ? undefined : staticGas(info, SCHEDULES[testCase.fork]);
}

/**
 * Whether ethereumjs may find the step out of gas before it checks the stack: the gas left is below
 * the static price, or the instruction has a memory price that ethereumjs's gas handler computes
 * from the operands it peeks (e.g. LOG2's offset and length) before the stack is checked in full.
 */
function stackFailsWithoutGas(step: CanonicalStep, testCase: StateTestCase): boolean {
  const price = staticPrice(step, testCase);
  return price !== undefined && (step.gas < price || MEMORY_OPS.has(step.op));
}

const STACK_HALTS: readonly HaltReason[] = ["stack underflow", "stack limit reached 1024 (1023)"];

const gasCheckedBeforeStackStep: TraceEntry = {
  kind: "trace",
  id: "ethereumjs-gas-checked-before-stack",
  peer: ETHEREUMJS,
  description:
    "An instruction that both lacks stack items (or would overflow the stack) and cannot pay its price: go-ethereum " +
    "and the spec check the stack first (geth's interpreter loop validates the stack before it charges anything) and " +
    "report `stack underflow`; ethereumjs prices the instruction first (its memory price from the operands it " +
    "peeks, e.g. LOG2's offset and length with two items on the stack) and reports `out of gas`. The same halt, all " +
    "gas consumed. Recognised on a step that agrees in every other field, whose gas left is below the instruction's " +
    "static price in the fork or whose instruction has a memory price.",
  match: (peer, j, other, i, testCase) => {
    const peerStep = peer[j];
    const step = other[i]!;
    const matches =
      peerStep !== undefined &&
      step.error !== undefined &&
      STACK_HALTS.includes(step.error) &&
      peerStep.error === "out of gas" &&
      sameButError(peerStep, step) &&
      stackFailsWithoutGas(step, testCase);
    return matches ? { peerSteps: 1, otherSteps: 1 } : undefined;
  },
};

/**
 * The state-changing instructions whose price ethereumjs computes in a gas handler that first
 * traps a static context (EIP-214): CREATE, CREATE2, SELFDESTRUCT, LOG0-4, SSTORE, and CALL (with
 * value). TSTORE has no such handler, and is checked after its price as geth does.
 */
const STATIC_TRAPPED_WHILE_PRICED: ReadonlySet<number> = new Set([0xf0, 0xf5, 0xff, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0x55, 0xf1]);

/** Every instruction EIP-214 forbids in a static context (CALL only with value). */
const STATE_CHANGING: ReadonlySet<number> = new Set([...STATIC_TRAPPED_WHILE_PRICED, 0x5d]);

/**
 * Whether ethereumjs's `write protection` stands where geth and the spec found `error` first: any
 * state-changing instruction lacking stack items (ethereumjs checks no stack up front, and traps
 * the static context before it pops), or one priced in a gas handler that could not be paid.
 */
function checkedAfterStaticContext(op: number, error: HaltReason): boolean {
  if (error === "stack underflow") return STATE_CHANGING.has(op);
  return error === "out of gas" && STATIC_TRAPPED_WHILE_PRICED.has(op);
}

const staticContextCheckedFirst: TraceEntry = {
  kind: "trace",
  id: "ethereumjs-static-context-checked-before-price",
  peer: ETHEREUMJS,
  description:
    "A state-changing instruction in a static context (EIP-214) that also lacks stack items or cannot pay its price: " +
    "go-ethereum and the spec check the stack, then charge the price, and check write protection once the " +
    "instruction is priced (geth's opCreate, opSelfdestruct, opCall, makeLog and opSstore; execution-specs alike), so " +
    "they report `stack underflow` or `out of gas`; ethereumjs traps the static context in its gas handler, before " +
    "both (and traps it before popping the stack on TSTORE too), and reports `write protection`. The same halt, all " +
    "gas consumed. Recognised on a step that agrees in every other field: `stack underflow` on any of these " +
    "instructions or TSTORE, `out of gas` on a CREATE, CREATE2, SELFDESTRUCT, LOG, SSTORE or CALL. (A " +
    "transaction's own frame is never static, so the status never shows it.)",
  match: (peer, j, other, i) => {
    const peerStep = peer[j];
    const step = other[i]!;
    const matches =
      peerStep !== undefined &&
      step.error !== undefined &&
      checkedAfterStaticContext(step.op, step.error) &&
      peerStep.error === "write protection" &&
      sameButError(peerStep, step);
    return matches ? { peerSteps: 1, otherSteps: 1 } : undefined;
  },
};

const gasCheckedBeforeStackStatus = haltWordedOtherwise(
  "ethereumjs-gas-checked-before-stack-status",
  "The transaction's own frame ends on an instruction that both fails its stack check and cannot pay its price: " +
    "the spec (like go-ethereum) reports the stack, ethereumjs `out of gas`. Recognised when only the status " +
    "differs, in those words, the traces agree, and the other side's last top-level step is that instruction, with " +
    "less gas left than its static price or a memory price.",
  "out of gas",
  STACK_HALTS,
  stackFailsWithoutGas,
);

/**
 * A creation transaction whose returned code cannot be paid for (200 gas a byte, Yellow Paper §7;
 * a failure from Homestead on), worded `out of gas` by the peer: only the status differs, in exactly
 * those words, the traces agree and the transaction's own frame ended in RETURN.
 */
function codeDepositStatusAsOutOfGas(id: string, peer: string, description: string): OutcomeEntry {
  return {
    kind: "outcome",
    id,
    peer,
    description,
    recognises: (view) => {
      const peerOutcome = executed(view.peer);
      const other = executed(view.other);
      const last = lastTopLevelStep(view.other.steps);
      return (
        peerOutcome !== undefined &&
        other !== undefined &&
        isCreation(view.testCase) &&
        onlyDiffer(view, "status") &&
        peerOutcome.status === "out of gas" &&
        other.status === "contract creation code storage out of gas" &&
        view.traceIndex === undefined &&
        last?.op === OP_RETURN
      );
    },
  };
}

const codeDepositStatus = codeDepositStatusAsOutOfGas(
  "ethereumjs-code-deposit-status-as-out-of-gas",
  ETHEREUMJS,
  "A creation transaction whose returned code cannot be paid for (200 gas a byte, Yellow Paper §7; a failure from " +
    "Homestead on): the spec says `contract creation code storage out of gas`, as go-ethereum does, ethereumjs `out of " +
    "gas` (it keeps its `code store out of gas` for Frontier). Recognised when only the status differs, in exactly " +
    "those words, on a creation transaction whose traces agree and whose own frame ended in RETURN.",
);

const precompileFailureAsRevert: OutcomeEntry = {
  kind: "outcome",
  id: "ethereumjs-direct-precompile-failure-status",
  peer: ETHEREUMJS,
  description:
    "A transaction sent straight to a precompile (0x01–0x11) whose input it rejects or whose gas it exceeds: the " +
    "precompile's failure is an exceptional halt that consumes all the gas (Yellow Paper Appendix E; EIP-196/197, " +
    "EIP-152), which the spec reports as `precompile failed` (refused input) or `out of gas` (price above the gas); " +
    "ethereumjs labels the transaction's status `revert`, or `out of gas` for input its bn254 and BLAKE2F " +
    "precompiles refuse, or `precompile failed` for an ECPAIRING or BLS12-381 input of the wrong length that could " +
    "not pay the price either (it checks the length first; geth and the spec price first). Gas used, state and output agree, and " +
    "no code runs (both traces are empty).",
  recognises: (view) => {
    const statuses = directPrecompileStatuses(view);
    return (
      statuses !== undefined &&
      (statuses.peer === "revert" || statuses.peer === "out of gas" || statuses.peer === "precompile failed") &&
      (statuses.other === "precompile failed" || statuses.other === "out of gas")
    );
  },
};

/**
 * A successful creation transaction whose output the peer reports as the deployed code: only the
 * output differs (empty on the other side) and the traces agree.
 */
function creationOutputIsCode(id: string, peer: string, description: string): OutcomeEntry {
  return {
    kind: "outcome",
    id,
    peer,
    description,
    recognises: (view) => {
      const peerOutcome = executed(view.peer);
      const other = executed(view.other);
      return (
        peerOutcome !== undefined &&
        other !== undefined &&
        isCreation(view.testCase) &&
        onlyDiffer(view, "output") &&
        peerOutcome.status === "success" &&
        other.status === "success" &&
        other.output.length === 0 &&
        peerOutcome.output.length > 0 &&
        view.traceIndex === undefined
      );
    },
  };
}

const creationOutput = creationOutputIsCode(
  "ethereumjs-creation-output-is-code",
  ETHEREUMJS,
  "A successful contract-creation transaction: ethereumjs reports the deployed code as the transaction's output; the spec " +
    "and src report empty output, as a successful creation returns no data to its creator (EIP-211: RETURNDATA is empty " +
    "after a successful CREATE; the initcode's RETURN data becomes the account's code, Yellow Paper §7). Only the " +
    "output differs; state, gas, logs and trace agree.",
);

/** Step `k` is the last of both traces, a REVERT at depth 1 on which only the peer reports the EIP-3541 failure. */
function failsOnLastRevert(view: PeerView, k: number): boolean {
  const revert = view.other.steps[k];
  const peerRevert = view.peer.steps[k];
  return (
    revert !== undefined &&
    peerRevert !== undefined &&
    k === view.other.steps.length - 1 &&
    k === view.peer.steps.length - 1 &&
    revert.op === OP_REVERT &&
    revert.depth === 1 &&
    revert.error === undefined &&
    peerRevert.error === INVALID_CODE &&
    sameButError(peerRevert, revert)
  );
}

/** The top-level shape: the creation transaction's own initcode reverted with 0xEF… data. */
function revertedCreationTransaction(view: PeerView): boolean {
  const peer = executed(view.peer);
  const other = executed(view.other);
  if (peer === undefined || other === undefined || !isCreation(view.testCase)) return false;
  if (view.traceIndex !== undefined && !failsOnLastRevert(view, view.traceIndex)) return false;
  const allowed = new Set(["status", "output", "gas used", "state root"]);
  return (
    view.differences.every((difference) => allowed.has(difference.what)) &&
    other.status === "revert" &&
    other.output[0] === EOF_MAGIC_FIRST_BYTE &&
    peer.status === INVALID_CODE &&
    peer.output.length === 0 &&
    peer.gasUsed >= other.gasUsed
  );
}

/** The index of the CREATE/CREATE2 step that opened the frame of step `index`, if one did. */
function creatorOf(steps: readonly CanonicalStep[], index: number): number | undefined {
  const depth = steps[index]!.depth;
  let creator = index - 1;
  while (creator >= 0 && steps[creator]!.depth >= depth) creator--;
  const step = steps[creator];
  return step !== undefined && step.depth === depth - 1 && (step.op === OP_CREATE || step.op === OP_CREATE2) ? creator : undefined;
}

/**
 * The nested shape: the traces agree up to a REVERT that ends a frame opened by CREATE/CREATE2,
 * where the peer reports the EIP-3541 failure (or, when errors are not compared, up to the
 * step after it). Back in the creator's frame only the gas differs, the peer having lost the
 * child's leftover gas: at most the gas left at the REVERT.
 */
function revertedCreateInstruction(view: PeerView): boolean {
  const k = view.traceIndex;
  if (k === undefined || !view.peer.result.ok || !view.other.result.ok) return false;
  const other = view.other.steps;
  const peer = view.peer.steps;
  const r = other[k]?.op === OP_REVERT ? k : k - 1;
  const revert = other[r];
  const peerRevert = peer[r];
  if (revert === undefined || peerRevert === undefined || revert.op !== OP_REVERT || revert.error !== undefined) return false;
  if (peerRevert.error !== INVALID_CODE || !sameButError(peerRevert, revert) || !endsFrame(other, r)) return false;
  const creator = creatorOf(other, r);
  if (creator === undefined) return false;
  const after = other[r + 1];
  const peerAfter = peer[r + 1];
  if (after === undefined || peerAfter === undefined) return false;
  const burnt = after.gas - peerAfter.gas;
  return (
    after.depth === revert.depth - 1 &&
    after.pc === other[creator]!.pc + 1 &&
    after.top === 0n &&
    peerAfter.depth === after.depth &&
    peerAfter.pc === after.pc &&
    peerAfter.op === after.op &&
    peerAfter.opName === after.opName &&
    peerAfter.top === after.top &&
    burnt > 0n &&
    burnt <= revert.gas
  );
}

const revertDataCheckedAsCode: OutcomeEntry = {
  kind: "outcome",
  id: "ethereumjs-eip3541-applied-to-revert-data",
  peer: ETHEREUMJS,
  description:
    "Initcode that REVERTs with data starting with 0xEF: EIP-3541 rejects only code being *deployed* (a successful " +
    "creation), and a reverted creation returns its unused gas (EIP-140). ethereumjs checks the 0xEF prefix on the " +
    "revert data too and burns all the creation's gas (its INVALID_BYTECODE_RESULT), an ethereumjs bug. Recognised as " +
    "a creation transaction whose own initcode reverted with 0xEF… data (status, output, gas and state then differ), " +
    "or as a CREATE/CREATE2 whose frame ended in REVERT after which the peer has less gas, by at most the gas left at " +
    "the REVERT; everything after that step (gas used, state, later halts) follows from the lost gas.",
  recognises: (view) => revertedCreationTransaction(view) || revertedCreateInstruction(view),
};

const crashOnHugeMemory: OutcomeEntry = {
  kind: "outcome",
  id: "ethereumjs-trace-crash-on-huge-memory",
  peer: ETHEREUMJS,
  description:
    "An instruction whose memory operands reach far beyond 2^32 bytes runs out of gas (the memory expansion cost, Yellow " +
    "Paper Appendix H, exceeds any gas limit). With a tracer attached, ethereumjs throws `Invalid typed array length` " +
    "while preparing that step's trace event, so the run crashes. Recognised when the peer's trace is a prefix of the " +
    "other's that stops exactly at a memory-expanding instruction the other side halts on exceptionally.",
  recognises: (view) => {
    const k = view.traceIndex;
    if (view.peer.result.ok || !view.other.result.ok || k === undefined) return false;
    const failing = view.other.steps[k];
    return (
      view.peer.result.crash.includes("Invalid typed array length") &&
      view.peer.steps.length === k &&
      failing !== undefined &&
      MEMORY_OPS.has(failing.op) &&
      failing.error !== undefined
    );
  },
};

const REVM = "revm";

const revmCreationOutput = creationOutputIsCode(
  "revm-creation-output-is-code",
  REVM,
  "A successful contract-creation transaction: revm through anvil reports the deployed code as the transaction's " +
    "output (anvil's call tracer gives a CREATE frame's output as the code, as go-ethereum's callTracer does); a " +
    "successful creation returns no data to its creator (EIP-211; the RETURN data of the initcode becomes the " +
    "account's code, Yellow Paper §7), as the spec and src report. Only the output differs; state, gas, logs and " +
    "trace agree.",
);

const revmCodeDepositStatus = codeDepositStatusAsOutOfGas(
  "revm-code-deposit-status-as-out-of-gas",
  REVM,
  "A creation transaction whose returned code cannot be paid for (200 gas a byte, Yellow Paper §7): go-ethereum and " +
    "the spec say `contract creation code storage out of gas` (geth's ErrCodeStoreOutOfGas); revm has no halt of " +
    "its own for it and reports `OutOfGas`. The same halt, all gas consumed. Recognised when only the status differs, " +
    "in exactly those words, on a creation transaction whose traces agree and whose own frame ended in RETURN.",
);

const DUP_SWAP_FIRST = 0x80;
const DUP_SWAP_LAST = 0x9f;
const STACK_OVERFLOW: HaltReason = "stack limit reached 1024 (1023)";

function isDupOrSwap(op: number): boolean {
  return op >= DUP_SWAP_FIRST && op <= DUP_SWAP_LAST;
}

const revmDupSwapUnderflowStep: TraceEntry = {
  kind: "trace",
  id: "revm-dup-swap-underflow-as-stack-overflow",
  peer: REVM,
  description:
    "DUPn or SWAPn with fewer than n (n+1) items: a stack underflow (Yellow Paper §9.4.2; go-ethereum's `stack " +
    "underflow`), which the spec reports. revm's DUP and SWAP fail on one check for both limits and halt with " +
    "`StackOverflow`, which anvil's struct logger prints. The same halt, all gas consumed. Recognised on a DUP or " +
    "SWAP step that agrees in every other field, `stack underflow` on the other side and `stack limit reached` on revm's.",
  match: (peer, j, other, i) => {
    const peerStep = peer[j];
    const step = other[i]!;
    const matches =
      peerStep !== undefined &&
      isDupOrSwap(step.op) &&
      step.error === "stack underflow" &&
      peerStep.error === STACK_OVERFLOW &&
      sameButError(peerStep, step);
    return matches ? { peerSteps: 1, otherSteps: 1 } : undefined;
  },
};

const revmDupSwapUnderflowStatus = haltWordedOtherwise(
  "revm-dup-swap-underflow-status-as-stack-overflow",
  "The transaction's own frame ends on a DUP or SWAP that underflows the stack: `stack underflow` in the spec, as in " +
    "go-ethereum, `stack limit reached` in revm (see revm-dup-swap-underflow-as-stack-overflow). Recognised when " +
    "only the status differs, in those words, the traces agree, and the other side's last top-level step is that DUP or SWAP.",
  STACK_OVERFLOW,
  ["stack underflow"],
  (step) => isDupOrSwap(step.op),
  REVM,
);

const revmStaticContextFirst: TraceEntry = {
  kind: "trace",
  id: "revm-static-context-checked-before-price",
  peer: REVM,
  description:
    "A state-changing instruction in a static context (EIP-214) that also lacks stack items or cannot pay its " +
    "(dynamic) price, e.g. SSTORE with no more than the 2300-gas sentry left (EIP-2200): go-ethereum and execution-" +
    "specs check the stack, charge the price and only then write protection (execution-specs' sstore raises " +
    "OutOfGasError before WriteInStaticContext), so the spec says `out of gas` or `stack underflow`; revm checks the " +
    "static context first in the instruction and says `write protection`. The same halt, all gas consumed. " +
    "Recognised on a CREATE, CREATE2, SELFDESTRUCT, LOG, SSTORE, TSTORE or CALL step that agrees in every other field.",
  match: (peer, j, other, i) => {
    const peerStep = peer[j];
    const step = other[i]!;
    const matches =
      peerStep !== undefined &&
      STATE_CHANGING.has(step.op) &&
      (step.error === "out of gas" || step.error === "stack underflow") &&
      peerStep.error === "write protection" &&
      sameButError(peerStep, step);
    return matches ? { peerSteps: 1, otherSteps: 1 } : undefined;
  },
};

/** EIP-7702's refund for an authority that already exists: PER_EMPTY_ACCOUNT_COST − PER_AUTH_BASE_COST. */
const EXISTING_AUTHORITY_REFUND = 25_000n - 12_500n;

/**
 * The authorities absent from the pre-state that a tuple may validly set (chain 0 or the
 * transaction's, nonce 0: an absent account's nonce): each one a refund revm may add wrongly.
 */
function absentAuthorities(testCase: StateTestCase): number {
  const tx = decodeTransaction(testCase.txBytes);
  if (tx.type !== 4) return 0;
  const absent = new Set<bigint>();
  for (const authorization of tx.authorizationList) {
    if (authorization.nonce !== 0n || (authorization.chainId !== 0n && authorization.chainId !== tx.chainId)) continue;
    const authority = recoverAuthority(authorization);
    if (authority !== undefined && !testCase.pre.has(authority)) absent.add(authority);
  }
  return absent.size;
}

/** The other outcome entries of revm, which a refund for an absent authority may come with (revmRefundForAbsentAuthority). */
function otherRevmOutcomeEntries(): readonly OutcomeEntry[] {
  return KNOWN_DIFFERENCES.filter((entry): entry is OutcomeEntry => entry.kind === "outcome" && entry.peer === REVM && entry.id !== REFUND_ID);
}

const REFUND_ID = "revm-refund-for-absent-authority";

/**
 * The view without the refund's effects: the peer's gas used and state root set to the other
 * side's and those differences dropped, so the rest can be matched against another entry.
 */
function withoutRefund(view: PeerView, peer: ExecutedOutcome, other: ExecutedOutcome): PeerView {
  const outcome = { ...peer, gasUsed: other.gasUsed, stateRoot: other.stateRoot };
  return {
    ...view,
    peer: { ...view.peer, result: { ok: true, outcome } },
    differences: view.differences.filter((difference) => difference.what !== "gas used" && difference.what !== "state root"),
  };
}

const revmRefundForAbsentAuthority: OutcomeEntry = {
  kind: "outcome",
  id: REFUND_ID,
  peer: REVM,
  description:
    "An EIP-7702 transaction with a valid authorization whose authority has no account yet: EIP-7702 refunds " +
    "PER_EMPTY_ACCOUNT_COST − PER_AUTH_BASE_COST (12,500 gas) only `if authority exists in the trie` (execution-" +
    "specs: account_exists), so the spec and src refund nothing for it; revm as anvil runs it refunds it too, so it " +
    "charges up to 12,500 gas less per such authority (less when EIP-3529's cap of a fifth of the gas used binds), " +
    "and the sender's and coinbase's balances, hence the state root, follow. Recognised on a type-4 transaction " +
    "with a nonce-0 tuple for the transaction's chain or chain 0 signed by an authority absent from the pre-state, " +
    "when the traces agree and the peer used less gas, by at most 12,500 per such authority; any other difference " +
    "(the status) must be one another outcome entry of revm explains on its own.",
  recognises: (view) => {
    const peer = executed(view.peer);
    const other = executed(view.other);
    if (peer === undefined || other === undefined || view.traceIndex !== undefined) return false;
    const saved = other.gasUsed - peer.gasUsed;
    const refunded = differs(view, "gas used") !== undefined && saved > 0n && saved <= EXISTING_AUTHORITY_REFUND * BigInt(absentAuthorities(view.testCase));
    if (!refunded) return false;
    const rest = withoutRefund(view, peer, other);
    return rest.differences.length === 0 || otherRevmOutcomeEntries().some((entry) => entry.recognises(rest));
  },
};

/** The two words of a failed precompile call, `precompile failed` (refused input) and `out of gas` (price above the gas). */
const PRECOMPILE_HALTS: ReadonlySet<string> = new Set<HaltReason>(["precompile failed", "out of gas"]);

const revmDirectPrecompileFailure: OutcomeEntry = {
  kind: "outcome",
  id: "revm-direct-precompile-failure-worded-otherwise",
  peer: REVM,
  description:
    "A transaction sent straight to a precompile 0x01–0x11 that fails: an exceptional halt that consumes all the gas " +
    "(Yellow Paper Appendix E), whose word depends on which check comes first when both fail. The spec, as " +
    "go-ethereum (RequiredGas before Run), prices first and then refuses the input, except where the EIP orders it " +
    "(Osaka MODEXP refuses a length past EIP-7823's 1024 bytes before pricing, as execution-specs does); revm " +
    "through anvil says `out of gas` for that MODEXP refusal, and `precompile failed` for a BLS12-381 input of the " +
    "wrong length that could not pay its price either (it checks the length first). Gas used, state and output " +
    "agree and no code runs (both traces are empty); only `out of gas` and `precompile failed` are swapped.",
  recognises: (view) => {
    const statuses = directPrecompileStatuses(view);
    return (
      statuses !== undefined &&
      PRECOMPILE_HALTS.has(statuses.peer) &&
      PRECOMPILE_HALTS.has(statuses.other)
    );
  },
};

const OP_BLOCKHASH = 0x40;
const OP_POP = 0x50;
const OP_PREVRANDAO = 0x44;
const OP_BLOBBASEFEE = 0x4a;
const BLOCKHASH_WINDOW = 256n;

/** Whether the step reads what anvil cannot be told: a recent block's hash, PREVRANDAO, or the blob base fee. */
function readsUnsettableEnvironment(step: CanonicalStep, testCase: StateTestCase): boolean {
  if (step.op === OP_PREVRANDAO || step.op === OP_BLOBBASEFEE) return true;
  const number = testCase.env.number;
  return step.op === OP_BLOCKHASH && step.top !== undefined && step.top < number && step.top + BLOCKHASH_WINDOW >= number;
}

const anvilBlockEnvironment: TraceEntry = {
  kind: "trace",
  id: "revm-anvil-block-environment-not-settable",
  peer: REVM,
  description:
    "A harness limit, not revm's: anvil mines real blocks and cannot be told a state test's block environment. " +
    "BLOCKHASH of a recent block is, in state tests, keccak256 of the block number's decimal digits (go-ethereum's " +
    "and ethereum/tests' convention), in anvil the hash of the empty block it mined; PREVRANDAO (EIP-4399) and the " +
    "blob base fee (EIP-7516, from the excess blob gas) are anvil's own. Recognised on the step right after such an " +
    "instruction (BLOCKHASH only of a block within the 256 before, where the answer is not 0), a POP, when only the " +
    "top of the stack, the value pushed, differs; a value that is used instead of popped makes the adapter refuse the " +
    "case (revm-anvil-block-value-used).",
  match: (peer, j, other, i, testCase) => {
    const peerStep = peer[j];
    const step = other[i]!;
    const reader = other[i - 1];
    const matches =
      peerStep !== undefined &&
      j > 0 &&
      reader !== undefined &&
      reader.error === undefined &&
      readsUnsettableEnvironment(reader, testCase) &&
      step.op === OP_POP &&
      step.depth === reader.depth &&
      peerStep.depth === step.depth &&
      peerStep.pc === step.pc &&
      peerStep.gas === step.gas &&
      peerStep.op === step.op &&
      peerStep.opName === step.opName &&
      peerStep.error === step.error &&
      peerStep.top !== step.top;
    return matches ? { peerSteps: 1, otherSteps: 1 } : undefined;
  },
};

const anvilPrevrandaoName: TraceEntry = {
  kind: "trace",
  id: "revm-anvil-prevrandao-named-difficulty",
  peer: REVM,
  description:
    "anvil's struct logger names opcode 0x44 `DIFFICULTY` on every fork; from the merge on it is PREVRANDAO " +
    "(EIP-4399), as the spec and go-ethereum name it. Recognised on a 0x44 step of a fork after the merge that agrees " +
    "in every field but the name.",
  match: (peer, j, other, i, testCase) => {
    const peerStep = peer[j];
    const step = other[i]!;
    const matches =
      peerStep !== undefined &&
      step.op === OP_PREVRANDAO &&
      step.opName === "PREVRANDAO" &&
      peerStep.opName === "DIFFICULTY" &&
      SCHEDULES[testCase.fork].opcodes.has(OP_PREVRANDAO) &&
      peerStep.depth === step.depth &&
      peerStep.pc === step.pc &&
      peerStep.gas === step.gas &&
      peerStep.op === step.op &&
      peerStep.top === step.top &&
      peerStep.error === step.error;
    return matches ? { peerSteps: 1, otherSteps: 1 } : undefined;
  },
};

const OP_TYPE_BLOB = 3;

const anvilBlobTransaction: OutcomeEntry = {
  kind: "outcome",
  id: "revm-anvil-blob-transaction-not-run",
  peer: REVM,
  description:
    "A harness limit, not revm's: a state test's blob transaction (EIP-4844, type 3) carries versioned hashes but no " +
    "blobs, and anvil's pool refuses a blob transaction without its sidecar (the blobs, commitments and proofs that " +
    "the hashes must match), so the case never reaches revm and nothing is compared. Recognised only as the peer's " +
    "refusal with that reason, on a type-3 transaction the other side ran without crashing.",
  recognises: (view) =>
    !view.peer.result.ok &&
    view.peer.result.crash.includes("anvil cannot take a blob transaction without its sidecar") &&
    view.other.result.ok &&
    decodeTransaction(view.testCase.txBytes).type === OP_TYPE_BLOB,
};

const anvilEnvironmentValueUsed: OutcomeEntry = {
  kind: "outcome",
  id: "revm-anvil-block-value-used",
  peer: REVM,
  description:
    "A harness limit, not revm's: the case's program used (did not pop at once) a recent BLOCKHASH, PREVRANDAO or " +
    "BLOBBASEFEE whose value in anvil's block differs from the state test's (see " +
    "revm-anvil-block-environment-not-settable), so the adapter refuses the case rather than compare revm's answer to " +
    "another block. Recognised only as that refusal, when the other side's trace has such an instruction.",
  recognises: (view) =>
    !view.peer.result.ok &&
    view.peer.result.crash.includes("the case reads a block value anvil cannot be told") &&
    view.other.result.ok &&
    view.other.steps.some((step) => readsUnsettableEnvironment(step, view.testCase)),
};

const anvilUnknownOpcodeBelowTop: OutcomeEntry = {
  kind: "outcome",
  id: "revm-anvil-undefined-opcode-in-nested-frame",
  peer: REVM,
  description:
    "A harness limit, not revm's: anvil's struct logger names every byte that is no instruction `Unknown`; in the " +
    "transaction's own frame the adapter reads the byte from the code, but in a nested frame it does not know which " +
    "code runs, so it cannot trace the step and the peer's run is not compared. Recognised only as that adapter " +
    "error, when the other side's trace has, below depth 1, a byte the fork does not define halting with `invalid opcode`.",
  recognises: (view) =>
    !view.peer.result.ok &&
    view.peer.result.crash.includes("anvil's trace has an instruction SVM does not know: Unknown") &&
    view.other.result.ok &&
    view.other.steps.some(
      (step) => step.depth > 1 && step.error === "invalid opcode" && !SCHEDULES[view.testCase.fork].opcodes.has(step.op),
    ),
};

/** Every known difference, by peer. */
export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  undefinedOpcodeAsInvalid,
  implicitStopUntraced,
  stackUnderflowUntraced,
  codeDepositErrorOnReturn,
  returnDataOutOfBoundsStep,
  returnDataOutOfBoundsStatus,
  gasCheckedBeforeStackStep,
  gasCheckedBeforeStackStatus,
  staticContextCheckedFirst,
  codeDepositStatus,
  precompileFailureAsRevert,
  creationOutput,
  revertDataCheckedAsCode,
  crashOnHugeMemory,
  revmCreationOutput,
  revmCodeDepositStatus,
  revmDupSwapUnderflowStep,
  revmDupSwapUnderflowStatus,
  revmStaticContextFirst,
  revmRefundForAbsentAuthority,
  revmDirectPrecompileFailure,
  anvilBlockEnvironment,
  anvilPrevrandaoName,
  anvilEnvironmentValueUsed,
  anvilBlobTransaction,
  anvilUnknownOpcodeBelowTop,
];

/** The entries for a pair of implementations, and which side is the peer (none when neither or both are). */
export function knownDifferencesFor(
  a: string,
  b: string,
  entries: readonly KnownDifference[] = KNOWN_DIFFERENCES,
): { readonly peerSide: "a" | "b"; readonly entries: readonly KnownDifference[] } | undefined {
  const ofA = entries.filter((entry) => entry.peer === a);
  const ofB = entries.filter((entry) => entry.peer === b);
  if (a === b || (ofA.length > 0 && ofB.length > 0)) return undefined;
  if (ofA.length > 0) return { peerSide: "a", entries: ofA };
  if (ofB.length > 0) return { peerSide: "b", entries: ofB };
  return undefined;
}

export function orient(differences: readonly OutcomeDifference[], peerSide: "a" | "b"): PeerDifference[] {
  return differences.map(({ what, a, b }) => (peerSide === "a" ? { what, peer: a, other: b } : { what, peer: b, other: a }));
}
