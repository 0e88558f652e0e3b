/**
 * Entry point of the `svm` command: dispatches to one subcommand per file in this folder.
 * Errors a person can fix (usage, input) are printed as one line and exit 2 (src/cli/exit-codes.ts);
 * anything else is a bug and keeps its stack trace.
 */
import { readFileSync } from "node:fs";
import { type Command, InputError, UsageError } from "./command.js";
import { EXIT, EXIT_CODES_HELP } from "./exit-codes.js";
import { commands } from "./registry.js";

/** The command list with each one's summary: loads every command, so only for help and mistakes. */
async function overview(): Promise<string> {
  const loaded = await Promise.all(commands.map((entry) => entry.load()));
  const width = Math.max(...loaded.map((c) => c.name.length));
  const lines = loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
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

function find(name: string): Promise<Command> | undefined {
  return commands.find((entry) => entry.name === name)?.load();
}

async function unknown(name: string): Promise<number> {
  console.error(`svm: unknown command '${name}'\n\n${await overview()}`);
  return EXIT.usage;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    console.error(await overview());
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h") {
    console.log(await overview());
    return EXIT.held;
  }
  if (name === "--version" || name === "-V") {
    console.log(`svm ${version()}`);
    return EXIT.held;
  }
  if (name === "help") {
    if (rest.length === 0) {
      console.log(await overview());
      return EXIT.held;
    }
    const command = find(rest[0]!);
    if (command === undefined || rest.length > 1) return unknown(rest.join(" "));
    console.log(helpOf(await command));
    return EXIT.held;
  }
  const found = find(name);
  if (found === undefined) return unknown(name);
  const command = await found;
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
