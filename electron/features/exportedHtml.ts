import { OperationError } from '../../shared/contract/operationError.ts';

// What would let a saved page run code or reach the network when opened in a browser. Text between tags
// is escaped by the app's writers, so only tags and style sheets are read: a link named "onload=1" is text.
const REFUSED_IN_TAGS: Array<[RegExp, string]> = [
  [/^<\/?(script|iframe|object|embed|link|base|frame|applet|foreignObject)\b/i, 'an embedding or script element'],
  [/^<meta\b[^>]*http-equiv\s*=\s*["']?refresh/i, 'a refresh'],
  [/\son[a-z]+\s*=/i, 'an event handler attribute'],
  [/\s(?:src|href|xlink:href|action|formaction|srcset|poster|data)\s*=\s*["']?(?!#|data:image\/)[^"'\s>]/i, 'a reference to another file or address'],
  [/javascript:/i, 'a javascript: address'],
  [/url\(\s*["']?(?!#|data:image\/)/i, 'a CSS url() outside the page'],
];
const REFUSED_IN_STYLES: Array<[RegExp, string]> = [
  [/url\(\s*["']?(?!#|data:image\/)/i, 'a CSS url() outside the page'],
  [/@import\b/i, 'a CSS @import'],
];

function refuse(what: string, index: number): never {
  throw new OperationError('invalid-argument', `The HTML file was not saved: it holds ${what} at character ${index + 1}; an exported page must be self-contained.`);
}

/**
 * An HTML file the renderer asks main to save must be a self-contained page under a strict CSP: no script,
 * no embedded or linked resource, nothing fetched (the plan, checklists). Refused with a plain message otherwise.
 */
export function assertSelfContainedHtml(text: string): void {
  const csp = /<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*">/i.exec(text);
  if (!csp || /script-src|connect-src|https?:/i.test(csp[0])) {
    throw new OperationError('invalid-argument', 'The HTML file was not saved: it must carry a Content-Security-Policy that starts with default-src \'none\' and allows no script.');
  }
  for (const tag of text.matchAll(/<[a-zA-Z/!][^>]*>/g)) {
    for (const [pattern, what] of REFUSED_IN_TAGS) if (pattern.test(tag[0])) refuse(what, tag.index);
  }
  for (const style of text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    for (const [pattern, what] of REFUSED_IN_STYLES) if (pattern.test(style[1]!)) refuse(what, style.index);
  }
}
