/**
 * A source unit's text as solc's byte offsets see it (UTF-8), with the line table that turns a
 * node's `src` into the 1-based lines, snippet and normalised code a finding reports.
 */
import { type AstNode, srcEnd, srcStart } from "./ast.js";

export class SourceText {
  private readonly bytes: Buffer;
  /** Byte offset at which each line starts. */
  private readonly lineStarts: number[];

  constructor(
    readonly name: string,
    readonly content: string,
  ) {
    this.bytes = Buffer.from(content, "utf8");
    this.lineStarts = [0];
    for (let i = 0; i < this.bytes.length; i++) if (this.bytes[i] === 0x0a) this.lineStarts.push(i + 1);
  }

  /** 1-based line of a byte offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** The text of a node's range, as written. */
  textOf(node: AstNode): string {
    return this.between(srcStart(node), srcEnd(node));
  }

  /** The text between two byte offsets. */
  between(start: number, end: number): string {
    return this.bytes.subarray(start, end).toString("utf8");
  }

  /** Lines `first`…`last` (1-based, inclusive), as written. */
  lines(first: number, last: number): string {
    const start = this.lineStarts[first - 1] ?? this.bytes.length;
    const end = this.lineStarts[last] ?? this.bytes.length;
    return this.bytes.subarray(start, end).toString("utf8").replace(/\r?\n$/, "");
  }

  /** First and last line a node spans. */
  span(node: AstNode): { line: number; endLine: number } {
    const line = this.lineOf(srcStart(node));
    return { line, endLine: Math.max(line, this.lineOf(Math.max(srcStart(node), srcEnd(node) - 1))) };
  }
}

/**
 * Code with comments removed and whitespace collapsed (kept only between two word characters, as
 * in `uint x`), so a finding's id survives reformatting and edits elsewhere in the file.
 */
export function normaliseCode(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/\/\/[^\n]*/g, " ")
    .replace(/\s+/g, " ")
    .replace(/ ?([^\w ]) ?/g, "$1")
    .trim();
}
