/**
 * The part of `foundry.toml` a Solidity build needs: `[profile.default]`'s `src`, `test`, `libs`
 * and `remappings` (Foundry's config reference). It reads the TOML it meets there (TOML 1.0:
 * tables, `key = value`, basic and literal strings, arrays over several lines, comments) and
 * passes over values of other types (numbers, booleans, inline tables) without interpreting them.
 */
import { compileFailure } from "./errors.js";

export interface FoundryProfile {
  readonly src?: string;
  readonly test?: string;
  readonly libs?: readonly string[];
  readonly remappings?: readonly string[];
}

/** A value this reader keeps (strings and arrays of them), or `other` for any value it passes over. */
type Value = string | readonly Value[] | { readonly other: true };

const OTHER = { other: true } as const;

class Reader {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  fail(what: string): never {
    const line = this.text.slice(0, this.pos).split("\n").length;
    throw compileFailure("INPUT", "InputError", `${this.file}:${line}: ${what}`, this.file);
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(ahead = 0): string {
    return this.text[this.pos + ahead] ?? "";
  }

  /** Skips spaces and tabs, and, when `lines`, newlines and comments too. */
  skip(lines: boolean): void {
    for (;;) {
      const c = this.peek();
      if (c === " " || c === "\t" || c === "\r" || (lines && c === "\n")) this.pos++;
      else if (c === "#") while (!this.done && this.peek() !== "\n") this.pos++;
      else return;
    }
  }

  expect(c: string): void {
    if (this.peek() !== c) this.fail(`expected '${c}'`);
    this.pos++;
  }

  /** A dotted key (`profile.default`, `"quoted key"`), as its parts. */
  key(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.skip(false);
      const c = this.peek();
      if (c === '"' || c === "'") parts.push(this.string());
      else {
        const start = this.pos;
        while (/[A-Za-z0-9_-]/.test(this.peek())) this.pos++;
        if (start === this.pos) this.fail("expected a key");
        parts.push(this.text.slice(start, this.pos));
      }
      this.skip(false);
      if (this.peek() !== ".") return parts;
      this.pos++;
    }
  }

  string(): string {
    const quote = this.peek();
    if (this.text.startsWith(quote.repeat(3), this.pos)) return this.multilineString(quote);
    this.pos++;
    let out = "";
    for (;;) {
      const c = this.peek();
      if (c === "" || c === "\n") this.fail("unterminated string");
      this.pos++;
      if (c === quote) return out;
      out += quote === '"' && c === "\\" ? this.escape() : c;
    }
  }

  private multilineString(quote: string): string {
    const end = this.text.indexOf(quote.repeat(3), this.pos + 3);
    if (end < 0) this.fail("unterminated string");
    const body = this.text.slice(this.pos + 3, end).replace(/^\r?\n/, "");
    this.pos = end + 3;
    return body;
  }

  private escape(): string {
    const c = this.peek();
    this.pos++;
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\", b: "\b", f: "\f" };
    if (c in simple) return simple[c]!;
    if (c === "u" || c === "U") {
      const digits = this.text.slice(this.pos, this.pos + (c === "u" ? 4 : 8));
      this.pos += digits.length;
      return String.fromCodePoint(Number.parseInt(digits, 16));
    }
    return this.fail(`unknown escape \\${c}`);
  }

  value(): Value {
    this.skip(false);
    const c = this.peek();
    if (c === '"' || c === "'") return this.string();
    if (c === "[") return this.array();
    if (c === "{") return this.inlineTable();
    // A number, boolean or date: up to the end of the value.
    const start = this.pos;
    while (!this.done && !/[,\]\}\n#]/.test(this.peek())) this.pos++;
    if (this.text.slice(start, this.pos).trim() === "") this.fail("expected a value");
    return OTHER;
  }

  private array(): Value {
    this.expect("[");
    const items: Value[] = [];
    for (;;) {
      this.skip(true);
      if (this.peek() === "]") break;
      items.push(this.value());
      this.skip(true);
      if (this.peek() === ",") this.pos++;
      else if (this.peek() !== "]") this.fail("expected ',' or ']' in an array");
    }
    this.pos++;
    return items;
  }

  private inlineTable(): Value {
    this.expect("{");
    for (;;) {
      this.skip(false);
      if (this.peek() === "}") break;
      this.key();
      this.expect("=");
      this.value();
      this.skip(false);
      if (this.peek() === ",") this.pos++;
      else if (this.peek() !== "}") this.fail("expected ',' or '}' in an inline table");
    }
    this.pos++;
    return OTHER;
  }

  /** The rest of the line must hold nothing but a comment. */
  endOfLine(): void {
    this.skip(false);
    if (!this.done && this.peek() !== "\n") this.fail("expected the end of the line");
  }
}

/** Every `table.key` of the document (dotted keys joined by "."), with the values this reader keeps. */
function readToml(text: string, file: string): Map<string, Value> {
  const reader = new Reader(text, file);
  const entries = new Map<string, Value>();
  let table: string[] = [];
  for (;;) {
    reader.skip(true);
    if (reader.done) return entries;
    if (reader.peek() === "[") {
      const arrayOfTables = reader.peek(1) === "[";
      reader.expect("[");
      if (arrayOfTables) reader.expect("[");
      table = reader.key();
      reader.expect("]");
      if (arrayOfTables) reader.expect("]");
      reader.endOfLine();
      continue;
    }
    const key = reader.key();
    reader.expect("=");
    entries.set([...table, ...key].join("."), reader.value());
    reader.endOfLine();
  }
}

function stringOf(value: Value | undefined, key: string, file: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw compileFailure("INPUT", "InputError", `${file}: ${key} must be a string`, file);
  return value;
}

function stringsOf(value: Value | undefined, key: string, file: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === "string")) {
    throw compileFailure("INPUT", "InputError", `${file}: ${key} must be an array of strings`, file);
  }
  return value;
}

/**
 * A profile of a foundry.toml's text (`file` names it in errors): `[profile.<name>]` over
 * `[profile.default]`, as Foundry selects one with FOUNDRY_PROFILE.
 */
export function readFoundryProfile(text: string, file: string, profile = "default"): FoundryProfile {
  const entries = readToml(text, file);
  const get = (key: string) => entries.get(`profile.${profile}.${key}`) ?? entries.get(`profile.default.${key}`);
  const src = stringOf(get("src"), "src", file);
  const test = stringOf(get("test"), "test", file);
  const libs = stringsOf(get("libs"), "libs", file);
  const remappings = stringsOf(get("remappings"), "remappings", file);
  return {
    ...(src !== undefined && { src }),
    ...(test !== undefined && { test }),
    ...(libs !== undefined && { libs }),
    ...(remappings !== undefined && { remappings }),
  };
}
