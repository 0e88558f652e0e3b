/**
 * The one argument convention of every `svm` command: positional arguments, `--flag value` or
 * `--flag=value` for options that take a value, bare switches, `--` ending the options. A value
 * that looks like a flag (`--json --revert-fails`) is refused instead of being taken as a file
 * name; a negative number (`--seed -5`) is a value.
 */
import { UsageError } from "./command.js";

export interface OptionSpec {
  /** `--name`, as typed. */
  readonly name: string;
  /** Whether the option takes a value; otherwise it is a switch. */
  readonly value: boolean;
  /** A value option that may be given more than once (`--remap a=b --remap c=d`). */
  readonly repeatable?: boolean;
  /** A one-letter alias, e.g. `-v`. */
  readonly alias?: string;
}

export interface ParsedOptions {
  /** The last (only) value of each value option given. */
  readonly values: ReadonlyMap<string, string>;
  /** Every value of each repeatable option, in order. */
  readonly lists: ReadonlyMap<string, readonly string[]>;
  /** The switches given. */
  readonly switches: ReadonlySet<string>;
  readonly positional: readonly string[];
}

const NEGATIVE_NUMBER = /^-[0-9]/;

function looksLikeFlag(text: string): boolean {
  return text.startsWith("-") && text.length > 1 && !NEGATIVE_NUMBER.test(text);
}

export function parseOptions(args: readonly string[], specs: readonly OptionSpec[]): ParsedOptions {
  const byName = new Map<string, OptionSpec>();
  for (const spec of specs) {
    byName.set(spec.name, spec);
    if (spec.alias !== undefined) byName.set(spec.alias, spec);
  }
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const switches = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!looksLikeFlag(arg)) {
      positional.push(arg);
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const typed = eq === -1 ? arg : arg.slice(0, eq);
    const spec = byName.get(typed);
    if (spec === undefined) throw new UsageError(`unknown option ${typed}`);
    if (!spec.value) {
      if (eq !== -1) throw new UsageError(`${spec.name} takes no value`);
      if (switches.has(spec.name)) throw new UsageError(`${spec.name} given twice`);
      switches.add(spec.name);
      continue;
    }
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "") throw new UsageError(`${spec.name} needs a value`);
    if (eq === -1 && looksLikeFlag(value)) {
      throw new UsageError(`${spec.name} needs a value, got the option '${value}' (write ${spec.name}=${value} if that is the value)`);
    }
    if (spec.repeatable === true) {
      lists.set(spec.name, [...(lists.get(spec.name) ?? []), value]);
    } else {
      if (values.has(spec.name)) throw new UsageError(`${spec.name} given twice`);
      values.set(spec.name, value);
    }
  }
  return { values, lists, switches, positional };
}

/** A positive integer option value, refused with the option's name otherwise. */
export function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(value) || value < 1) throw new UsageError(`${flag}: expected a positive integer, got '${text}'`);
  return value;
}

/** A regular expression option value, refused with the option's name when it does not compile. */
export function regexOption(flag: string, text: string): RegExp {
  try {
    return new RegExp(text);
  } catch (error) {
    throw new UsageError(`${flag}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
