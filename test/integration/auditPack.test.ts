import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bibliographyEntry } from '../../shared/guidance/bibliography.ts';
import { executiveSummary } from '../../shared/present/report/executiveSummary.ts';
import { buildReport } from '../../shared/present/report/reportModel.ts';
import { summaryBibliography } from '../../shared/present/report/summaryDocument.ts';
import { pdfDestinationPages, pdfPageCount } from '../../shared/present/report/pdfPages.ts';
import { cli } from '../fixtures/cli.ts';
import { generatedEstate } from '../fixtures/generatedEstate.ts';

let dir: string;
const inventories = new Map<number, string>();
/** A generated estate of `size` links as an inventory file (its triage decisions included). */
async function inventory(size: number): Promise<string> {
  let file = inventories.get(size);
  if (!file) {
    file = path.join(dir, `estate-${size}.inventory.json`);
    await writeFile(file, JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: generatedEstate(size).map((d) => d.link) }));
    inventories.set(size, file);
  }
  return file;
}
const pdfText = (file: string, page?: number) => execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'audit-pack-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('report --summary', () => {
  it.each([1_200, 10_000])('the summary PDF of %i links is at most 15 pages, with the key figure, the sections and the sources', async (size) => {
    const out = path.join(dir, `summary-${size}.pdf`);
    const result = await cli('report', await inventory(size), '--summary', '--format', 'pdf', '--out', out, '--classification', 'INTERNAL');
    expect(result, result.err).toMatchObject({ code: 0, out: expect.stringMatching(/^Wrote a PDF executive summary of/) });
    const pdf = await readFile(out);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeLessThanOrEqual(15);
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1]), 'pdfinfo agrees with our own count').toBe(pages);
    const text = pdfText(out);
    expect(text).toMatch(new RegExp(`of ${size.toLocaleString('en-GB')} links \\(\\d+%\\) still use Trusted`));
    for (const heading of ['Authentication in use', 'Recommendations', 'Findings', 'OAuth 2.0 readiness and migration progress', 'Servers', 'Estate map', 'Top risks', 'Triage decisions', 'Sources']) expect(text).toContain(heading);
    expect(text).toMatch(/… and [\d,]+ more servers with fewer links/);
    expect(text).toMatch(/… and [\d,]+ more decisions in the full report/);
    expect(text).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d .*\(UTC[+-]\d\d:\d\d\)/);
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
  }, 240_000);

  it('every id the summary cites is explained in its Sources, in HTML, Markdown and JSON', async () => {
    const file = await inventory(1_200);
    const report = buildReport(generatedEstate(1_200), { title: 't', author: null, generatedAt: new Date().toISOString(), appVersion: 'x', classification: null, includeChecklists: true });
    const { entries, unknown } = summaryBibliography(executiveSummary(report));
    expect(unknown).toEqual([]);
    const cited = new Set(executiveSummary(report).risks.flatMap((r) => r.sources));
    expect(cited.size).toBeGreaterThan(3);
    for (const format of ['html', 'md', 'json'] as const) {
      const out = path.join(dir, `summary.${format}`);
      expect((await cli('report', file, '--summary', '--format', format, '--out', out)).code).toBe(0);
      const text = await readFile(out, 'utf8');
      const sources = format === 'json' ? JSON.parse(text).sources.map((s: { id: string }) => s.id) : entries.map((e) => e.id);
      for (const id of cited) {
        expect(sources, `${format}: ${id}`).toContain(id);
        expect(text, `${format}: the title of ${id}`).toContain(format === 'json' ? JSON.stringify(bibliographyEntry(id)!.title).slice(1, -1) : bibliographyEntry(id)!.title.replace(/&/g, format === 'html' ? '&amp;' : '&'));
      }
    }
  });

  it('counts agree with assess: links by recommendation and by worst finding, and every link counted once by authentication', async () => {
    const file = await inventory(1_200);
    const assessed = JSON.parse((await cli('assess', file, '--format', 'json')).out) as { links: Array<{ recommended: string; worstSeverity: string | null }> };
    const out = path.join(dir, 'counts.json');
    expect((await cli('report', file, '--summary', '--format', 'json', '--out', out)).code).toBe(0);
    const { summary, executive } = JSON.parse(await readFile(out, 'utf8'));
    const tally = (values: string[]) => Object.fromEntries([...new Set(values)].map((v) => [v, values.filter((x) => x === v).length]));
    expect(Object.fromEntries(summary.byRecommendation)).toEqual(tally(assessed.links.map((l) => l.recommended)));
    expect(Object.fromEntries(executive.worst.filter((r: { assessed: number }) => r.assessed > 0).map((r: { severity: string; assessed: number }) => [r.severity, r.assessed]))).toEqual(tally(assessed.links.map((l) => l.worstSeverity ?? 'none')));
    expect(Object.values(executive.authInUse as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(assessed.links.length);
    expect(summary.total).toBe(1_200);
  });

  it('a CSV has no summary form: refused with a clear message, nothing written', async () => {
    const out = path.join(dir, 'summary.csv');
    const result = await cli('report', await inventory(1_200), '--summary', '--format', 'csv', '--out', out);
    expect(result).toMatchObject({ code: 64, err: expect.stringMatching(/--summary .* CSV has one row per link/) });
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });
});

