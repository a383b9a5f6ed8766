import { parseArgs } from 'node:util';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { localDay, triageCounts } from '../../../shared/engine/triage.ts';
import { oneLine } from '../../../shared/present/terminalText.ts';
import { WorkspaceStore } from '../../workspace/store.ts';
import { formatFlag, textTable, workspaceFolder, type CliIo } from '../args.ts';

export async function listCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { workspace: { type: 'string' }, format: { type: 'string', default: 'table' } } });
  const format = formatFlag(values.format, ['json', 'table']);
  const store = new WorkspaceStore(workspaceFolder(values.workspace, 'read'));
  const { documents, unreadable } = await store.list();
  const today = localDay(new Date());
  const rows = documents.map((d) => {
    const verdict = assessLink(d.link);
    // The worst OPEN finding: accepted risks and false positives in force are counted apart (issue 17).
    const triage = triageCounts(verdict.findings, d.link, today);
    return {
      id: d.link.id, name: d.link.name, recommended: verdict.recommended, worstSeverity: triage.worstOpen, updatedAt: d.updatedAt,
      triage: { acceptedRisk: triage.acceptedRisk, falsePositive: triage.falsePositive, pendingVerification: triage.pendingVerification, expired: triage.expired },
    };
  });
  const triageCell = (t: (typeof rows)[number]['triage']) =>
    [t.acceptedRisk && `${t.acceptedRisk} accepted`, t.falsePositive && `${t.falsePositive} false positive`, t.expired && `${t.expired} expired`].filter(Boolean).join(', ') || '-';
  if (format === 'json') io.out(`${JSON.stringify({ workspace: store.root, links: rows, unreadable }, null, 2)}\n`);
  else if (rows.length === 0) io.out(`No links in ${oneLine(store.root)}${unreadable.length ? ` (${unreadable.length} file${unreadable.length === 1 ? '' : 's'} could not be read)` : ''}.\n`);
  else io.out(textTable(['ID', 'RECOMMENDED', 'WORST OPEN', 'TRIAGED', 'NAME'], rows.map((r) => [r.id, r.recommended, r.worstSeverity ?? '-', triageCell(r.triage), oneLine(r.name)])));
  for (const problem of unreadable) io.err(`${oneLine(problem.file)}: ${oneLine(problem.reason)}\n`);
  return 0;
}
