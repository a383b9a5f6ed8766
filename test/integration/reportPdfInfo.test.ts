import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printPdfWithChromium } from '../../electron/features/reports/pdf.ts';
import { produceReport, verifyReport } from '../../electron/features/reports/reports.ts';
import type { AssessmentDocument } from '../../shared/model/assessmentDocument.ts';
import { parseInventory } from '../../shared/model/inventory.ts';
import { pdfInfoFor, withPdfInfo } from '../../shared/present/report/pdfInfo.ts';
import { buildReport } from '../../shared/present/report/reportModel.ts';

const AT = '2026-11-30T10:00:00.000Z';
const META = { title: 'Estate report — Q4 ↔ audit', author: 'Ångström, A.', generatedAt: AT, appVersion: '0.1.0', classification: 'INTERNAL — Restricted', includeChecklists: false };
const tools = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdfinfo');
if (!tools) console.warn('\n⚠ SKIPPED: PDF metadata test — needs /usr/bin/chromium and pdfinfo (poppler-utils)\n');

describe('PDF document information', () => {
  it.skipIf(!tools)('carries the title, the author, the marking as subject and the app as creator, and the digest still verifies', async () => {
    const inventory = parseInventory(await readFile('assets/demo-estate.inventory.json', 'utf8'));
    if (!inventory.ok) throw new Error('demo estate invalid');
    const report = buildReport(inventory.value.links.slice(0, 3).map((link): AssessmentDocument => ({ schemaVersion: 3, revision: 1, link, createdAt: AT, updatedAt: AT })), META);
    const dir = await mkdtemp(path.join(tmpdir(), 'applink-pdfinfo-test-'));
    try {
      const printed = await printPdfWithChromium('<!doctype html><title>x</title><p>x', '/usr/bin/chromium');
      await writeFile(path.join(dir, 'bare.pdf'), printed);
      expect(execFileSync('pdfinfo', [path.join(dir, 'bare.pdf')], { encoding: 'utf8' }), 'Chromium alone names no author').not.toMatch(/^Author:/m);
      const pdf = await produceReport(report, 'pdf', { printPdf: async (html) => Buffer.from(withPdfInfo(await printPdfWithChromium(html, '/usr/bin/chromium'), pdfInfoFor(report.meta))) }) as Buffer;
      expect(verifyReport(pdf)).toMatchObject({ status: 'intact' });
      const file = path.join(dir, 'report.pdf');
      await writeFile(file, pdf);
      const { spawnSync } = await import('node:child_process');
      const run = spawnSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
      expect(run.stderr, 'pdfinfo reads the updated PDF without a syntax error').toBe('');
      const info = run.stdout;
      expect(info).toMatch(/^Title:\s+Estate report — Q4 ↔ audit$/m);
      expect(info).toMatch(/^Author:\s+Ångström, A\.$/m);
      expect(info).toMatch(/^Subject:\s+INTERNAL — Restricted$/m);
      expect(info).toMatch(/^Creator:\s+Applink Advisor 0\.1\.0$/m);
      expect(info).toMatch(/^CreationDate:.*2026/m);
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(1);
      expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Estate report');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses bytes with no PDF trailer', () => {
    expect(() => withPdfInfo(new TextEncoder().encode('not a pdf'), pdfInfoFor(META))).toThrow(/no trailer/);
  });
});
