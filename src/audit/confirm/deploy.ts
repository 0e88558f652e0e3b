/**
 * The campaign's starting point: the target deployed by the deployer at genesis, the attacker's
 * contract deployed by the attacker, and the slots the constructor gave the deployer.
 */
import type { ForkName } from "../../../interface/implementation.js";
import { type AbiFunction, type AbiInput, bytesToHex, decodeParameters, encodeParameters, formatCall } from "../../abi/index.js";
import type { CompiledContract } from "../../compile/index.js";
import { Chain, GENESIS_BLOCK } from "../../vm/session.js";
import type { ExploitStep } from "../finding.js";
import { ATTACKER, ATTACKER_CONTRACT, addressText, DEPLOYER, ETHER, genesis, TARGET } from "./actors.js";
import { attackerContract } from "./attacker.js";
import { balanceOfFunction } from "./tokens.js";

/** The world after deployment, from which every sequence starts. */
export interface Setup {
  readonly contract: CompiledContract;
  readonly chain: Chain;
  readonly steps: readonly ExploitStep[];
  /** Slots the constructor filled with the deployer's address (an owner, admin, beneficiary). */
  readonly ownerSlots: ReadonlyMap<bigint, bigint>;
  /** The target's `balanceOf(address)`, when it keeps a token (EIP-20). */
  readonly balanceOf: AbiFunction | null;
}

/** The target (or the attacker's contract) could not be deployed. */
export class DeploymentFailed extends Error {
  readonly code = "DEPLOYMENT_FAILED";
}

function creationStep(from: bigint, data: Uint8Array, value: bigint, call: string): ExploitStep {
  const block = { timestamp: GENESIS_BLOCK.timestamp, number: GENESIS_BLOCK.number };
  return { from: addressText(from), to: "", value, calldata: bytesToHex(data), call, block };
}

/** Words of the deployer's address at any byte offset of a slot (packed with other variables). */
function holdsDeployer(value: bigint): boolean {
  for (let shift = 0n; shift <= 96n; shift += 8n) if (((value >> shift) & ((1n << 160n) - 1n)) === DEPLOYER) return true;
  return false;
}

/**
 * Deploys `contract` from the deployer with each candidate argument list in turn (the first that
 * deploys wins), then the attacker's contract from the attacker.
 */
export function deploy(contract: CompiledContract, fork: ForkName, candidates: readonly (readonly AbiInput[])[]): Setup {
  const constructor = contract.abi.find((item) => item.kind === "constructor");
  const inputs = constructor?.kind === "constructor" ? constructor.inputs : [];
  const types = inputs.map((i) => i.type);
  const value = constructor?.stateMutability === "payable" ? ETHER : 0n;
  for (const args of candidates) {
    const chain = new Chain(fork, genesis());
    const encoded = encodeParameters(types, args);
    const data = new Uint8Array(contract.creationBytecode.length + encoded.length);
    data.set(contract.creationBytecode);
    data.set(encoded, contract.creationBytecode.length);
    if (chain.send({ from: DEPLOYER, to: null, value, data }).created !== TARGET) continue;
    const attacker = attackerContract().compiled;
    const attackerDeployed = chain.send({ from: ATTACKER, to: null, data: attacker.creationBytecode });
    if (attackerDeployed.created !== ATTACKER_CONTRACT) {
      throw new DeploymentFailed(`the attacker contract did not deploy (${attackerDeployed.status})`);
    }
    const ownerSlots = new Map<bigint, bigint>();
    for (const [slot, word] of chain.account(TARGET)?.storage ?? []) if (holdsDeployer(word)) ownerSlots.set(slot, word);
    const construction = formatCall({ name: `new ${contract.name}`, inputs }, decodeParameters(types, encoded));
    return {
      contract,
      chain,
      ownerSlots,
      balanceOf: balanceOfFunction(contract),
      steps: [creationStep(DEPLOYER, data, value, construction), creationStep(ATTACKER, attacker.creationBytecode, 0n, "new Attacker()")],
    };
  }
  throw new DeploymentFailed(`${contract.name} did not deploy with any of ${candidates.length} argument lists`);
}

