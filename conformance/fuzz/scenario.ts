/**
 * A generated state test, as data: the fork, the block environment, the pre-state (signers, some
 * already delegated by EIP-7702, up to four generated contracts, a plain account) and one
 * transaction of any type (0 legacy, 1 EIP-2930, 2 EIP-1559, 3 EIP-4844, 4 EIP-7702 with an
 * authorization list). Everything is drawn from fast-check arbitraries, so a failing scenario
 * shrinks field by field; `buildScenario` (build.ts) turns it into the signed StateTestCase that
 * implementations run.
 */
import fc from "fast-check";
import { bigIntToBytes, concatBytes } from "../../spec/primitives/bytes.js";
import type { Initcode, Program } from "./program.js";
import { deepProgramArb, initcodeArb, programArb } from "./program-arbitrary.js";
import { withSvmPrecompileCalls } from "./precompile-inputs-svm.js";
import { BLOCK_NUMBERS, bytesArb, slotArb, wordArb } from "./values.js";
import { ABSENT_ACCOUNT, COINBASE, CONTRACT_ADDRESSES, FRESH_AUTHORITY, KNOWN_ADDRESSES, MAX_CONTRACTS, SIGNERS } from "./world.js";

/** The forks generated (the opcodes, precompiles and transaction types a fork lacks then halt, call empty accounts, or are rejected). */
export const FUZZ_FORKS = ["London", "Shanghai", "Cancun", "Prague", "Osaka"] as const;
/**
 * The forks `--fork` may name: those, and SVM (Osaka plus docs/extensions.md's precompiles, whose
 * programs call them too), which only implementations that know it run, so it is no default.
 */
export const GENERATOR_FORKS = [...FUZZ_FORKS, "SVM"] as const;
export type FuzzFork = (typeof GENERATOR_FORKS)[number];

export function isFuzzFork(name: string): name is FuzzFork {
  return (GENERATOR_FORKS as readonly string[]).includes(name);
}

/** Forks from Prague on know type-4 transactions and delegation designators (EIP-7702). */
const SET_CODE_FORKS: readonly FuzzFork[] = ["Prague", "Osaka", "SVM"];

export interface AccountSeed {
  readonly balance: bigint;
  readonly nonce: bigint;
}

export interface ContractSeed extends AccountSeed {
  readonly program: Program;
  readonly storage: readonly (readonly [bigint, bigint])[];
}

export interface EnvSeed {
  readonly number: bigint;
  readonly timestamp: bigint;
  readonly baseFee: bigint;
  readonly excessBlobGas: bigint;
  readonly prevRandao: bigint;
  /** The block gas limit, or "tight" for one below the transaction's gas limit. */
  readonly gasLimit: bigint | "tight";
  readonly coinbase: bigint;
}

/**
 * One EIP-7702 authorization tuple. The authority is a signer of world.ts (index < SIGNERS.length)
 * or FRESH_AUTHORITY (index = SIGNERS.length), which has no account yet. Its nonce is the one the
 * authority will have when the tuple is processed (build.ts counts the sender's own increment and
 * earlier tuples of the same authority) plus `nonceOffset`, or exactly `nonce` when that is given.
 */
export interface AuthorizationSeed {
  readonly authority: number;
  /** The chain id signed: the state tests' chain, 0 (any chain), another chain, or a huge one. */
  readonly chainId: "chain" | "any" | "other" | "huge";
  readonly nonceOffset: bigint;
  /** 2^64−1 (EIP-7702: skipped, the nonce could not be bumped) or 2^64 (the transaction is invalid). */
  readonly nonce: bigint | null;
  /** Delegated code: a generated contract, another signer (a chain that EIP-7702 does not follow), a precompile, 0 (clears the delegation). */
  readonly target: bigint;
  /** A valid signature, or one EIP-7702 skips: s above n/2 (EIP-2), y-parity 2, r = 0, or signed over another address. */
  readonly signature: "valid" | "high-s" | "y-parity-2" | "r-zero" | "wrong-payload";
}

export type Recipient = { readonly kind: "call"; readonly address: bigint } | { readonly kind: "create"; readonly initcode: Initcode };

export interface AccessListSeed {
  readonly address: bigint;
  readonly storageKeys: readonly bigint[];
}

