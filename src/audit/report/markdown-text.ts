/**
 * Putting text taken from audited sources (names, messages, snippets, compiler errors) into
 * Markdown so it reads as written and never as markup: CommonMark's backslash escapes for prose,
 * code spans and fences longer than any backtick run inside (CommonMark 0.31, sections 2.4, 6.1
 * and 4.5).
 */

/** Characters that start inline markup anywhere in a line: emphasis, code, links, raw HTML, entities, table cells. */
const INLINE_MARKUP = /[\\`*_[\]<>|&~]/g;
/** What opens a block when it starts a line: a heading, list item, quote or numbered item. */
const BLOCK_START = /^(\s*)([#+\-=]|\d+[.)])/;

/** Prose on one line (a table cell, a list item): markup characters escaped, line breaks as spaces. */
export function mdText(text: string): string {
  return text
    .replace(/\r?\n/g, " ")
    .replace(INLINE_MARKUP, (c) => `\\${c}`)
    .replace(BLOCK_START, (_, space: string, marker: string) => `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`);
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
}

/** An inline code span; `|` is escaped too so the span can sit in a table cell (GFM tables). */
export function mdCode(text: string): string {
  const fence = "`".repeat(longestBacktickRun(text) + 1);
  const body = text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  const padded = body.startsWith("`") || body.endsWith("`") || body.startsWith(" ") ? ` ${body} ` : body;
  return `${fence}${padded}${fence}`;
}

/** A fenced code block, its fence longer than any backtick run in the code. */
export function mdFence(code: string, language = ""): string {
  const fence = "`".repeat(Math.max(3, longestBacktickRun(code) + 1));
  return `${fence}${language}\n${code.replace(/\s+$/, "")}\n${fence}`;
}
