/** The shape every `svm` subcommand has: a name, a one-line summary, its --help text and a runner. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Full --help text: usage line, options, an example. */
  readonly help: string;
  /** Runs with the arguments after the subcommand name; resolves to the process exit code. */
  run(args: readonly string[]): Promise<number>;
}

/** A mistake in how the command was called (unknown flag, bad value): printed without a stack trace, exit 2. */
export class UsageError extends Error {
  readonly code = "USAGE";
}

/**
 * Bad input data (malformed JSON, hex, RLP, bytecode, an unwritable output path, a selection that
 * matched nothing): printed without a stack trace, exit 2.
 */
export class InputError extends Error {
  readonly code = "INPUT";
}
