/**
 * fast-check arbitraries for generated programs (see program.ts for what the blocks mean).
 * Each block draws its operands from the interesting values of values.ts; nesting (loops,
 * branches, creation code) is bounded in depth, and loop counts are small, so every program
 * ends well within a transaction's gas.
 */
import fc from "fast-check";
import type { Block, CallGas, Initcode, InitcodeEnd, Program, Sink, Terminator } from "./program.js";
import { programBytes } from "./program.js";
import { type PrecompileInput, wellFormedPrecompileInputArb } from "./precompile-inputs.js";
import { PRECOMPILE_EDGE_GROUPS, praguePrecompileInputArb } from "./precompile-inputs-prague.js";
import { addressArb, BLOCKHASH_EDGES, bytesArb, lengthArb, offsetArb, operandsFor, slotArb, SWEEP_TUPLES, wordArb } from "./values.js";
import { CONTRACT_ADDRESSES, PRECOMPILE_ADDRESSES } from "./world.js";

const NULLARY = [
  "ADDRESS", "ORIGIN", "CALLER", "CALLVALUE", "CALLDATASIZE", "CODESIZE", "GASPRICE", "RETURNDATASIZE", "COINBASE",
  "TIMESTAMP", "NUMBER", "PREVRANDAO", "GASLIMIT", "CHAINID", "SELFBALANCE", "BASEFEE", "BLOBBASEFEE", "PC", "MSIZE",
  "GAS", "PUSH0",
] as const;
const BINARY = [
  "ADD", "MUL", "SUB", "DIV", "SDIV", "MOD", "SMOD", "EXP", "SIGNEXTEND", "LT", "GT", "SLT", "SGT", "EQ", "AND", "OR",
  "XOR", "BYTE", "SHL", "SHR", "SAR",
] as const;

/**
 * Results are mostly kept where the outcome shows them (folded, stored); a few are popped, so that
 * some blocks still run in a static frame, where every SSTORE halts (EIP-214).
 */
const sinkArb: fc.Arbitrary<Sink> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: "pop" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "fold" as const }) },
  { weight: 2, arbitrary: slotArb.map((slot) => ({ kind: "sstore" as const, slot })) },
  { weight: 1, arbitrary: offsetArb.map((offset) => ({ kind: "mstore" as const, offset })) },
);

const compute = (mnemonic: string, operands: fc.Arbitrary<bigint>[]): fc.Arbitrary<Block> =>
  fc.record({ operands: fc.tuple(...operands), sink: sinkArb }).map(({ operands, sink }) => ({ kind: "compute", mnemonic, operands, sink }));

const effect = (mnemonic: string, operands: fc.Arbitrary<bigint>[]): fc.Arbitrary<Block> =>
  fc.tuple(...operands).map((operands) => ({ kind: "effect", mnemonic, operands }));

/** Block numbers around the current one (BLOCKHASH looks back at most 256 blocks). */
const blockNumberArb = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...BLOCKHASH_EDGES) }, fc.bigInt({ min: 0n, max: 300n }), wordArb);
/** Blob indexes: those that exist (up to 6 blobs) and just beyond. */
const blobIndexArb = fc.oneof(fc.bigInt({ min: 0n, max: 7n }), wordArb);

const computeArb: fc.Arbitrary<Block> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...NULLARY).chain((m) => compute(m, [])) },
  { weight: 6, arbitrary: fc.constantFrom(...BINARY).chain((m) => compute(m, operandsFor(m, 2))) },
  { weight: 2, arbitrary: fc.constantFrom("ISZERO", "NOT", "CLZ").chain((m) => compute(m, operandsFor(m, 1))) },
  fc.constantFrom("ADDMOD", "MULMOD").chain((m) => compute(m, operandsFor(m, 3))),
  fc.constantFrom("BALANCE", "EXTCODESIZE", "EXTCODEHASH").chain((m) => compute(m, [addressArb])),
  fc.constantFrom("CALLDATALOAD", "MLOAD").chain((m) => compute(m, [offsetArb])),
  fc.constantFrom("SLOAD", "TLOAD").chain((m) => compute(m, [slotArb])),
  compute("BLOCKHASH", [blockNumberArb]),
  compute("BLOBHASH", [blobIndexArb]),
  compute("KECCAK256", [offsetArb, lengthArb]),
);

