/** The forks the spec knows, oldest first, spelled as ethereum/tests spells them. */
export const FORKS = [
  "Frontier",
  "Homestead",
  "EIP150",
  "EIP158",
  "Byzantium",
  "Constantinople",
  "ConstantinopleFix",
  "Istanbul",
  "Berlin",
  "London",
  "Paris",
  "Shanghai",
  "Cancun",
  "Prague",
  "Osaka",
  /** Osaka plus the SVM precompiles (docs/extensions.md); not an Ethereum fork. */
  "SVM",
] as const;

export type ForkName = (typeof FORKS)[number];

export function isKnownFork(name: string): name is ForkName {
  return (FORKS as readonly string[]).includes(name);
}
