/** Every `svm` subcommand, in the order `svm --help` lists them. */
import type { Command } from "./command.js";
import { runCommand } from "./run.js";
import { statetestCommand } from "./statetest.js";

export const commands: readonly Command[] = [statetestCommand, runCommand];
