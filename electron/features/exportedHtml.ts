import { OperationError } from '../../shared/contract/operationError.ts';

// What would let a saved page run code or reach the network when opened in a browser. The page is read
// the way a browser's tokenizer reads it (quoted values may hold ">", "/" separates attributes, character
// references are decoded, comments end at "-->", "--!>" or "<!-->"), so the check sees the tags the browser
// builds, not what a pattern guesses. Text between tags is escaped by the app's writers: "onload=1" is text.
const REFUSED_ELEMENTS = /^(script|iframe|object|embed|link|base|frame|frameset|applet|foreignobject|portal|fencedframe)$/;
// Attributes whose value the browser fetches or follows.
const ADDRESS_ATTRIBUTES = /^(src|href|xlink:href|action|formaction|poster|data|background|ping|codebase|archive|manifest|lowsrc|dynsrc|longdesc|classid|srcset|imagesrcset)$/;
// Raw text: the browser reads no tag inside up to the end tag. Inside SVG (foreign content) a <style> or
// <title> is markup instead, so no "<" is allowed in them: then both readings are the same.
const RAW_TEXT = /^(style|title|textarea|xmp|noscript|noembed|noframes|iframe|script|plaintext)$/;
const REFUSED_IN_STYLES: Array<[RegExp, string]> = [
  [/url\(\s*["']?(?!#|data:image\/)/i, 'a CSS url() outside the page'],
  [/image-set\(|\bsrc\(/i, 'a CSS image-set() or src() (they fetch a file)'],
  [/@import\b/i, 'a CSS @import'],
];
const NAMED_REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** What was found and where; the public checks turn it into the message for a page or a picture. */
class Refused {
  constructor(readonly what: string, readonly index: number) {}
}

function refuse(what: string, index: number): never {
  throw new Refused(what, index);
}

function explained(kind: 'page' | 'picture', check: () => void): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    const at = `it holds ${error.what} at character ${error.index + 1}`;
    throw new OperationError('invalid-argument', kind === 'page'
      ? `The HTML file was not saved: ${at}; an exported page must be self-contained.`
      : `The SVG picture was not saved: ${at}; a saved picture must not be able to run or load anything.`);
  }
}

function weakPolicy(): never {
  throw new OperationError('invalid-argument', 'The HTML file was not saved: it must carry a Content-Security-Policy that starts with default-src \'none\' and allows no script.');
}

/** Character references decoded as a browser does in an attribute value; a named one other than the few the app writes is refused (it could hide ":" or "("). */
function decoded(text: string, index: number): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    const known = NAMED_REFERENCES[ref.toLowerCase()];
    return known !== undefined && Object.hasOwn(NAMED_REFERENCES, ref.toLowerCase()) ? known : refuse(`a character reference (${whole}) the check does not read`, index);
  });
}

/** CSS with its escapes (\75 rl, \@import) and comments undone: what the style sheet's tokenizer sees. */
function cssAsRead(css: string): string {
  return css
    .replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?/g, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd))
    .replace(/\\([^\n])/g, '$1')
    .replace(/\/\*[\s\S]*?\*\//g, '');
}

function checkCss(css: string, index: number): void {
  const read = cssAsRead(css);
  for (const [pattern, what] of REFUSED_IN_STYLES) if (pattern.test(read)) refuse(what, index);
}

/** Only 'none' everywhere, inline styles, and data: images and fonts: anything else could fetch or run something. */
function isStrictPolicy(policy: string): boolean {
  const seen = new Set<string>();
  let strictDefault = false;
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().toLowerCase().split(/\s+/);
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const allowed = name === 'default-src' ? ["'none'"]
      : name.startsWith('style-src') ? ["'none'", "'unsafe-inline'"]
        : name === 'img-src' || name === 'font-src' ? ["'none'", 'data:'] : ["'none'"];
    if (!sources.every((s) => allowed.includes(s))) return false;
    if (name === 'default-src') strictDefault = sources.length > 0;
  }
  return strictDefault;
}

interface Tag { name: string; end: boolean; attributes: Array<[string, string]>; index: number }

