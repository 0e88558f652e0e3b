/**
 * JIT priming: runs a short synthetic program through the hot loop once, before the first real
 * transaction, so that every inlined opcode has type feedback, with both small and full-width
 * words, by the time V8 optimises the loop. Without it the optimised loop deoptimises each time
 * a transaction first reaches an opcode (or a word wider than 64 bits) it had not seen yet, and
 * each recompilation of the loop costs tens of milliseconds.
 *
 * The program only computes on the stack and in memory; its result is discarded.
 */
import { bigIntToBytes, concatBytes } from "./bytes.js";
import { runCode } from "./run-code.js";

const SMALL = 7n;
const WIDE = (1n << 255n) + 0x123456789abcdef0123456789abcdefn;
const POWER_OF_TWO = 1n << 64n;

function push(value: bigint): Uint8Array {
  return concatBytes(Uint8Array.of(0x7f), bigIntToBytes(value, 32));
}

/** Applies each inlined binary opcode to small and wide operands (the ops pop two, push one). */
function binaryOps(): Uint8Array[] {
  const parts: Uint8Array[] = [];
  const operands: [bigint, bigint][] = [
    [SMALL, SMALL],
    [WIDE, SMALL],
    [WIDE, WIDE],
    [WIDE, POWER_OF_TWO],
  ];
  for (const op of [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x10, 0x11, 0x12, 0x13, 0x14, 0x16, 0x17, 0x18]) {
    for (const [a, b] of operands) parts.push(push(b), push(a), Uint8Array.of(op, 0x50));
  }
  for (const op of [0x1b, 0x1c]) {
    for (const value of [SMALL, WIDE]) parts.push(push(value), push(8n), Uint8Array.of(op, 0x50));
  }
  for (const value of [0n, SMALL, WIDE]) parts.push(push(value), Uint8Array.of(0x15, 0x19, 0x50));
  return parts;
}

/** MSTORE then MLOAD at a few offsets, CALLDATALOAD, PUSH0, every PUSH width, DUP and SWAP depth. */
function stackAndMemoryOps(): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (const [offset, value] of [[0n, WIDE], [64n, SMALL], [33n, WIDE]] as const) {
    parts.push(push(value), push(offset), Uint8Array.of(0x52), push(offset), Uint8Array.of(0x51, 0x50));
  }
  // CALLDATALOAD inside the input, across its end and past it (the input is 48 bytes).
  for (const offset of [0, 40, 0xff]) parts.push(Uint8Array.of(0x60, offset, 0x35, 0x50));
  // Opcodes run by handlers (ADDRESS, GAS, MSIZE), so the loop's handler call has feedback too.
  parts.push(Uint8Array.of(0x30, 0x50, 0x5a, 0x50, 0x59, 0x50));
  for (let n = 1; n <= 32; n++) parts.push(Uint8Array.of(0x5f + n, ...new Uint8Array(n).fill(0xa5), 0x50));
  for (let i = 0; i < 17; i++) parts.push(push(i % 2 === 0 ? WIDE : SMALL));
  for (let n = 0; n < 16; n++) parts.push(Uint8Array.of(0x80 + n, 0x50, 0x90 + n));
  for (let i = 0; i < 17; i++) parts.push(Uint8Array.of(0x50));
  return parts;
}

/**
 * counter = iterations; do { body; JUMP over one byte } while (--counter != 0): every kind of
 * jump runs on each iteration, so they all have feedback when V8 compiles the loop mid-way.
 */
export function primingProgram(iterations: number): Uint8Array {
  const head = Uint8Array.of(0x61, iterations >> 8, iterations & 0xff, 0x5b);
  const loopStart = 3;
  const body = concatBytes(...binaryOps(), ...stackAndMemoryOps());
  // PUSH2 <target> JUMP INVALID JUMPDEST(target)
  const target = head.length + body.length + 5;
  const jump = Uint8Array.of(0x61, target >> 8, target & 0xff, 0x56, 0xfe, 0x5b);
  // PUSH1 1 SWAP1 SUB DUP1 PUSH2 <loopStart> JUMPI POP STOP
  const tail = Uint8Array.of(0x60, 0x01, 0x90, 0x03, 0x80, 0x61, loopStart >> 8, loopStart & 0xff, 0x57, 0x50, 0x00);
  return concatBytes(head, body, jump, tail);
}

let primed = false;

/** Primes the interpreter once per process. */
export function primeInterpreter(): void {
  if (primed) return;
  primed = true;
  runCode({ code: primingProgram(64), input: new Uint8Array(48).fill(0xc3), gas: 100_000_000n });
}
