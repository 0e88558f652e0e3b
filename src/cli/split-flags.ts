/**
 * The argument convention of the vector-suite commands: positional paths, `--flag value` or
 * `--flag=value` for the flags that take a value (each at most once), and `--verbose` / `-v`.
 */
import { UsageError } from "./command.js";

export interface SplitFlags {
  readonly values: ReadonlyMap<string, string>;
  readonly verbose: boolean;
  readonly paths: readonly string[];
}

export function splitFlags(args: readonly string[], valueFlags: ReadonlySet<string>): SplitFlags {
  const values = new Map<string, string>();
  const paths: string[] = [];
  let verbose = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--verbose" || arg === "-v") {
      verbose = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      paths.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (!valueFlags.has(flag)) throw new UsageError(`unknown option ${flag}`);
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "") throw new UsageError(`${flag} needs a value`);
    if (values.has(flag)) throw new UsageError(`${flag} given twice`);
    values.set(flag, value);
  }
  return { values, verbose, paths };
}
