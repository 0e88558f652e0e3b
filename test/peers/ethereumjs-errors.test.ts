import { describe, expect, it } from "vitest";
import { frameStatusOf, haltReasonOf, transactionErrorOf } from "../../conformance/peers/ethereumjs-errors.js";

describe("ethereumjs error messages → vector exception names", () => {
  it.each([
    ["INTRINSIC_GAS_TOO_LOW: tx gas limit 20999 is lower than the minimum gas limit of 21000", "INTRINSIC_GAS_TOO_LOW"],
    ["tx has a higher gas limit than the block (block number=1 ...)", "GAS_ALLOWANCE_EXCEEDED"],
    ["sender doesn't have enough funds to send tx. The upfront cost is: 10", "INSUFFICIENT_ACCOUNT_FUNDS"],
    ["invalid sender address, address is not EOA (EIP-3607)", "SENDER_NOT_EOA"],
    ["nonce cannot equal or exceed MAX_UINT64 (2^64-1), given 18446744073709551615", "NONCE_IS_MAX"],
    ["the tx doesn't have the correct nonce. account has nonce of: 0 tx has nonce of: 1", "NONCE_MISMATCH"],
    ["the initcode size of this transaction is too large: it is 49153 while the max is 49152", "INITCODE_SIZE_EXCEEDED"],
    ["Transaction's maxFeePerBlobGas 1) is less than block blobGasPrice (2).", "INSUFFICIENT_MAX_FEE_PER_BLOB_GAS"],
    ["maxFeePerGas cannot be less than maxPriorityFeePerGas (The total must be the larger of the two)", "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS"],
    ["Transaction's maxFeePerGas (1) is less than the block's baseFeePerGas (7)", "INSUFFICIENT_MAX_FEE_PER_GAS"],
    ["gasLimit * maxFeePerGas cannot exceed MAX_INTEGER (2^256-1)", "GASLIMIT_PRICE_PRODUCT_OVERFLOW"],
    ["tx should contain at least one blob", "TYPE_3_TX_ZERO_BLOBS"],
    ["versioned hash does not start with KZG commitment version", "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH"],
    ["Invalid Signature: s-values greater than secp256k1n/2 are considered invalid", "INVALID_SIGNATURE"],
  ])("%s", (message, name) => {
    expect(transactionErrorOf(message)).toBe(name);
  });

  it("leaves text it does not know unmapped", () => {
    expect(transactionErrorOf("something unexpected happened")).toBeUndefined();
  });
});

describe("ethereumjs EVMError texts → halt reasons (go-ethereum's words)", () => {
  it.each([
    ["out of gas", "out of gas"],
    ["code store out of gas", "contract creation code storage out of gas"],
    ["code size to deposit exceeds maximum code size", "max code size exceeded"],
    ["stack underflow", "stack underflow"],
    ["stack overflow", "stack limit reached 1024 (1023)"],
    ["invalid JUMP", "invalid jump destination"],
    ["invalid JUMP at 0x7426e796/0xc0de000000000000000000000000000000000000:6", "invalid jump destination"],
    ["invalid opcode", "invalid opcode"],
    ["static state change", "write protection"],
    ["create collision", "contract address collision"],
    ["invalid bytecode deployed", "invalid code: must not begin with 0xef"],
    ["initcode exceeds max initcode size", "out of gas"],
    ["kzg proof invalid", "precompile failed"],
  ])("%s", (text, reason) => {
    expect(haltReasonOf(text)).toBe(reason);
  });

  it("a revert is a status, not a halt; no error is success; text it does not know stays unmapped", () => {
    expect(frameStatusOf("revert")).toBe("revert");
    expect(frameStatusOf(undefined)).toBe("success");
    expect(haltReasonOf("revert")).toBeUndefined();
    expect(frameStatusOf("refund exhausted")).toBeUndefined();
  });
});
