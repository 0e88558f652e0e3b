/**
 * One campaign against one contract on src/vm: deploy it (and the attacker's contract) once, then
 * run sequences of actions from that snapshot, each transaction watched by a TransactionObserver
 * and judged by the oracles (oracles.ts).
 */
import {
  type AbiInput,
  bytesToHex,
  decodeCall,
  decodeParameters,
  encodeCall,
  encodeParameters,
  formatCall,
  signatureOf,
} from "../../abi/index.js";
import type { CompiledContract } from "../../compile/index.js";
import { Chain, GENESIS_BLOCK, type Receipt } from "../../vm/session.js";
import type { ExploitStep } from "../finding.js";
import {
  ACTOR_ADDRESS,
  ATTACKER,
  ATTACKER_CONTRACT,
  addressText,
  attackerHoldings,
  DEPLOYER,
  genesis,
  nameOf,
  TARGET,
} from "./actors.js";
import type { Action, TargetCall, Wait } from "./actions.js";
import { AnswerMode, attackerContract, setBaitCalldata, strikeCalldata } from "./attacker.js";
import { TransactionObserver } from "./observer.js";
import { judge, type Observation, type TransactionContext } from "./oracles.js";
import type { ForkName } from "../../../conformance/implementation.js";

/** The world after deployment, from which every sequence starts. */
export interface Setup {
  readonly contract: CompiledContract;
  readonly chain: Chain;
  readonly steps: readonly ExploitStep[];
  /** Slots the constructor filled with the deployer's address (an owner, admin, beneficiary). */
  readonly ownerSlots: ReadonlyMap<bigint, bigint>;
}

/** One transaction of a sequence as it ran. */
export interface SentTransaction {
  readonly step: ExploitStep;
  readonly receipt: Receipt;
  /** Signatures of the target's functions the transaction entered. */
  readonly functions: ReadonlySet<string>;
  /** A direct call of one of the target's functions, for gas statistics. */
  readonly direct: string | null;
  /** pcs of the target's runtime code that ran. */
  readonly reached: ReadonlySet<number>;
  /** Index of the action it belongs to. */
  readonly action: number;
}

export interface SequenceRun {
  readonly transactions: readonly SentTransaction[];
  /** Each with `transaction`, the index of the decisive transaction. */
  readonly observations: readonly Observation[];
}

export class DeploymentFailed extends Error {
  readonly code = "DEPLOYMENT_FAILED";
}

function creationStep(from: bigint, data: Uint8Array, value: bigint, call: string): ExploitStep {
  return { from: addressText(from), to: "", value, calldata: bytesToHex(data), call, block: { timestamp: GENESIS_BLOCK.timestamp, number: GENESIS_BLOCK.number } };
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
  const payable = constructor?.kind === "constructor" && constructor.stateMutability === "payable";
  const value = payable ? 10n ** 18n : 0n;
  for (const args of candidates) {
    const chain = new Chain(fork, genesis());
    const types = constructor?.kind === "constructor" ? constructor.inputs.map((i) => i.type) : [];
    const encoded = encodeParameters(types, args);
    const data = new Uint8Array(contract.creationBytecode.length + encoded.length);
    data.set(contract.creationBytecode);
    data.set(encoded, contract.creationBytecode.length);
    const receipt = chain.send({ from: DEPLOYER, to: null, value, data });
    if (receipt.created !== TARGET) continue;
    const inputs = constructor?.kind === "constructor" ? constructor.inputs : [];
    const ctorText = formatCall({ name: `new ${contract.name}`, inputs }, decodeParameters(types, encoded));
    const attacker = attackerContract().compiled;
    const attackerDeployed = chain.send({ from: ATTACKER, to: null, data: attacker.creationBytecode });
    if (attackerDeployed.created !== ATTACKER_CONTRACT) throw new DeploymentFailed(`the attacker contract did not deploy (${attackerDeployed.status})`);
    const ownerSlots = new Map<bigint, bigint>();
    for (const [slot, word] of chain.account(TARGET)?.storage ?? []) if (holdsDeployer(word)) ownerSlots.set(slot, word);
    return {
      contract,
      chain,
      ownerSlots,
      steps: [creationStep(DEPLOYER, data, value, ctorText), creationStep(ATTACKER, attacker.creationBytecode, 0n, "new Attacker()")],
    };
  }
  throw new DeploymentFailed(`${contract.name} did not deploy with any of ${candidates.length} argument lists`);
}

/** `withdraw(amount=1)`, decoded back from the calldata so that it shows what was sent. */
function describeCall(setup: Setup, call: TargetCall | null): string {
  if (call === null) return `${setup.contract.name}: plain ether transfer (receive/fallback)`;
  const decoded = decodeCall([call.fn], encodeCall(call.fn, call.args));
  return `${setup.contract.name}.${formatCall(call.fn, decoded.args)}`;
}

function signature(call: TargetCall | null): string {
  return call === null ? "receive()" : signatureOf(call.fn);
}

function encode(call: TargetCall | null): Uint8Array {
  return call === null ? new Uint8Array(0) : encodeCall(call.fn, call.args);
}