export interface TxSeed {
  readonly type: 0 | 1 | 2 | 3 | 4;
  readonly signer: number;
  /** Added to the signer's nonce: non-zero makes the transaction invalid (NONCE_MISMATCH). */
  readonly nonceOffset: bigint;
  /** Legacy only: sign without EIP-155 replay protection (v = 27/28). */
  readonly unprotected: boolean;
  readonly recipient: Recipient;
  readonly value: bigint;
  readonly gasLimit: bigint;
  /**
   * When set, the gas limit is the least a Prague transaction must offer, the larger of its
   * intrinsic gas and EIP-7623's calldata floor (21000 + 10 per token, a zero byte one token, any
   * other four), plus this, replacing `gasLimit`: −1 is invalid from Prague on.
   */
  readonly floorDelta: bigint | null;
  readonly data: Uint8Array;
  readonly accessList: readonly AccessListSeed[];
  /** gasPrice = baseFee + tip (types 0, 1); the priority fee (types 2, 3). */
  readonly tip: bigint;
  /** maxFeePerGas = baseFee + tip + headroom (types 2, 3), so the priority fee fits under it. */
  readonly headroom: bigint;
  /** Price the gas one wei below the base fee (INSUFFICIENT_MAX_FEE_PER_GAS). */
  readonly underpriced: boolean;
  readonly blobHashes: readonly Uint8Array[];
  readonly maxFeePerBlobGas: bigint;
  /** Type 4 only (an empty list makes the transaction invalid). */
  readonly authorizations: readonly AuthorizationSeed[];
}

export interface Scenario {
  readonly fork: FuzzFork;
  readonly env: EnvSeed;
  /** One per signer of world.ts, in order. */
  readonly signers: readonly AccountSeed[];
  /** One per signer: the address its code delegates to (EIP-7702 designator 0xef0100 ‖ address), or null for no code. */
  readonly delegations: readonly (bigint | null)[];
  /** Installed at CONTRACT_ADDRESSES[0..]. */
  readonly contracts: readonly ContractSeed[];
  /** The balance of PLAIN_ACCOUNT. */
  readonly plainBalance: bigint;
  readonly tx: TxSeed;
  /**
   * A deep scenario: the transaction calls DEEP_CONTRACT, which runs this program (a call to
   * itself first), with gas enough (DEEP_GAS) for the chain of frames to reach the 1024 limit.
   * Never on Osaka or SVM, whose 2^24 gas cap (EIP-7825) cannot pay for that depth.
   */
  readonly deep: Program | null;
}

const ETHER = 10n ** 18n;

/** Weights of the forks: the latest most, the older ones for what they lack. */
const FORK_WEIGHTS: Readonly<Record<FuzzFork, number>> = { London: 1, Shanghai: 1, Cancun: 3, Prague: 3, Osaka: 4, SVM: 4 };

const forkArbOf = (forks: readonly FuzzFork[]): fc.Arbitrary<FuzzFork> =>
  fc.oneof(...forks.map((fork) => ({ weight: FORK_WEIGHTS[fork], arbitrary: fc.constant(fork) })));

/** Excess blob gas of zero, of one blob above target, and enough to make blob gas cost > 1 wei. */
const excessBlobGasArb = fc.constantFrom(0n, 0x20000n, 0x60000n, 10_000_000n);

const envArb: fc.Arbitrary<EnvSeed> = fc.record({
  number: fc.constantFrom(...BLOCK_NUMBERS),
  timestamp: fc.constantFrom(1000n, 0xffffffffn),
  baseFee: fc.constantFrom(7n, 1n, 0n, 1000n, 10n ** 9n),
  excessBlobGas: excessBlobGasArb,
  prevRandao: fc.oneof(fc.constant(0n), wordArb),
  /** Round amounts, and any amount in between so that gas runs out at any instruction. */
  gasLimit: fc.oneof({ weight: 40, arbitrary: fc.constant(30_000_000n) }, { weight: 1, arbitrary: fc.constant("tight" as const) }),
  coinbase: fc.oneof({ weight: 4, arbitrary: fc.constant(COINBASE) }, { weight: 1, arbitrary: fc.constantFrom(...CONTRACT_ADDRESSES, SIGNERS[0]!.address) }),
});

/** Signers are usually rich; sometimes too poor to pay for their transaction. */
const signerArb: fc.Arbitrary<AccountSeed> = fc.record({
  balance: fc.oneof({ weight: 40, arbitrary: fc.constant(1000n * ETHER) }, { weight: 1, arbitrary: fc.constantFrom(0n, 1_000_000n, ETHER) }),
  nonce: fc.constantFrom(0n, 1n, 0xffn),
});

