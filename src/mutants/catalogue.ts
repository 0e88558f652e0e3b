/**
 * The project's own faults, planted one at a time in a copy of the compiled interpreter and its
 * compile tier (dist/src/vm) to measure what a differential fuzz campaign catches. Each is a small textual
 * patch of the kind a real change could make: a bound one off (255 for 256, `>=` for `>`), a
 * boundary case forgotten (the minimum signed integer, a divisor that only looks like a power of
 * two), a gas constant off by one, a basic block that checks or charges in the wrong place. Every
 * `find` must occur exactly once in its file (test/mutants/mutants.test.ts checks it on the build),
 * so a change to src/vm that moves the code shows up as a failing test rather than a silently
 * absent mutant.
 *
 * A fault of the compile tier (dist/src/vm/compile) is only reached by compiled code, which a
 * traced run never takes: its mutant says `tier: "always"`, and its campaign runs spec against
 * src-compiled, whose untraced (compiled) outcome the differential run compares. A block start
 * left out is no fault: compiled code that falls through or resumes at a pc that starts no block
 * hands the frame to the interpreter there (compile/codegen.ts), slower but exact.
 */

export interface Mutant {
  /** Short, unique, kebab-case. */
  readonly name: string;
  /** The file under dist/src/vm/ the patch applies to. */
  readonly file: string;
  readonly find: string;
  readonly replace: string;
  /** What the fault breaks, and the input that shows it. */
  readonly why: string;
  /** The tier src runs in during the campaign: `always` (every frame compiled, `src-compiled`); the interpreter when absent. */
  readonly tier?: "always";
}

/** The implementation the campaign for `mutant` runs against spec (a name of the CLI's registry). */
export function implementationUnderTest(mutant: Pick<Mutant, "tier">): "src" | "src-compiled" {
  return mutant.tier === "always" ? "src-compiled" : "src";
}

