/**
 * Import remappings as `solc` takes them (`[context:]prefix=target`, Solidity docs "Import
 * Remapping"): the longest matching context wins, then the longest matching prefix, and the prefix
 * is replaced by the target in the source unit name.
 */
import { compileFailure } from "./errors.js";

export interface Remapping {
  readonly context: string;
  readonly prefix: string;
  readonly target: string;
}

export function parseRemapping(text: string): Remapping {
  const equals = text.indexOf("=");
  if (equals <= 0) {
    throw compileFailure("INPUT", "RemappingError", `remapping '${text}' is not of the form [context:]prefix=target`);
  }
  const left = text.slice(0, equals);
  const target = text.slice(equals + 1);
  const colon = left.indexOf(":");
  const context = colon < 0 ? "" : left.slice(0, colon);
  const prefix = colon < 0 ? left : left.slice(colon + 1);
  if (prefix === "") throw compileFailure("INPUT", "RemappingError", `remapping '${text}' has an empty prefix`);
  return { context, prefix, target };
}

/** Applies the best matching remapping to `unitName`, imported from the source unit `importer`. */
export function applyRemappings(remappings: readonly Remapping[], unitName: string, importer: string): string {
  let best: Remapping | undefined;
  for (const r of remappings) {
    if (!importer.startsWith(r.context) || !unitName.startsWith(r.prefix)) continue;
    if (
      best === undefined ||
      r.context.length > best.context.length ||
      (r.context.length === best.context.length && r.prefix.length >= best.prefix.length)
    ) {
      best = r;
    }
  }
  return best === undefined ? unitName : best.target + unitName.slice(best.prefix.length);
}
