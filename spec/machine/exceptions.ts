/**
 * Exceptional halts (Yellow Paper 9.4.2): the frame stops, its state changes are reverted, and all
 * gas given to it is consumed. Rules throw these; the frame driver catches them.
 *
 * The reasons are worded as go-ethereum's core/vm errors, the words EIP-3155 traces carry, so the
 * spec's traces and outcomes read the same as every other implementation's. The conformance
 * contract lists the same strings (HALT_REASONS of interface/implementation.ts, which the spec
 * may not import); test/spec/halt-reasons.test.ts pins the two lists together.
 */
export const HALT_REASONS = [
  /** Also every failure of a dynamic price, which geth prints as `out of gas: <cause>` (EIP-3860's initcode limit, EIP-2200's sentry). */
  "out of gas",
  /** Homestead on: the returned code cannot be paid for at G_codedeposit a byte (Yellow Paper §7). */
  "contract creation code storage out of gas",
  "stack underflow",
  /** geth's text in full: every instruction pushes at most one item net, so the counts never vary. */
  "stack limit reached 1024 (1023)",
  "invalid opcode",
  "invalid jump destination",
  /** A state change in a static context (EIP-214). */
  "write protection",
  /** RETURNDATACOPY past the end of the return data (EIP-211). */
  "return data out of bounds",
  /** EIP-170. */
  "max code size exceeded",
  /** EIP-3541. */
  "invalid code: must not begin with 0xef",
  /** EIP-684. */
  "contract address collision",
  /** A precompile refused its input (not its gas: that is `out of gas`). */
  "precompile failed",
] as const;

export type HaltReason = (typeof HALT_REASONS)[number];

export class ExceptionalHalt extends Error {
  constructor(
    readonly reason: HaltReason,
    detail?: string,
    /**
     * The part of the instruction's price it had not paid when it halted: the charge that ran
     * out of gas, or the static price of an instruction whose stack check failed before it was
     * charged. Traces report the whole price as the step's gasCost (go-ethereum's EIP-3155
     * tracer does), so a failing step shows the gas it needed, not the gas it got.
     */
    readonly unpaid: bigint = 0n,
  ) {
    super(detail === undefined ? reason : `${reason}: ${detail}`);
  }
}