const effectArb: fc.Arbitrary<Block> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("SSTORE", "TSTORE").chain((m) => effect(m, [slotArb, wordArb])) },
  { weight: 2, arbitrary: fc.constantFrom("MSTORE", "MSTORE8").chain((m) => effect(m, [offsetArb, wordArb])) },
  {
    weight: 2,
    arbitrary: fc.constantFrom("CALLDATACOPY", "CODECOPY", "RETURNDATACOPY", "MCOPY").chain((m) => effect(m, [offsetArb, offsetArb, lengthArb])),
  },
  { weight: 1, arbitrary: effect("EXTCODECOPY", [addressArb, offsetArb, offsetArb, lengthArb]) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0, max: 4 }).chain((topics) =>
      effect(`LOG${topics}`, [offsetArb, lengthArb, ...Array.from({ length: topics }, () => wordArb)]),
    ),
  },
);

const stackArb: fc.Arbitrary<Block> = fc
  .record({ swap: fc.boolean(), depth: fc.integer({ min: 1, max: 16 }), fill: fc.bigInt({ min: 0n, max: 1000n }) })
  .map(({ swap, depth, fill }) => ({ kind: "stack", mnemonic: `${swap ? "SWAP" : "DUP"}${depth}`, depth, fill }));

const callGasArb: fc.Arbitrary<CallGas> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: "all" as const }) },
  { weight: 3, arbitrary: fc.constantFrom(0n, 1n, 2300n, 5000n, 30_000n, 100_000n, (1n << 64n) - 1n).map((amount) => ({ kind: "fixed" as const, amount })) },
  { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 60_000n }).map((amount) => ({ kind: "fixed" as const, amount })) },
);

/** Call targets favour the generated contracts, so calls nest; then everything else known. */
const callTargetArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CONTRACT_ADDRESSES) }, { weight: 2, arbitrary: addressArb });
const valueArb = fc.oneof({ weight: 6, arbitrary: fc.constant(0n) }, { weight: 2, arbitrary: fc.constantFrom(1n, 10n ** 9n, 10n ** 18n) }, { weight: 1, arbitrary: wordArb });
const rangeArb = fc.tuple(offsetArb, lengthArb);

const callArb: fc.Arbitrary<Block> = fc
  .record({
    mnemonic: fc.constantFrom("CALL" as const, "CALLCODE" as const, "DELEGATECALL" as const, "STATICCALL" as const),
    gas: callGasArb,
    target: callTargetArb,
    value: valueArb,
    args: rangeArb,
    ret: rangeArb,
    sink: sinkArb,
  })
  .map((call) => ({ kind: "call", ...call }));

/** Precompile inputs: small numbers (lengths in headers, e.g. modexp's) and edge words. */
const precompileWordArb = fc.oneof(fc.bigInt({ min: 0n, max: 64n }), wordArb);
/** Input lengths that precompiles treat specially: empty, word multiples, 128/192 (bn254), 213 (blake2f). */
const precompileLengthArb = fc.oneof(fc.constantFrom(0n, 1n, 32n, 64n, 96n, 128n, 160n, 192n, 212n, 213n, 214n, 224n), fc.bigInt({ min: 0n, max: 256n }));

/** Any words to any precompile (mostly invalid input), or well-formed input to the one it suits. */
const precompileInputArb: fc.Arbitrary<PrecompileInput> = fc.oneof(
  { weight: 2, arbitrary: fc.record({
    address: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...PRECOMPILE_ADDRESSES) }, { weight: 1, arbitrary: fc.constantFrom(0n, 0x12n, 0xffn, 0x101n) }),
    words: fc.array(precompileWordArb, { maxLength: 7 }),
    length: precompileLengthArb,
  }) },
  { weight: 2, arbitrary: wellFormedPrecompileInputArb },
  { weight: 3, arbitrary: praguePrecompileInputArb },
);

