import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { printPdfWithChromium } from '../../electron/features/reports/pdf.ts';
import { produceReport, renderReport } from '../../electron/features/reports/reports.ts';
import type { AssessmentDocument } from '../../shared/model/assessmentDocument.ts';
import type { Link } from '../../shared/model/link.ts';
import { reportJsonSchema } from '../../shared/model/reportJson.ts';
import { buildReport } from '../../shared/present/report/reportModel.ts';
import { REPORT_CSV_COLUMNS } from '../../shared/present/report/reportFormats.ts';
import { makeLink, mirrored, TA } from '../fixtures/links.ts';

// The report is made on 2026-12-03 (noon UTC, the same calendar day in every time zone a test runs in).
const AT = '2026-12-03T12:00:00.000Z';
const META = { title: 'Triage report', author: 'A. Admin', generatedAt: AT, appVersion: '0.1.0', classification: null, includeChecklists: false };
const doc = (link: Link): AssessmentDocument => ({ schemaVersion: 3, revision: 1, link, createdAt: AT, updatedAt: AT });

// Two Trusted Apps links (R06 high, R03 and R21 info): one acceptance in force, one expired the day before.
const inForce = makeLink({ id: 'accepted', name: 'Accepted link', config: mirrored(TA), triage: {
  R06: { status: 'accepted-risk', reason: 'Server retired in March', owner: 'Ann Admin', due: '2027-03-31', at: AT, by: 'Ann' },
  R21: { status: 'false-positive', reason: 'Remote is Cloud' },
} });
const expired = makeLink({ id: 'expired', name: 'Expired link', config: mirrored(TA), triage: {
  R06: { status: 'accepted-risk', reason: 'Waiting for the upgrade', owner: 'Bo Ops', due: '2026-12-02' },
} });
const report = () => buildReport([doc(inForce), doc(expired)], META);

describe('reports show each finding\'s triage', () => {
  it('HTML: the decision under its finding, an expired one flagged as open again, nothing under an undecided one', () => {
    const html = renderReport(report(), 'html');
    expect(html).toContain('<span class="triage">Triage: Accepted risk until 31 Mar 2027 — Server retired in March — owner: Ann Admin</span>');
    expect(html).toContain('<span class="triage">Triage: False positive — Remote is Cloud</span>');
    expect(html).toContain('<span class="triage expired">Triage: Accepted risk — acceptance expired on 2 Dec 2026, counts as open again — Waiting for the upgrade — owner: Bo Ops</span>');
    const decided = report().links.flatMap((l) => l.triage).filter((t) => t.decision).length;
    expect(html.match(/<span class="triage/g)).toHaveLength(decided);
  });

  it('Markdown: a Triage column', () => {
    const md = renderReport(report(), 'md');
    expect(md).toContain('| Severity | Rule | Finding | Remedy | Sources | Triage |');
    expect(md).toMatch(/\| high \| R06 \| .* \| Accepted risk until 31 Mar 2027 — Server retired in March — owner: Ann Admin \|/);
    expect(md).toMatch(/\| high \| R06 \| .* \| Accepted risk — acceptance expired on 2 Dec 2026, counts as open again — Waiting for the upgrade — owner: Bo Ops \|/);
  });

  it('CSV: triage columns per link — worst open finding, status, reason, owner, due day, expired rules', () => {
    const rows = (parse(renderReport(report(), 'csv'), { columns: true }) as Array<Record<string, string>>);
    expect(Object.keys(rows[0]!)).toEqual([...REPORT_CSV_COLUMNS]);
    const byId = Object.fromEntries(rows.filter((r) => r.record === 'link').map((r) => [r.id, r]));
    expect(byId.accepted).toMatchObject({
      worst_severity: 'high', worst_open_severity: 'info',
      triage_status: 'R06 accepted-risk; R03 open; R21 false-positive',
      triage_reason: 'R06: Server retired in March; R21: Remote is Cloud', triage_owner: 'R06: Ann Admin', triage_due: 'R06: 2027-03-31', triage_expired: '',
    });
    expect(byId.expired).toMatchObject({ worst_open_severity: 'high', triage_status: 'R06 open; R03 open; R21 open', triage_due: 'R06: 2026-12-02', triage_expired: 'R06' });
    // Source and integrity rows keep their cells in the right columns.
    expect(rows.at(-1)).toMatchObject({ record: 'integrity' });
    expect(rows.find((r) => r.record === 'source')!.source_kind).toMatch(/^(doc|code|third-party|question|domain)$/);
  });

  it('JSON: a triage object per finding, valid against the report schema', () => {
    const json = JSON.parse(renderReport(report(), 'json'));
    expect(reportJsonSchema.safeParse(json).success).toBe(true);
    const findings = (id: string) => json.links.find((l: { id: string }) => l.id === id).findings;
    expect(findings('accepted').find((f: { rule: string }) => f.rule === 'R06').triage).toEqual({
      status: 'accepted-risk', expired: false,
      decision: { status: 'accepted-risk', reason: 'Server retired in March', owner: 'Ann Admin', due: '2027-03-31', at: AT, by: 'Ann' },
    });
    expect(findings('accepted').find((f: { rule: string }) => f.rule === 'R03').triage).toEqual({ status: 'open', decision: null, expired: false });
    expect(findings('expired').find((f: { rule: string }) => f.rule === 'R06').triage).toMatchObject({ status: 'open', expired: true, decision: { due: '2026-12-02' } });
  });

  const tools = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftotext');
  it.skipIf(!tools)('PDF: the printed pages carry the decision and the expired flag', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'applink-triage-pdf-'));
    try {
      const pdf = await produceReport(report(), 'pdf', { printPdf: (html) => printPdfWithChromium(html, '/usr/bin/chromium') }) as Buffer;
      await writeFile(path.join(dir, 'report.pdf'), pdf);
      const text = execFileSync('pdftotext', [path.join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Triage');
      expect(text).toMatch(/Accepted risk until 31 Mar 2027 — Server retired in March — owner: Ann/);
      expect(text).toMatch(/acceptance expired on 2 Dec 2026, counts as open again/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