/** The start and end tags of a page as a browser tokenizes them; the content of raw-text elements is checked to hold no "<". */
function* tagsOf(html: string): Generator<Tag> {
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    const start = i;
    if (html.startsWith('<!--', i)) {
      const close = /--!?>/g;
      close.lastIndex = i + 2;
      const found = close.exec(html);
      i = found ? found.index + found[0].length : html.length;
      continue;
    }
    const end = html[i + 1] === '/';
    if (!/[a-zA-Z]/.test(html[i + (end ? 2 : 1)] ?? '')) {
      // <!doctype>, <?…>, </ 1> are bogus comments up to the next ">"; "<" before anything else is text.
      i = /[!?/]/.test(html[i + 1] ?? '') ? (html.indexOf('>', i) + 1 || html.length) : i + 1;
      continue;
    }
    i += end ? 2 : 1;
    const name = /^[^\s/>]*/.exec(html.slice(i))![0].toLowerCase();
    i += name.length;
    const attributes: Array<[string, string]> = [];
    for (;;) {
      while (/[\s/]/.test(html[i] ?? '')) i++;
      if (i >= html.length || html[i] === '>') break;
      const attrName = /^.[^\s/>=]*/.exec(html.slice(i))![0];
      i += attrName.length;
      while (/\s/.test(html[i] ?? '')) i++;
      let value = '';
      if (html[i] === '=') {
        i++;
        while (/\s/.test(html[i] ?? '')) i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, i + 1);
          value = html.slice(i + 1, close === -1 ? html.length : close);
          i = close === -1 ? html.length : close + 1;
        } else {
          value = /^[^\s>]*/.exec(html.slice(i))![0];
          i += value.length;
        }
      }
      attributes.push([attrName.toLowerCase(), decoded(value, start)]);
    }
    i++;
    yield { name, end, attributes, index: start };
    if (!end && RAW_TEXT.test(name)) {
      const close = new RegExp(`</${name}[\\s/>]`, 'ig');
      close.lastIndex = i;
      const found = close.exec(html);
      const content = html.slice(i, found ? found.index : html.length);
      if (content.includes('<')) refuse(`markup inside a <${name}> element`, i);
      if (name === 'style') checkCss(decoded(content, i), i);
      i = found ? found.index : html.length;
    }
  }
}

/** What no tag of an exported file may hold: a script or embedding element, a refresh, a handler, an address elsewhere, CSS that fetches. */
function checkTag(tag: Tag): void {
  const value = (name: string) => tag.attributes.find(([n]) => n === name)?.[1];
  const equiv = value('http-equiv')?.trim().toLowerCase();
  if (REFUSED_ELEMENTS.test(tag.name)) refuse('an embedding or script element', tag.index);
  if (tag.name === 'meta' && equiv !== undefined && equiv !== 'content-security-policy' && equiv !== 'content-type') refuse(equiv === 'refresh' ? 'a refresh' : 'a meta http-equiv other than the policy', tag.index);
  for (const [name, raw] of tag.attributes) {
    const address = raw.replace(/[\s\u0000-\u001f]/g, '');
    if (name.startsWith('on')) refuse('an event handler attribute', tag.index);
    if (/javascript:/i.test(address)) refuse('a javascript: address', tag.index);
    if (ADDRESS_ATTRIBUTES.test(name) && address !== '' && (/srcset|ping/.test(name) || !/^(#|data:image\/)/i.test(address))) refuse('a reference to another file or address', tag.index);
    if (name === 'attributename' && ADDRESS_ATTRIBUTES.test(address.toLowerCase())) refuse('an animation of an address', tag.index);
    // style="…", and SVG's fill, filter, mask, marker-end…: url() works in all of them.
    checkCss(raw, tag.index);
  }
}

/**
 * An HTML file the renderer asks main to save must be a self-contained page under a strict CSP: no script,
 * no embedded or linked resource, nothing fetched (the plan, checklists). Refused with a plain message otherwise.
 */
export function assertSelfContainedHtml(text: string): void {
  explained('page', () => checkPage(text));
}

function checkPage(text: string): void {
  let policy = false;
  for (const tag of tagsOf(text)) {
    if (tag.end) continue;
    const equiv = tag.attributes.find(([n]) => n === 'http-equiv')?.[1].trim().toLowerCase();
    if (tag.name === 'meta' && equiv === 'content-security-policy' && !policy) {
      if (!isStrictPolicy(tag.attributes.find(([n]) => n === 'content')?.[1] ?? '')) weakPolicy();
      policy = true;
    }
    // The policy only guards what comes after it: it must come before the page's first element.
    if (!policy && !/^(html|head|meta)$/.test(tag.name)) weakPolicy();
    checkTag(tag);
  }
  if (!policy) weakPolicy();
}

/**
 * An SVG file (the flowchart) opened in a browser runs its scripts and fetches what it names, with no policy
 * of its own: it is held to the same tags as a page, and to none of XML's own ways of adding content
 * (a DOCTYPE can define entities that expand to markup; a processing instruction can link a style sheet).
 */
export function assertInertSvg(text: string): void {
  explained('picture', () => checkSvg(text));
}

function checkSvg(text: string): void {
  const xml = /<!DOCTYPE|<!ENTITY|<!\[CDATA\[|<\?(?!xml\s)/i.exec(text);
  if (xml) refuse('a DOCTYPE, entity, CDATA section or processing instruction', xml.index);
  for (const tag of tagsOf(text)) if (!tag.end) checkTag(tag);
}