const precompileArb: fc.Arbitrary<Block> = fc
  .record({ mnemonic: fc.constantFrom("CALL" as const, "STATICCALL" as const), input: precompileInputArb, sink: sinkArb })
  .map(({ mnemonic, input, sink }) => ({ kind: "precompile", mnemonic, ...input, sink }));

/** Return data of a boundary length, and a RETURNDATACOPY ending one byte before, at, or after its end. */
const returndataArb: fc.Arbitrary<Block> = fc
  .record({
    length: fc.constantFrom(0n, 1n, 31n, 32n, 33n, 64n),
    offsetShare: fc.constantFrom(0, 1, 2),
    delta: fc.constantFrom(-1n, 0n, 1n),
    dest: offsetArb,
  })
  .map(({ length, offsetShare, delta, dest }): Block => ({ kind: "returndata", length, offset: offsetShare === 0 ? 0n : offsetShare === 1 ? length / 2n : length, delta, dest }));

/** A sweep of one instruction over its whole boundary table (values.ts). */
const sweepArb: fc.Arbitrary<Block> = fc
  .constantFrom(...SWEEP_TUPLES.keys())
  .map((mnemonic): Block => ({ kind: "sweep", mnemonic, tuples: SWEEP_TUPLES.get(mnemonic)! }));

/** Stacks at the 1024-item limit (Yellow Paper §9.4.2), whatever a loop counter or two adds. */
const fillArb: fc.Arbitrary<Block> = fc.integer({ min: 1021, max: 1025 }).map((count): Block => ({ kind: "fill", count }));

/** One group of PRECOMPILE_EDGE_GROUPS: a call per input, each success flag folded (and its output hash too, program.ts). */
const precompileEdgesArb: fc.Arbitrary<Block[]> = fc
  .constantFrom(...PRECOMPILE_EDGE_GROUPS)
  .map((inputs) => inputs.map((input): Block => ({ kind: "precompile", mnemonic: "STATICCALL", ...input, sink: { kind: "fold" } })));

/** Straight-line blocks only: what creation code and runtime code of created contracts run. */
const leafBlockArb: fc.Arbitrary<Block> = fc.oneof(
  { weight: 6, arbitrary: computeArb },
  { weight: 4, arbitrary: effectArb },
  { weight: 1, arbitrary: stackArb },
  { weight: 2, arbitrary: callArb },
  { weight: 1, arbitrary: precompileArb },
  { weight: 2, arbitrary: returndataArb },
  { weight: 3, arbitrary: sweepArb },
);

const leafProgramArb: fc.Arbitrary<Program> = fc.record({
  blocks: fc.array(leafBlockArb, { maxLength: 4 }),
  end: fc.constantFrom<Terminator>({ kind: "stop" }, { kind: "return", offset: 0n, length: 32n }, { kind: "revert", offset: 0n, length: 32n }),
});

const initcodeEndArb: fc.Arbitrary<InitcodeEnd> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: "return-runtime" as const }) },
  { weight: 1, arbitrary: fc.constantFrom(0x5fffn, 0x6000n, 0x6001n).map((length) => ({ kind: "return-zeros" as const, length })) },
  { weight: 1, arbitrary: fc.constant({ kind: "revert" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "stop" as const }) },
  { weight: 1, arbitrary: addressArb.map((beneficiary) => ({ kind: "selfdestruct" as const, beneficiary })) },
);

/** Runtime code of created contracts: a small program, random bytes, or code starting with 0xEF (EIP-3541). */
const runtimeArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: leafProgramArb.map(programBytes) },
  { weight: 1, arbitrary: bytesArb(40) },
  { weight: 1, arbitrary: bytesArb(8).map((tail) => Uint8Array.of(0xef, ...tail)) },
);

export const initcodeArb: fc.Arbitrary<Initcode> = fc.record({
  blocks: fc.array(leafBlockArb, { maxLength: 3 }),
  runtime: runtimeArb,
  end: initcodeEndArb,
});

