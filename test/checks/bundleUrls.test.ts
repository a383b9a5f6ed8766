import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCES } from '../../shared/guidance/sources.ts';

// The built bundles must not contain code that would fetch from the network. URLs cited as text (XML
// namespaces, documentation links in messages) are fine; a URL passed to something that makes a request is not.
const OUT = path.resolve('out');
const REQUESTS: Array<[string, RegExp]> = [
  ['fetch', /\bfetch\(\s*[`'"]https?:\/\//g],
  ['XMLHttpRequest.open', /\.open\(\s*[`'"][A-Z]+[`'"]\s*,\s*[`'"]https?:\/\//g],
  ['WebSocket/EventSource', /new\s+(WebSocket|EventSource)\(\s*[`'"](wss?|https?):\/\//g],
  ['sendBeacon', /sendBeacon\(\s*[`'"]https?:\/\//g],
  ['dynamic import', /\bimport\(\s*[`'"]https?:\/\//g],
  ['importScripts', /importScripts\(\s*[`'"]https?:\/\//g],
  ['CSS url()', /url\(\s*[`'"]?https?:\/\//g],
  ['HTML src/href', /<(script|link|img|iframe|source|video|audio)\b[^>]*\s(src|href)\s*=\s*["']?https?:\/\//gi],
  ['net.request / http.get', /\b(net\.request|https?\.(get|request))\(\s*[`'"]https?:\/\//g],
];
// What the main process and preload may mention, each with why it is not a request.
const MAIN_ALLOWED: Array<[RegExp, string]> = [
  [/^https?:\/\/([^/:\s]*\.)?(example|invalid|example\.(com|net|org))([:/]|$)/, 'reserved example domains (RFC 2606): the demo estate and messages'],
  [/^https?:\/\/(\[|…|$|\$)/, 'a URL pattern or an elided example, no host'],
  [/^https:\/\/exa\\nmple\.com$/, 'an example in a comment of the URL validation in zod'],
  [/^http:\/\/www\.w3\.org\/2000\/svg$/, 'the SVG namespace'],
  [/^https?:\/\/json-schema\.org\/draft/, 'JSON Schema dialect identifiers (zod), never fetched'],
  [/^https:\/\/github\.com\/paralleldrive\/cuid/, 'a documentation link in a zod error message'],
];
// The addresses of the sources reports cite, printed as text in their bibliography (never a link the
// app opens): exactly those of shared/guidance/sources.ts, nothing else.
const CITED = new Set(Object.values(SOURCES).flatMap((s) => (s.url ? [s.url] : [])));

function files(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => ext.test(f)).map((f) => path.join(dir, f));
}

describe('the built bundles make no network requests', () => {
  const bundles = [...files(path.join(OUT, 'main'), /\.c?js$/), ...files(path.join(OUT, 'preload'), /\.c?js$/), ...files(path.join(OUT, 'renderer'), /\.(js|css|html)$/)];

  it('finds the bundles to scan (run `npm run build` first)', () => {
    expect(bundles.some((f) => f.endsWith('main.cjs'))).toBe(true);
    expect(bundles.some((f) => f.endsWith('index.html'))).toBe(true);
    expect(bundles.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(10);
  });

  it('contains no request to an absolute http(s) URL in main, preload or renderer code', () => {
    const found: string[] = [];
    for (const file of bundles) {
      const text = readFileSync(file, 'utf8');
      for (const [what, pattern] of REQUESTS) for (const match of text.matchAll(pattern)) found.push(`${path.relative(OUT, file)}: ${what}: ${text.slice(match.index, match.index + 80)}`);
    }
    expect(found).toEqual([]);
  });

  it('mentions no URL in the main process or preload beyond the reviewed allow-list', () => {
    const urls = [...files(path.join(OUT, 'main'), /\.c?js$/), ...files(path.join(OUT, 'preload'), /\.c?js$/)]
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/https?:\/\/[^\s'"`)<>]+/g)].map((m) => `${path.relative(OUT, file)}: ${m[0]}`));
    expect(urls.filter((u) => !CITED.has(u.slice(u.indexOf(': ') + 2)) && !MAIN_ALLOWED.some(([allowed]) => allowed.test(u.slice(u.indexOf(': ') + 2))))).toEqual([]);
  });
});