export const MUTANTS: readonly Mutant[] = [
  {
    name: "shl-bound-255",
    file: "interpreter.js",
    find: "shift < 256n ? BigInt.asUintN(256, stack[sp - 1] << shift) : 0n",
    replace: "shift < 255n ? BigInt.asUintN(256, stack[sp - 1] << shift) : 0n",
    why: "SHL by 255 gives 0 instead of the low bit moved to the top (EIP-145)",
  },
  {
    name: "shr-bound-255",
    file: "interpreter.js",
    find: "shift < 256n ? stack[sp - 1] >> shift : 0n",
    replace: "shift < 255n ? stack[sp - 1] >> shift : 0n",
    why: "SHR by 255 gives 0 instead of the top bit (EIP-145)",
  },
  {
    name: "sar-large-shift-ignored",
    file: "handlers.js",
    find: "(shift < 256n ? shift : 256n)",
    replace: "(shift < 256n ? shift : 0n)",
    why: "SAR by 256 or more leaves the value instead of 0 or −1 (EIP-145)",
  },
  {
    name: "signextend-limit-30",
    file: "handlers.js",
    find: "b < 31n ? unsigned(BigInt.asIntN(Number(b) * 8 + 8, x)) : x",
    replace: "b < 30n ? unsigned(BigInt.asIntN(Number(b) * 8 + 8, x)) : x",
    why: "SIGNEXTEND from byte 30 leaves the value unextended (Yellow Paper: b < 31 extends)",
  },
  {
    name: "signextend-byte-0-ignored",
    file: "handlers.js",
    find: "b < 31n ? unsigned(",
    replace: "b < 31n && b > 0n ? unsigned(",
    why: "SIGNEXTEND from byte 0 (int8) leaves the value unextended",
  },
  {
    name: "byte-limit-31",
    file: "handlers.js",
    find: "i < 32n ? (x >> (8n * (31n - i))) & 0xffn : 0n",
    replace: "i < 31n ? (x >> (8n * (31n - i))) & 0xffn : 0n",
    why: "BYTE 31 (the lowest byte) reads as 0",
  },
  {
    name: "byte-index-from-32",
    file: "handlers.js",
    find: "(x >> (8n * (31n - i))) & 0xffn",
    replace: "(x >> (8n * (32n - i))) & 0xffn",
    why: "BYTE i returns byte i − 1 (and byte 0 as 0)",
  },
  {
    name: "slt-min-signed",
    file: "interpreter.js",
    find: "(a < b ? 1n : 0n) : a >= SIGN_BIT ? 1n : 0n",
    replace: "(a < b ? 1n : 0n) : a > SIGN_BIT ? 1n : 0n",
    why: "SLT(−2^255, x ≥ 0) is 0: the minimum signed integer taken as non-negative",
  },
  {
    name: "sgt-min-signed",
    file: "interpreter.js",
    find: "(a > b ? 1n : 0n) : a < SIGN_BIT ? 1n : 0n",
    replace: "(a > b ? 1n : 0n) : a <= SIGN_BIT ? 1n : 0n",
    why: "SGT(−2^255, x ≥ 0) is 1: the minimum signed integer taken as non-negative",
  },
  {
    name: "sdiv-fast-path-min-signed",
    file: "interpreter.js",
    find: "else if (a < SIGN_BIT && b < SIGN_BIT)",
    replace: "else if (a <= SIGN_BIT && b < SIGN_BIT)",
    why: "SDIV(−2^255, b > 0) divides unsigned: the fast path admits the minimum signed integer",
  },
  {
    name: "sdiv-overflow-zero",
    file: "interpreter.js",
    find: "stack[sp - 1] = BigInt.asUintN(256, BigInt.asIntN(256, a) / BigInt.asIntN(256, b));",
    replace: "stack[sp - 1] = a === SIGN_BIT && b === UINT256_MAX ? 0n : BigInt.asUintN(256, BigInt.asIntN(256, a) / BigInt.asIntN(256, b));",
    why: "SDIV(−2^255, −1) gives 0 instead of −2^255 (the overflow the Yellow Paper defines)",
  },
  {
    name: "smod-min-signed-zero",
    file: "handlers.js",
    find: "(b === 0n ? 0n : unsigned(signed(a) % signed(b)))",
    replace: "(b === 0n || a === 1n << 255n ? 0n : unsigned(signed(a) % signed(b)))",
    why: "SMOD(−2^255, b) gives 0 for every b",
  },
  {
    name: "div-fast-path-unconfirmed",
    file: "interpreter.js",
    find: "if (k === (k | 0) && POWER_OF_TWO[k] === b)",
    replace: "if (k === (k | 0) && k < 256)",
    why: "DIV by a divisor whose double rounds to 2^k (2^64 − 1, 2^160 − 1) shifts instead of dividing",
  },
  {
    name: "exp-base-2-bound",
    file: "operations.js",
    find: "return exponent < 256n ? 1n << exponent : 0n;",
    replace: "return exponent <= 256n ? 1n << exponent : 0n;",
    why: "EXP(2, 256) pushes 2^256, a word that does not fit",
  },
  {
    name: "call-depth-1023",
    file: "calls.js",
    find: "export const MAX_CALL_DEPTH = 1024;",
    replace: "export const MAX_CALL_DEPTH = 1023;",
    why: "calls and creates fail one frame early (Yellow Paper: depth limit 1024)",
  },
  {
    name: "call-depth-1025",
    file: "calls.js",
    find: "export const MAX_CALL_DEPTH = 1024;",
    replace: "export const MAX_CALL_DEPTH = 1025;",
    why: "one frame more than the 1024 the Yellow Paper allows",
  },
  {
    name: "stack-limit-1023",
    file: "frame.js",
    find: "export const STACK_LIMIT = 1024;",
    replace: "export const STACK_LIMIT = 1023;",
    why: "the 1024th stack item overflows",
  },
  {
    name: "returndatacopy-end-plus-one",
    file: "operations.js",
    find: "if (checkBounds && dataOffset + size > BigInt(source.length))",
    replace: "if (checkBounds && dataOffset + size > BigInt(source.length) + 1n)",
    why: "RETURNDATACOPY may read one byte past the return data (EIP-211 halts)",
  },
  {
    name: "returndatacopy-end-exclusive",
    file: "operations.js",
    find: "if (checkBounds && dataOffset + size > BigInt(source.length))",
    replace: "if (checkBounds && dataOffset + size >= BigInt(source.length))",
    why: "RETURNDATACOPY up to exactly the end halts (EIP-211 allows it)",
  },
  {
    name: "clz-of-zero-255",
    file: "handlers.js",
    find: "x === 0n ? 256n : BigInt(256 - x.toString(2).length)",
    replace: "x === 0n ? 255n : BigInt(256 - x.toString(2).length)",
    why: "CLZ(0) is 255 instead of 256 (EIP-7939)",
  },
  {
    name: "calldata-floor-minus-one",
    file: "intrinsic-gas.js",
    find: "return TX_BASE + BigInt(fork.gasFloorPerToken) * tokens;",
    replace: "return TX_BASE + BigInt(fork.gasFloorPerToken) * tokens - 1n;",
    why: "EIP-7623's floor one gas short: a gas limit one below it is accepted",
  },
  {
    name: "gas-cap-inclusive",
    file: "validation.js",
    find: "if (tx.gasLimit > fork.maxTxGas)",
    replace: "if (tx.gasLimit >= fork.maxTxGas)",
    why: "a gas limit of exactly 2^24 is rejected (EIP-7825 allows it)",
  },
  {
    name: "modexp-bound-exclusive",
    file: "precompiles/modexp.js",
    find: "(baseLength > bound || exponentLength > bound || modulusLength > bound)",
    replace: "(baseLength >= bound || exponentLength >= bound || modulusLength >= bound)",
    why: "modexp lengths of exactly 1024 bytes fail (EIP-7823 allows them)",
  },
  {
    name: "modexp-bound-1025",
    file: "precompiles/modexp.js",
    find: "(baseLength > bound || exponentLength > bound || modulusLength > bound)",
    replace: "(baseLength > bound + 1n || exponentLength > bound + 1n || modulusLength > bound + 1n)",
    why: "modexp lengths of 1025 bytes pass (EIP-7823 rejects them)",
  },
  {
    name: "blockhash-window-257",
    file: "operations.js",
    find: "n + 256n >= current",
    replace: "n + 257n >= current",
    why: "BLOCKHASH answers for the block 257 back",
  },
  {
    name: "blockhash-window-255",
    file: "operations.js",
    find: "n + 256n >= current",
    replace: "n + 255n >= current",
    why: "BLOCKHASH of the block 256 back is 0",
  },
  {
    name: "p256-long-input",
    file: "precompiles/ecdsa-verify.js",
    find: "if (input.length !== INPUT_LENGTH)",
    replace: "if (input.length < INPUT_LENGTH)",
    why: "P256VERIFY accepts input longer than 160 bytes (EIP-7951 wants exactly 160)",
  },
  {
    name: "code-size-limit-plus-one",
    file: "forks.js",
    find: "maxCodeSize: 0x6000,",
    replace: "maxCodeSize: 0x6001,",
    why: "a runtime of 0x6001 bytes deploys (EIP-170's limit is 0x6000)",
  },
  {
    name: "cold-sload-2101",
    file: "forks.js",
    find: "gasColdSload: 2100,",
    replace: "gasColdSload: 2101,",
    why: "a cold SLOAD costs one gas more (EIP-2929)",
  },
  {
    name: "call-stipend-2299",
    file: "forks.js",
    find: "gasCallStipend: 2300,",
    replace: "gasCallStipend: 2299,",
    why: "a value-bearing CALL gives the callee 2299 gas",
  },
  {
    name: "auth-base-12501",
    file: "forks.js",
    find: "gasPerAuthBase: 12500,",
    replace: "gasPerAuthBase: 12501,",
    why: "the refund for an authorization of an existing account is one gas short (EIP-7702)",
  },
  {
    name: "memory-words-floor",
    file: "memory.js",
    find: "memoryCost(Math.ceil(end / 32))",
    replace: "memoryCost(Math.floor(end / 32) + 1)",
    why: "memory ending on a word boundary is charged one word too many",
  },
  {
    name: "copy-words-floor",
    file: "memory.js",
    find: "return Math.ceil(size / 32);",
    replace: "return Math.floor(size / 32);",
    why: "copies and hashes charge whole words only: a partial word is free",
  },
  {
    name: "compiled-shl-bound-255",
    file: "compile/codegen.js",
    find: "(${a} < 256n ? BigInt.asUintN(256, ${b} << ${a}) : 0n)",
    replace: "(${a} < 255n ? BigInt.asUintN(256, ${b} << ${a}) : 0n)",
    why: "compiled SHL by 255 gives 0 instead of the low bit moved to the top (EIP-145)",
    tier: "always",
  },
  {
    name: "compiled-shr-bound-255",
    file: "compile/codegen.js",
    find: "(${a} < 256n ? ${b} >> ${a} : 0n)",
    replace: "(${a} < 255n ? ${b} >> ${a} : 0n)",
    why: "compiled SHR by 255 gives 0 instead of the top bit (EIP-145)",
    tier: "always",
  },
  {
    name: "compiled-mod-by-zero-dividend",
    file: "compile/codegen.js",
    find: "(${b} === 0n ? 0n : ${a} % ${b})",
    replace: "(${b} === 0n ? ${a} : ${a} % ${b})",
    why: "compiled MOD by 0 gives the dividend instead of 0 (Yellow Paper: x mod 0 = 0)",
    tier: "always",
  },
  {
    name: "compiled-div-fast-path-unconfirmed",
    file: "compile/runtime.js",
    find: "if (k === (k | 0) && POWER_OF_TWO[k] === b)",
    replace: "if (k === (k | 0) && k < 256)",
    why: "compiled DIV by a divisor whose double rounds to 2^k (2^64 − 1, 2^160 − 1) shifts instead of dividing",
    tier: "always",
  },
  {
    name: "compiled-sdiv-fast-path-min-signed",
    file: "compile/runtime.js",
    find: "if (a < SIGN_BIT && b < SIGN_BIT)",
    replace: "if (a <= SIGN_BIT && b < SIGN_BIT)",
    why: "compiled SDIV(−2^255, b > 0) divides unsigned: the fast path admits the minimum signed integer",
    tier: "always",
  },
  {
    name: "compiled-slt-min-signed",
    file: "compile/runtime.js",
    find: "? a < b : a >= SIGN_BIT",
    replace: "? a < b : a > SIGN_BIT",
    why: "compiled SLT(−2^255, x ≥ 0) is 0: the minimum signed integer taken as non-negative",
    tier: "always",
  },
  {
    name: "block-gas-after-includes-own",
    file: "compile/blocks.js",
    find: "instructions[k] = { pc: o.pc, op: o.op, height: o.height, gasAfter: after };",
    replace: "instructions[k] = { pc: o.pc, op: o.op, height: o.height, gasAfter: after + o.gas };",
    why: "an instruction run by its handler or charged dynamic gas inside a block sees its own static gas as unpaid: one price more gas left (a CALL forwards more, an out-of-gas comes late)",
    tier: "always",
  },
  {
    name: "block-max-stack-plus-one",
    file: "compile/blocks.js",
    find: "maxStack = Math.min(maxStack, table.stackMax[op] - height);",
    replace: "maxStack = Math.min(maxStack, table.stackMax[op] - height + 1);",
    why: "a block's stack-overflow check is one item late: compiled code pushes the 1025th item instead of halting (stack limit 1024)",
    tier: "always",
  },
  {
    name: "block-min-stack-minus-one",
    file: "compile/blocks.js",
    find: "minStack = Math.max(minStack, table.stackMin[op] - height);",
    replace: "minStack = Math.max(minStack, table.stackMin[op] - height - 1);",
    why: "a block's stack-underflow check is one item short: compiled code reads below the stack instead of halting with stack underflow",
    tier: "always",
  },
];
