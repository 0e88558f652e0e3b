/**
 * Evidence as a finding carries it, and its replay: the steps start from the campaign's genesis
 * (actors.ts) and include the deployments, so sending them in order on a fresh src/vm chain
 * reproduces the exploit without anything else.
 */
import type { ForkName } from "../../../interface/implementation.js";
import { hexToBytes } from "../../abi/index.js";
import { runtimeSourceLocator } from "../../compile/index.js";
import { Chain, type Receipt } from "../../vm/session.js";
import type { Evidence, ExploitStep } from "../finding.js";
import { genesis } from "./actors.js";
import { CAMPAIGN_GAS, type SequenceRun } from "./campaign.js";
import type { Setup } from "./deploy.js";
import type { Observation } from "./oracles.js";

const MAX_SOURCE_TEXT = 80;

/** ` At input.sol:12: \`msg.sender.call.value(amount)()\`.`, from the runtime source map. */
function sourceOf(setup: Setup, pc: number | undefined): string {
  if (pc === undefined) return "";
  const location = runtimeSourceLocator(setup.contract)(pc);
  if (location === undefined) return "";
  const text = location.text.replace(/\s+/g, " ").trim();
  const shown = text.length > MAX_SOURCE_TEXT ? `${text.slice(0, MAX_SOURCE_TEXT - 1)}…` : text;
  return ` At ${location.file}:${location.line}: \`${shown}\`.`;
}

export function evidenceOf(setup: Setup, run: SequenceRun, observation: Observation): Evidence {
  const steps: ExploitStep[] = [...setup.steps, ...run.transactions.slice(0, observation.transaction + 1).map((t) => t.step)];
  return { steps, effect: observation.effect + sourceOf(setup, observation.pc), trace: observation.trace };
}

export interface Replay {
  readonly chain: Chain;
  readonly receipts: readonly Receipt[];
}

/** Sends the evidence's steps on a fresh chain from the campaign's genesis, with the campaign's gas and blocks. */
export function replayEvidence(evidence: Evidence, fork: ForkName = "Cancun"): Replay {
  const chain = new Chain(fork, genesis());
  const receipts = evidence.steps.map((step) => {
    if (step.block !== undefined) chain.block = { ...chain.block, ...step.block };
    return chain.send({
      from: BigInt(step.from),
      to: step.to === "" ? null : BigInt(step.to),
      value: step.value,
      data: hexToBytes(step.calldata, "calldata"),
      ...(step.to === "" ? {} : { gasLimit: CAMPAIGN_GAS }),
    });
  });
  return { chain, receipts };
}
