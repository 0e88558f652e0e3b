/** Command-line options of `npm run bench`, validated. */

export class BenchUsageError extends Error {
  readonly code = "USAGE";
}

export interface BenchArgs {
  readonly implementations: readonly string[];
  readonly filter?: RegExp;
  readonly runs: number;
  readonly warmup: number;
  readonly json?: string;
  readonly benchmarks?: string;
  /** Outside EVMs to time alongside (`--peer anvil`). */
  readonly peers: readonly string[];
  /** Measure peak memory on snailtracer (default on; --no-memory turns it off). */
  readonly memory: boolean;
}

export const DEFAULT_IMPLEMENTATIONS = ["src-interpreter", "src-adaptive", "src-compiled", "ethereumjs"] as const;
export const DEFAULT_RUNS = 5;
export const DEFAULT_WARMUP = 3;

export const KNOWN_PEERS = ["anvil"] as const;

const VALUE_FLAGS = ["--impl", "--filter", "--runs", "--warmup", "--json", "--benchmarks", "--peer"] as const;

function count(flag: string, text: string, minimum: number): number {
  if (!/^\d+$/.test(text) || Number(text) < minimum) throw new BenchUsageError(`${flag}: expected an integer ≥ ${minimum}, got '${text}'`);
  return Number(text);
}

function regex(text: string): RegExp {
  try {
    return new RegExp(text);
  } catch (error) {
    throw new BenchUsageError(`--filter: not a regular expression: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const values = new Map<string, string>();
  let memory = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const [flag, inline] = arg.startsWith("--") && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (flag === "--no-memory") {
      memory = false;
    } else if ((VALUE_FLAGS as readonly string[]).includes(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new BenchUsageError(`${flag} needs a value`);
      values.set(flag, value);
    } else {
      throw new BenchUsageError(`unknown argument '${arg}' (options: ${[...VALUE_FLAGS, "--no-memory"].join(", ")})`);
    }
  }
  const implementations = (values.get("--impl") ?? DEFAULT_IMPLEMENTATIONS.join(","))
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (implementations.length === 0) throw new BenchUsageError("--impl: name at least one implementation");
  if (new Set(implementations).size !== implementations.length) throw new BenchUsageError("--impl: an implementation is named twice");
  const peers = (values.get("--peer") ?? "").split(",").filter((name) => name !== "");
  for (const peer of peers) {
    if (!(KNOWN_PEERS as readonly string[]).includes(peer)) throw new BenchUsageError(`--peer: unknown peer '${peer}' (known: ${KNOWN_PEERS.join(", ")})`);
  }
  const filter = values.get("--filter");
  const runs = values.get("--runs");
  const warmup = values.get("--warmup");
  return {
    implementations,
    ...(filter !== undefined && { filter: regex(filter) }),
    runs: runs === undefined ? DEFAULT_RUNS : count("--runs", runs, 1),
    warmup: warmup === undefined ? DEFAULT_WARMUP : count("--warmup", warmup, 0),
    ...(values.has("--json") && { json: values.get("--json")! }),
    ...(values.has("--benchmarks") && { benchmarks: values.get("--benchmarks")! }),
    peers,
    memory,
  };
}
