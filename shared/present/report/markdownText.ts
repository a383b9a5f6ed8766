/**
 * Text as inert Markdown (CommonMark and GitHub's extensions), escaping only what could become markup:
 * emphasis, code, links and images (`[`, `]`), HTML and autolinks (`<`, `>`, `://`, `www.`, `@`),
 * entities (`&`), table cells (`|`), strikethrough (`~`) and, at the start, a heading, list or quote.
 * A version such as 9.12.4 or a parenthesis stays as it is. Line breaks become spaces, so a name
 * cannot start a block.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
    .replace(/@/g, '\\@')
    .replace(/^(\s*)([#+\-=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
