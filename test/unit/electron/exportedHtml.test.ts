import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchOperation } from '../../../electron/ipc.ts';
import { createHandlers } from '../../../electron/operations/handlers.ts';
import { WorkspaceSession } from '../../../electron/workspace/session.ts';
import { testDependencies } from '../../fixtures/handlerDependencies.ts';
import { assertInertSvg, assertSelfContainedHtml } from '../../../electron/features/exportedHtml.ts';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { planWaves } from '../../../shared/engine/waves.ts';
import { checklistsFor } from '../../../shared/engine/checklist.ts';
import { checklistHtml } from '../../../shared/present/checklistDocument.ts';
import { planHtml } from '../../../shared/present/planDocument.ts';
import { makeLink, mirrored, TA } from '../../fixtures/links.ts';

const AT = '2026-12-03T00:00:00.000Z';
const link = makeLink({ name: '<script>alert(1)</script> "x" onload=1', config: mirrored(TA), plan: { window: '2027-01-15' } });
const plan = planWaves([{ document: { schemaVersion: 3, revision: 1, link, createdAt: AT, updatedAt: AT }, verdict: assessLink(link) }], '2026-12-03');
// The shape of Mermaid's output: inline style, markers referenced by fragment.
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" id="m1" viewBox="0 0 10 10"><style>#m1 .task{fill:#1f6feb}</style><path marker-end="url(#arrow)" d="M0 0"/><text>Jira&#58; prod</text></svg>';

describe('HTML saved through export.save', () => {
  it('accepts the plan (with an inline gantt) and a checklist as the app writes them, whatever the link names hold', () => {
    expect(() => assertSelfContainedHtml(planHtml(plan, AT))).not.toThrow();
    expect(() => assertSelfContainedHtml(planHtml(plan, AT, SVG))).not.toThrow();
    const verdict = assessLink(link);
    expect(() => assertSelfContainedHtml(checklistHtml(link, checklistsFor(link, verdict)[0]!, undefined, AT))).not.toThrow();
  });

  it.each([
    ['a script', '<script>fetch("x")</script>'],
    ['an event handler', '<svg onload="alert(1)"></svg>'],
    ['an image from the network', '<img src="https://example.com/x.png">'],
    ['a linked stylesheet', '<link rel="stylesheet" href="x.css">'],
    ['a CSS url to the network', '<style>a{background:url(https://example.com/x)}</style>'],
    ['a foreignObject', '<svg><foreignObject></foreignObject></svg>'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>'],
  ])('refuses a page with %s', (_, body) => {
    expect(() => assertSelfContainedHtml(planHtml(plan, AT, body))).toThrow(/was not saved: it holds/);
  });

  it('refuses a page without a strict CSP, or one that allows script', () => {
    expect(() => assertSelfContainedHtml('<!doctype html><p>hi</p>')).toThrow(/Content-Security-Policy/);
    expect(() => assertSelfContainedHtml(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'">`)).toThrow(/Content-Security-Policy/);
  });

  // Red-team pass (3 Dec 2026): each of these got past a check that read tags with patterns; a browser opening
  // the page would have fetched, navigated or run the part named.
  const EVIL = 'https://evil.example/x';
  it.each([
    ['a refresh after a quoted ">"', `<meta name=">" http-equiv="refresh" content="0;url=${EVIL}">`],
    ['an image after a quoted ">"', `<img alt=">" src="${EVIL}">`],
    ['a handler after "/" instead of a space', '<svg/onload=alert(1)>'],
    ['an address after "/" instead of a space', `<img/src="${EVIL}">`],
    ['an address with a character reference in "javascript:"', '<a href="javascript&#58;alert(1)">x</a>'],
    ['an address with a tab in "javascript:"', '<a href="java&#x09;script:alert(1)">x</a>'],
    ['a CSS url() written with an escape', `<style>a{background:\\75rl(${EVIL})}</style>`],
    ['a CSS @import written with an escape', `<style>@\\69mport "${EVIL}";</style>`],
    ['a CSS image-set() with a string', `<style>a{background-image:image-set("${EVIL}" 1x)}</style>`],
    ['a style attribute whose url( is a character reference', `<p style="background:url&#40;${EVIL})">x</p>`],
    ['an SVG style sheet whose @import is a character reference', `<svg><style>@imp&#111;rt "${EVIL}";</style></svg>`],
    ['an SVG fill pointing elsewhere', `<svg><rect fill="url(${EVIL}#p)"/></svg>`],
    ['an srcset whose first candidate is a data: image', `<img src="#" srcset="data:image/png;base64,AA 1x, ${EVIL} 2x">`],
    ['a background attribute', `<table background="${EVIL}"><tr><td>x</td></tr></table>`],
    ['a ping on a link', `<a href="#top" ping="${EVIL}">x</a>`],
    ['an animation that sets an address', `<svg><a><set attributeName="href" to="${EVIL}"/><text>x</text></a></svg>`],
    ['markup hidden in a style element (SVG reads it as tags)', `<svg><style><img src="${EVIL}"></style></svg>`],
    ['an element after a comment closed with --!>', `<!-- x --!><img src="${EVIL}"><!-- -->`],
    ['an element after the empty comment <!-->', `<!--><img src="${EVIL}"><!-- -->`],
    ['an element hidden in a quoted value of a raw-text element', `<noscript><p title="</noscript><img src=${EVIL}>"></p></noscript>`],
    ['a named character reference the check does not read', '<a href="javascript&colon;alert(1)">x</a>'],
    ['a frameset', '<frameset></frameset>'],
  ])('refuses a page with %s', (_, body) => {
    expect(() => assertSelfContainedHtml(planHtml(plan, AT, body))).toThrow(/was not saved: it holds/);
  });

  const page = (head: string) => `<!doctype html><html><head><meta charset="utf-8">${head}<title>x</title></head><body><p>x</p></body></html>`;
  it.each([
    ['a policy only inside a comment', page(`<!-- <meta http-equiv="Content-Security-Policy" content="default-src 'none';"> -->`)],
    ['a policy after the first element (it does not guard what comes before it)', `<!doctype html><html><head><img src="${EVIL}"><meta http-equiv="Content-Security-Policy" content="default-src 'none';"></head></html>`],
    ['a policy that lets images come from anywhere', page(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src *">`)],
    ['a policy that lets styles come from a host', page(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src evil.example">`)],
    ['a policy that sends reports', page(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; report-uri //evil.example/r">`)],
  ])('refuses %s', (_, html) => {
    expect(() => assertSelfContainedHtml(html)).toThrow(/Content-Security-Policy/);
  });
});

/** Handlers over a fresh workspace whose save dialog answers a file in `out`; removed afterwards. */
async function withExports(test: (handlers: ReturnType<typeof createHandlers>, out: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'applink-export-'));
  const session = new WorkspaceSession(path.join(dir, 'workspace'), path.join(dir, 'prefs', 'recent.json'), 'test');
  try {
    await session.switchTo(session.defaultDir);
    const out = path.join(dir, 'out');
    await mkdir(out);
    await test(createHandlers(testDependencies(dir, session, { chooseSavePath: async (name) => path.join(out, name) })), out);
  } finally {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  }
}

describe('export.save', () => {
  // Red-team pass (3 Dec 2026): the HTML check ran only for format "html", while the dialog's default name came
  // from suggestedName: format "md" with the name "plan.html" saved an unchecked page under an .html name.
  it.each([
    ['an HTML page sent as Markdown', 'plan.html', 'md'],
    ['an HTML page sent as CSV', 'plan.htm', 'csv'],
    ['an SVG sent as JSON', 'chart.svg', 'json'],
  ])('refuses %s: the file name must end with the format', async (_, suggestedName, format) => {
    await withExports(async (handlers, out) => {
      const result = await dispatchOperation(handlers, 'export.save', { suggestedName, format, text: '<!doctype html><script>fetch("https://evil.example/")</script>' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining(`must end with .${format}`) } });
      expect(await readdir(out)).toEqual([]);
      const fine = await dispatchOperation(handlers, 'export.save', { suggestedName: `plan.${format}`, format, text: 'x' });
      expect(fine).toMatchObject({ ok: true, value: { saved: true } });
      expect(await readdir(out)).toEqual([`plan.${format}`]);
    });
  });
});

describe('SVG saved through export.save (the flowchart)', () => {
  // Red-team pass (3 Dec 2026): format "svg" was saved unchecked; an SVG file opened in a browser runs its scripts.
  it('accepts a drawing of the shape Mermaid writes', () => {
    expect(() => assertInertSvg(`<?xml version="1.0"?>\n${SVG}`)).not.toThrow();
    expect(() => assertInertSvg(SVG)).not.toThrow();
  });

  const EVIL = 'https://evil.example/x';
  it.each([
    ['a script', '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("x")</script></svg>'],
    ['a script in a CDATA section', '<svg xmlns="http://www.w3.org/2000/svg"><script><![CDATA[alert(1)]]></script></svg>'],
    ['an event handler', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ['a linked style sheet', `<?xml-stylesheet href="${EVIL}"?><svg xmlns="http://www.w3.org/2000/svg"/>`],
    ['an entity that expands to markup', '<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'],
    ['an image from the network', `<svg xmlns="http://www.w3.org/2000/svg"><image href="${EVIL}"/></svg>`],
    ['a CSS @import', `<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(${EVIL});</style></svg>`],
    ['a foreignObject', '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject></svg>'],
  ])('refuses an SVG with %s', (_, svg) => {
    expect(() => assertInertSvg(svg)).toThrow(/The SVG picture was not saved: it holds/);
  });

  it('export.save runs the check on format "svg" and writes nothing', async () => {
    await withExports(async (handlers, out) => {
      const result = await dispatchOperation(handlers, 'export.save', { suggestedName: 'chart.svg', format: 'svg', text: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(await readdir(out)).toEqual([]);
    });
  });
});

