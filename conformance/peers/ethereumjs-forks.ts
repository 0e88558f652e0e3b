/**
 * Fork names as ethereum/tests spells them → the hardfork names of @ethereumjs/common.
 * The two naming schemes differ for the forks that were renamed after the fact (EIP150 is
 * Tangerine Whistle, EIP158 is Spurious Dragon, ConstantinopleFix is Petersburg).
 */
import { Hardfork } from "@ethereumjs/common";
import { FORK_NAMES, type ForkName } from "../../interface/implementation.js";

/** The forks @ethereumjs/vm knows: all but SVM, which is this project's own (docs/extensions.md). */
export type EthereumjsForkName = Exclude<ForkName, "SVM">;

export function isEthereumjsFork(fork: ForkName): fork is EthereumjsForkName {
  return fork !== "SVM";
}

export const ETHEREUMJS_FORKS: readonly EthereumjsForkName[] = FORK_NAMES.filter(isEthereumjsFork);

export const ETHEREUMJS_HARDFORKS: Readonly<Record<EthereumjsForkName, Hardfork>> = {
  Frontier: Hardfork.Chainstart,
  Homestead: Hardfork.Homestead,
  EIP150: Hardfork.TangerineWhistle,
  EIP158: Hardfork.SpuriousDragon,
  Byzantium: Hardfork.Byzantium,
  Constantinople: Hardfork.Constantinople,
  ConstantinopleFix: Hardfork.Petersburg,
  Istanbul: Hardfork.Istanbul,
  Berlin: Hardfork.Berlin,
  London: Hardfork.London,
  Paris: Hardfork.Paris,
  Shanghai: Hardfork.Shanghai,
  Cancun: Hardfork.Cancun,
  Prague: Hardfork.Prague,
  Osaka: Hardfork.Osaka,
};
