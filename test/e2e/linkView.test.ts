import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../harness/axe.ts';
import type { AppSession } from '../harness/appHarness.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';

// #17 "The link view": the flowchart readable where it is shown, honest save state, placeholders that
// do not look like data, and a verdict that does not hide findings in an inner scroll.
const suite = e2eSuite();
let app: AppSession;
const saveState = (page: Page) => page.locator('.topbar [data-save-state]');

async function openLink(id: string, viewport = { width: 1280, height: 720 }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  app = await suite.start({ viewport, colorScheme });
  await app.open(`/index.html#/link/${id}`);
  await app.page.locator('.flowchart-svg[data-state="ready"]').waitFor();
  return app.page;
}

/** Each label of the drawing as rendered: its font size times the drawing's scale on screen. */
const labelSizes = (page: Page) => page.locator('.flowchart-svg svg').evaluate((svg) => {
  const s = svg as SVGSVGElement;
  const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
  return Array.from(s.querySelectorAll('text')).filter((t) => (t.textContent ?? '').trim() !== '').map((t) => ({
    text: t.textContent!.trim().slice(0, 30), px: parseFloat(getComputedStyle(t).fontSize) * scale, height: t.getBoundingClientRect().height,
  }));
});

describe('the link view', () => {
  it('draws the flowchart with labels of at least 12 px at 1280×720 and reaches it from the header without scrolling past the checklist', async () => {
    const page = await openLink('jira-wiki');
    const sizes = await labelSizes(page);
    expect(sizes.length).toBeGreaterThan(8);
    for (const label of sizes) expect(label.px, `label "${label.text}"`).toBeGreaterThanOrEqual(12);
    // The rendered glyph box agrees with the computed size (no transform shrinks it elsewhere).
    for (const label of sizes) expect(label.height, `label "${label.text}" box`).toBeGreaterThanOrEqual(12);

    // The flowchart comes before the checklists, and the header's "Flowchart" brings it into view.
    const order = await page.evaluate(() => {
      const flow = document.getElementById('flowchart-panel')!;
      const checklists = document.getElementById('checklists-heading')!;
      return flow.compareDocumentPosition(checklists) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    await page.getByRole('navigation', { name: 'On this page' }).getByRole('button', { name: 'Flowchart' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('flowchart-heading');
    const where = await page.locator('#flowchart-heading').evaluate((h) => ({
      top: h.getBoundingClientRect().top, bar: document.querySelector('.topbar')!.getBoundingClientRect(),
    }));
    expect(where.bar.top).toBe(0);
    expect(where.top).toBeGreaterThanOrEqual(where.bar.bottom);
    expect(where.top).toBeLessThan(720 / 2);
    // A deep link opens the view at the flowchart.
    await app.open('/index.html#/link/jsm-wiki/flowchart');
    await page.locator('.flowchart-svg[data-state="ready"]').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('flowchart-heading');
  });

  it('marks the path by fill, weight and colour, with a legend, in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openLink('jira-wiki', undefined, scheme);
      const marks = await page.locator('.flowchart-svg svg').evaluate((svg) => {
        const shape = (g: Element) => g.querySelector('rect, polygon, path')!;
        const style = (e: Element) => getComputedStyle(e);
        const taken = Array.from(svg.querySelectorAll('g.node.taken')).map((g) => ({ fill: style(shape(g)).fill, width: parseFloat(style(shape(g)).strokeWidth), weight: style(g.querySelector('text, tspan')!).fontWeight }));
        const other = Array.from(svg.querySelectorAll('g.node:not(.taken):not(.pending)')).map((g) => ({ fill: style(shape(g)).fill, width: parseFloat(style(shape(g)).strokeWidth) }));
        const edges = Array.from(svg.querySelectorAll('path.flowchart-link')).map((p) => ({ width: parseFloat(style(p).strokeWidth), colour: style(p).stroke }));
        return { taken, other, edges };
      });
      expect(marks.taken.length).toBeGreaterThanOrEqual(4);
      for (const node of marks.taken) {
        expect(node.width).toBeGreaterThanOrEqual(4);
        expect(Number(node.weight) >= 600 || node.weight === 'bold').toBe(true);
        expect(node.fill).toBe('rgb(207, 225, 255)');
      }
      for (const node of marks.other) {
        expect(node.width).toBeLessThan(4);
        expect(node.fill).not.toBe('rgb(207, 225, 255)');
      }
      const thick = marks.edges.filter((e) => e.width >= 4);
      const thin = marks.edges.filter((e) => e.width < 2);
      expect(thick.length).toBe(marks.taken.length - 1);
      expect(new Set(thick.map((e) => e.colour))).toEqual(new Set(['rgb(31, 111, 235)']));
      expect(thin.length + thick.length).toBe(marks.edges.length);
      expect(thin.every((e) => e.colour !== 'rgb(31, 111, 235)')).toBe(true);
      const legend = await page.getByRole('list', { name: 'Legend' }).textContent();
      expect(legend).toMatch(/On this link's path.*filled, thick blue outline, bold label/);
      expect(legend).toMatch(/Arrow not taken \(thin, grey\)/);
      expect(await axeViolations(page, '.flowchart-panel'), `flowchart panel (${scheme})`).toEqual([]);
    }
  });

  it('does not say "All changes saved" while a field holds text that is not valid, and the verdict says it uses the last valid value', async () => {
    const page = await openLink('jira-wiki');
    await expect.poll(() => saveState(page).textContent()).toBe('All changes saved');
    const version = page.locator('fieldset.end').first().getByLabel('Version', { exact: true });
    expect(await version.inputValue()).toBe('9.12.4');
    await version.fill('9.12.x');
    await expect.poll(() => saveState(page).textContent()).toBe('1 field not saved: fix Local end version');
    expect(await saveState(page).getAttribute('data-save-state')).toBe('unsaved');
    const notice = page.locator('.verdict [data-unsaved-fields]');
    expect(await notice.textContent()).toBe('Local end version holds text that is not valid and is not saved: this verdict uses the last valid value, “9.12.4”.');
    // Still so in another view, and once the text is fixed it is saved and the notice goes.
    await page.getByRole('button', { name: 'Inventory', exact: true }).click();
    await expect.poll(() => saveState(page).textContent()).toBe('1 field not saved: fix Local end version');
    await page.goBack();
    await version.fill('9.12.5');
    await expect.poll(() => saveState(page).textContent()).toBe('All changes saved');
    expect(await notice.count()).toBe(0);
    expect(await page.locator('fieldset.end').first().getByLabel('Version', { exact: true }).inputValue()).toBe('9.12.5');
  });

  it('shows placeholders as muted, italic examples, not as data', async () => {
    const page = await openLink('inhouse-tool');
    const remoteVersion = page.locator('fieldset.end').nth(1).getByLabel('Version', { exact: true });
    expect(await remoteVersion.inputValue()).toBe('');
    expect(await remoteVersion.getAttribute('placeholder')).toMatch(/^e\.g\. /);
    const looks = await remoteVersion.evaluate((input) => {
      const placeholder = getComputedStyle(input, '::placeholder');
      return { placeholder: placeholder.color, italic: placeholder.fontStyle, value: getComputedStyle(input).color };
    });
    expect(looks.italic).toBe('italic');
    expect(looks.placeholder).not.toBe(looks.value);
    for (const input of await page.locator('input[placeholder]').all()) expect(await input.getAttribute('placeholder')).toMatch(/^e\.g\. /);
  });

  it('shows every finding of the verdict without an inner scroll', async () => {
    const page = await openLink('wiki-jira-dc');
    const verdict = page.locator('section.verdict');
    const box = await verdict.evaluate((v) => ({ overflow: getComputedStyle(v).overflowY, scroll: v.scrollHeight, client: v.clientHeight, findings: v.querySelectorAll('.findings > li').length }));
    expect(box.findings).toBeGreaterThan(3);
    expect(['visible', 'clip']).toContain(box.overflow);
    expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
    // The last finding is reached by scrolling the page, not an inner box.
    const last = page.locator('.findings > li').last();
    await last.scrollIntoViewIfNeeded();
    expect(await last.isVisible()).toBe(true);
  });
});
