/**
 * Every `svm` subcommand, in the order `svm --help` lists them. Each is imported only when it is
 * run or its help is asked for, so `svm run` does not pay for loading the prover and the
 * Solidity compiler, and `svm --version` loads none.
 */
import type { Command } from "./command.js";

export interface CommandEntry {
  readonly name: string;
  load(): Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  { name: "statetest", load: async () => (await import("./statetest.js")).statetestCommand },
  { name: "txtest", load: async () => (await import("./txtest.js")).txtestCommand },
  { name: "trietest", load: async () => (await import("./trietest.js")).trietestCommand },
  { name: "rlptest", load: async () => (await import("./rlptest.js")).rlptestCommand },
  { name: "run", load: async () => (await import("./run.js")).runCommand },
  { name: "fuzz", load: async () => (await import("./fuzz.js")).fuzzCommand },
  { name: "t8n", load: async () => (await import("./t8n.js")).t8nCommand },
  { name: "prove", load: async () => (await import("./prove.js")).proveCommand },
  { name: "audit", load: async () => (await import("./audit.js")).auditCommand },
  { name: "keys", load: async () => (await import("./keys.js")).keysCommand },
];
