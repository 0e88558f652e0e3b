/**
 * Entry point of the `svm` command: dispatches to one subcommand per file in this folder.
 * Errors a person can fix (usage, input) are printed as one line; anything else is a bug and
 * keeps its stack trace.
 */
import { type Command, InputError, UsageError } from "./command.js";
import { commands } from "./registry.js";

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "svm: the Synnergy VM",
    "",
    "Usage: svm <command> [options]    (svm <command> --help for its options)",
    "",
    "Commands:",
    ...lines,
  ].join("\n");
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(overview());
    return name === undefined ? 2 : 0;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (command === undefined) {
    console.error(`svm: unknown command '${name}'\n\n${overview()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`svm ${name}: ${error.message}\n(see 'svm ${name} --help')`);
      return 2;
    }
    if (error instanceof InputError) {
      console.error(`svm ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