const contractArbWith = (program: fc.Arbitrary<Program>): fc.Arbitrary<ContractSeed> => fc.record({
  program,
  balance: fc.oneof(fc.constant(0n), fc.constantFrom(1n, ETHER)),
  nonce: fc.constantFrom(0n, 1n),
  storage: fc.array(fc.tuple(slotArb, fc.oneof(fc.constant(1n), wordArb)), { maxLength: 3 }),
});

const contractArb = contractArbWith(programArb);
/** SVM contracts also call the SVM precompiles (precompile-inputs-svm.ts). */
const svmContractArb = contractArbWith(withSvmPrecompileCalls(programArb));

/** Calldata: random bytes or a few interesting words (what CALLDATALOAD reads); rarely kilobytes, to make EIP-7623's floor the price. */
const calldataArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 12, arbitrary: bytesArb(40) },
  { weight: 12, arbitrary: fc.array(wordArb, { maxLength: 4 }).map((words) => concatBytes(...words.map((word) => bigIntToBytes(word, 32)))) },
  {
    weight: 1,
    arbitrary: fc
      .record({ length: fc.integer({ min: 100, max: 4000 }), byte: fc.constantFrom(0, 1, 0xff) })
      .map(({ length, byte }) => new Uint8Array(length).fill(byte)),
  },
);

const recipientArb: fc.Arbitrary<Recipient> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: "call" as const, address: CONTRACT_ADDRESSES[0]! }) },
  /** Signers run their delegated code, if any (EIP-7702). */
  { weight: 2, arbitrary: fc.constantFrom(...SIGNERS.map((s) => s.address), FRESH_AUTHORITY.address).map((address) => ({ kind: "call" as const, address })) },
  { weight: 2, arbitrary: fc.constantFrom(...KNOWN_ADDRESSES).map((address) => ({ kind: "call" as const, address })) },
  { weight: 2, arbitrary: initcodeArb.map((initcode) => ({ kind: "create" as const, initcode })) },
);

const accessListArb: fc.Arbitrary<AccessListSeed[]> = fc.array(
  fc.record({ address: fc.constantFrom(...KNOWN_ADDRESSES), storageKeys: fc.array(slotArb, { maxLength: 2 }) }),
  { maxLength: 3 },
);

/** Versioned hashes: version 0x01 (KZG) and random tails; rarely a wrong version. */
const blobHashArb = (version: fc.Arbitrary<number>): fc.Arbitrary<Uint8Array> =>
  fc.record({ version, tail: fc.uint8Array({ minLength: 31, maxLength: 31 }) }).map(({ version, tail }) => Uint8Array.of(version, ...tail));
const kzgVersion = fc.constant(1);
const anyVersion = fc.constantFrom(0, 1, 2);

/** Code an authorization delegates to, or that a signer's pre-state designator names. */
const delegationTargetArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CONTRACT_ADDRESSES) },
  { weight: 2, arbitrary: fc.constantFrom(...SIGNERS.map((s) => s.address), FRESH_AUTHORITY.address) },
  { weight: 1, arbitrary: fc.constantFrom(0x01n, 0x04n, 0x0bn, 0x100n, ABSENT_ACCOUNT) },
  { weight: 1, arbitrary: fc.constant(0n) },
);

const authorizationArb: fc.Arbitrary<AuthorizationSeed> = fc.record({
  authority: fc.integer({ min: 0, max: SIGNERS.length }),
  chainId: fc.oneof({ weight: 8, arbitrary: fc.constantFrom("chain" as const, "any" as const) }, { weight: 1, arbitrary: fc.constantFrom("other" as const, "huge" as const) }),
  nonceOffset: fc.oneof({ weight: 8, arbitrary: fc.constant(0n) }, { weight: 1, arbitrary: fc.constantFrom(-1n, 1n) }),
  nonce: fc.oneof({ weight: 30, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom((1n << 64n) - 1n, 1n << 64n) }),
  target: delegationTargetArb,
  signature: fc.oneof(
    { weight: 10, arbitrary: fc.constant("valid" as const) },
    { weight: 1, arbitrary: fc.constantFrom("high-s" as const, "y-parity-2" as const, "r-zero" as const, "wrong-payload" as const) },
  ),
});