const createArb: fc.Arbitrary<Block> = fc
  .record({
    mnemonic: fc.constantFrom("CREATE" as const, "CREATE2" as const),
    value: valueArb,
    salt: fc.oneof(fc.bigInt({ min: 0n, max: 3n }), wordArb),
    initcode: initcodeArb,
    callAfter: fc.boolean(),
    sink: sinkArb,
  })
  .map((create) => ({ kind: "create", ...create }));

const rawArb: fc.Arbitrary<Block> = bytesArb(6).map((bytes) => ({ kind: "raw", bytes }));

/** Dead code: random bytes, or a JUMPDEST byte and pushes that may reach over the jump's target. */
const deadBytesArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  bytesArb(4),
  fc.array(fc.constantFrom(0x5b, 0x60, 0x61, 0x7f, 0x00, 0xfe), { maxLength: 3 }).map((bytes) => Uint8Array.from(bytes)),
);
const jumpArb: fc.Arbitrary<Block> = deadBytesArb.map((dead) => ({ kind: "jump", dead }));

/** Blocks that may nest `depth` more levels of loops and branches. */
function blockArb(depth: number): fc.Arbitrary<Block> {
  const leaf = fc.oneof({ weight: 60, arbitrary: leafBlockArb }, { weight: 10, arbitrary: createArb }, { weight: 1, arbitrary: fillArb });
  if (depth === 0) return leaf;
  const body = fc.array(blockArb(depth - 1), { minLength: 1, maxLength: 4 });
  return fc.oneof(
    { weight: 14, arbitrary: leaf },
    { weight: 1, arbitrary: fc.record({ count: fc.integer({ min: 1, max: 4 }), body }).map(({ count, body }): Block => ({ kind: "loop", count, body })) },
    { weight: 1, arbitrary: fc.record({ condition: fc.constantFrom(0n, 1n), body }).map(({ condition, body }): Block => ({ kind: "branch", condition, body })) },
    { weight: 1, arbitrary: jumpArb },
  );
}

const terminatorArb: fc.Arbitrary<Terminator> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "stop" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "fallthrough" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "invalid" as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom("return" as const, "revert" as const), offset: offsetArb, length: lengthArb }) },
  { weight: 1, arbitrary: addressArb.map((beneficiary) => ({ kind: "selfdestruct" as const, beneficiary })) },
);

/**
 * A contract's runtime program: up to two sweeps of an instruction's boundary table or precompile
 * calls at their input edges first (before anything can halt the frame), then up to 10 blocks nested two deep, a rare raw byte run, and an
 * ending; about one later top-level block in five is a sweep too. So each instruction's edges are
 * tried in several percent of runs (docs/fuzzing.md, "Boundaries").
 */
export const programArb: fc.Arbitrary<Program> = fc
  .record({
    sweeps: fc.array(fc.oneof({ weight: 3, arbitrary: sweepArb.map((block) => [block]) }, { weight: 1, arbitrary: precompileEdgesArb }), { maxLength: 2 }),
    blocks: fc.array(fc.oneof({ weight: 30, arbitrary: blockArb(2) }, { weight: 8, arbitrary: sweepArb }, { weight: 1, arbitrary: rawArb }), { maxLength: 10 }),
    end: terminatorArb,
  })
  .map(({ sweeps, blocks, end }) => ({ blocks: [...sweeps.flat(), ...blocks], end }));

/**
 * The program of the contract a deep scenario calls (scenario.ts): it calls itself with all its
 * gas, so the chain of frames reaches the 1024 limit when the transaction brings enough gas, then
 * runs a few straight-line blocks in each frame on the way back.
 */
export const deepProgramArb: fc.Arbitrary<Program> = fc
  .record({
    mnemonic: fc.constantFrom("CALL" as const, "CALLCODE" as const, "DELEGATECALL" as const, "STATICCALL" as const),
    after: fc.array(fc.oneof(computeArb, returndataArb), { maxLength: 2 }),
  })
  .map(({ mnemonic, after }) => ({ blocks: [{ kind: "recurse", mnemonic }, ...after], end: { kind: "stop" } }));