const MODE_TEXT: Record<AnswerMode, string> = {
  [AnswerMode.Accept]: "accepting call-backs",
  [AnswerMode.Reenter]: "re-entering",
  [AnswerMode.Refuse]: "refusing every call-back",
};

interface Planned {
  readonly from: bigint;
  readonly to: bigint;
  readonly value: bigint;
  readonly data: Uint8Array;
  readonly call: string;
  readonly route: Observation["route"];
  readonly functions: (reentered: boolean) => Set<string>;
  readonly direct: string | null;
}

/** The transactions of one action. */
function plan(setup: Setup, action: Action): Planned[] {
  switch (action.kind) {
    case "call":
      return [
        {
          from: ACTOR_ADDRESS[action.actor],
          to: TARGET,
          value: action.value,
          data: encode(action.call),
          call: `${action.actor}: ${describeCall(setup, action.call)}`,
          route: "direct",
          functions: () => new Set([signature(action.call)]),
          direct: signature(action.call),
        },
      ];
    case "strike": {
      const data = encode(action.call);
      const again = encode(action.again);
      const answer = action.mode === AnswerMode.Reenter ? `${MODE_TEXT[action.mode]} with ${describeCall(setup, action.again)} up to ${action.times}×` : MODE_TEXT[action.mode];
      return [
        {
          from: ATTACKER,
          to: ATTACKER_CONTRACT,
          value: action.value,
          data: strikeCalldata(TARGET, data, action.mode, again, action.times),
          call: `attacker via its contract: ${describeCall(setup, action.call)}, ${answer}`,
          route: "direct",
          functions: (reentered) => new Set([signature(action.call), ...(reentered ? [signature(action.again)] : [])]),
          direct: null,
        },
      ];
    }
    case "bait":
      return [
        {
          from: ATTACKER,
          to: ATTACKER_CONTRACT,
          value: 0n,
          data: setBaitCalldata(TARGET, encode(action.call)),
          call: `attacker arms its contract with ${describeCall(setup, action.call)}`,
          route: "direct",
          functions: () => new Set(),
          direct: null,
        },
        {
          from: DEPLOYER,
          to: ATTACKER_CONTRACT,
          value: 0n,
          data: new Uint8Array(0),
          call: `deployer (the owner) calls the attacker's contract, which calls ${describeCall(setup, action.call)}`,
          route: "bait",
          functions: () => new Set([signature(action.call)]),
          direct: null,
        },
      ];
  }
}

function advance(chain: Chain, wait: Wait): void {
  chain.block = { ...chain.block, timestamp: chain.block.timestamp + wait.seconds, number: chain.block.number + wait.blocks };
}

export interface RunOptions {
  /** Re-run transactions that read the clock at other timestamps and heights (costs extra runs). */
  readonly checkClock: boolean;
  /** Date.now() after which no further transaction is sent (the run is then cut short). */
  readonly deadline: number;
}

/**
 * Gas of each campaign transaction: enough for deep re-entrance, small enough that a transaction
 * that loops until it runs out costs a bounded time under the tracer.
 */
export const CAMPAIGN_GAS = 3_000_000n;

/** Runs `actions` from the setup's snapshot, judging every transaction. */
export function runSequence(setup: Setup, actions: readonly Action[], options: RunOptions): SequenceRun {
  const chain = setup.chain.copy();
  const start = attackerHoldings((a) => chain.balanceOf(a));
  const transactions: SentTransaction[] = [];
  const observations: Observation[] = [];
  let bestProfit = 0n;
  const name = (address: bigint) => nameOf(address, setup.contract.name);
  for (const [index, action] of actions.entries()) {
    if (Date.now() >= options.deadline) break;
    advance(chain, action.wait);
    for (const planned of plan(setup, action)) {
      const before = chain.copy();
      const observer = new TransactionObserver(planned.from, planned.to, name);
      const receipt = chain.send({ from: planned.from, to: planned.to, value: planned.value, data: planned.data, gasLimit: CAMPAIGN_GAS }, observer);
      observer.finish(receipt.success);
      const functions = planned.functions(observer.reentered);
      transactions.push({
        step: {
          from: addressText(planned.from),
          to: addressText(planned.to),
          value: planned.value,
          calldata: bytesToHex(planned.data),
          call: planned.call,
          block: { timestamp: before.block.timestamp, number: before.block.number },
        },
        receipt,
        functions,
        direct: receipt.success ? planned.direct : null,
        reached: observer.reached,
        action: index,
      });
      const context: TransactionContext = {
        setup,
        before,
        after: chain,
        receipt,
        observer,
        from: planned.from,
        to: planned.to,
        value: planned.value,
        data: planned.data,
        route: observer.reentered ? "reentrant" : planned.route,
        functions,
        profit: attackerHoldings((a) => chain.balanceOf(a)) - start,
        bestProfit,
        checkClock: options.checkClock,
        gasLimit: CAMPAIGN_GAS,
        name,
      };
      for (const observation of judge(context)) observations.push({ ...observation, transaction: transactions.length - 1 });
      if (context.profit > bestProfit) bestProfit = context.profit;
    }
  }
  return { transactions, observations };
}
