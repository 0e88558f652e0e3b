/** Exploit confirmation on src/vm: campaigns, oracles, evidence that replays, gas and coverage. */
export {
  type ConfirmationResult,
  type ConfirmOptions,
  type ContractCampaign,
  confirmFindings,
  coverage,
  type FunctionGas,
  gasPerFunction,
  runConfirmation,
  runConfirmationWithProver,
} from "./confirm.js";
export { closeProverSolvers, proveFindings, type ProveConfirmOptions } from "./prove-confirm.js";
export type { Coverage, Reach } from "./code-map.js";
export { type Replay, replayEvidence } from "./evidence.js";
export { CAMPAIGN_GAS } from "./campaign.js";
export { ATTACKER, ATTACKER_CONTRACT, DEPLOYER, TARGET, USER } from "./actors.js";
