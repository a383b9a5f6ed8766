import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { demoEstateLinks } from '../../electron/app/demoEstate.ts';
import type { Link } from '../../shared/model/link.ts';
import { launchChromium, RENDERER_DIR, startApp } from '../harness/appHarness.ts';
import { median, round, type Figure } from './figures.ts';
import { INTERACTIVE_PROBE, interactiveAt, reloadTimes } from './loadProbe.ts';

/** Gzipped size of the JavaScript the renderer loads at start (entry script and its modulepreloads). */
async function initialJsKb(): Promise<{ initial: number; lazy: number }> {
  const html = await readFile(path.join(RENDERER_DIR, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const { readdir } = await import('node:fs/promises');
  const all = (await readdir(path.join(RENDERER_DIR, 'assets'))).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const gz = async (files: string[]) => {
    let total = 0;
    for (const file of files) total += gzipSync(await readFile(path.join(RENDERER_DIR, file)), { level: 9 }).length;
    return total / 1024;
  };
  return { initial: await gz(initial), lazy: await gz(all.filter((f) => !initial.includes(f))) };
}

function estate(size: number): Link[] {
  const templates = demoEstateLinks();
  return Array.from({ length: size }, (_, i) => {
    const t = templates[i % templates.length]!;
    return { ...t, id: `${t.id}-${i}`, name: `${t.name} #${i}` };
  });
}

/** Renderer figures of design §9, measured in headless Chromium over the real handlers. */
export async function rendererBench(): Promise<Figure[]> {
  const size = await initialJsKb();
  const browser = await launchChromium();
  try {
    const links = estate(1000);
    const app = await startApp(browser, { seed: () => links, viewport: { width: 1440, height: 900 } });
    await app.context.addInitScript(INTERACTIVE_PROBE);
    await app.open();
    await interactiveAt(app.page);
    // A workspace of more than 300 links arrives in pages: the first screen, and every link.
    const { loads, completes } = await reloadTimes(app.page, 7);

    await app.open(`/index.html#/link/${links[0]!.id}`);
    await app.page.locator('.flowchart-svg[data-state="ready"]').waitFor();
    // Each answer change below leads to a different path; the first time a path is drawn Mermaid lays it
    // out, later times the drawing of that path is reused.
    const users = /share the same user base/;
    const trust = /fully trust each other/;
    const admin = /Do you have administrator access/;
    const newPaths: Array<[RegExp, string]> = [[users, 'No'], [trust, 'No'], [admin, 'No']];
    // From there, every step changes the path to one already drawn.
    const seenPaths: Array<[RegExp, string]> = [[admin, 'Yes'], [trust, 'Yes'], [users, 'Yes'], [users, 'No'], [trust, 'No'], [admin, 'No']];
    const timeChange = async (question: RegExp, answer: string) => {
      const handle = await app.page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).elementHandle();
      return app.page.evaluate(async (input) => {
        const holder = document.querySelector('.flowchart-svg')!;
        const before = holder.querySelector('svg');
        const start = performance.now();
        (input as HTMLInputElement).click();
        await new Promise<void>((resolve, reject) => {
          setTimeout(() => reject(new Error('the flowchart did not change within 10 s')), 10_000);
          const observer = new MutationObserver(() => {
            if (holder.querySelector('svg') !== before) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(holder, { childList: true });
        });
        return performance.now() - start;
      }, handle);
    };
    const firstDraws: number[] = [];
    for (const [question, answer] of newPaths) firstDraws.push(await timeChange(question, answer));
    const redraws: number[] = [];
    for (let i = 0; i < 4; i++) for (const [question, answer] of seenPaths) redraws.push(await timeChange(question, answer));
    await app.close();
    return [
      { name: 'renderer: initial JavaScript, gzip (Mermaid excluded, lazy)', value: round(size.initial, 1), unit: 'KB', budget: 250 },
      { name: 'renderer: lazily loaded JavaScript (Mermaid), gzip', value: round(size.lazy, 1), unit: 'KB', budget: null },
      { name: 'renderer: load to interactive inventory (first page on screen), 1,000 links (median of 7)', value: round(median(loads), 0), unit: 'ms', budget: 500 },
      { name: 'renderer: load until every link has arrived, 1,000 links (median of 7)', value: round(median(completes), 0), unit: 'ms', budget: 500 },
      { name: 'renderer: warm flowchart re-render, path not drawn before (median of 3)', value: round(median(firstDraws), 0), unit: 'ms', budget: 250 },
      { name: 'renderer: warm flowchart re-render, path drawn before (median of 24)', value: round(median(redraws), 0), unit: 'ms', budget: 250 },
    ];
  } finally {
    await browser.close();
  }
}
