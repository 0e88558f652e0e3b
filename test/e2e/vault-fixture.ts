/**
 * The vaults of fixtures/Vaults.sol (import "svm/SVM.sol"), compiled once, deployed on a src/vm
 * chain at fork SVM, and driven the way a wallet would: the withdrawal digest computed off-chain
 * (keccak256 of the ABI encoding the contract uses), signed by the built `svm keys` as a subprocess.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { expect } from "vitest";
import { decodeRevert, encodeCall, encodeParameters, findFunction, hexToBytes } from "../../src/abi/index.js";
import { parseAbiType } from "../../src/abi/types.js";
import { compileSolidityProject } from "../../src/compile/index.js";
import type { CompiledContract } from "../../src/compile/index.js";
import { Chain, type Receipt } from "../../src/vm/session.js";
import { srcImplementation } from "../../src/vm/implementation.js";
import { CONTRACT_ADDRESS, singleCallCase } from "../../conformance/single-call.js";
import { specImplementation } from "../../conformance/impls/spec.js";
import type { AccountState } from "../../interface/implementation.js";
import { svm } from "../cli/svm-process.js";

const FIXTURES = join(import.meta.dirname, "fixtures");

export function compileVaults(): { mlDsa: CompiledContract; threshold: CompiledContract } {
  const { contracts } = compileSolidityProject(join(FIXTURES, "Vaults.sol"), { root: FIXTURES });
  const named = (name: string) => contracts.find((contract) => contract.name === name)!;
  return { mlDsa: named("MlDsaVault"), threshold: named("ThresholdVault") };
}

export const OWNER = 0x0a11ce00000000000000000000000000000000a1n;
export const RECIPIENT = 0x00b0b0000000000000000000000000000000b0b0n;
export const FUNDS = 10n ** 18n;

/** Deploys `vault` with its key as the constructor argument and FUNDS in it; returns the chain and address. */
export function deploy(vault: CompiledContract, key: Uint8Array): { chain: Chain; address: bigint } {
  const chain = new Chain("SVM");
  chain.setBalance(OWNER, 2n * FUNDS);
  const data = new Uint8Array([...vault.creationBytecode, ...encodeParameters([parseAbiType("bytes")], [key])]);
  const receipt = chain.send({ from: OWNER, to: null, data, value: FUNDS });
  expect(receipt.status).toBe("success");
  return { chain, address: receipt.created! };
}

/** keccak256(abi.encode(vault, chainid, to, amount, nonce)), as SignedVault.withdrawalDigest. */
export function withdrawalDigest(vault: bigint, chainId: bigint, to: bigint, amount: bigint, nonce: bigint): Uint8Array {
  const types = ["address", "uint256", "address", "uint256", "uint256"].map(parseAbiType);
  return keccak_256(encodeParameters(types, [address(vault), chainId, address(to), amount, nonce]));
}

export function withdrawCall(vault: CompiledContract, to: bigint, amount: bigint, signature: Uint8Array): Uint8Array {
  return encodeCall(findFunction(vault.abi, "withdraw"), [address(to), amount, signature]);
}

/** The custom error a reverted withdrawal gave, by name. */
export function revertName(vault: CompiledContract, receipt: Receipt): string {
  const reason = decodeRevert(receipt.output, vault.abi);
  return reason.kind === "custom" ? reason.error.name : JSON.stringify(reason, (_, v) => (typeof v === "bigint" ? v.toString() : v));
}

const address = (value: bigint) => `0x${value.toString(16).padStart(40, "0")}`;

export const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString("hex")}`;

export function workFolder(): string {
  return mkdtempSync(join(tmpdir(), "svm-keys-e2e-"));
}

/** Runs `svm keys …` and returns its JSON output; the exit code must be `code`. */
export async function keys(args: readonly string[], code = 0): Promise<Record<string, unknown>> {
  const result = await svm(["keys", ...args, "--json"]);
  expect(result.code, `svm keys ${args.join(" ")}\n${result.stderr}`).toBe(code);
  return code === 0 ? (JSON.parse(result.stdout) as Record<string, unknown>) : {};
}

export function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

export const bytesOf = (value: unknown) => hexToBytes(value as string, "test");

/**
 * Runs a withdrawal from a vault deployed on a src/vm chain, moved with its code, storage and FUNDS
 * to single-call's CONTRACT_ADDRESS, as a signed transaction on the spec and on src/vm: both must
 * end with `status` and the same post-state root.
 */
export async function expectSameOnSpecAndSrc(vault: AccountState, input: Uint8Array, status: "success" | "revert"): Promise<void> {
  const base = singleCallCase({ code: vault.code, storage: vault.storage, fork: "SVM", input });
  const pre = new Map(base.pre);
  pre.set(CONTRACT_ADDRESS, { ...pre.get(CONTRACT_ADDRESS)!, balance: FUNDS });
  const testCase = { ...base, pre };
  const onSpec = await specImplementation.runStateTest(testCase);
  const onSrc = await srcImplementation.runStateTest(testCase);
  expect(onSpec.kind === "executed" && onSpec.status).toBe(status);
  expect(onSrc.kind === "executed" && onSrc.status).toBe(status);
  expect(hex(onSrc.stateRoot)).toBe(hex(onSpec.stateRoot));
}
