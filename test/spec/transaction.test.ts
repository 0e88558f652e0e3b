/**
 * Transactions: decoding strictness, sender recovery (signing with a known key through
 * @noble/curves, so the expected sender follows from the key, not from our code), intrinsic gas
 * by hand, each stateless validity rule, and random transactions built and signed by
 * @ethereumjs/tx as an independent peer (types 0-2; its type 3 needs a KZG setup).
 */
import { Common, Hardfork, Mainnet } from "@ethereumjs/common";
import { createAccessList2930Tx, createFeeMarket1559Tx, createLegacyTx } from "@ethereumjs/tx";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { bytesToBigInt, bytesToHex, hexToBytes } from "../../spec/primitives/bytes.js";
import {
  type Transaction,
  TransactionError,
  type TransactionErrorCode,
  decodeTransaction,
  encodeTransaction,
  intrinsicGas,
  recoverSender,
  signingHash,
  transactionHash,
  validateStatic,
} from "../../spec/transaction/index.js";

/** The ethereum/tests key and its address. */
const SECRET_KEY = hexToBytes("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
const SENDER = 0xa94f5374fce5edbc8e2a8697c15331677e6ebf0bn;
const TO = 0x095e7baea6a6c7c4c2dfeb977efac326af552d87n;
const N = secp256k1.Point.CURVE().n;

const { cancun, frontier, homestead, berlin, london, shanghai } = {
  cancun: SCHEDULES.Cancun,
  frontier: SCHEDULES.Frontier,
  homestead: SCHEDULES.Homestead,
  berlin: SCHEDULES.Berlin,
  london: SCHEDULES.London,
  shanghai: SCHEDULES.Shanghai,
};

function sign(tx: Transaction): Transaction {
  const signature = secp256k1.sign(signingHash(tx), SECRET_KEY, { prehash: false, format: "recovered" });
  const recovery = BigInt(signature[0]!);
  const r = bytesToBigInt(signature.subarray(1, 33));
  const s = bytesToBigInt(signature.subarray(33, 65));
  if (tx.type === 0) return { ...tx, r, s, v: tx.chainId === null ? 27n + recovery : tx.chainId * 2n + 35n + recovery };
  return { ...tx, r, s, yParity: recovery };
}

const legacy = (fields: Partial<Extract<Transaction, { type: 0 }>> = {}): Extract<Transaction, { type: 0 }> => ({
  type: 0,
  nonce: 0n,
  gasPrice: 10n,
  gasLimit: 100_000n,
  to: TO,
  value: 1n,
  data: new Uint8Array(0),
  accessList: [],
  v: 27n,
  chainId: null,
  r: 0n,
  s: 0n,
  ...fields,
});

const dynamicFee = (fields: Partial<Extract<Transaction, { type: 2 }>> = {}): Extract<Transaction, { type: 2 }> => ({
  type: 2,
  chainId: 1n,
  nonce: 0n,
  maxPriorityFeePerGas: 1n,
  maxFeePerGas: 10n,
  gasLimit: 100_000n,
  to: TO,
  value: 0n,
  data: new Uint8Array(0),
  accessList: [],
  yParity: 0n,
  r: 0n,
  s: 0n,
  ...fields,
});

const accessListTx = (fields: Partial<Extract<Transaction, { type: 1 }>> = {}): Extract<Transaction, { type: 1 }> => {
  const { maxPriorityFeePerGas: _tip, maxFeePerGas: _cap, ...common } = dynamicFee();
  return { ...common, type: 1, gasPrice: 7n, ...fields };
};

const blob = (fields: Partial<Extract<Transaction, { type: 3 }>> = {}): Extract<Transaction, { type: 3 }> => ({
  ...dynamicFee(),
  type: 3,
  maxFeePerBlobGas: 1n,
  blobVersionedHashes: [hexToBytes(`0x01${"00".repeat(31)}`)],
  ...fields,
});

function errorCode(run: () => unknown): TransactionErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof TransactionError) return error.code;
    throw error;
  }
  return undefined;
}

