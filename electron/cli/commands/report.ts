import path from 'node:path';
import { parseArgs } from 'node:util';
import { ASSESSMENT_SCHEMA_VERSION, type AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import type { ReportExtras } from '../../../shared/present/report/reportModel.ts';
import { writeFileAtomic } from '../../workspace/atomicWrite.ts';
import { chromiumPrinter, findChromium } from '../../features/reports/pdf.ts';
import { reportExtras } from '../../features/reports/reportExtras.ts';
import { exportReport } from '../../features/reports/exportReport.ts';
import { REPORT_FORMATS, ReportCancelled, signingKey } from '../../features/reports/reports.ts';
import { REPORT_SECTIONS, type ReportSection } from '../../../shared/model/vocabulary.ts';
import { WorkspaceStore } from '../../workspace/store.ts';
import { CliExit, formatFlag, newOutputFile, readInput, readInventory, usage, workspaceFolder, type CliIo } from '../args.ts';

export async function reportCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      workspace: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, title: { type: 'string' }, author: { type: 'string' },
      classification: { type: 'string' }, bom: { type: 'boolean', default: false }, paper: { type: 'string', default: 'A4' }, chromium: { type: 'string' },
      history: { type: 'boolean', default: false }, 'since-backup': { type: 'string' }, 'sign-key': { type: 'string' },
      summary: { type: 'boolean', default: false }, sections: { type: 'string' },
    },
  });
  if (!values.format || !values.out || positionals.length > 1 || (positionals.length === 1) === (values.workspace !== undefined)) {
    throw usage(`report takes an inventory file or --workspace DIR, --format ${REPORT_FORMATS.join('|')} and --out FILE. See applink-advisor --help.`);
  }
  const format = formatFlag(values.format, REPORT_FORMATS);
  if (values.summary && format === 'csv') throw usage('--summary makes a document of a few pages; CSV has one row per link. Use --format pdf, html, md or json with --summary (assess --format csv lists the links).');
  if (values.summary && values.sections !== undefined) throw usage('--summary and --sections go separately: the summary is one part of the full report (--sections summary,...).');
  const sections = values.sections === undefined ? undefined : sectionsFlag(values.sections);
  if (values.paper !== 'A4' && values.paper !== 'Letter') throw usage(`--paper must be A4 or Letter, not "${values.paper}".`);
  const target = newOutputFile(values.out);
  const chromium = format === 'pdf' ? findChromium(values.chromium) : null;
  const signFile = values['sign-key'];
  const key = signFile ? signingKey(await readInput(signFile), signFile) : undefined;
  let documents: AssessmentDocument[];
  let extras: ReportExtras = {};
  let title = values.title;
  if (positionals[0]) {
    const file = positionals[0];
    const inventory = await readInventory(file, io);
    const at = new Date().toISOString();
    documents = inventory.links.map((link) => ({ schemaVersion: ASSESSMENT_SCHEMA_VERSION, revision: 1, link, createdAt: at, updatedAt: at }));
    title ??= `Application links — ${path.basename(file)}`;
  } else {
    const store = new WorkspaceStore(workspaceFolder(values.workspace, 'read'));
    documents = (await store.list()).documents;
    title ??= `Application links — ${path.basename(path.resolve(values.workspace!))}`;
    extras = await reportExtras(store, documents, { history: values.history || Boolean(sections?.includes('history')), since: values['since-backup'] ? { kind: 'backup', id: values['since-backup'] } : null, wholeWorkspace: true });
  }
  // One browser for the whole job: a PDF is printed in passes (and long ones in parts).
  const printer = chromium ? chromiumPrinter(chromium) : null;
  // Ctrl-C (or TERM) while it prints stops the browser and removes its temporary folder, which holds the report's HTML.
  const interrupted = new AbortController();
  const interrupt = () => interrupted.abort();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let content: string | Buffer;
  try {
    content = await exportReport(documents, {
      format, title, author: values.author ?? null, classification: values.classification ?? null, appVersion: version, includeChecklists: true, extras,
      bom: values.bom, paper: values.paper, printPdf: printer?.print, key, signal: interrupted.signal,
      summary: values.summary, sections, onProgress: io.progress ? (p) => io.progress!(`[${p.step}/${p.steps}] ${p.message}`) : undefined,
    });
  } catch (error) {
    if (error instanceof ReportCancelled) throw new CliExit(130, 'Interrupted: the report was not written, and nothing of it was left in temporary folders.');
    throw error;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await printer?.close();
  }
  io.progress?.('');
  await writeFileAtomic(target, content);
  io.out(`Wrote a ${format.toUpperCase()} ${values.summary ? 'executive summary' : 'report'} of ${documents.length} link${documents.length === 1 ? '' : 's'} to ${target}.\n`);
  return 0;
}

/** `--sections a,b`: names from REPORT_SECTIONS, at least one, each once. */
function sectionsFlag(given: string): ReportSection[] {
  const names = given.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(REPORT_SECTIONS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length) throw usage(`--sections takes a comma-separated list of ${REPORT_SECTIONS.join(', ')}${unknown.length ? `; "${unknown.join('", "')}" is not one of them` : ''}.`);
  return [...new Set(names)] as ReportSection[];
}
