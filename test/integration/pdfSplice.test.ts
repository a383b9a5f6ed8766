import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdfWithChromium } from '../../electron/features/reports/pdf.ts';
import { pdfDestinationPages, pdfPageCount } from '../../shared/present/report/pdfPages.ts';
import { joinPdfs, replaceLeadingPages } from '../../shared/present/report/pdfSplice.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pdf-splice-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const page = (body: string) => `<!doctype html><meta charset="utf-8"><style>@page{size:A4;margin:20mm}section{break-after:page}</style>${body}`;
const print = (html: string) => printPdfWithChromium(html, '/usr/bin/chromium');

describe('replacing the front pages of a printed PDF', () => {
  it('keeps the rest, its page tree and its named destinations; the new front pages read as printed', async () => {
    const contents = (n: string) => `<section><h1>Contents</h1><p><a href="#alpha">Alpha</a> ${n}</p><p><a href="#beta">Beta</a></p></section>`;
    const whole = await print(page(`${contents('page ?')}<section><h2 id="alpha">Alpha part</h2><p>é ü ß → text</p></section><section><h2 id="beta">Beta part</h2></section><p>Last page</p>`));
    const front = await print(page(contents('page 2 — filled in')));
    const spliced = replaceLeadingPages(whole, front, 1);
    const file = path.join(dir, 'spliced.pdf');
    await writeFile(file, spliced);
    const text = (p: number) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' });
    expect(pdfPageCount(spliced)).toBe(pdfPageCount(whole));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${pdfPageCount(whole)}\\b`));
    expect(text(1)).toContain('page 2 — filled in');
    expect(text(1)).not.toContain('page ?');
    expect(text(2)).toContain('é ü ß → text');
    expect(text(3)).toContain('Beta part');
    expect(pdfDestinationPages(spliced)).toEqual(pdfDestinationPages(whole));
    expect(Buffer.from(spliced.subarray(0, whole.length)).equals(whole), 'the first printing is kept byte for byte').toBe(true);
    const drawn = spawnSync('pdftoppm', ['-r', '20', '-png', file, path.join(dir, 'p')], { encoding: 'utf8' });
    expect({ status: drawn.status, stderr: drawn.stderr }, 'poppler draws every page without a syntax error').toEqual({ status: 0, stderr: '' });
  }, 60_000);

  it('refuses to replace more pages than either document has', async () => {
    const one = await print(page('<p>one</p>'));
    expect(() => replaceLeadingPages(one, one, 2)).toThrow(/cannot replace 2 pages/);
  }, 60_000);

  it('joins parts into one PDF: every page in order, and the named destinations of each part kept on their pages', async () => {
    const first = await print(page('<section><p><a href="#gamma">to gamma</a></p><h2 id="alpha">Alpha</h2></section><p>Second page</p>'));
    const second = await print(page('<section><h2 id="gamma">Gamma</h2><a href="#gamma"></a></section><p>Last page</p>'));
    const joined = joinPdfs(first, [second]);
    const file = path.join(dir, 'joined.pdf');
    await writeFile(file, joined);
    expect(pdfPageCount(joined)).toBe(pdfPageCount(first) + pdfPageCount(second));
    const all = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(all.indexOf('Alpha')).toBeLessThan(all.indexOf('Second page'));
    expect(all.indexOf('Second page')).toBeLessThan(all.indexOf('Gamma'));
    expect(all.indexOf('Gamma')).toBeLessThan(all.indexOf('Last page'));
    expect(pdfDestinationPages(joined)).toMatchObject({ gamma: pdfPageCount(first) + 1 });
    const drawn = spawnSync('pdftoppm', ['-r', '20', '-png', file, path.join(dir, 'j')], { encoding: 'utf8' });
    expect({ status: drawn.status, stderr: drawn.stderr }).toEqual({ status: 0, stderr: '' });
  }, 60_000);
});
