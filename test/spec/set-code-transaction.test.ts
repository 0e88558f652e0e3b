/**
 * EIP-7702 set-code transactions (type 4) and EIP-7623's calldata floor in spec/transaction:
 * decoding and re-encoding, the sender, the authorities, the intrinsic gas and the floor, each
 * checked against @ethereumjs/tx and @ethereumjs/util as an independent peer (they build and sign
 * the transaction), and the type-4 validity rules.
 */
import { Common, Hardfork, Mainnet } from "@ethereumjs/common";
import { createEOACode7702Tx } from "@ethereumjs/tx";
import { eoaCode7702RecoverAuthority, eoaCode7702SignAuthorization } from "@ethereumjs/util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { bytesToBigInt, bytesToHex, hexToBytes } from "../../spec/primitives/bytes.js";
import {
  type SetCodeTransaction,
  TransactionError,
  calldataFloorGas,
  decodeTransaction,
  encodeTransaction,
  intrinsicGas,
  recoverAuthority,
  recoverSender,
  validateStatic,
} from "../../spec/transaction/index.js";

const SECRET_KEY = hexToBytes("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
const AUTHORITY_KEY = hexToBytes("0x0000000000000000000000000000000000000000000000000000000000000b0b");
const prague = new Common({ chain: Mainnet, hardfork: Hardfork.Prague });

const hex = (n: bigint) => `0x${n.toString(16)}` as const;

function peerTransaction(seed: { data: Uint8Array; authorizations: number; authNonce: bigint; chainId: bigint }) {
  const authorizationList = Array.from({ length: seed.authorizations }, (_, i) =>
    eoaCode7702SignAuthorization({ chainId: hex(seed.chainId), address: hex(0x1000n + BigInt(i)), nonce: hex(seed.authNonce + BigInt(i)) }, AUTHORITY_KEY),
  );
  return createEOACode7702Tx(
    {
      chainId: 1n,
      nonce: 3n,
      maxPriorityFeePerGas: 1n,
      maxFeePerGas: 10n,
      gasLimit: 1_000_000n,
      to: "0x095e7baea6a6c7c4c2dfeb977efac326af552d87",
      value: 5n,
      data: seed.data,
      accessList: [],
      authorizationList,
    },
    { common: prague },
  ).sign(SECRET_KEY);
}

describe("set-code transactions (EIP-7702) against @ethereumjs/tx", () => {
  it("decode, re-encode, sender, authorities, intrinsic gas and floor agree", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.integer({ min: 1, max: 3 }),
        fc.bigInt({ min: 0n, max: 1n << 40n }),
        fc.constantFrom(0n, 1n, 7n),
        (data, authorizations, authNonce, chainId) => {
          const peer = peerTransaction({ data, authorizations, authNonce, chainId });
          const bytes = peer.serialize();
          const tx = decodeTransaction(bytes) as SetCodeTransaction;
          expect(tx.type).toBe(4);
          expect(bytesToHex(encodeTransaction(tx))).toBe(bytesToHex(bytes));
          expect(recoverSender(tx, SCHEDULES.Prague, 1n)).toBe(bytesToBigInt(peer.getSenderAddress().bytes));
          tx.authorizationList.forEach((authorization, i) => {
            const expected = eoaCode7702RecoverAuthority(peer.authorizationList[i]!);
            expect(recoverAuthority(authorization)).toBe(bytesToBigInt(expected.bytes));
          });
          expect(intrinsicGas(tx, SCHEDULES.Prague)).toBe(peer.getIntrinsicGas());
          const floor = calldataFloorGas(tx, SCHEDULES.Prague);
          expect(floor > intrinsicGas(tx, SCHEDULES.Prague) ? floor : intrinsicGas(tx, SCHEDULES.Prague)).toBe(peer.getMinimumGasLimit());
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("set-code transaction validity", () => {
  const base = decodeTransaction(peerTransaction({ data: new Uint8Array(0), authorizations: 1, authNonce: 0n, chainId: 1n }).serialize()) as SetCodeTransaction;
  const code = (tx: SetCodeTransaction, fork: "Cancun" | "Prague" | "Osaka") => {
    try {
      validateStatic(tx, SCHEDULES[fork]);
      return undefined;
    } catch (error) {
      if (error instanceof TransactionError) return error.code;
      throw error;
    }
  };

  it("exists from Prague, calls an address and carries an authorization", () => {
    expect(code(base, "Prague")).toBeUndefined();
    expect(code(base, "Cancun")).toBe("TYPE_4_TX_PRE_FORK");
    expect(code({ ...base, to: null }, "Prague")).toBe("TYPE_4_TX_CONTRACT_CREATION");
    expect(code({ ...base, authorizationList: [] }, "Prague")).toBe("TYPE_4_EMPTY_AUTHORIZATION_LIST");
  });

  it("pays 25000 per authorization up front (EIP-7702)", () => {
    const two = { ...base, authorizationList: [base.authorizationList[0]!, base.authorizationList[0]!] };
    expect(intrinsicGas(two, SCHEDULES.Prague) - intrinsicGas(base, SCHEDULES.Prague)).toBe(25000n);
  });

  it("caps the gas limit at 2^24 from Osaka (EIP-7825)", () => {
    expect(code({ ...base, gasLimit: 1n << 24n }, "Osaka")).toBeUndefined();
    expect(code({ ...base, gasLimit: (1n << 24n) + 1n }, "Osaka")).toBe("GAS_LIMIT_EXCEEDS_MAXIMUM");
    expect(code({ ...base, gasLimit: (1n << 24n) + 1n }, "Prague")).toBeUndefined();
  });

  it("refuses a gas limit below the calldata floor (EIP-7623), at the floor exactly it passes", () => {
    // 3000 non-zero bytes: intrinsic 21000 + 48000 + 25000 = 94000, floor 21000 + 12000 tokens × 10 = 141000.
    const data = new Uint8Array(3000).fill(1);
    const heavy = { ...base, data };
    const floor = 141000n;
    expect(calldataFloorGas(heavy, SCHEDULES.Prague)).toBe(floor);
    expect(calldataFloorGas(heavy, SCHEDULES.Cancun)).toBe(0n);
    expect(code({ ...heavy, gasLimit: floor }, "Prague")).toBeUndefined();
    expect(code({ ...heavy, gasLimit: floor - 1n }, "Prague")).toBe("INTRINSIC_GAS_BELOW_FLOOR_GAS_COST");
  });

  it("recovers no authority from a high s, an r of zero or a y-parity of 2", () => {
    const authorization = base.authorizationList[0]!;
    const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
    expect(recoverAuthority(authorization)).toBeDefined();
    expect(recoverAuthority({ ...authorization, s: n - authorization.s })).toBeUndefined();
    expect(recoverAuthority({ ...authorization, r: 0n })).toBeUndefined();
    expect(recoverAuthority({ ...authorization, yParity: 2n })).toBeUndefined();
  });
});
