/**
 * The contract a precompile benchmark runs: it copies one input, carried after its code, into
 * memory, STATICCALLs the precompile with it `calls` times, and fails with INVALID (all gas
 * gone, so every implementation's outcome shows it) if a call fails. At the end it stores
 * keccak256 of the last output in slot 0, which puts the output into the state root the
 * implementations are compared on, and returns the output.
 */
import { assemble, op, push, type AsmItem } from "../../conformance/fuzz/assembler.js";

export interface PrecompileLoop {
  readonly address: bigint;
  readonly input: Uint8Array;
  /** The precompile's output length, where the contract copies the output to. */
  readonly outputLength: number;
  readonly calls: number;
}

const LOOP = 1;
const DONE = 2;
const FAIL = 3;
const DATA = 4;

const label = (n: number): AsmItem => ({ kind: "label", label: n });
const pushLabel = (n: number): AsmItem => ({ kind: "pushLabel", label: n });

export function precompileLoopCode({ address, input, outputLength, calls }: PrecompileLoop): Uint8Array {
  if (!Number.isInteger(calls) || calls < 1) throw new RangeError(`calls must be a positive integer, got ${calls}`);
  const inputLength = BigInt(input.length);
  const outputAt = inputLength;
  const outputSize = BigInt(outputLength);
  return assemble([
    // CODECOPY(0, DATA + 1, inputLength): the data start one byte after the DATA label's JUMPDEST.
    push(inputLength), pushLabel(DATA), push(1n), op("ADD"), push(0n), op("CODECOPY"),
    push(BigInt(calls)),
    label(LOOP),
    op("DUP1"), op("ISZERO"), pushLabel(DONE), op("JUMPI"),
    // STATICCALL(gas, address, 0, inputLength, outputAt, outputSize)
    push(outputSize), push(outputAt), push(inputLength), push(0n), push(address), op("GAS"), op("STATICCALL"),
    op("ISZERO"), pushLabel(FAIL), op("JUMPI"),
    push(1n), op("SWAP1"), op("SUB"),
    pushLabel(LOOP), op("JUMP"),
    label(DONE),
    push(outputSize), push(outputAt), op("KECCAK256"), push(0n), op("SSTORE"),
    push(outputSize), push(outputAt), op("RETURN"),
    label(FAIL),
    op("INVALID"),
    label(DATA),
    { kind: "raw", bytes: input },
  ]);
}
