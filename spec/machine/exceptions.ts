/**
 * Exceptional halts (Yellow Paper 9.4.2): the frame stops, its state changes are reverted, and all
 * gas given to it is consumed. Rules throw these; the frame driver catches them.
 */
export type HaltReason =
  | "OutOfGas"
  | "StackUnderflow"
  | "StackOverflow"
  | "InvalidJump"
  | "InvalidOpcode"
  | "StaticStateChange"
  | "ReturnDataOutOfBounds"
  | "CodeSizeExceeded"
  | "InvalidCodePrefix"
  | "AddressCollision"
  | "PrecompileFailure";

export class ExceptionalHalt extends Error {
  constructor(
    readonly reason: HaltReason,
    detail?: string,
  ) {
    super(detail === undefined ? reason : `${reason}: ${detail}`);
  }
}