describe("decodeTransaction", () => {
  it("round-trips every type through encodeTransaction", () => {
    const samples: Transaction[] = [
      sign(legacy()),
      sign(legacy({ chainId: 1n, to: null, data: Uint8Array.of(0x60, 0x00) })),
      sign(accessListTx({ accessList: [{ address: TO, storageKeys: [1n, 2n] }] })),
      sign(dynamicFee({ accessList: [{ address: SENDER, storageKeys: [] }] })),
      sign(blob()),
    ];
    for (const tx of samples) expect(decodeTransaction(encodeTransaction(tx))).toEqual(tx);
  });

  it("derives the EIP-155 chain id from v", () => {
    const tx = decodeTransaction(encodeTransaction(legacy({ v: 37n, r: 1n, s: 1n })));
    expect(tx.type === 0 && tx.chainId).toBe(1n);
    const unprotected = decodeTransaction(encodeTransaction(legacy({ v: 28n, r: 1n, s: 1n })));
    expect(unprotected.type === 0 && unprotected.chainId).toBe(null);
  });

  it("rejects malformed input with a named error", () => {
    const good = encodeTransaction(sign(legacy()));
    expect(errorCode(() => decodeTransaction(new Uint8Array(0)))).toBe("MALFORMED_RLP");
    expect(errorCode(() => decodeTransaction(Uint8Array.of(...good, 0)))).toBe("MALFORMED_RLP");
    expect(errorCode(() => decodeTransaction(Uint8Array.of(0x05, 0xc0)))).toBe("TYPE_NOT_SUPPORTED");
    // a set-code transaction (EIP-7702) needs its thirteen fields
    expect(errorCode(() => decodeTransaction(Uint8Array.of(0x04, 0xc0)))).toBe("MALFORMED_RLP");
    expect(errorCode(() => decodeTransaction(Uint8Array.of(0x80)))).toBe("MALFORMED_RLP");
    // nine fields required: drop the last one
    expect(errorCode(() => decodeTransaction(hexToBytes("0xc8808080808080801b")))).toBe("MALFORMED_RLP");
    // a nonce with a leading zero byte
    expect(errorCode(() => decodeTransaction(hexToBytes("0xca8100808080808080801b")))).toBe("MALFORMED_RLP");
    // a 19-byte `to`
    expect(errorCode(() => decodeTransaction(hexToBytes(`0xdd80808093${"11".repeat(19)}8080018080`)))).toBe("MALFORMED_RLP");
    // a 33-byte value
    expect(errorCode(() => decodeTransaction(hexToBytes(`0xea80808080a1${"01".repeat(33)}80018080`)))).toBe("VALUE_OUT_OF_RANGE");
  });
});

describe("recoverSender", () => {
  it("recovers the key's address for each kind of signature", () => {
    expect(recoverSender(sign(legacy()), frontier, 1n)).toBe(SENDER);
    expect(recoverSender(sign(legacy({ chainId: 1n })), cancun, 1n)).toBe(SENDER);
    expect(recoverSender(sign(dynamicFee()), cancun, 1n)).toBe(SENDER);
    expect(recoverSender(sign(blob()), cancun, 1n)).toBe(SENDER);
  });

  it("accepts an EIP-155 chain id only from EIP-158 (Spurious Dragon) on, and only the chain's", () => {
    const protectedTx = sign(legacy({ chainId: 1n }));
    expect(errorCode(() => recoverSender(protectedTx, SCHEDULES.EIP150, 1n))).toBe("INVALID_CHAIN_ID");
    expect(recoverSender(protectedTx, SCHEDULES.EIP158, 1n)).toBe(SENDER);
    expect(errorCode(() => recoverSender(protectedTx, cancun, 5n))).toBe("INVALID_CHAIN_ID");
    expect(errorCode(() => recoverSender(sign(dynamicFee({ chainId: 2n })), cancun, 1n))).toBe("INVALID_CHAIN_ID");
  });

  it("rejects a high s from Homestead on (EIP-2) but not in Frontier", () => {
    const tx = sign(legacy());
    if (tx.type !== 0) throw new Error("unreachable");
    const flipped = { ...tx, s: N - tx.s, v: tx.v === 27n ? 28n : 27n };
    expect(recoverSender(flipped, frontier, 1n)).toBe(SENDER);
    expect(errorCode(() => recoverSender(flipped, homestead, 1n))).toBe("INVALID_SIGNATURE");
  });

  it("rejects r or s out of 1..n-1 and invalid recovery ids", () => {
    const tx = sign(legacy());
    expect(errorCode(() => recoverSender({ ...tx, r: 0n }, frontier, 1n))).toBe("INVALID_SIGNATURE");
    expect(errorCode(() => recoverSender({ ...tx, s: N }, frontier, 1n))).toBe("INVALID_SIGNATURE");
    expect(errorCode(() => recoverSender({ ...tx, v: 29n } as Transaction, frontier, 1n))).toBe("INVALID_SIGNATURE");
    expect(errorCode(() => recoverSender({ ...sign(dynamicFee()), yParity: 2n } as Transaction, cancun, 1n))).toBe("INVALID_SIGNATURE");
  });

  it("gives a different sender when the signed content changes", () => {
    const tx = sign(legacy());
    expect(recoverSender({ ...tx, value: 2n }, frontier, 1n)).not.toBe(SENDER);
  });
});

