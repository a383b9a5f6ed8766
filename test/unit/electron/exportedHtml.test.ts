import { describe, expect, it } from 'vitest';
import { assertSelfContainedHtml } from '../../../electron/features/exportedHtml.ts';
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
});
