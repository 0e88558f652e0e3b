/**
 * Issue 11, item 4: a vault that pays out only on an ML-DSA-44 signature (FIPS 204, checked by the
 * MLDSA44_VERIFY precompile through svm/SVM.sol), with keys and signatures made by the built
 * `svm keys`. Runs on src/vm, and the same withdrawal on the spec, whose post-state must match.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTRACT_ADDRESS, CHAIN_ID as SINGLE_CALL_CHAIN_ID } from "../../conformance/single-call.js";
import type { CompiledContract } from "../../src/compile/index.js";
import { CHAIN_ID } from "../../src/vm/transaction.js";
import { bytesOf, compileVaults, deploy, expectSameOnSpecAndSrc, FUNDS, hex, keys, OWNER, RECIPIENT, revertName, withdrawalDigest, withdrawCall, workFolder } from "./vault-fixture.js";

const SEED = "5eed00000000000000000000000000000000000000000000000000000000c0de";
const AMOUNT = FUNDS / 4n;

describe("an ML-DSA-44 vault with keys from `svm keys`", () => {
  let vault: CompiledContract;
  let keyFile: string;
  let publicKey: Uint8Array;

  beforeAll(async () => {
    vault = compileVaults().mlDsa;
    keyFile = join(workFolder(), "owner.json");
    const key = await keys(["generate", "--scheme", "ml-dsa-44", "--seed", SEED, "--out", keyFile]);
    publicKey = bytesOf(key.publicKey);
    expect(publicKey.length).toBe(1312);
  });

  const signDigest = async (digest: Uint8Array) => bytesOf((await keys(["sign", "--key", keyFile, "--message", hex(digest)])).signature);

  it("pays out on a valid signature, once; refuses a tampered order, a tampered signature and a replay", async () => {
    const { chain, address } = deploy(vault, publicKey);
    const signature = await signDigest(withdrawalDigest(address, CHAIN_ID, RECIPIENT, AMOUNT, 0n));
    expect(signature.length).toBe(2420);

    const moreThanSigned = chain.send({ from: OWNER, to: address, data: withdrawCall(vault, RECIPIENT, AMOUNT + 1n, signature) });
    expect(moreThanSigned.status).toBe("revert");
    expect(revertName(vault, moreThanSigned)).toBe("BadSignature");
    const elsewhere = chain.send({ from: OWNER, to: address, data: withdrawCall(vault, OWNER, AMOUNT, signature) });
    expect(revertName(vault, elsewhere)).toBe("BadSignature");
    const flipped = signature.slice();
    flipped[100]! ^= 1;
    expect(revertName(vault, chain.send({ from: OWNER, to: address, data: withdrawCall(vault, RECIPIENT, AMOUNT, flipped) }))).toBe("BadSignature");
    expect(chain.balanceOf(RECIPIENT)).toBe(0n);

    const paid = chain.send({ from: OWNER, to: address, data: withdrawCall(vault, RECIPIENT, AMOUNT, signature) });
    expect(paid.status).toBe("success");
    expect(chain.balanceOf(RECIPIENT)).toBe(AMOUNT);
    expect(chain.balanceOf(address)).toBe(FUNDS - AMOUNT);
    expect(chain.storageAt(address, 0n)).toBe(1n);

    const replay = chain.send({ from: OWNER, to: address, data: withdrawCall(vault, RECIPIENT, AMOUNT, signature) });
    expect(revertName(vault, replay)).toBe("BadSignature");
    expect(chain.balanceOf(RECIPIENT)).toBe(AMOUNT);

    const next = await signDigest(withdrawalDigest(address, CHAIN_ID, RECIPIENT, AMOUNT, 1n));
    expect(chain.send({ from: OWNER, to: address, data: withdrawCall(vault, RECIPIENT, AMOUNT, next) }).status).toBe("success");
    expect(chain.balanceOf(RECIPIENT)).toBe(2n * AMOUNT);
  });

  it("runs the same withdrawal on the spec, which agrees with src/vm on outcome and post-state root", async () => {
    const { chain, address } = deploy(vault, publicKey);
    const deployed = chain.account(address)!;
    const signature = await signDigest(withdrawalDigest(CONTRACT_ADDRESS, SINGLE_CALL_CHAIN_ID, RECIPIENT, AMOUNT, 0n));
    const tampered = signature.slice();
    tampered[7]! ^= 0x80;
    await expectSameOnSpecAndSrc(deployed, withdrawCall(vault, RECIPIENT, AMOUNT, signature), "success");
    await expectSameOnSpecAndSrc(deployed, withdrawCall(vault, RECIPIENT, AMOUNT, tampered), "revert");
  });
});
