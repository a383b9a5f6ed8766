import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ArgsOf, Handlers, ResultOf } from '../../shared/contract/api.ts';
import { OperationError } from '../../shared/contract/operationError.ts';
import { exportReport } from '../features/reports/exportReport.ts';
import { throwIfCancelled } from '../features/reports/printReport.ts';
import { reportExtras } from '../features/reports/reportExtras.ts';
import { ReportCancelled, signingKey, type ReportProgress } from '../features/reports/reports.ts';
import type { OperationContext } from './context.ts';

/** A report being made: how far it got, and how to stop it. */
interface ReportJob { progress: ReportProgress | null; controller: AbortController }

/**
 * Reports: made, saved through the save dialog; while one is made, the renderer may ask how far it got
 * (reports.progress, polled through the same validated contract as every operation) or cancel it
 * (reports.cancel): the printer stops and nothing is offered for saving, so no file is written.
 */
export function reportOperations(context: OperationContext): Pick<Handlers, 'reports.export' | 'reports.progress' | 'reports.cancel'> {
  const jobs = new Map<string, ReportJob>();
  return {
    'reports.progress': async ({ job }) => ({ progress: jobs.get(job)?.progress ?? null }),
    'reports.cancel': async ({ job }) => {
      const running = jobs.get(job);
      running?.controller.abort();
      return { cancelled: Boolean(running) };
    },
    'reports.export': async (args) => {
      if (args.job && jobs.has(args.job)) throw new OperationError('conflict', 'A report with this job id is already being made.');
      const running: ReportJob = { progress: null, controller: new AbortController() };
      if (args.job) jobs.set(args.job, running);
      try {
        return await makeReport(context, args, running);
      } catch (error) {
        if (error instanceof ReportCancelled) return { saved: false, links: 0, bytes: 0, cancelled: true };
        throw error;
      } finally {
        if (args.job) jobs.delete(args.job);
      }
    },
  };
}

async function makeReport({ preferences, appVersion, chooseOpenPath, printPdf, store, save }: OperationContext, args: ArgsOf<'reports.export'>, running: ReportJob): Promise<ResultOf<'reports.export'>> {
  const { ids, format, title, classification, includeChecklists, includeHistory, changesSinceBackup, paper, bom, sign, summary, sections } = args;
  let key: KeyObject | undefined;
  if (sign) {
    const file = await chooseOpenPath('key');
    if (!file) return { saved: false, links: 0, bytes: 0 };
    key = signingKey(await readFile(file, 'utf8').catch(() => { throw new OperationError('not-found', `${file} cannot be read.`); }), file);
  }
  const { documents } = await store().list();
  const wanted = ids ? new Set(ids) : null;
  const chosen = wanted ? documents.filter((d) => wanted.has(d.link.id)) : documents;
  if (wanted && chosen.length !== wanted.size) throw new OperationError('not-found', 'Some of the chosen links are no longer in this workspace.');
  const { signal } = running.controller;
  const content = await exportReport(chosen, {
    format, title, author: (await preferences.get()).operatorName, classification: classification || null, appVersion, includeChecklists,
    extras: await reportExtras(store(), chosen, { history: includeHistory, since: changesSinceBackup ? { kind: 'backup', id: changesSinceBackup } : null, wholeWorkspace: !ids }),
    bom, paper, printPdf, key, summary, sections, signal, onProgress: (progress) => { running.progress = progress; },
  });
  // Cancelled while the last step ran: nothing is offered for saving, so nothing is written.
  throwIfCancelled(signal);
  const stamp = new Date().toISOString().slice(0, 10);
  const target = await save(`applink-${summary ? 'summary' : 'report'}-${stamp}.${format}`, format, content);
  const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  return target ? { saved: true, path: target, links: chosen.length, bytes } : { saved: false, links: chosen.length, bytes };
}
