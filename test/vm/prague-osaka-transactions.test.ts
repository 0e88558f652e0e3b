/**
 * Prague and Osaka transaction rules in src/vm: EIP-7702 authorizations and delegated calls,
 * the EIP-7623 calldata floor, the EIP-7825 gas cap, EIP-7939 CLZ, the blob schedule and EIP-7918.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { describe, expect, it } from "vitest";
import type { AccountState, ForkName, PreState } from "../../interface/implementation.js";
import { eestRoot } from "../../conformance/vectors-location.js";
import { excessBlobGas } from "../../src/vm/blob-gas.js";
import { bigIntToBytes, bigIntToMinimalBytes, bytesToBigInt, concatBytes, hexToBytes } from "../../src/vm/bytes.js";
import { delegationDesignator } from "../../src/vm/delegation.js";
import { scheduleOf } from "../../src/vm/forks.js";
import { keccak256 } from "../../src/vm/keccak.js";
import { executeTransaction } from "../../src/vm/processor.js";
import { rlpEncode } from "../../src/vm/rlp.js";
import { runCode } from "../../src/vm/run-code.js";
import { GENESIS_BLOCK } from "../../src/vm/session.js";
import { type Authorization, type Transaction, TransactionRejected } from "../../src/vm/transaction.js";
import { WorldState } from "../../src/vm/world-state.js";

const SENDER = 0x5e4d3an;
const EMPTY = new Uint8Array(0);

function account(code: Uint8Array = EMPTY, nonce = 0n, balance = 0n): AccountState {
  return { nonce, balance, code, storage: new Map() };
}

function tx(fields: Partial<Transaction>): Transaction {
  return {
    type: 2,
    nonce: 0n,
    maxFeePerGas: 0n,
    maxPriorityFeePerGas: 0n,
    gasLimit: 1_000_000n,
    to: 0xdeadn,
    value: 0n,
    data: EMPTY,
    accessList: [],
    maxFeePerBlobGas: 0n,
    blobVersionedHashes: [],
    authorizations: [],
    sender: SENDER,
    ...fields,
  };
}

function run(pre: [bigint, AccountState][], transaction: Transaction, fork: ForkName = "Prague") {
  const state = new WorldState(new Map([[SENDER, account()], ...pre]) as PreState);
  const result = executeTransaction(state, transaction, GENESIS_BLOCK, fork);
  return { state, result };
}

function rejection(pre: [bigint, AccountState][], transaction: Transaction, fork: ForkName): string {
  try {
    run(pre, transaction, fork);
  } catch (error) {
    if (error instanceof TransactionRejected) return error.error;
    throw error;
  }
  return "accepted";
}

/** An authorization signed by `secret` as EIP-7702 specifies: keccak256(0x05 ‖ rlp([chainId, address, nonce])). */
function authorize(secret: Uint8Array, address: bigint, nonce: bigint, chainId = 1n): Authorization {
  const payload = rlpEncode([bigIntToMinimalBytes(chainId), bigIntToBytes(address, 20), bigIntToMinimalBytes(nonce)]);
  const signature = secp256k1.sign(keccak256(concatBytes(Uint8Array.of(0x05), payload)), secret, { prehash: false, format: "recovered" });
  return {
    chainId,
    address,
    nonce,
    yParity: BigInt(signature[0]!),
    r: bytesToBigInt(signature.subarray(1, 33)),
    s: bytesToBigInt(signature.subarray(33, 65)),
  };
}

function addressOf(secret: Uint8Array): bigint {
  return bytesToBigInt(keccak256(secp256k1.getPublicKey(secret, false).subarray(1)).subarray(12));
}

