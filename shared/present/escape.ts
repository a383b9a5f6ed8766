/** Text as HTML text or attribute content: nothing a user typed can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Text as inert Markdown: characters that start emphasis, links, headings, HTML or tables are
 * backslash-escaped and line breaks become spaces, so a name cannot inject a link or a block.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~"']/g, (c) => `\\${c}`);
}
