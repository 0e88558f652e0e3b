/**
 * Runs the built `svm` (bin/svm.js over dist/, as `npm test` builds it) as a subprocess, the way
 * a script or CI job calls it: exit code, stdout and stderr apart. Every run has a time limit,
 * after which it is killed and the test fails naming the command, so a hanging CLI never hangs
 * the suite.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(PROJECT_ROOT, "bin/svm.js");
const BUILT_MAIN = join(PROJECT_ROOT, "dist/src/cli/main.js");

export interface SvmResult {
  /** The exit code; null when a signal ended the process. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface SvmOptions {
  /** Working directory (default: the project root). */
  readonly cwd?: string;
  /** Variables added to (or, when undefined, removed from) the environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Kill the process and fail after this long (default 30 s). */
  readonly timeoutMs?: number;
  /** Called with each chunk of stdout as it arrives, e.g. to send a signal once a run has started. */
  readonly onStdout?: (chunk: string, child: ChildProcess) => void;
  /** Written to standard input, which is then closed. */
  readonly stdin?: string;
}

function environment(extra: SvmOptions["env"]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(extra ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export function svm(args: readonly string[], options: SvmOptions = {}): Promise<SvmResult> {
  if (!existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: build first (npx tsc -p tsconfig.json)`);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? PROJECT_ROOT, env: environment(options.env) });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    options.onStdout?.(chunk, child);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => void (stderr += chunk));
  if (options.stdin !== undefined) child.stdin.end(options.stdin);
  return new Promise<SvmResult>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`svm ${args.join(" ")} did not end within ${timeoutMs} ms\nstdout: ${stdout.slice(-2000)}\nstderr: ${stderr.slice(-2000)}`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}
