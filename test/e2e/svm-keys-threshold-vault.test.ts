/**
 * Issue 11, item 4: a vault held by a 3-of-5 BLS group (one group key, checked by BLS_VERIFY
 * through svm/SVM.sol). The group key and the five shares are dealt by the built `svm keys
 * threshold`, each holder signs with `svm keys partial-sign`, and `svm keys combine` joins any three.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CompiledContract } from "../../src/compile/index.js";
import { CONTRACT_ADDRESS, CHAIN_ID as SINGLE_CALL_CHAIN_ID } from "../../conformance/single-call.js";
import { combinePartials, partialSign } from "../../src/keys/threshold.js";
import { CHAIN_ID } from "../../src/vm/transaction.js";
import { svm } from "../cli/svm-process.js";
import { bytesOf, compileVaults, deploy, expectSameOnSpecAndSrc, FUNDS, hex, keys, OWNER, readJson, RECIPIENT, revertName, withdrawalDigest, withdrawCall, workFolder } from "./vault-fixture.js";

const SEED = "7e5e7e5e7e5e7e5e7e5e7e5e7e5e7e5e";
const AMOUNT = FUNDS / 2n;

describe("a 3-of-5 BLS threshold vault with keys from `svm keys`", () => {
  let vault: CompiledContract;
  let folder: string;
  let groupPublicKey: Uint8Array;

  beforeAll(async () => {
    vault = compileVaults().threshold;
    folder = workFolder();
    const dealt = await keys(["threshold", "--t", "3", "--n", "5", "--seed", SEED, "--out", folder]);
    groupPublicKey = bytesOf(dealt.groupPublicKey);
    expect(readJson(join(folder, "share-5.json")).index).toBe(5);
  });

  it("pays out on any 3 partial signatures combined, refuses 2 and a replay", async () => {
    const { chain, address } = deploy(vault, groupPublicKey);
    const digest = hex(withdrawalDigest(address, CHAIN_ID, RECIPIENT, AMOUNT, 0n));
    const partial = (i: number) => join(folder, `partial-${i}.json`);
    await Promise.all([1, 2, 3, 4, 5].map((i) => keys(["partial-sign", "--share", join(folder, `share-${i}.json`), "--message", digest, "--out", partial(i)])));

    const first = await keys(["combine", partial(1), partial(2), partial(3)]);
    const second = await keys(["combine", partial(5), partial(2), partial(4)]);
    // BLS signatures are unique: every 3 shares interpolate the same f(0)·H(m).
    expect(second.signature).toBe(first.signature);
    expect((first.precompile as { address: string }).address).toBe("0x0000000000000000000000000000000000010030");

    const two = await svm(["keys", "combine", partial(1), partial(2)]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("3 partial signatures are needed");
    const fromTwo = combinePartials([1, 2].map((i) => ({ index: i, signature: bytesOf(readJson(partial(i)).signature) })));
    const refused = chain.send({ from: OWNER, to: address, data: withdrawCall(vault, RECIPIENT, AMOUNT, fromTwo) });
    expect(revertName(vault, refused)).toBe("BadSignature");
    const onePartial = bytesOf(readJson(partial(1)).signature);
    expect(revertName(vault, chain.send({ from: OWNER, to: address, data: withdrawCall(vault, RECIPIENT, AMOUNT, onePartial) }))).toBe("BadSignature");

    const signature = bytesOf(first.signature);
    expect(revertName(vault, chain.send({ from: OWNER, to: address, data: withdrawCall(vault, RECIPIENT, AMOUNT + 1n, signature) }))).toBe("BadSignature");
    const paid = chain.send({ from: OWNER, to: address, data: withdrawCall(vault, RECIPIENT, AMOUNT, signature) });
    expect(paid.status).toBe("success");
    expect(chain.balanceOf(RECIPIENT)).toBe(AMOUNT);
    expect(chain.balanceOf(address)).toBe(FUNDS - AMOUNT);
    expect(revertName(vault, chain.send({ from: OWNER, to: address, data: withdrawCall(vault, RECIPIENT, AMOUNT, signature) }))).toBe("BadSignature");
    expect(chain.balanceOf(RECIPIENT)).toBe(AMOUNT);
  });

  it("combine names a partial that its share did not make, and exits 1", async () => {
    const message = `0x${"42".repeat(32)}`;
    const good = join(folder, "good.json");
    const other = join(folder, "other.json");
    await keys(["partial-sign", "--share", join(folder, "share-1.json"), "--message", message, "--out", good]);
    await keys(["partial-sign", "--share", join(folder, "share-2.json"), "--message", message, "--out", other]);
    const forged = join(folder, "forged.json");
    writeFileSync(forged, JSON.stringify({ ...readJson(other), index: 3, publicKey: readJson(join(folder, "share-3.json")).publicKey }));
    const result = await svm(["keys", "combine", good, other, forged]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(forged);
  });
  it("runs a threshold withdrawal on the spec, which agrees with src/vm on outcome and post-state root", async () => {
    const { chain, address } = deploy(vault, groupPublicKey);
    const deployed = chain.account(address)!;
    // The shares are svm keys' (beforeAll); signing in process here is the code partial-sign runs, to keep this test short.
    const digest = withdrawalDigest(CONTRACT_ADDRESS, SINGLE_CALL_CHAIN_ID, RECIPIENT, AMOUNT, 0n);
    const partials = [2, 3, 5].map((i) => {
      const share = readJson(join(folder, `share-${i}.json`));
      return partialSign({ index: i, secretKey: bytesOf(share.secretKey) }, digest);
    });
    await expectSameOnSpecAndSrc(deployed, withdrawCall(vault, RECIPIENT, AMOUNT, combinePartials(partials)), "success");
    await expectSameOnSpecAndSrc(deployed, withdrawCall(vault, RECIPIENT, AMOUNT, combinePartials(partials.slice(0, 2))), "revert");
  });
});
