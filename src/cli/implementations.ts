/**
 * The implementations `--impl NAME` can name, each loaded only when asked for.
 *
 * Worker threads of the conformance runner resolve names through this module too (the CLI
 * passes them its compiled path), because conformance/ must not import src/. The modules are
 * imported by a path computed at run time, so this file compiles and the other entries keep
 * working while one implementation is missing or broken; loading that one then fails with a
 * clear error.
 */
import type { Implementation } from "../../interface/implementation.js";
import { COMMAND_PREFIX } from "../../conformance/peers/command.js";

/** Imports `exportName` from the module at `path`, relative to this file. */
async function importImplementation(path: string, exportName: string): Promise<Implementation> {
  const module = (await import(new URL(path, import.meta.url).href)) as Record<string, unknown>;
  const implementation = module[exportName];
  if (typeof implementation !== "object" || implementation === null) {
    throw new Error(`${path} does not export ${exportName}`);
  }
  return implementation as Implementation;
}

/** Whether `name` is something `--impl` accepts: a registry entry or `cmd:COMMAND`. */
export function isImplementationName(name: string): boolean {
  return Object.hasOwn(implementations, name) || (name.startsWith(COMMAND_PREFIX) && name.length > COMMAND_PREFIX.length);
}

/** The names for help and error text. */
export const implementationNames = (): string => `${Object.keys(implementations).join(", ")}, cmd:'COMMAND'`;

export const implementations: Record<string, () => Promise<Implementation>> = {
  /** The executable specification (spec/), the authority. */
  spec: () => importImplementation("../../conformance/impls/spec.js", "specImplementation"),
  /** The fast interpreter (src/vm). */
  src: () => importImplementation("../vm/implementation.js", "srcImplementation"),
  /** src with its compile tier forced on (SVM_TIER=always). */
  "src-compiled": () => importImplementation("../vm/implementation.js", "srcCompiledImplementation"),
  /** src compiling a code once it is hot (SVM_TIER=adaptive). */
  "src-adaptive": () => importImplementation("../vm/implementation.js", "srcAdaptiveImplementation"),
  /** src with its compile tier off (SVM_TIER=never). */
  "src-interpreter": () => importImplementation("../vm/implementation.js", "srcInterpreterImplementation"),
  /** @ethereumjs/vm 10, a peer for differential testing. */
  ethereumjs: () => importImplementation("../../conformance/peers/ethereumjs.js", "ethereumjsImplementation"),
  /** revm, through anvil (@foundry-rs/anvil): one anvil per fork, started on first use. */
  revm: () => importImplementation("../../conformance/peers/revm-anvil.js", "revmImplementation"),
};