describe("intrinsicGas", () => {
  const data = Uint8Array.of(0, 0, 1, 2, 0);

  it("charges 21000 plus 4 per zero and 68 per non-zero byte before Istanbul, 16 after (EIP-2028)", () => {
    expect(intrinsicGas(legacy({ data }), frontier)).toBe(21000n + 3n * 4n + 2n * 68n);
    expect(intrinsicGas(legacy({ data }), SCHEDULES.Istanbul)).toBe(21000n + 3n * 4n + 2n * 16n);
  });

  it("charges creations 32000 more from Homestead (EIP-2), plus 2 per initcode word from Shanghai (EIP-3860)", () => {
    expect(intrinsicGas(legacy({ to: null, data }), frontier)).toBe(21000n + 12n + 136n);
    expect(intrinsicGas(legacy({ to: null, data }), homestead)).toBe(53000n + 12n + 136n);
    const initcode = new Uint8Array(33).fill(1);
    expect(intrinsicGas(legacy({ to: null, data: initcode }), shanghai)).toBe(53000n + 33n * 16n + 2n * 2n);
  });

  it("charges 2400 per access-list address and 1900 per storage key (EIP-2930)", () => {
    const tx = dynamicFee({ accessList: [{ address: TO, storageKeys: [1n, 2n] }, { address: SENDER, storageKeys: [] }] });
    expect(intrinsicGas(tx, berlin)).toBe(21000n + 2n * 2400n + 2n * 1900n);
  });
});

describe("validateStatic", () => {
  const cases: [string, Transaction, typeof cancun, TransactionErrorCode | undefined][] = [
    ["a valid call", legacy(), cancun, undefined],
    ["type 2 before London", dynamicFee(), berlin, "TYPE_NOT_SUPPORTED"],
    ["type 3 before Cancun", blob(), shanghai, "TYPE_3_TX_PRE_FORK"],
    ["gas below intrinsic", legacy({ gasLimit: 20_999n }), cancun, "INTRINSIC_GAS_TOO_LOW"],
    ["gas limit of 2^64", legacy({ gasLimit: 1n << 64n }), cancun, "VALUE_OUT_OF_RANGE"],
    ["nonce 2^64 - 1 (EIP-2681)", legacy({ nonce: (1n << 64n) - 1n }), cancun, "NONCE_IS_MAX"],
    ["nonce 2^64 - 2", legacy({ nonce: (1n << 64n) - 2n }), cancun, undefined],
    ["initcode over 49152 bytes (EIP-3860)", legacy({ to: null, gasLimit: 10_000_000n, data: new Uint8Array(49153) }), shanghai, "INITCODE_SIZE_EXCEEDED"],
    ["initcode of 49152 bytes", legacy({ to: null, gasLimit: 10_000_000n, data: new Uint8Array(49152) }), shanghai, undefined],
    ["large initcode before Shanghai", legacy({ to: null, gasLimit: 10_000_000n, data: new Uint8Array(49153) }), london, undefined],
    ["priority fee above max fee", dynamicFee({ maxPriorityFeePerGas: 11n }), london, "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS"],
    ["gas times price past 2^256", legacy({ gasPrice: 1n << 240n, gasLimit: 1n << 20n }), cancun, "GASLIMIT_PRICE_PRODUCT_OVERFLOW"],
    ["blob creation", blob({ to: null }), cancun, "TYPE_3_TX_CONTRACT_CREATION"],
    ["no blobs", blob({ blobVersionedHashes: [] }), cancun, "TYPE_3_TX_ZERO_BLOBS"],
    ["seven blobs", blob({ blobVersionedHashes: Array.from({ length: 7 }, () => hexToBytes(`0x01${"00".repeat(31)}`)) }), cancun, "TYPE_3_TX_BLOB_COUNT_EXCEEDED"],
    ["six blobs", blob({ blobVersionedHashes: Array.from({ length: 6 }, () => hexToBytes(`0x01${"00".repeat(31)}`)) }), cancun, undefined],
    ["blob hash version 2", blob({ blobVersionedHashes: [hexToBytes(`0x02${"00".repeat(31)}`)] }), cancun, "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH"],
  ];
  it.each(cases)("%s", (_, tx, schedule, expected) => {
    expect(errorCode(() => validateStatic(tx, schedule))).toBe(expected);
  });
});

