/**
 * Text from audited sources (names, messages, snippets, compiler errors) in HTML: the five
 * characters that can end text or an attribute value are written as character references (HTML
 * Living Standard §13.1.4), so a contract cannot inject markup or script into its own report.
 */
const REFERENCES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => REFERENCES[c]!);
}
