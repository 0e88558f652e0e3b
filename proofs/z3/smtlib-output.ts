/**
 * Reading what an external SMT-LIB 2 solver prints: the check-sat answer, the constants a query
 * declares, and model values, either as a `get-value` reply (SMT-LIB 2.6 §4.2.6: `((x #x07) (b
 * true))`, bit-vectors as `#x…`, `#b…` or `(_ bvN W)`) or as the `name value` lines of solvers that
 * print their model that way (Boolector 1.x with `-m -x`).
 */

/** A 0-ary bit-vector or boolean constant a query declares (width 0 for a boolean). */
export interface Declared {
  readonly name: string;
  readonly width: number;
}

const DECLARATION = /\(declare-fun\s+(\|[^|]*\||[^\s()|]+)\s+\(\)\s+(?:\(_\s+BitVec\s+(\d+)\)|(Bool))\s*\)/g;

/** The 0-ary bit-vector and boolean constants the query text declares, names as written (quoted ones with their bars). */
export function declaredConstants(smt: string): Declared[] {
  return [...smt.matchAll(DECLARATION)].map((m) => ({ name: m[1]!, width: m[3] !== undefined ? 0 : Number(m[2]) }));
}

/** A name without the bars SMT-LIB quotes it with. */
export function unquoted(name: string): string {
  return name.startsWith("|") && name.endsWith("|") ? name.slice(1, -1) : name;
}

/** The first `sat`, `unsat` or `unknown` the solver printed, if any. */
export function checkSatAnswer(output: string): "sat" | "unsat" | "unknown" | undefined {
  const match = /^\s*(sat|unsat|unknown)\s*$/m.exec(output);
  return match?.[1] as "sat" | "unsat" | "unknown" | undefined;
}

type SExpr = string | SExpr[];

/** Parses one s-expression starting at `start`; returns it and where it ends. */
function parseSExpr(text: string, start: number): [SExpr, number] {
  let i = start;
  while (/\s/.test(text[i] ?? "")) i++;
  if (text[i] === "(") {
    const items: SExpr[] = [];
    i++;
    for (;;) {
      while (/\s/.test(text[i] ?? "")) i++;
      if (i >= text.length) throw new SyntaxError("unbalanced parentheses in the solver's output");
      if (text[i] === ")") return [items, i + 1];
      const [item, end] = parseSExpr(text, i);
      items.push(item);
      i = end;
    }
  }
  if (text[i] === "|") {
    const end = text.indexOf("|", i + 1);
    if (end < 0) throw new SyntaxError("unterminated |name| in the solver's output");
    return [text.slice(i, end + 1), end + 1];
  }
  const atom = /^[^\s()]+/.exec(text.slice(i));
  if (atom === null) throw new SyntaxError("unexpected end of the solver's output");
  return [atom[0], i + atom[0].length];
}

/** A value as SMT-LIB writes it: `#x…`, `#b…`, `(_ bvN W)`, `true` or `false`. */
function valueOf(expr: SExpr): bigint | boolean {
  if (expr === "true") return true;
  if (expr === "false") return false;
  if (typeof expr === "string") {
    if (/^#x[0-9a-fA-F]+$/.test(expr)) return BigInt(`0x${expr.slice(2)}`);
    if (/^#b[01]+$/.test(expr)) return BigInt(`0b${expr.slice(2)}`);
  } else if (expr.length === 3 && expr[0] === "_" && typeof expr[1] === "string" && /^bv\d+$/.test(expr[1])) {
    return BigInt(expr[1].slice(2));
  }
  throw new SyntaxError(`not a bit-vector or boolean literal: ${JSON.stringify(expr)}`);
}

/** The values of a `get-value` reply that follows the check-sat answer, by unquoted name. */
export function getValueReply(output: string): Map<string, bigint | boolean> {
  const answer = /^\s*sat\s*$/m.exec(output);
  if (answer === null) throw new SyntaxError("no sat answer before the values");
  const values = new Map<string, bigint | boolean>();
  const rest = output.slice(answer.index + answer[0].length);
  if (rest.trim() === "") return values;
  const [reply] = parseSExpr(rest, 0);
  if (typeof reply === "string" || reply[0] === "error") throw new SyntaxError(`the solver's get-value failed: ${rest.trim().slice(0, 200)}`);
  for (const pair of reply) {
    if (typeof pair === "string" || pair.length !== 2 || typeof pair[0] !== "string") throw new SyntaxError(`not a (term value) pair: ${JSON.stringify(pair)}`);
    values.set(unquoted(pair[0]), valueOf(pair[1]!));
  }
  return values;
}

/**
 * The values of `name value` model lines in hexadecimal (Boolector 1.x `-m -x`), by name; a
 * boolean is printed as the one-bit `0` or `1`, and array entries (`m[…] v`) are left out, as the
 * Z3 workers leave arrays out of their models.
 */
export function modelLines(output: string, declared: readonly Declared[]): Map<string, bigint | boolean> {
  const widths = new Map(declared.map((d) => [unquoted(d.name), d.width]));
  const values = new Map<string, bigint | boolean>();
  for (const line of output.split("\n")) {
    const match = /^(\S+)\s+([0-9a-fA-F]+)$/.exec(line.trim());
    if (match === null) continue;
    const width = widths.get(unquoted(match[1]!));
    if (width === undefined) continue;
    const value = BigInt(`0x${match[2]}`);
    values.set(unquoted(match[1]!), width === 0 ? value === 1n : value);
  }
  return values;
}