describe("transactionHash", () => {
  it("is keccak256 of the bytes as sent (the envelope included)", () => {
    const bytes = encodeTransaction(sign(dynamicFee()));
    expect(bytes[0]).toBe(2);
    expect(bytesToHex(transactionHash(bytes))).toMatch(/^0x[0-9a-f]{64}$/);
    expect(transactionHash(bytes)).not.toEqual(transactionHash(bytes.subarray(1)));
  });
});

describe("against @ethereumjs/tx", () => {
  const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun });
  const uint = (bits: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n });
  const fields = fc.record({
    nonce: uint(63),
    gasLimit: fc.bigInt({ min: 21000n, max: 30_000_000n }),
    fee: uint(64),
    tip: uint(64),
    to: fc.option(uint(160), { nil: null }),
    value: uint(256),
    data: fc.uint8Array({ maxLength: 64 }),
    accessList: fc.array(fc.record({ address: uint(160), storageKeys: fc.array(uint(256), { maxLength: 3 }) }), { maxLength: 3 }),
    type: fc.constantFrom(0, 1, 2),
  });
  const hex = (n: bigint, bytes: number) => `0x${n.toString(16).padStart(bytes * 2, "0")}`;

  it("decodes, re-encodes, hashes, recovers and prices their transactions as they do", () => {
    fc.assert(
      fc.property(fields, (f) => {
        const common2930 = {
          nonce: f.nonce,
          gasLimit: f.gasLimit,
          to: f.to === null ? undefined : hex(f.to, 20),
          value: f.value,
          data: f.data,
          accessList: f.accessList.map((e) => ({ address: hex(e.address, 20), storageKeys: e.storageKeys.map((k) => hex(k, 32)) })),
        };
        const peer =
          f.type === 0
            ? createLegacyTx({ ...common2930, accessList: undefined, gasPrice: f.fee }, { common }).sign(SECRET_KEY)
            : f.type === 1
              ? createAccessList2930Tx({ ...common2930, gasPrice: f.fee }, { common }).sign(SECRET_KEY)
              : createFeeMarket1559Tx({ ...common2930, maxFeePerGas: f.fee + f.tip, maxPriorityFeePerGas: f.tip }, { common }).sign(
                  SECRET_KEY,
                );
        const bytes = peer.serialize();
        const tx = decodeTransaction(bytes);
        expect(bytesToHex(encodeTransaction(tx))).toBe(bytesToHex(bytes));
        expect(bytesToHex(transactionHash(bytes))).toBe(bytesToHex(peer.hash()));
        expect(bytesToHex(signingHash(tx))).toBe(bytesToHex(peer.getHashedMessageToSign()));
        expect(recoverSender(tx, cancun, 1n)).toBe(SENDER);
        expect(intrinsicGas(tx, cancun)).toBe(peer.getIntrinsicGas());
      }),
      { numRuns: 60 },
    );
  });
});
