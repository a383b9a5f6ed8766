import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Handlers } from '../../shared/contract/api.ts';
import { OperationError } from '../../shared/contract/operationError.ts';
import { exportReport } from '../features/reports/exportReport.ts';
import { reportExtras } from '../features/reports/reportExtras.ts';
import { signingKey } from '../features/reports/reports.ts';
import type { OperationContext } from './context.ts';

export function reportOperations({ preferences, appVersion, chooseOpenPath, printPdf, store, save }: OperationContext): Pick<Handlers, 'reports.export'> {
  return {
    'reports.export': async ({ ids, format, title, classification, includeChecklists, includeHistory, changesSinceBackup, paper, bom, sign }) => {
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
      const content = await exportReport(chosen, {
        format, title, author: (await preferences.get()).operatorName, classification: classification || null, appVersion, includeChecklists,
        extras: await reportExtras(store(), chosen, { history: includeHistory, since: changesSinceBackup ? { kind: 'backup', id: changesSinceBackup } : null, wholeWorkspace: !ids }),
        bom, paper, printPdf, key,
      });
      const stamp = new Date().toISOString().slice(0, 10);
      const target = await save(`applink-report-${stamp}.${format}`, format, content);
      const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
      return target ? { saved: true, path: target, links: chosen.length, bytes } : { saved: false, links: chosen.length, bytes };
    },
  };
}
