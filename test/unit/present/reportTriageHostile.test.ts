import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../electron/features/reports/reports.ts';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import { buildReport } from '../../../shared/present/report/reportModel.ts';
import { makeLink, mirrored, TA } from '../../fixtures/links.ts';

// Red-team pass (3 Dec 2026), issue 17: a triage reason and owner from someone else's workspace or inventory,
// written to become markup, a link or a formula in each report format.
const AT = '2026-12-03T12:00:00.000Z';
const META = { title: 'Report', author: 'A', generatedAt: AT, appVersion: '0.1.0', classification: null, includeChecklists: false };
const REASON = '<img src=x onerror=alert(1)> | x | [click](javascript:alert(1)) ![i](https://evil.example/p.png) <https://evil.example>\n# Heading';
const link = makeLink({ id: 'ta', name: '=HYPERLINK("https://evil.example")', config: mirrored(TA), triage: {
  R06: { status: 'accepted-risk', reason: REASON, owner: '@SUM(1+1)', due: '2027-03-31' },
  R21: { status: 'false-positive', reason: '=cmd|\' /C calc\'!A0', owner: '-2+3' },
} });
const report = () => buildReport([{ schemaVersion: 3, revision: 1, link, createdAt: AT, updatedAt: AT } satisfies AssessmentDocument], META);

describe('hostile triage text in reports', () => {
  it('HTML: no tag, attribute or link comes from it', () => {
    const html = renderReport(report(), 'html');
    expect(html).not.toMatch(/<img|href="javascript/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('Markdown: no link, image, autolink, heading or extra table cell comes from it', () => {
    const md = renderReport(report(), 'md');
    const row = md.split('\n').find((line) => line.startsWith('| high | R06 '))!;
    expect(row.split(/(?<!\\)\|/)).toHaveLength(8);
    expect(row).not.toMatch(/(?<!\\)\]\(|(?<!\\)<https/);
    expect(md).not.toMatch(/^# Heading/m);
  });

  it('CSV: no cell starts with =, +, -, @ (a spreadsheet formula)', () => {
    const rows = parse(renderReport(report(), 'csv'), { relax_column_count: true }) as string[][];
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const [header, first] = rows;
    expect(first![header!.indexOf('triage_reason')]).toMatch(/^R06: <img/);
  });
});
