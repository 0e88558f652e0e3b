/**
 * Fork names as ethereum/tests spells them → the hardfork names of @ethereumjs/common.
 * The two naming schemes differ for the forks that were renamed after the fact (EIP150 is
 * Tangerine Whistle, EIP158 is Spurious Dragon, ConstantinopleFix is Petersburg).
 */
import { Hardfork } from "@ethereumjs/common";
import type { ForkName } from "../implementation.js";

export const ETHEREUMJS_HARDFORKS: Readonly<Record<ForkName, Hardfork>> = {
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