describe('report --sections', () => {
  it('a left-out part is absent, and every contents entry points at a heading with its words', async () => {
    const out = path.join(dir, 'parts.html');
    expect((await cli('report', await inventory(60), '--format', 'html', '--out', out, '--sections', 'summary,findings')).code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<h2 id="sec-summary">Summary</h2>');
    expect(html).toMatch(/<th>Severity<\/th><th>Rule<\/th>/);
    // Each distinct explanation once, every finding's row pointing at it.
    const whys = [...html.matchAll(/<tr id="(why-[^"]+)">/g)].map((m) => m[1]!);
    expect(new Set(whys).size).toBe(whys.length);
    for (const ref of html.matchAll(/href="#(why-[^"]+)"/g)) expect(whys, ref[1]).toContain(ref[1]);
    expect(html, 'links left out: no flowchart paths, no per-link details').not.toContain('id="sec-paths"');
    expect(html.match(/href="#why-/g)!.length, 'every finding of the 60 links points at its explanation').toBeGreaterThan(60);
    expect(html).not.toContain('<th>Local end</th>');
    expect(html, 'checklists left out').not.toMatch(/required items done/);
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)![0];
    const entries = [...toc.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => ({ id: m[1]!, title: m[2]! }));
    expect(entries.map((e) => e.title)).toEqual(['Summary', 'Scope', 'Authentication in use', 'Recommendations', 'Findings', 'OAuth 2.0 readiness and migration progress', 'Servers', 'Estate map', 'Top risks', 'Triage decisions', 'Findings explained', 'Links', 'Sources']);
    for (const { id, title } of entries) expect(html, id).toMatch(new RegExp(`<h[23] id="${id}">${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h[23]>`));
  });

  it('the links part lists, under each flowchart path, the links that take it', async () => {
    const out = path.join(dir, 'paths.md');
    expect((await cli('report', await inventory(40), '--format', 'md', '--out', out, '--sections', 'links')).code).toBe(0);
    const md = await readFile(out, 'utf8');
    const listed = [...md.matchAll(/^Links on path \d+: (.*)$/gm)].flatMap((m) => m[1]!.split(', '));
    expect(listed).toHaveLength(40);
    expect(md).not.toContain('## Summary');
    expect(md).not.toMatch(/\| Severity \| Rule \|/);
  });

  it('PDF: the contents give each heading its page, checked against the text of that page', async () => {
    const out = path.join(dir, 'toc.pdf');
    const result = await cli('report', await inventory(80), '--format', 'pdf', '--out', out, '--sections', 'summary,links,findings');
    expect(result, result.err).toMatchObject({ code: 0 });
    const pdf = await readFile(out);
    // The contents fill the pages before the first part (it starts on a page of its own).
    const firstPart = pdfDestinationPages(pdf)['sec-summary']!;
    const tocText = Array.from({ length: firstPart - 1 }, (_, i) => pdfText(out, i + 1)).join('\n').split('Contents')[1]!;
    const entries = [...tocText.matchAll(/^\s*(\S[^\n]*?\S)\s*(?:\.|\s){2,}\s*(\d+)\s*$/gm)].map((m) => ({ title: m[1]!.replace(/[\s.]+$/, ''), page: Number(m[2]) }));
    expect(entries.map((e) => e.title)).toEqual(expect.arrayContaining(['Summary', 'Servers', 'Flowchart paths', 'Links', 'Sources']));
    expect(entries.some((e) => /^Path 1 — \d+ links?$/.test(e.title))).toBe(true);
    expect(entries.length).toBeGreaterThanOrEqual(12);
    const pages = pdfPageCount(pdf);
    for (const { title, page } of entries) {
      expect(page, title).toBeGreaterThan(1);
      expect(page, title).toBeLessThanOrEqual(pages);
      expect(pdfText(out, page).replace(/\s+/g, ' '), `"${title}" on page ${page}`).toContain(title.replace(/\s+/g, ' '));
    }
    expect(Object.keys(pdfDestinationPages(pdf))).toEqual(expect.arrayContaining(['sec-summary', 'sec-paths', 'sources']));
  }, 240_000);

  it('a full PDF of 1,200 links completes, printed in parts and joined: pages numbered on, contents true, sealed', async () => {
    const out = path.join(dir, 'full-1200.pdf');
    const result = await cli('report', await inventory(1_200), '--format', 'pdf', '--out', out, '--classification', 'INTERNAL');
    expect(result, result.err).toMatchObject({ code: 0 });
    const pdf = await readFile(out);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(300);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${pages}\\b`));
    expect(pdfText(out, 1)).toContain(`Page 1 of ${pages}`);
    for (const page of [Math.floor(pages / 2), pages]) expect(pdfText(out, page), `page ${page}`).toMatch(new RegExp(`Page ${page}\\b`));
    const contents = pdfText(out, 1);
    for (const title of ['Links', 'Sources']) {
      const page = Number(new RegExp(`^\\s*${title}\\s+(\\d+)\\s*$`, 'm').exec(contents)![1]);
      expect(pdfText(out, page), `${title} on page ${page}`).toMatch(new RegExp(`^\\s*${title}\\s*$`, 'm'));
    }
    expect(pdfText(out, pages)).toContain('Integrity: the SHA-256');
    expect((await cli('verify-report', out)).code).toBe(0);
  }, 600_000);
});
