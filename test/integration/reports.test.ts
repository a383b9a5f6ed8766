import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderReport, verifyReport } from '../../electron/features/reports/reports.ts';
import type { AssessmentDocument } from '../../shared/model/assessmentDocument.ts';
import { parseInventory } from '../../shared/model/inventory.ts';
import { buildReport } from '../../shared/present/report/reportModel.ts';
import { REPORT_CSV_COLUMNS } from '../../shared/present/report/reportFormats.ts';
import { makeLink, mirrored, TA } from '../fixtures/links.ts';
import { reportJsonSchema, reportJsonSchemaDocument } from '../../shared/model/reportJson.ts';
import { stableStringify } from '../../shared/model/stableJson.ts';
import { DEMO_LINKS } from '../fixtures/demoEstateSize.ts';

const AT = '2026-11-30T10:00:00.000Z';
const doc = (link: AssessmentDocument['link']): AssessmentDocument => ({ schemaVersion: 3, revision: 1, link, createdAt: AT, updatedAt: AT });
const META = { title: 'Estate report', author: 'A. Admin', generatedAt: AT, appVersion: '0.1.0', classification: 'INTERNAL — Restricted', includeChecklists: true };

async function demo(): Promise<AssessmentDocument[]> {
  const inventory = parseInventory(await readFile('assets/demo-estate.inventory.json', 'utf8'));
  if (!inventory.ok) throw new Error('demo estate invalid');
  return inventory.value.links.map(doc);
}

const HOSTILE = [
  '<script>alert(1)</script>', '</style><img src=x onerror=alert(1)>', '%%{init: {"theme":"dark"}}%% click A call alert(1)',
  '[click me](https://evil.example) ![x](https://evil.example/x.png)', '=HYPERLINK("https://evil.example","x")', '+1+cmd|/C calc', '-2+3', '@SUM(A1)', '\tTAB', 'applink-advisor-sha256:' + 'a'.repeat(64),
];