/** Transaction types: type 4 (EIP-7702) mostly where the fork has it, rarely where it is invalid. */
const txTypeArb = (fork: FuzzFork): fc.Arbitrary<TxSeed["type"]> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(0 as const, 1 as const) },
    { weight: 9, arbitrary: fc.constant(2 as const) },
    { weight: 6, arbitrary: fc.constant(3 as const) },
    { weight: SET_CODE_FORKS.includes(fork) ? 12 : 1, arbitrary: fc.constant(4 as const) },
  );

/** EIP-7825 (Osaka) caps a transaction's gas at 2^24: the cap and one above. */
const GAS_CAP_EDGES = [(1n << 24n) - 1n, 1n << 24n, (1n << 24n) + 1n];

const txArbFor = (fork: FuzzFork): fc.Arbitrary<TxSeed> => fc.record({
  type: txTypeArb(fork),
  signer: fc.integer({ min: 0, max: SIGNERS.length - 1 }),
  nonceOffset: fc.oneof({ weight: 40, arbitrary: fc.constant(0n) }, { weight: 1, arbitrary: fc.constant(1n) }),
  unprotected: fc.boolean(),
  recipient: recipientArb,
  value: fc.oneof(
    { weight: 32, arbitrary: fc.constant(0n) },
    { weight: 8, arbitrary: fc.constantFrom(1n, ETHER) },
    { weight: 1, arbitrary: fc.constant(10n ** 30n) },
  ),
  /** Round amounts, and any amount in between so that gas runs out at any instruction. */
  gasLimit: fc.oneof(
    { weight: 6, arbitrary: fc.constant(1_000_000n) },
    { weight: 10, arbitrary: fc.constantFrom(100_000n, 300_000n) },
    { weight: 6, arbitrary: fc.bigInt({ min: 21_000n, max: 400_000n }) },
    { weight: 1, arbitrary: fc.constantFrom(21_000n, 25_000n, 53_000n, 3_000_000n, ...GAS_CAP_EDGES) },
  ),
  floorDelta: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(-1n, 0n, 1n, 5000n) }),
  data: calldataArb,
  accessList: accessListArb,
  tip: fc.constantFrom(0n, 1n, 3n, 10n ** 9n),
  headroom: fc.constantFrom(0n, 1n, 10n, 10n ** 9n),
  underpriced: fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  blobHashes: fc.oneof(
    { weight: 20, arbitrary: fc.array(blobHashArb(kzgVersion), { minLength: 1, maxLength: 6 }) },
    { weight: 1, arbitrary: fc.array(blobHashArb(anyVersion), { minLength: 0, maxLength: 7 }) },
  ),
  maxFeePerBlobGas: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(10n ** 9n, 1000n) }, { weight: 1, arbitrary: fc.constantFrom(0n, 1n) }),
  authorizations: fc.oneof(
    { weight: 20, arbitrary: fc.array(authorizationArb, { minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constant([]) },
  ),
});

/** A signer's code before the transaction: mostly none; on set-code forks sometimes a delegation. */
const delegationArb = (fork: FuzzFork): fc.Arbitrary<bigint | null> =>
  fc.oneof({ weight: SET_CODE_FORKS.includes(fork) ? 6 : 40, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: delegationTargetArb });

/** Scenarios on the given forks (each weighted as FORK_WEIGHTS says). */
export function scenarioArbFor(forks: readonly FuzzFork[]): fc.Arbitrary<Scenario> {
  return forkArbOf(forks).chain((fork) =>
    fc.record({
      fork: fc.constant(fork),
      env: envArb,
      signers: fc.tuple(...SIGNERS.map(() => signerArb)),
      delegations: fc.tuple(...SIGNERS.map(() => delegationArb(fork))),
      contracts: fc.array(fork === "SVM" ? svmContractArb : contractArb, { minLength: 1, maxLength: MAX_CONTRACTS }),
      plainBalance: fc.constantFrom(0n, 1n, ETHER),
      tx: txArbFor(fork),
      deep: fork === "Osaka" || fork === "SVM" ? fc.constant(null) : fc.oneof({ weight: 40, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: deepProgramArb }),
    }),
  );
}

/** Scenarios on every fork the generator knows. */
export const scenarioArb: fc.Arbitrary<Scenario> = scenarioArbFor(FUZZ_FORKS);
