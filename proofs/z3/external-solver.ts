/**
 * External SMT-LIB 2 solvers as processes: the query text the Z3 workers get (protocol.ts), with a
 * logic, a check-sat and a request for the model's values, on the solver's standard input; its
 * answer read from its standard output. A solver that errs, crashes or prints what cannot be read
 * answers `unknown`, never a wrong `sat`: a model still goes through the concrete replay before it
 * counts (proofs/explore/confirm.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import { REQUESTED_PREFIX, type ConstantValue } from "./protocol.js";
import type { PoolAnswer } from "./solver-pool.js";
import { checkSatAnswer, declaredConstants, getValueReply, modelLines, unquoted, type Declared } from "./smtlib-output.js";

/**
 * How a solver is told to give its model: `get-value` over the declared constants (SMT-LIB 2.6,
 * cvc5, Bitwuzla, Yices), or its own `name value` lines (Boolector 1.x, whose SMT-LIB 2 front end
 * knows neither set-option nor get-value, nor functions with arguments).
 */
export type Dialect = "get-value" | "model-lines";

export interface ExternalSolver {
  readonly name: string;
  /** The program and its arguments; it reads the script from standard input. */
  readonly command: readonly string[];
  readonly dialect: Dialect;
}

/** The solvers looked for on PATH, with the flags each one's `--help` documents for SMT-LIB 2 on standard input. */
const KNOWN: readonly ExternalSolver[] = [
  { name: "cvc5", command: ["cvc5", "--lang", "smt2"], dialect: "get-value" },
  { name: "bitwuzla", command: ["bitwuzla", "--lang", "smt2"], dialect: "get-value" },
  { name: "yices", command: ["yices-smt2"], dialect: "get-value" },
  { name: "boolector", command: ["boolector", "--smt2", "-m", "-x"], dialect: "model-lines" },
];

/** Whether a program is on PATH (it is run with `--version`, which every known solver answers). */
function onPath(program: string): boolean {
  const probe = spawnSync(program, ["--version"], { stdio: "ignore", timeout: 5_000 });
  return probe.error === undefined;
}

/** The known solvers installed here. */
export function solversOnPath(): ExternalSolver[] {
  return KNOWN.filter((solver) => onPath(solver.command[0]!));
}

/**
 * A solver named as `NAME=COMMAND` (`svm prove --solver`): the command is split at whitespace and
 * must read SMT-LIB 2 on standard input and answer `get-value`; a known solver's name keeps its dialect.
 */
export function parseSolverSpec(spec: string): ExternalSolver {
  const eq = spec.indexOf("=");
  const name = eq < 0 ? "" : spec.slice(0, eq).trim();
  const command = eq < 0 ? [] : spec.slice(eq + 1).trim().split(/\s+/).filter((part) => part !== "");
  if (!/^[A-Za-z][\w.-]*$/.test(name) || command.length === 0) throw new SyntaxError(`expected NAME=COMMAND (e.g. cvc5='cvc5 --lang smt2'), got '${spec}'`);
  if (name === "z3") throw new SyntaxError("the name z3 is the built-in Z3 workers'; give the external solver another name");
  const dialect = KNOWN.find((known) => known.name === name)?.dialect ?? "get-value";
  return { name, command, dialect };
}

