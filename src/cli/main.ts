/**
 * Entry point of the `svm` command: dispatches to one subcommand per file in this folder.
 * Errors a person can fix (usage, input) are printed as one line and exit 2 (src/cli/exit-codes.ts);
 * anything else is a bug and keeps its stack trace.
 */
import { readFileSync } from "node:fs";
import { type Command, InputError, UsageError } from "./command.js";
import { EXIT, EXIT_CODES_HELP } from "./exit-codes.js";
import { commands } from "./registry.js";

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "svm: the Synnergy VM",
    "",
    "Usage: svm <command> [options]    (svm help <command>, or svm <command> --help, for its options)",
    "       svm --version",
    "",
    "Commands:",
    ...lines,
    "",
    EXIT_CODES_HELP,
  ].join("\n");
}

/** The version in package.json, which sits two folders above dist/src/cli (and src/cli). */
export function version(): string {
  for (const path of ["../../../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "synnergy-vm" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // not at this depth: try the next
    }
  }
  return "unknown";
}

export function helpOf(command: Command): string {
  return `${command.help}\n\n${EXIT_CODES_HELP}`;
}

function find(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}

function unknown(name: string): number {
  console.error(`svm: unknown command '${name}'\n\n${overview()}`);
  return EXIT.usage;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    console.error(overview());
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h") {
    console.log(overview());
    return EXIT.held;
  }
  if (name === "--version" || name === "-V") {
    console.log(`svm ${version()}`);
    return EXIT.held;
  }
  if (name === "help") {
    if (rest.length === 0) {
      console.log(overview());
      return EXIT.held;
    }
    const command = find(rest[0]!);
    if (command === undefined || rest.length > 1) return unknown(rest.join(" "));
    console.log(helpOf(command));
    return EXIT.held;
  }
  const command = find(name);
  if (command === undefined) return unknown(name);
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(helpOf(command));
    return EXIT.held;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`svm ${name}: ${error.message}\n(see 'svm help ${name}')`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      console.error(`svm ${name}: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}
