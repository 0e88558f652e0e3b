/**
 * A generated state test, as data: the fork, the block environment, the pre-state (signers, up to
 * four generated contracts, a plain account) and one transaction of any type (0 legacy, 1 EIP-2930,
 * 2 EIP-1559, 3 EIP-4844). Everything is drawn from fast-check arbitraries, so a failing scenario
 * shrinks field by field; `buildScenario` (build.ts) turns it into the signed StateTestCase that
 * implementations run.
 */
import fc from "fast-check";
import { bigIntToBytes, concatBytes } from "../../spec/primitives/bytes.js";
import type { Initcode, Program } from "./program.js";
import { initcodeArb, programArb } from "./program-arbitrary.js";
import { bytesArb, slotArb, wordArb } from "./values.js";
import { COINBASE, CONTRACT_ADDRESSES, KNOWN_ADDRESSES, MAX_CONTRACTS, SIGNERS } from "./world.js";

/** The forks generated: Cancun mostly, London and Shanghai sometimes (the opcodes they lack then halt). */
export const FUZZ_FORKS = ["London", "Shanghai", "Cancun"] as const;
export type FuzzFork = (typeof FUZZ_FORKS)[number];

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

export type Recipient = { readonly kind: "call"; readonly address: bigint } | { readonly kind: "create"; readonly initcode: Initcode };

export interface AccessListSeed {
  readonly address: bigint;
  readonly storageKeys: readonly bigint[];
}

export interface TxSeed {
  readonly type: 0 | 1 | 2 | 3;
  readonly signer: number;
  /** Added to the signer's nonce: non-zero makes the transaction invalid (NONCE_MISMATCH). */
  readonly nonceOffset: bigint;
  /** Legacy only: sign without EIP-155 replay protection (v = 27/28). */
  readonly unprotected: boolean;
  readonly recipient: Recipient;
  readonly value: bigint;
  readonly gasLimit: bigint;
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
}

export interface Scenario {
  readonly fork: FuzzFork;
  readonly env: EnvSeed;
  /** One per signer of world.ts, in order. */
  readonly signers: readonly AccountSeed[];
  /** Installed at CONTRACT_ADDRESSES[0..]. */
  readonly contracts: readonly ContractSeed[];
  /** The balance of PLAIN_ACCOUNT. */
  readonly plainBalance: bigint;
  readonly tx: TxSeed;
}

const ETHER = 10n ** 18n;

const forkArb: fc.Arbitrary<FuzzFork> = fc.oneof(
  { weight: 6, arbitrary: fc.constant("Cancun" as const) },
  { weight: 1, arbitrary: fc.constantFrom("London" as const, "Shanghai" as const) },
);

/** Excess blob gas of zero, of one blob above target, and enough to make blob gas cost > 1 wei. */
const excessBlobGasArb = fc.constantFrom(0n, 0x20000n, 0x60000n, 10_000_000n);

const envArb: fc.Arbitrary<EnvSeed> = fc.record({
  number: fc.constantFrom(1n, 255n, 256n, 257n, 1000n),
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

const contractArb: fc.Arbitrary<ContractSeed> = fc.record({
  program: programArb,
  balance: fc.oneof(fc.constant(0n), fc.constantFrom(1n, ETHER)),
  nonce: fc.constantFrom(0n, 1n),
  storage: fc.array(fc.tuple(slotArb, fc.oneof(fc.constant(1n), wordArb)), { maxLength: 3 }),
});

/** Calldata: random bytes or a few interesting words (what CALLDATALOAD reads). */
const calldataArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  bytesArb(40),
  fc.array(wordArb, { maxLength: 4 }).map((words) => concatBytes(...words.map((word) => bigIntToBytes(word, 32)))),
);

const recipientArb: fc.Arbitrary<Recipient> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: "call" as const, address: CONTRACT_ADDRESSES[0]! }) },
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

const txArb: fc.Arbitrary<TxSeed> = fc.record({
  type: fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(0 as const, 1 as const) },
    { weight: 3, arbitrary: fc.constant(2 as const) },
    { weight: 2, arbitrary: fc.constant(3 as const) },
  ),
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
    { weight: 1, arbitrary: fc.constantFrom(21_000n, 25_000n, 53_000n, 3_000_000n) },
  ),
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
});

export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  fork: forkArb,
  env: envArb,
  signers: fc.tuple(...SIGNERS.map(() => signerArb)),
  contracts: fc.array(contractArb, { minLength: 1, maxLength: MAX_CONTRACTS }),
  plainBalance: fc.constantFrom(0n, 1n, ETHER),
  tx: txArb,
});
