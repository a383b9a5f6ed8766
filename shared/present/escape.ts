/** Text as HTML text or attribute content: nothing a user typed can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Text as inert Markdown, escaping only what could become markup (one rule for reports and checklists). */
export { markdownText as escapeMarkdown } from './report/markdownText.ts';
