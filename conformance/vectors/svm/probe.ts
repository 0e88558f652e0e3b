/**
 * The contract every SVM vector calls: it passes its calldata to one precompile with STATICCALL
 * and stores what an implementation must agree on, so the post-state root pins all of it:
 *   slot 0  the call's success flag
 *   slot 1  RETURNDATASIZE
 *   slot 2  keccak256 of the return data
 *   slot 3  the gas the call took (GAS before − GAS after: the precompile's price, or all the
 *           gas forwarded when it failed, plus the fixed cost of the call itself)
 */
import { bigIntToBytes, concatBytes } from "../../../spec/primitives/bytes.js";

const op = {
  STOP: 0x00,
  SUB: 0x03,
  SHA3: 0x20,
  CALLDATASIZE: 0x36,
  CALLDATACOPY: 0x37,
  RETURNDATASIZE: 0x3d,
  RETURNDATACOPY: 0x3e,
  SSTORE: 0x55,
  GAS: 0x5a,
  PUSH0: 0x5f,
  PUSH1: 0x60,
  SWAP1: 0x90,
  STATICCALL: 0xfa,
} as const;

/** PUSHn of the value's minimal big-endian bytes (at least one byte). */
function push(value: bigint): Uint8Array {
  let length = 1;
  while (value >> BigInt(8 * length) !== 0n) length++;
  return concatBytes(Uint8Array.of(op.PUSH1 + length - 1), bigIntToBytes(value, length));
}

/** The probe's code for `address`; forwards `callGas`, or all it may (GAS) when absent. */
export function probeCode(address: bigint, callGas?: bigint): Uint8Array {
  return concatBytes(
    Uint8Array.of(op.CALLDATASIZE, op.PUSH0, op.PUSH0, op.CALLDATACOPY),
    Uint8Array.of(op.GAS),
    Uint8Array.of(op.PUSH0, op.PUSH0, op.CALLDATASIZE, op.PUSH0),
    push(address),
    callGas === undefined ? Uint8Array.of(op.GAS) : push(callGas),
    Uint8Array.of(op.STATICCALL, op.GAS),
    // stack: gasBefore, success, gasAfter
    Uint8Array.of(op.SWAP1, op.PUSH0, op.SSTORE),
    Uint8Array.of(op.SWAP1, op.SUB, op.PUSH1, 3, op.SSTORE),
    Uint8Array.of(op.RETURNDATASIZE, op.PUSH1, 1, op.SSTORE),
    Uint8Array.of(op.RETURNDATASIZE, op.PUSH0, op.PUSH0, op.RETURNDATACOPY),
    Uint8Array.of(op.RETURNDATASIZE, op.PUSH0, op.SHA3, op.PUSH1, 2, op.SSTORE),
    Uint8Array.of(op.STOP),
  );
}
