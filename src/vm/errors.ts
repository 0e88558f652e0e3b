/** Typed errors of the interpreter's input layer (decoding, validation); each carries a stable code. */

export type VmErrorCode = "HEX" | "RLP" | "INPUT";

export class VmError extends Error {
  constructor(
    readonly code: VmErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "VmError";
  }
}
