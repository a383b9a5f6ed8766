/**
 * Text as inert Markdown (CommonMark and GitHub's extensions), escaping only what could become markup:
 * emphasis, code, links and images (`[`, `]`), HTML and autolinks (`<`, `>`, `://`, `www.`, `@`),
 * entities (`&`), table cells (`|`), strikethrough (`~`) and, for text that starts a line, a heading
 * or list marker (the report puts user text after a prefix, so mid-line a leading "1." stays).
 * A version such as 9.12.4 or a parenthesis stays as it is. Line breaks become spaces, so a name
 * cannot start a block.
 */
export function markdownText(text: string, startsLine = false): string {
  const inline = text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
    .replace(/@/g, '\\@');
  return startsLine ? inline.replace(/^(\s*)([#+\-=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2') : inline;
}
