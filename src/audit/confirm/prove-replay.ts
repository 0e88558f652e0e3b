/**
 * The prover's witness replayed on src/vm: the call sent from the campaign's deployed state, watched
 * by the campaign's observer (its trace excerpt) and by a watcher of the finding's instructions,
 * which records their operands as they ran in the target's own frame.
 */
import type { Tracer, TraceStep } from "../../../interface/implementation.js";
import type { Witness } from "../../../proofs/reach-pc.js";
import { bytesToHex, decodeParameters, formatCall, type AbiFunction } from "../../abi/index.js";
import { stackArity } from "../../vm/opcodes.js";
import type { Chain, Receipt } from "../../vm/session.js";
import type { ExploitStep } from "../finding.js";
import { addressText, DEPLOYER, nameOf, TARGET } from "./actors.js";
import { CAMPAIGN_GAS } from "./campaign.js";
import type { Setup } from "./deploy.js";
import { TransactionObserver } from "./observer.js";

/** A watched instruction as it ran: its operands, top of the stack first. */
export interface WatchedStep {
  readonly pc: number;
  readonly opcode: number;
  readonly operands: readonly bigint[];
}

export interface WitnessReplay {
  /** The transactions sent: the caller funded by the deployer when it pays more than it holds, then the call. */
  readonly steps: readonly ExploitStep[];
  readonly receipt: Receipt;
  readonly seen: readonly WatchedStep[];
  /** The campaign observer's excerpt, with the watched instructions' operands in their place. */
  readonly trace: readonly string[];
}

/** Forwards every step to the observer and notes the watched instructions of the top frame (depth 1: the target's code). */
class Watcher implements Tracer {
  readonly seen: WatchedStep[] = [];

  constructor(
    private readonly pcs: ReadonlySet<number>,
    readonly observer: TransactionObserver,
  ) {}

  step(s: TraceStep): void {
    this.observer.step(s);
    if (s.depth !== 1 || !this.pcs.has(s.pc)) return;
    const [pops] = stackArity(s.op);
    const operands = s.stack.slice(s.stack.length - pops).reverse();
    this.seen.push({ pc: s.pc, opcode: s.op, operands });
    this.observer.excerpt.push(`[1] ${s.opName} at pc ${s.pc} with operands ${operands.join(", ")} (top first)`);
  }
}

/** The call decoded with the function's ABI, or its selector and raw arguments when they do not decode. */
function callText(fn: AbiFunction, calldata: Uint8Array): string {
  try {
    return formatCall(fn, decodeParameters(fn.inputs.map((i) => i.type), calldata.subarray(4)));
  } catch {
    return `${fn.name}(${bytesToHex(calldata.subarray(4))})`;
  }
}

function stepOf(chain: Chain, from: bigint, to: bigint, value: bigint, calldata: Uint8Array, call: string): ExploitStep {
  return {
    from: addressText(from),
    to: addressText(to),
    value,
    calldata: bytesToHex(calldata),
    call,
    block: { timestamp: chain.block.timestamp, number: chain.block.number },
  };
}

/**
 * Sends the witness's call from the deployed state and watches `pcs`. A caller that pays more than
 * it holds is first sent the difference by the deployer, a transaction of the evidence too, so
 * the evidence replays from genesis alone.
 */
export function replayWitness(setup: Setup, fn: AbiFunction, witness: Witness, pcs: ReadonlySet<number>): WitnessReplay {
  const chain = setup.chain.copy();
  const steps: ExploitStep[] = [];
  const missing = witness.value - chain.balanceOf(witness.caller);
  if (missing > 0n) {
    steps.push(stepOf(chain, DEPLOYER, witness.caller, missing, new Uint8Array(0), "ether to the caller"));
    chain.send({ from: DEPLOYER, to: witness.caller, value: missing });
  }
  const watcher = new Watcher(pcs, new TransactionObserver(witness.caller, TARGET, (address) => nameOf(address, setup.contract.name)));
  steps.push(stepOf(chain, witness.caller, TARGET, witness.value, witness.calldata, callText(fn, witness.calldata)));
  const receipt = chain.send({ from: witness.caller, to: TARGET, value: witness.value, data: witness.calldata, gasLimit: CAMPAIGN_GAS }, watcher);
  watcher.observer.finish(receipt.success);
  return { steps, receipt, seen: watcher.seen, trace: watcher.observer.excerpt };
}