describe('reports', () => {
  it('HTML: self-contained, no script, no external reference, each distinct flowchart path drawn once', async () => {
    const report = buildReport(await demo(), META);
    const html = renderReport(report, 'html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html.match(/<svg[^>]*class="flowchart"/g)).toHaveLength(report.paths.length);
    expect(report.paths.length).toBeLessThan(report.links.length);
    expect(html.match(/<section class="link"/g)).toHaveLength(DEMO_LINKS);
    expect(html).toContain('INTERNAL — Restricted');
    expect(html).toContain('Jira ↔ Wiki (Confluence)');
    expect(html).toMatch(/R06<\/td>/);
  });

  it('Markdown: the summary, a mermaid block per distinct path, a section per link', async () => {
    const report = buildReport(await demo(), META);
    const md = renderReport(report, 'md');
    expect(md).toMatch(/^\*\*INTERNAL — Restricted\*\*\n\n# Estate report\n/);
    expect(md.match(/^```mermaid$/gm)).toHaveLength(report.paths.length);
    expect(md).toContain('### Jira ↔ Wiki (Confluence)');
    expect(md).toMatch(/\| high \| R06 \|/);
  });

  it('CSV: the documented columns, one row per link, parsed back by a real CSV parser', async () => {
    const csv = renderReport(buildReport(await demo(), META), 'csv', { bom: true });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const all = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(all[0]!)).toEqual([...REPORT_CSV_COLUMNS]);
    const rows = all.filter((r) => r.record === 'link');
    expect(rows).toHaveLength(DEMO_LINKS);
    expect(all.at(-1)).toMatchObject({ record: 'integrity', classification: 'INTERNAL — Restricted' });
    expect(all.every((r) => r.classification === 'INTERNAL — Restricted')).toBe(true);
    expect(rows.find((r) => r.id === 'jira-wiki')).toMatchObject({ recommended: 'OAUTH_IMPERSONATION', worst_severity: 'high', local_outgoing: 'trustedApps', update_path: '1' });
  });

  it('JSON: versioned, with every verdict, and the digest as its last field', async () => {
    const json = JSON.parse(renderReport(buildReport(await demo(), META), 'json'));
    expect(json).toMatchObject({ format: 'applink-advisor.report', version: 1, meta: { author: 'A. Admin' }, summary: { total: DEMO_LINKS } });
    expect(json.links.find((l: { id: string }) => l.id === 'jira-wiki')).toMatchObject({ recommended: 'OAUTH_IMPERSONATION', updatePath: 1, link: { id: 'jira-wiki' } });
    expect(Object.keys(json).at(-1)).toBe('integrity');
    const checked = reportJsonSchema.safeParse(json);
    expect(checked.success ? [] : checked.error.issues.slice(0, 3)).toEqual([]);
  });

  it('the committed JSON Schema of the JSON report is the one derived from the runtime schema', async () => {
    const committed = await readFile('docs/schemas/report-v1.schema.json', 'utf8');
    expect(committed, 'run `npm run schemas` and commit the result').toBe(stableStringify(reportJsonSchemaDocument()));
  });

  it('every format verifies intact, and reports modified after a one-byte change', async () => {
    const report = buildReport(await demo(), META);
    for (const format of ['html', 'md', 'csv', 'json'] as const) {
      const text = renderReport(report, format);
      expect(verifyReport(text), format).toMatchObject({ status: 'intact' });
      const at = text.indexOf('Jira') + 1;
      const changed = text.slice(0, at) + (text[at] === 'i' ? 'j' : 'i') + text.slice(at + 1);
      expect(verifyReport(changed), format).toMatchObject({ status: 'modified' });
    }
    expect(verifyReport('just some text')).toEqual({ status: 'unsealed' });
  });

  it('renders hostile names and notes inert in every format', () => {
    const links = HOSTILE.map((name, i) => makeLink({ id: `h${i}`, name, notes: name, config: mirrored(TA) }));
    const report = buildReport(links.map(doc), { ...META, title: HOSTILE[0]!, classification: HOSTILE[1]! });
    const html = renderReport(report, 'html');
    expect(html).not.toMatch(/<script|<img|<\/style><img/i);
    expect(html).toContain("&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = renderReport(report, 'md');
    expect(md).not.toMatch(/\]\(https?:/);
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/^%%\{init/m);
    const rows = parse(renderReport(report, 'csv'), { columns: true }) as Array<Record<string, string>>;
    for (const row of rows) expect(row.name).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.find((r) => r.id === 'h4')!.name).toBe(`'=HYPERLINK("https://evil.example","x")`);
    // A name that looks like a digest marker does not fool the check.
    for (const format of ['html', 'md', 'csv', 'json'] as const) expect(verifyReport(renderReport(report, format))).toMatchObject({ status: 'intact' });
  });
});

describe('PDF reports (Chromium prints the same HTML; pdftotext reads it back)', async () => {
  const { execFileSync } = await import('node:child_process');
  const { existsSync } = await import('node:fs');
  const { printPdfWithChromium } = await import('../../electron/features/reports/pdf.ts');
  const { produceReport } = await import('../../electron/features/reports/reports.ts');
  const tools = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftotext');
  if (!tools) console.warn('\n⚠ SKIPPED: PDF report tests — needs /usr/bin/chromium and pdftotext (apt-get install chromium poppler-utils; .ci/run does)\n');
  it.skipIf(!tools)('has A4 pages, the marking at the top and bottom of every page, page numbers, every link, and a digest that verifies', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const pdf = await produceReport(buildReport(await demo(), META), 'pdf', { printPdf: (html) => printPdfWithChromium(html, '/usr/bin/chromium') }) as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(verifyReport(pdf)).toMatchObject({ status: 'intact' });
    const changed = Buffer.from(pdf);
    const middle = Math.floor(changed.length / 2);
    changed[middle] = changed[middle]! ^ 1;
    expect(verifyReport(changed)).toMatchObject({ status: 'modified' });
    const dir = await mkdtemp(path.join(tmpdir(), 'applink-pdf-test-'));
    try {
      const file = path.join(dir, 'report.pdf');
      await writeFile(file, pdf);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
      expect(pages).toBeGreaterThan(3);
      // The document information the app adds (Chromium would name itself the creator, with no author).
      expect(info).toMatch(/Title:\s+Estate report/);
      expect(info).toMatch(/Creator:\s+Applink Advisor/);
      expect(info).toMatch(/Author:\s+A\. Admin/);
      for (let page = 1; page <= pages; page++) {
        const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
        expect(text.match(/INTERNAL — Restricted/g)?.length ?? 0, `marking on page ${page}`).toBeGreaterThanOrEqual(2);
        expect(text, `number on page ${page}`).toContain(`Page ${page} of ${pages}`);
      }
      const all = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      for (const name of ['Jira ↔ Wiki (Confluence)', 'Wiki → Partner FishEye', 'Estate report']) expect(all).toContain(name);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('report content from a workspace', () => {
  it('lists checklist items with notes and evidence, each link\'s history, and what changed since a backup', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { WorkspaceStore } = await import('../../electron/workspace/store.ts');
    const { reportExtras } = await import('../../electron/features/reports/reportExtras.ts');
    const dir = await mkdtemp(path.join(tmpdir(), 'applink-report-ws-'));
    try {
      const store = new WorkspaceStore(dir);
      const link = makeLink({ id: 'jw', name: 'Jira ↔ Wiki', config: mirrored(TA), answers: { sharedUserBase: true } });
      await store.save(link);
      const backup = await store.backups.create('quarter start', false);
      await store.save({ ...link, notes: 'Change CHG-2231 booked' });
      await store.update('jw', (d) => ({ link: d.link, checklists: { 'ta-to-oauth': { items: { 'ta-pre-backup': { status: 'done', by: 'A. Admin', note: 'Dumps checked', evidence: '{"working": true}' } } } } }));
      await store.save(makeLink({ id: 'new', name: 'New since' }));
      const { documents } = await store.list();
      const report = buildReport(documents, META, await reportExtras(store, documents, { history: true, since: { kind: 'backup', id: backup.id }, wholeWorkspace: true }));
      const html = renderReport(report, 'html');
      expect(html).toContain('Dumps checked');
      expect(html).toContain('{&quot;working&quot;: true}');
      expect(html).toMatch(/<td>3<\/td><td>[^<]+<\/td><td>checklists\.ta-to-oauth/);
      expect(html).toMatch(/<td>2<\/td><td>[^<]+<\/td><td>link\.notes<\/td>/);
      expect(html).toMatch(/What changed since the backup of/);
      expect(html).toMatch(/<td>new<\/td><td>New since<\/td>/);
      const md = renderReport(report, 'md');
      expect(md).toMatch(/ {2}- \[x\] .* — done, A\. Admin: Dumps checked/);
      const json = JSON.parse(renderReport(report, 'json'));
      expect(reportJsonSchema.safeParse(json).success).toBe(true);
      expect(json.changes.rows.map((r: { id: string; kind: string }) => [r.id, r.kind])).toEqual([['new', 'new'], ['jw', 'changed']]);
      expect(json.links.find((l: { id: string }) => l.id === 'jw').history.map((h: { revision: number }) => h.revision)).toEqual([3, 2, 1]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
