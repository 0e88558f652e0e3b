/**
 * The prover's witness replayed on src/vm: the call sent from the campaign's deployed state, watched
 * by the campaign's observer (its trace excerpt) and by a watcher of the finding's instructions,
 * which records their operands as they ran in the target's own frame.
 */
import type { Tracer, TraceStep } from "../../../interface/implementation.js";
import type { Witness } from "../../../proofs/reach-pc.js";
import { bytesToHex, decodeParameters, formatCall, type AbiFunction } from "../../abi/index.js";
import { stackArity } from "../../vm/opcodes.js";
import type { Receipt } from "../../vm/session.js";
import type { ExploitStep } from "../finding.js";
import { addressText, nameOf, TARGET } from "./actors.js";
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
  readonly step: ExploitStep;
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

/** Sends the witness's call from the deployed state (the caller given what it pays) and watches `pcs`. */
export function replayWitness(setup: Setup, fn: AbiFunction, witness: Witness, pcs: ReadonlySet<number>): WitnessReplay {
  const chain = setup.chain.copy();
  const balance = chain.balanceOf(witness.caller);
  if (balance < witness.value) chain.setBalance(witness.caller, witness.value);
  const watcher = new Watcher(pcs, new TransactionObserver(witness.caller, TARGET, (address) => nameOf(address, setup.contract.name)));
  const receipt = chain.send({ from: witness.caller, to: TARGET, value: witness.value, data: witness.calldata, gasLimit: CAMPAIGN_GAS }, watcher);
  watcher.observer.finish(receipt.success);
  const step: ExploitStep = {
    from: addressText(witness.caller),
    to: addressText(TARGET),
    value: witness.value,
    calldata: bytesToHex(witness.calldata),
    call: callText(fn, witness.calldata),
    block: { timestamp: chain.block.timestamp, number: chain.block.number },
  };
  return { step, receipt, seen: watcher.seen, trace: watcher.observer.excerpt };
}
