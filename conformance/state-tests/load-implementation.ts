/**
 * Resolving an implementation by name through a registry: a record from name to a loader.
 *
 * conformance/ must not import src/, where the CLI keeps its registry, so worker threads are
 * given the registry as a module path (a compiled JS file exporting `implementations`) and load
 * it with a dynamic import.
 */
import { pathToFileURL } from "node:url";
import type { Implementation } from "../../interface/implementation.js";
import { COMMAND_PREFIX, commandImplementation } from "../peers/command.js";

export type ImplementationRegistry = Readonly<Record<string, () => Promise<Implementation>>>;

export class ImplementationUnavailableError extends Error {
  readonly code = "IMPLEMENTATION_UNAVAILABLE";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `cmd:COMMAND` names an external state-test binary (conformance/peers/command.ts) rather than a
 * registry entry, so worker threads resolve it the same way as the main thread.
 */
export async function loadFromRegistry(registry: ImplementationRegistry, name: string): Promise<Implementation> {
  if (name.startsWith(COMMAND_PREFIX)) {
    try {
      return commandImplementation(name.slice(COMMAND_PREFIX.length));
    } catch (error) {
      throw new ImplementationUnavailableError(messageOf(error));
    }
  }
  const load = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (load === undefined) {
    throw new ImplementationUnavailableError(`unknown implementation '${name}' (known: ${Object.keys(registry).join(", ")})`);
  }
  let implementation: Implementation;
  try {
    implementation = await load();
  } catch (error) {
    throw new ImplementationUnavailableError(`implementation ${name} is not available: ${messageOf(error)}`);
  }
  if (typeof implementation?.runStateTest !== "function") {
    throw new ImplementationUnavailableError(`implementation ${name} is not available: its loader returned no runStateTest`);
  }
  return implementation;
}

/** Loads the registry module at `modulePath` (an absolute path to a JS file), then `name` from it. */
export async function loadFromRegistryModule(modulePath: string, name: string): Promise<Implementation> {
  let registry: unknown;
  try {
    registry = ((await import(pathToFileURL(modulePath).href)) as { implementations?: unknown }).implementations;
  } catch (error) {
    throw new ImplementationUnavailableError(`cannot load the implementation registry ${modulePath}: ${messageOf(error)}`);
  }
  if (typeof registry !== "object" || registry === null) {
    throw new ImplementationUnavailableError(`${modulePath} does not export 'implementations'`);
  }
  return loadFromRegistry(registry as ImplementationRegistry, name);
}
