/**
 * Output files (`--json FILE`, `--trace FILE`, `--out DIR`) are checked before the work starts,
 * so a long run never ends in "cannot write". Checking opens the file for appending (creating it
 * if needed, which it then removes again), so nothing already there is lost.
 */
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from "node:fs";
import { InputError } from "./command.js";

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Throws an InputError naming the flag when `path` cannot be written as a file. */
export function checkOutputFile(flag: string, path: string): void {
  const existed = existsSync(path);
  if (existed && statSync(path).isDirectory()) throw new InputError(`${flag}: ${path} is a folder, expected a file path`);
  try {
    closeSync(openSync(path, "a"));
  } catch (error) {
    throw new InputError(`${flag}: cannot write ${path}: ${reason(error)}`);
  }
  if (!existed) rmSync(path, { force: true });
}

/** Creates `path` as a folder if needed; throws an InputError naming the flag when that cannot be done. */
export function checkOutputFolder(flag: string, path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    throw new InputError(`${flag}: cannot create the folder ${path}: ${reason(error)}`);
  }
}
