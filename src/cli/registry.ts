/** Every `svm` subcommand, in the order `svm --help` lists them. */
import type { Command } from "./command.js";
import { runCommand } from "./run.js";
import { statetestCommand } from "./statetest.js";
import { txtestCommand } from "./txtest.js";
import { trietestCommand } from "./trietest.js";
import { rlptestCommand } from "./rlptest.js";
import { proveCommand } from "./prove.js";
import { fuzzCommand } from "./fuzz.js";

export const commands: readonly Command[] = [statetestCommand, txtestCommand, trietestCommand, rlptestCommand, runCommand, fuzzCommand, proveCommand];
