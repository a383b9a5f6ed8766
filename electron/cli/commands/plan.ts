import { parseArgs } from 'node:util';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { localDay } from '../../../shared/engine/triage.ts';
import { planWaves } from '../../../shared/engine/waves.ts';
import { MIGRATION_LABELS, planMarkdown, planTotals, waveName } from '../../../shared/present/planDocument.ts';
import { oneLine } from '../../../shared/present/terminalText.ts';
import { WorkspaceStore } from '../../workspace/store.ts';
import { formatFlag, textTable, workspaceFolder, type CliIo } from '../args.ts';

/** `plan`: the migration waves of a workspace and the order problems in them, as the Plan view shows them (#17). */
export async function planCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { workspace: { type: 'string' }, format: { type: 'string', default: 'table' } } });
  const format = formatFlag(values.format, ['table', 'json', 'md']);
  const store = new WorkspaceStore(workspaceFolder(values.workspace, 'read'));
  const { documents } = await store.list();
  const today = localDay(new Date());
  const plan = planWaves(documents.map((document) => ({ document, verdict: assessLink(document.link) })), today);
  if (format === 'json') {
    io.out(`${JSON.stringify({ today, ...plan }, null, 2)}\n`);
    return 0;
  }
  if (format === 'md') {
    io.out(planMarkdown(plan, new Date().toISOString()));
    return 0;
  }
  if (documents.length === 0) {
    io.out(`No links in ${oneLine(store.root)}.\n`);
    return 0;
  }
  io.out(`${planTotals(plan)}\n\n`);
  if (plan.waves.length === 0) io.out('No link has a planned window or needs a migration.\n');
  else {
    io.out(textTable(['WAVE', 'LINKS', 'OPEN', 'DONE', 'LOCKED', 'ITEMS DONE', 'OWNERS'], plan.waves.map((w) => [
      waveName(w), String(w.counts.links), String(w.counts.open), String(w.counts.done), String(w.counts.planned), `${w.items.done}/${w.items.required}`,
      w.owners.length ? oneLine(w.owners.join(', ')) : '-',
    ])));
    io.out('\n');
    io.out(textTable(['WAVE', 'LINK', 'NAME', 'OWNER', 'TICKET', 'MIGRATION'], plan.waves.flatMap((w) => w.links.map((l) => [
      w.window ?? 'unscheduled', l.id, oneLine(l.name), oneLine(l.owner ?? '-'), oneLine(l.ticket ?? '-'), MIGRATION_LABELS[l.migration ?? 'none'],
    ]))));
  }
  io.out(`\nOrder problems: ${plan.problems.length === 0 ? 'none' : plan.problems.length}\n`);
  for (const p of plan.problems) {
    io.out(`${p.rule}  ${p.linkId ?? `wave ${p.window}`}  ${oneLine(p.message)}${p.sources.length ? ` [${p.sources.join(', ')}]` : ''}\n`);
  }
  return 0;
}
