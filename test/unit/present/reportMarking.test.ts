import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderReport, verifyReport } from '../../../electron/features/reports/reports.ts';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import { parseInventory } from '../../../shared/model/inventory.ts';
import { markdownText } from '../../../shared/present/report/markdownText.ts';
import { buildReport, type ReportMeta } from '../../../shared/present/report/reportModel.ts';
import { sealReport, verifySeal } from '../../../shared/present/report/reportSeal.ts';

const AT = '2026-11-30T10:00:00.000Z';
const doc = (link: AssessmentDocument['link']): AssessmentDocument => ({ schemaVersion: 3, revision: 1, link, createdAt: AT, updatedAt: AT });
const META = { title: 'Estate report', author: 'A. Admin', generatedAt: AT, appVersion: '0.1.0', classification: 'SECRET // NOFORN', includeChecklists: true };

async function demoReport(meta: ReportMeta = META) {
  const inventory = parseInventory(await readFile('assets/demo-estate.inventory.json', 'utf8'));
  if (!inventory.ok) throw new Error('demo estate invalid');
  return buildReport(inventory.value.links.map(doc), meta);
}

describe('the classification marking', () => {
  it('Markdown: at the top and at the bottom', async () => {
    const lines = renderReport(await demoReport(), 'md').trimEnd().split('\n');
    expect(lines[0]).toBe('**SECRET // NOFORN**');
    expect(lines.at(-1)).toBe('**SECRET // NOFORN**');
    expect(verifyReport(renderReport(await demoReport(), 'md'))).toMatchObject({ status: 'intact' });
  });

  it('CSV: a column on every row, no `#` line, and the digest in the last cell still verifies (signed too)', async () => {
    const csv = renderReport(await demoReport(), 'csv');
    expect(csv.split('\r\n').filter((line) => line.startsWith('#'))).toEqual([]);
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows.every((r) => r.classification === 'SECRET // NOFORN')).toBe(true);
    expect(rows.at(-1)!.integrity).toMatch(/^applink-advisor-sha256:[0-9a-f]{64}$/);
    expect(rows.slice(0, -1).every((r) => r.integrity === '')).toBe(true);
    expect(verifyReport(csv)).toMatchObject({ status: 'intact' });
    const signed = (await import('../../../shared/present/report/reportFormats.ts')).reportCsv(await demoReport({ ...META, signed: true }), { bom: false });
    const sealed = sealReport(signed, (t) => String(t.length).padStart(64, '0'), () => 'ab'.repeat(64));
    expect(verifySeal(sealed, (t) => String(t.length).padStart(64, '0'))).toMatchObject({ status: 'intact', signature: 'ab'.repeat(64) });
    expect((parse(sealed, { columns: true }) as Array<Record<string, string>>).at(-1)!.integrity).toMatch(/ applink-advisor-ed25519:(ab){64}$/);
  });

  it('HTML: in the @page margin boxes (every printed page), at the top and bottom on screen, and the author and app in the head', async () => {
    const html = renderReport(await demoReport(), 'html');
    expect(html).toMatch(/@page\{[^}]*@top-center\{content:"SECRET \/\/ NOFORN"/);
    expect(html).toMatch(/@bottom-left\{content:"SECRET \/\/ NOFORN"/);
    expect(html).toContain('<title>Estate report</title>');
    expect(html).toContain('<meta name="author" content="A. Admin">');
    expect(html).toContain('<meta name="generator" content="Applink Advisor 0.1.0">');
  });
});

describe('Markdown text', () => {
  it('leaves what needs no escape alone', () => {
    expect(markdownText('Jira 9.12.4 (Data Center), node-1 "main" — 50% done!')).toBe('Jira 9.12.4 (Data Center), node-1 "main" — 50% done!');
    expect(renderReport(buildReport([], META), 'md')).not.toMatch(/\\[.()]/);
  });

  it('escapes what could become markup: links, images, HTML, autolinks, emphasis, tables, a heading or list at the start', () => {
    expect(markdownText('[x](https://evil.example) ![i](y)')).toBe('\\[x\\](https\\://evil.example) !\\[i\\](y)');
    expect(markdownText('<script>a|b</script>')).toBe('\\<script\\>a\\|b\\</script\\>');
    expect(markdownText('*bold* _em_ `code` ~~s~~ &amp;')).toBe('\\*bold\\* \\_em\\_ \\`code\\` \\~\\~s\\~\\~ \\&amp;');
    expect(markdownText('# title', true)).toBe('\\# title');
    expect(markdownText('- item', true)).toBe('\\- item');
    expect(markdownText('12. item', true)).toBe('12\\. item');
    expect(markdownText('see www.evil.example or a@evil.example')).toBe('see www\\.evil.example or a\\@evil.example');
    expect(markdownText('line one\n# two')).toBe('line one # two');
    expect(markdownText('1.0 and # mid-line need nothing')).toBe('1.0 and # mid-line need nothing');
  });
});