const AUTHORITY_SECRET = hexToBytes("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
const AUTHORITY = addressOf(AUTHORITY_SECRET);
/** PUSH1 0x2a PUSH0 SSTORE STOP: writes 42 to slot 0 of whichever account runs it. */
const STORE_42 = hexToBytes("0x602a5f5500");
const DELEGATE = 0xd1e6a7en;

describe("EIP-7702 set-code transactions", () => {
  it("installs a designator, bumps the authority's nonce, and runs the delegate's code on the authority", () => {
    const { state, result } = run(
      [[DELEGATE, account(STORE_42)]],
      tx({ type: 4, to: AUTHORITY, authorizations: [authorize(AUTHORITY_SECRET, DELEGATE, 0n)] }),
    );
    expect(result.status).toBe("success");
    expect(state.get(AUTHORITY)?.code).toEqual(delegationDesignator(DELEGATE));
    expect(state.get(AUTHORITY)?.nonce).toBe(1n);
    expect(state.get(AUTHORITY)?.storage.get(0n)).toBe(42n);
    expect(state.get(DELEGATE)?.storage.size).toBe(0);
  });

  it("charges 25000 per authorization and refunds 12500 (within the 1/5 cap) when the authority existed", () => {
    const auth = [authorize(AUTHORITY_SECRET, DELEGATE, 0n)];
    const fresh = run([], tx({ type: 4, to: 0xdeadn, authorizations: auth }));
    expect(fresh.result.gasUsed).toBe(21000n + 25000n);
    const existing = run([[AUTHORITY, account(EMPTY, 0n, 1n)]], tx({ type: 4, to: 0xdeadn, authorizations: auth }));
    expect(existing.result.gasUsed).toBe(46000n - 46000n / 5n);
  });

  it("skips an authorization for another chain or with a stale nonce, keeping the transaction", () => {
    const { state, result } = run(
      [[AUTHORITY, account(EMPTY, 3n)]],
      tx({
        type: 4,
        authorizations: [authorize(AUTHORITY_SECRET, DELEGATE, 3n, 2n), authorize(AUTHORITY_SECRET, DELEGATE, 2n)],
      }),
    );
    expect(result.status).toBe("success");
    expect(state.get(AUTHORITY)?.code).toEqual(EMPTY);
    expect(state.get(AUTHORITY)?.nonce).toBe(3n);
  });

  it("warms the authority of a recovered authorization even when a later check skips it", () => {
    // CALLER contract: PUSH0 x5, PUSH20 authority, GAS, CALL, STOP; both authorizations have a stale nonce.
    const callAuthority = concatBytes(hexToBytes("0x5f5f5f5f5f73"), bigIntToBytes(AUTHORITY, 20), hexToBytes("0x5af100"));
    const other = hexToBytes(`0x${"11".repeat(32)}`);
    const pre: [bigint, AccountState][] = [[0xc1n, account(callAuthority)], [AUTHORITY, account(EMPTY, 5n, 1n)]];
    const warmed = run(pre, tx({ type: 4, to: 0xc1n, authorizations: [authorize(AUTHORITY_SECRET, DELEGATE, 0n)] })).result.gasUsed;
    const cold = run(pre, tx({ type: 4, to: 0xc1n, authorizations: [authorize(other, DELEGATE, 9n)] })).result.gasUsed;
    expect(cold - warmed).toBe(2600n - 100n);
  });

  it("clears a delegation when authorized to the zero address", () => {
    const { state } = run(
      [[AUTHORITY, account(delegationDesignator(DELEGATE), 1n)]],
      tx({ type: 4, authorizations: [authorize(AUTHORITY_SECRET, 0n, 1n)] }),
    );
    expect(state.get(AUTHORITY)?.code).toEqual(EMPTY);
    expect(state.get(AUTHORITY)?.nonce).toBe(2n);
  });

  it("charges CALL the delegate's access (2600 cold, 100 warm) on top of the target's", () => {
    // CALLER contract: PUSH0 x5, PUSH20 target, GAS, CALL, STOP.
    const caller = (target: bigint): Uint8Array => concatBytes(hexToBytes("0x5f5f5f5f5f73"), bigIntToBytes(target, 20), hexToBytes("0x5af100"));
    const plain = 0xb0b0n;
    const pre: [bigint, AccountState][] = [
      [0xc1n, account(caller(AUTHORITY))],
      [0xc2n, account(caller(plain))],
      [AUTHORITY, account(delegationDesignator(DELEGATE), 1n)],
      [DELEGATE, account(hexToBytes("0x00"))],
      [plain, account(hexToBytes("0x00"))],
    ];
    const viaDelegation = run(pre, tx({ to: 0xc1n })).result.gasUsed;
    const direct = run(pre, tx({ to: 0xc2n })).result.gasUsed;
    expect(viaDelegation - direct).toBe(2600n);
    const warmDelegate = run(pre, tx({ to: 0xc1n, accessList: [{ address: DELEGATE, storageKeys: [] }] })).result.gasUsed;
    expect(warmDelegate - direct).toBe(100n + 2400n);
  });

  it("lets EXTCODESIZE see the 23-byte designator, not the delegate's code", () => {
    // PUSH20 authority, EXTCODESIZE, PUSH0, SSTORE, STOP
    const probe = concatBytes(hexToBytes("0x73"), bigIntToBytes(AUTHORITY, 20), hexToBytes("0x3b5f5500"));
    const { state } = run(
      [[0xc1n, account(probe)], [AUTHORITY, account(delegationDesignator(DELEGATE), 1n)], [DELEGATE, account(STORE_42)]],
      tx({ to: 0xc1n }),
    );
    expect(state.get(0xc1n)?.storage.get(0n)).toBe(23n);
  });

  it("runs empty code, not the precompile, when the delegate is a precompile", () => {
    // Delegated to SHA256 (0x02): a call returns nothing instead of a hash.
    const { result } = run([[AUTHORITY, account(delegationDesignator(2n), 1n)]], tx({ to: AUTHORITY, data: Uint8Array.of(1) }));
    expect(result.status).toBe("success");
    expect(result.output).toEqual(EMPTY);
  });

  it("follows one delegation only: a delegate that is itself delegated runs its designator, 0xef, and halts", () => {
    const second = 0x5ec0dn;
    const { state, result } = run(
      [[AUTHORITY, account(delegationDesignator(DELEGATE), 1n)], [DELEGATE, account(delegationDesignator(second), 1n)], [second, account(STORE_42)]],
      tx({ to: AUTHORITY }),
    );
    expect(result.status).toBe("invalid opcode");
    expect(state.get(AUTHORITY)?.storage.size).toBe(0);
  });

  it("runs the delegate's code in the caller's storage under DELEGATECALL", () => {
    // PUSH0 x4, PUSH20 authority, GAS, DELEGATECALL, STOP
    const delegatecall = concatBytes(hexToBytes("0x5f5f5f5f73"), bigIntToBytes(AUTHORITY, 20), hexToBytes("0x5af400"));
    const { state } = run(
      [[0xc1n, account(delegatecall)], [AUTHORITY, account(delegationDesignator(DELEGATE), 1n)], [DELEGATE, account(STORE_42)]],
      tx({ to: 0xc1n }),
    );
    expect(state.get(0xc1n)?.storage.get(0n)).toBe(42n);
    expect(state.get(AUTHORITY)?.storage.size).toBe(0);
  });

  it("accepts a delegated sender, rejects one with other code, and rejects type 4 before Prague or without authorizations", () => {
    expect(rejection([[SENDER, account(delegationDesignator(DELEGATE))]], tx({}), "Prague")).toBe("accepted");
    expect(rejection([[SENDER, account(STORE_42)]], tx({}), "Prague")).toBe("SENDER_NOT_EOA");
    expect(rejection([], tx({ type: 4, authorizations: [] }), "Prague")).toBe("TYPE_4_EMPTY_AUTHORIZATION_LIST");
    expect(rejection([], tx({ type: 4, to: null, authorizations: [authorize(AUTHORITY_SECRET, DELEGATE, 0n)] }), "Prague")).toBe(
      "TYPE_4_TX_CONTRACT_CREATION",
    );
  });
});

describe("EIP-7623 calldata floor", () => {
  const data = new Uint8Array(100).fill(0xff); // 400 tokens
  it("charges at least 21000 + 10 per token from Prague", () => {
    expect(run([], tx({ data }), "Cancun").result.gasUsed).toBe(21000n + 16n * 100n);
    expect(run([], tx({ data }), "Prague").result.gasUsed).toBe(21000n + 10n * 400n);
  });

  it("rejects a gas limit below the floor even when it covers intrinsic gas", () => {
    expect(rejection([], tx({ data, gasLimit: 24999n }), "Prague")).toBe("INTRINSIC_GAS_BELOW_FLOOR_GAS_COST");
    expect(rejection([], tx({ data, gasLimit: 25000n }), "Prague")).toBe("accepted");
    expect(rejection([], tx({ data, gasLimit: 22599n }), "Prague")).toBe("INTRINSIC_GAS_TOO_LOW");
  });

  it("leaves execution above the floor alone", () => {
    // One SSTORE to a fresh slot dwarfs the floor of a one-byte calldata.
    const { result } = run([[0xc1n, account(STORE_42)]], tx({ to: 0xc1n, data: Uint8Array.of(1) }), "Prague");
    expect(result.gasUsed).toBe(21000n + 16n + 3n + 2n + 22100n);
  });
});

describe("EIP-7825 transaction gas cap", () => {
  it("rejects a gas limit above 2^24 from Osaka only", () => {
    expect(rejection([], tx({ gasLimit: (1n << 24n) + 1n }), "Osaka")).toBe("GAS_LIMIT_EXCEEDS_MAXIMUM");
    expect(rejection([], tx({ gasLimit: 1n << 24n }), "Osaka")).toBe("accepted");
    expect(rejection([], tx({ gasLimit: (1n << 24n) + 1n }), "Prague")).toBe("accepted");
  });
});

describe("EIP-7939 CLZ", () => {
  /** PUSH32 x, CLZ, PUSH0, MSTORE, PUSH1 32, PUSH0, RETURN */
  const clz = (x: bigint, fork: ForkName = "Osaka") =>
    runCode({ code: concatBytes(hexToBytes("0x7f"), bigIntToBytes(x, 32), hexToBytes("0x1e5f5260205ff3")), fork });

  it.each([
    [0n, 256n],
    [1n, 255n],
    [0x6ffn, 245n],
    [1n << 255n, 0n],
    [(1n << 256n) - 1n, 0n],
    [(1n << 255n) - 1n, 1n],
    [1n << 128n, 127n],
  ])("CLZ(%s) = %s", (x, expected) => {
    const result = clz(x);
    expect(result.status).toBe("success");
    expect(bytesToBigInt(result.output)).toBe(expected);
  });

  it("costs 5 and is an invalid opcode before Osaka", () => {
    // PUSH32 3 + CLZ 5 + PUSH0 2 + MSTORE 3+3 + PUSH1 3 + PUSH0 2 + RETURN 0
    expect(clz(1n).gasUsed).toBe(3n + 5n + 2n + 6n + 3n + 2n);
    expect(clz(1n, "Prague").status).toBe("invalid opcode");
  });
});

describe("blob schedule and EIP-7918", () => {
  const BLOB = 131072n;
  it("matches the EIP-7840 blobSchedule the execution-spec-tests fixtures carry", () => {
    const root = eestRoot();
    if (root === undefined) throw new Error("execution-spec-tests fixtures not found (SVM_EEST_DIR)");
    const folder = join(root, "state_tests", "osaka", "eip7939_count_leading_zeros", "count_leading_zeros");
    const file = JSON.parse(readFileSync(join(folder, readdirSync(folder).sort()[0]!), "utf8")) as Record<
      string,
      { config: { blobSchedule: Record<string, { target: string; max: string; baseFeeUpdateFraction: string }> } }
    >;
    const schedule = Object.values(file)[0]!.config.blobSchedule;
    for (const fork of ["Cancun", "Prague", "Osaka"] as const) {
      const data = scheduleOf(fork);
      expect([BigInt(data.targetBlobGasPerBlock) / BLOB, BigInt(data.maxBlobGasPerBlock) / BLOB, data.blobBaseFeeUpdateFraction], fork).toEqual([
        BigInt(schedule[fork]!.target),
        BigInt(schedule[fork]!.max),
        BigInt(schedule[fork]!.baseFeeUpdateFraction),
      ]);
    }
  });

  it("moves the excess toward each fork's target (Cancun 3, Prague 6)", () => {
    expect(excessBlobGas(scheduleOf("Cancun"), { excessBlobGas: 0n, blobGasUsed: 6n * BLOB, baseFee: 0n })).toBe(3n * BLOB);
    expect(excessBlobGas(scheduleOf("Prague"), { excessBlobGas: 0n, blobGasUsed: 8n * BLOB, baseFee: 7n })).toBe(2n * BLOB);
    expect(excessBlobGas(scheduleOf("Prague"), { excessBlobGas: BLOB, blobGasUsed: 4n * BLOB, baseFee: 0n })).toBe(0n);
  });

  it("from Osaka, keeps the excess growing while blobs cost less than 2^13 execution gas", () => {
    const osaka = scheduleOf("Osaka");
    // Excess 0: a blob costs 131072 wei; 2^13 gas at 1 gwei costs far more, so the bound applies.
    expect(excessBlobGas(osaka, { excessBlobGas: 0n, blobGasUsed: 8n * BLOB, baseFee: 1_000_000_000n })).toBe((8n * BLOB * 3n) / 9n);
    expect(excessBlobGas(osaka, { excessBlobGas: 0n, blobGasUsed: 8n * BLOB, baseFee: 0n })).toBe(2n * BLOB);
    expect(excessBlobGas(scheduleOf("Prague"), { excessBlobGas: 0n, blobGasUsed: 8n * BLOB, baseFee: 1_000_000_000n })).toBe(2n * BLOB);
  });
});
