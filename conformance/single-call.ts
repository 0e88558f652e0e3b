/**
 * Bytecode → StateTestCase: the smallest world in which a piece of EVM code runs as a contract.
 * The code is installed at CONTRACT_ADDRESS, and a funded externally owned account sends it one
 * signed legacy transaction with the given calldata, gas and value. `svm run` and the
 * differential fuzzer both use it, so a snippet runs the same way in both, on any implementation.
 *
 * The sender is the well-known key of ethereum/tests (address 0xa94f…0b). The transaction is
 * signed with EIP-155 replay protection (chain id 1) from the fork that introduced it (EIP158
 * in the vectors' naming, Spurious Dragon), and with v = 27/28 before.
 */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bigIntToMinimalBytes, bytesToBigInt, hexToBytes } from "../spec/primitives/bytes.js";
import { rlpEncode } from "../spec/primitives/rlp.js";
import { SCHEDULES } from "../spec/fork/forks.js";
import { DEFAULT_FORK, isForkName, type AccountState, type BlockEnv, type ForkName, type StateTestCase } from "../interface/implementation.js";

/** A request the builder cannot turn into a valid transaction. */
export class SingleCallError extends Error {
  readonly code = "SINGLE_CALL";
}

export const SENDER_SECRET_KEY = hexToBytes("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
export const SENDER_ADDRESS = bytesToBigInt(keccak_256(secp256k1.getPublicKey(SENDER_SECRET_KEY, false).subarray(1)).subarray(12));
export const CONTRACT_ADDRESS = 0xc0de00000000000000000000000000000000c0den;
export const COINBASE_ADDRESS = 0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ban;
export const CHAIN_ID = 1n;
/** The block's base fee from London on, and the price the transaction pays for gas (≥ the base fee). */
export const BASE_FEE = 7n;
export const GAS_PRICE = 10n;
export const DEFAULT_GAS = 10_000_000n;
/** Large enough that no block gas limit check gets in the way of a requested gas amount. */
const MIN_BLOCK_GAS_LIMIT = 30_000_000n;
/** EIP-2681: a transaction's gas limit is at most 2^64 - 1. */
const MAX_GAS = (1n << 64n) - 1n;
const MAX_WORD = (1n << 256n) - 1n;

export interface SingleCall {
  /** The contract's runtime code. */
  readonly code: Uint8Array;
  /** Calldata (default empty). */
  readonly input?: Uint8Array;
  /** The transaction's gas limit, intrinsic cost included (default DEFAULT_GAS). */
  readonly gas?: bigint;
  /** Wei sent along (default 0). */
  readonly value?: bigint;
  /** Default Cancun. */
  readonly fork?: ForkName | string;
  /** The contract's storage before the call (default empty). */
  readonly storage?: ReadonlyMap<bigint, bigint>;
}

function blockEnv(fork: ForkName, gas: bigint): BlockEnv {
  const schedule = SCHEDULES[fork];
  return {
    coinbase: COINBASE_ADDRESS,
    gasLimit: gas > MIN_BLOCK_GAS_LIMIT ? gas : MIN_BLOCK_GAS_LIMIT,
    number: 1n,
    timestamp: 1000n,
    difficulty: schedule.prevRandaoReplacesDifficulty ? 0n : 0x20000n,
    ...(schedule.prevRandaoReplacesDifficulty && { prevRandao: 0n }),
    ...(schedule.hasBaseFee && { baseFee: BASE_FEE }),
    ...(schedule.txTypes.includes(3) && { excessBlobGas: 0n }),
  };
}

/** A legacy transaction (Yellow Paper §4.2) signed by the sender key; EIP-155 folds the chain id into v. */
export function signedLegacyCall(fork: ForkName, to: bigint, input: Uint8Array, gas: bigint, value: bigint): Uint8Array {
  const fields = [0n, GAS_PRICE, gas].map(bigIntToMinimalBytes);
  const body = [...fields, bigIntToMinimalBytes(to), bigIntToMinimalBytes(value), input];
  const eip155 = SCHEDULES[fork].chainIdInSignature;
  const signingPayload = eip155 ? [...body, bigIntToMinimalBytes(CHAIN_ID), new Uint8Array(0), new Uint8Array(0)] : body;
  const signature = secp256k1.Signature.fromBytes(
    secp256k1.sign(keccak_256(rlpEncode(signingPayload)), SENDER_SECRET_KEY, { prehash: false, format: "recovered" }),
    "recovered",
  );
  const recovery = BigInt(signature.recovery ?? 0);
  const v = eip155 ? CHAIN_ID * 2n + 35n + recovery : 27n + recovery;
  return rlpEncode([...body, bigIntToMinimalBytes(v), bigIntToMinimalBytes(signature.r), bigIntToMinimalBytes(signature.s)]);
}

export function singleCallCase(call: SingleCall): StateTestCase {
  const fork = call.fork ?? DEFAULT_FORK;
  if (!isForkName(fork)) throw new SingleCallError(`unknown fork '${fork}'`);
  const gas = call.gas ?? DEFAULT_GAS;
  if (gas <= 0n || gas > MAX_GAS) throw new SingleCallError(`gas must be between 1 and 2^64-1, got ${gas}`);
  const value = call.value ?? 0n;
  if (value < 0n || value > MAX_WORD) throw new SingleCallError(`value must be a 256-bit unsigned integer, got ${value}`);
  const input = call.input ?? new Uint8Array(0);
  const upfront = gas * GAS_PRICE + value;
  const sender: AccountState = { nonce: 0n, balance: upfront * 2n + 10n ** 18n, code: new Uint8Array(0), storage: new Map() };
  const contract: AccountState = { nonce: 1n, balance: 0n, code: call.code, storage: call.storage ?? new Map() };
  return {
    id: `single-call::${fork}`,
    fork,
    env: blockEnv(fork, gas),
    pre: new Map([
      [SENDER_ADDRESS, sender],
      [CONTRACT_ADDRESS, contract],
    ]),
    txBytes: signedLegacyCall(fork, CONTRACT_ADDRESS, input, gas, value),
  };
}
