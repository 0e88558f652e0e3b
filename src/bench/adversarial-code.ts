/**
 * Code built to blow up the compile tier (issue 12): a block thousands of instructions long,
 * nothing but JUMPDESTs (one block per byte), DUP/SWAP chains to the stack limit, and the largest
 * initcode EIP-3860 allows. The compile-tier benchmark (compile-benchmarks.ts) times the tier on
 * each, and test/vm/compile-tier.test.ts runs each on both tiers.
 */
import { MAX_COMPILED_CODE_SIZE } from "../vm/compile/cache.js";

export interface AdversarialCode {
  readonly name: string;
  readonly code: Uint8Array;
}

function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));
}

/** 24 KiB of JUMPDEST, then STOP: 24 576 one-instruction blocks. */
export function jumpdestCarpet(): Uint8Array {
  return hex("5b".repeat(24 * 1024) + "00");
}

/** One straight run of 12 000 PUSH1/POP pairs (cut into blocks of 192 instructions). */
export function hugeBlock(): Uint8Array {
  return hex("600150".repeat(12_000) + "00");
}

/** PUSH1 1, 1023 DUP1s (the stack full), 1000 SWAP1s, 1023 ADDs; the sum stored and returned. */
export function deepStackChain(): Uint8Array {
  return hex("6001" + "80".repeat(1023) + "90".repeat(1000) + "01".repeat(1023) + "600052 60206000f3");
}

/** PUSH1 1, 1024 DUP1s: the 1025th item overflows the stack. */
export function stackOverflowChain(): Uint8Array {
  return hex("6001" + "80".repeat(1024) + "00");
}

/** 49 152 bytes (EIP-3860's initcode limit) of arithmetic, memory and JUMPDESTs, padded with STOP. */
export function maximumInitcode(): Uint8Array {
  const unit = "6001 6002 01 6000 52 6000 51 50 5b".replace(/ /g, "");
  const body = unit.repeat(Math.floor(MAX_COMPILED_CODE_SIZE / (unit.length / 2)));
  return hex(body + "00".repeat(MAX_COMPILED_CODE_SIZE - body.length / 2));
}

/** One byte beyond the size the tier compiles: left to the interpreter unread. */
export function overSizeCap(): Uint8Array {
  return hex("5b".repeat(MAX_COMPILED_CODE_SIZE + 1) + "00");
}

export const ADVERSARIAL_CODES: readonly AdversarialCode[] = [
  { name: "compile/jumpdest-carpet-24KiB", code: jumpdestCarpet() },
  { name: "compile/huge-block-12000-push-pop", code: hugeBlock() },
  { name: "compile/dup-swap-chain-1023", code: deepStackChain() },
  { name: "compile/dup-chain-overflow-1024", code: stackOverflowChain() },
  { name: "compile/maximum-initcode-49152", code: maximumInitcode() },
  { name: "compile/over-size-cap-49153", code: overSizeCap() },
];
