import { parseArgs } from 'node:util';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { checklistsFor } from '../../../shared/engine/checklist.ts';
import { checklistJiraWiki, checklistMarkdown } from '../../../shared/present/checklistDocument.ts';
import { CliExit, formatFlag, readInventory, usage, type CliIo } from '../args.ts';

export async function checklistCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'md' }, link: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1 || !values.link) throw usage('checklist takes one inventory file and --link ID. See applink-advisor --help.');
  const format = formatFlag(values.format, ['json', 'md', 'jira'], 'checklist');
  const file = positionals[0]!;
  const inventory = await readInventory(file, io);
  const link = inventory.links.find((l) => l.id === values.link);
  if (!link) throw new CliExit(2, `${file}: no link with id "${values.link}". Ids in this file: ${inventory.links.map((l) => l.id).join(', ')}.`);
  const verdict = assessLink(link);
  const views = checklistsFor(link, verdict);
  if (format === 'json') {
    io.out(`${JSON.stringify({
      link: link.id, updatePath: verdict.updatePath,
      checklists: views.map((view) => ({
        id: view.id, title: view.title, updatePath: view.updatePath, locked: view.locked,
        items: view.sections.flatMap(({ section, items }) => items.map((item) => ({
          id: item.id, section, end: item.end, text: item.text, rule: item.rule ?? null, optional: item.optional === true, sources: item.sources, state: 'open',
        }))),
      })),
    }, null, 2)}\n`);
  } else if (views.length === 0) {
    io.out(`No migration checklist applies to ${link.id} (recommended: ${verdict.recommended}).\n`);
  } else {
    const generated = new Date().toISOString();
    // Jira and Confluence Data Center render wiki markup, not Markdown: --format jira for a ticket.
    if (format === 'jira') io.out(views.map((view) => checklistJiraWiki(link, view, undefined, generated)).join('\n----\n\n'));
    else io.out(views.map((view) => checklistMarkdown(link, view, undefined, generated)).join('\n---\n\n'));
  }
  return 0;
}
