/** The bytecode → StateTestCase builder, checked with the spec's independent transaction decoder. */
import { describe, expect, it } from "vitest";
import {
  CONTRACT_ADDRESS,
  DEFAULT_GAS,
  GAS_PRICE,
  SENDER_ADDRESS,
  SingleCallError,
  singleCallCase,
} from "../../conformance/single-call.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { hexToBytes } from "../../spec/primitives/bytes.js";
import { decodeTransaction, recoverSender } from "../../spec/transaction/index.js";

describe("singleCallCase", () => {
  it("uses the ethereum/tests sender key", () => {
    expect(SENDER_ADDRESS).toBe(0xa94f5374fce5edbc8e2a8697c15331677e6ebf0bn);
  });

  it("signs a legacy call to the contract with the input, gas and value asked for", () => {
    const testCase = singleCallCase({ code: hexToBytes("00"), input: hexToBytes("0xabcd"), gas: 50_000n, value: 7n });
    const tx = decodeTransaction(testCase.txBytes);
    expect(tx).toMatchObject({ type: 0, nonce: 0n, gasLimit: 50_000n, to: CONTRACT_ADDRESS, value: 7n, gasPrice: GAS_PRICE });
    expect(tx.data).toEqual(hexToBytes("0xabcd"));
    expect(recoverSender(tx, SCHEDULES.Cancun, 1n)).toBe(SENDER_ADDRESS);
  });

  it("protects the signature with the chain id (EIP-155) from EIP158 on, and not before", () => {
    const cancun = decodeTransaction(singleCallCase({ code: new Uint8Array(0) }).txBytes);
    const frontier = decodeTransaction(singleCallCase({ code: new Uint8Array(0), fork: "Frontier" }).txBytes);
    expect(cancun.type === 0 && cancun.v >= 37n).toBe(true);
    expect(frontier.type === 0 && (frontier.v === 27n || frontier.v === 28n)).toBe(true);
    expect(recoverSender(frontier, SCHEDULES.Frontier, 1n)).toBe(SENDER_ADDRESS);
  });

  it("builds a block the fork can run: base fee from London, PREVRANDAO from Paris, blob gas from Cancun", () => {
    const env = (fork: string) => singleCallCase({ code: new Uint8Array(0), fork }).env;
    expect(env("Berlin").baseFee).toBeUndefined();
    expect(env("London").baseFee).toBeLessThanOrEqual(GAS_PRICE);
    expect(env("London").prevRandao).toBeUndefined();
    expect(env("Paris")).toMatchObject({ prevRandao: 0n, difficulty: 0n });
    expect(env("Shanghai").excessBlobGas).toBeUndefined();
    expect(env("Cancun").excessBlobGas).toBe(0n);
    expect(env("Cancun").gasLimit).toBeGreaterThanOrEqual(DEFAULT_GAS);
    expect(singleCallCase({ code: new Uint8Array(0), gas: 100_000_000n }).env.gasLimit).toBe(100_000_000n);
  });

  it("funds the sender for the whole upfront cost and installs the code and storage", () => {
    const storage = new Map([[1n, 2n]]);
    const testCase = singleCallCase({ code: hexToBytes("6001"), storage, value: 10n ** 20n });
    const sender = testCase.pre.get(SENDER_ADDRESS)!;
    expect(sender.balance).toBeGreaterThan(DEFAULT_GAS * GAS_PRICE + 10n ** 20n);
    expect(testCase.pre.get(CONTRACT_ADDRESS)).toMatchObject({ code: hexToBytes("6001"), storage });
  });

  it.each([
    [{ fork: "Amsterdam" }, /unknown fork/],
    [{ gas: 0n }, /gas/],
    [{ gas: 1n << 64n }, /gas/],
    [{ value: -1n }, /value/],
    [{ value: 1n << 256n }, /value/],
  ])("rejects %o", (options, message) => {
    expect(() => singleCallCase({ code: new Uint8Array(0), ...options })).toThrow(SingleCallError);
    expect(() => singleCallCase({ code: new Uint8Array(0), ...options })).toThrow(message);
  });
});