/** The logic of a query: arrays and functions with arguments only when it declares them (Boolector 1.x refuses QF_AUFBV for plain bit-vectors). */
export function logicOf(smt: string): string {
  const arrays = /\(Array\b/.test(smt);
  const functions = /\(declare-fun\s+(\|[^|]*\||[^\s()|]+)\s+\(\s*[^)\s]/.test(smt);
  return `QF_${arrays ? "A" : ""}${functions ? "UF" : ""}BV`;
}

const WORD = "(_ BitVec 256)";
const WIDE = (term: string) => `((_ sign_extend 256) ${term})`;
/**
 * Definitions of the functions Z3 prints that SMT-LIB lacks (Z3's `Z3_mk_bvmul_no_overflow` and
 * `_no_underflow` give them), over the 256-bit words the engine applies them to: a product that
 * fits its 512-bit widening. Another width makes the solver refuse the query, an `unknown`.
 */
const Z3_EXTENSIONS: Readonly<Record<string, string>> = {
  bvumul_noovfl: `(define-fun bvumul_noovfl ((a ${WORD}) (b ${WORD})) Bool (= ((_ extract 511 256) (bvmul ((_ zero_extend 256) a) ((_ zero_extend 256) b))) (_ bv0 256)))`,
  bvsmul_noovfl: `(define-fun bvsmul_noovfl ((a ${WORD}) (b ${WORD})) Bool (bvsle (bvmul ${WIDE("a")} ${WIDE("b")}) ((_ zero_extend 256) (bvlshr (bvnot (_ bv0 256)) (_ bv1 256)))))`,
  bvsmul_noudfl: `(define-fun bvsmul_noudfl ((a ${WORD}) (b ${WORD})) Bool (bvsge (bvmul ${WIDE("a")} ${WIDE("b")}) ${WIDE("(bvshl (_ bv1 256) (_ bv255 256))")}))`,
};

/** The definitions of the Z3 extensions the query uses. */
export function z3Extensions(smt: string): string[] {
  return Object.entries(Z3_EXTENSIONS)
    .filter(([name]) => new RegExp(`\\(${name}\\s`).test(smt))
    .map(([, definition]) => definition);
}

/** The script a solver reads: options its dialect knows, the logic, the query, check-sat and the model request. */
export function scriptFor(solver: ExternalSolver, smt: string, declared: readonly Declared[]): string {
  const lines = solver.dialect === "get-value" ? ["(set-option :produce-models true)"] : [];
  lines.push(`(set-logic ${logicOf(smt)})`, ...z3Extensions(smt), smt, "(check-sat)");
  if (solver.dialect === "get-value" && declared.length > 0) lines.push(`(get-value (${declared.map((d) => d.name).join(" ")}))`);
  if (solver.dialect === "get-value") lines.push("(exit)");
  return `${lines.join("\n")}\n`;
}

/** The model as the Z3 workers give it: the requested values in order, and the other constants. */
function answerOf(values: Map<string, bigint | boolean>, declared: readonly Declared[], requested: readonly number[]): PoolAnswer {
  const requestedValues = requested.map((_, i) => values.get(`${REQUESTED_PREFIX}${i}`));
  const missing = requestedValues.findIndex((value) => typeof value !== "bigint");
  if (missing >= 0) return { kind: "unknown", reason: `the model gives no value for requested term ${missing}` };
  const constants: ConstantValue[] = [];
  for (const { name, width } of declared) {
    const plain = unquoted(name);
    const value = values.get(plain);
    if (value === undefined || plain.startsWith(REQUESTED_PREFIX)) continue;
    constants.push({ name: plain, width, value });
  }
  return { kind: "sat", requested: requestedValues as bigint[], constants };
}

/**
 * Runs one query on an external solver, killed at the timeout or when `signal` aborts (another
 * solver answered first). Every way to fail is an `unknown` with the reason.
 */
export function solveExternal(solver: ExternalSolver, smt: string, timeoutMs: number, requested: readonly number[], signal?: AbortSignal): Promise<PoolAnswer> {
  const declared = declaredConstants(smt);
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve({ kind: "unknown", reason: `${solver.name} stopped` });
    let output = "";
    let errors = "";
    let settled = false;
    const child = spawn(solver.command[0]!, solver.command.slice(1), { stdio: ["pipe", "pipe", "pipe"] });
    const settle = (answer: PoolAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", stop);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      resolve(answer);
    };
    const stop = () => settle({ kind: "unknown", reason: `${solver.name} stopped` });
    const timer = setTimeout(() => settle({ kind: "unknown", reason: `${solver.name} gave up (timeout)` }), timeoutMs);
    signal?.addEventListener("abort", stop);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (errors += chunk));
    child.on("error", (error) => settle({ kind: "unknown", reason: `${solver.name} could not run: ${error.message}` }));
    // A solver that exits before reading all of the script closes the pipe; its exit says why.
    child.stdin.on("error", () => undefined);
    child.on("close", (code, killedBy) => {
      const answer = checkSatAnswer(output);
      if (answer === "unsat") return settle({ kind: "unsat" });
      if (answer === "sat") {
        try {
          const values = solver.dialect === "get-value" ? getValueReply(output) : modelLines(output, declared);
          return settle(answerOf(values, declared, requested));
        } catch (error) {
          return settle({ kind: "unknown", reason: `${solver.name}: unreadable model (${error instanceof Error ? error.message : String(error)})` });
        }
      }
      const why = killedBy !== null ? `killed by ${killedBy}` : `exit code ${code}`;
      const detail = (errors.trim() || output.trim()).split("\n")[0]?.slice(0, 200) ?? "";
      settle({ kind: "unknown", reason: answer === "unknown" ? `${solver.name} gave up` : `${solver.name} gave no answer (${why}${detail === "" ? "" : `: ${detail}`})` });
    });
    child.stdin.end(scriptFor(solver, smt, declared));
  });
}
