/** The forks anvil runs, by its --hardfork names; older ones it does not run. */
import type { ForkName } from "../../interface/implementation.js";

export const ANVIL_HARDFORKS: Partial<Record<ForkName, string>> = {
  Berlin: "berlin",
  London: "london",
  Paris: "paris",
  Shanghai: "shanghai",
  Cancun: "cancun",
  Prague: "prague",
  Osaka: "osaka",
};
