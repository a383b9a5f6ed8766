import { parseArgs } from 'node:util';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { verdictToJson, verdictToText } from '../../../shared/present/verdictReport.ts';
import { formatFlag, readInventory, usage, type CliIo } from '../args.ts';

export async function assessCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'table' } }, allowPositionals: true });
  if (positionals.length !== 1) throw usage('assess takes exactly one inventory file. See applink-advisor --help.');
  const format = formatFlag(values.format, ['json', 'table']);
  const inventory = await readInventory(positionals[0]!, io);
  const assessed = inventory.links.map((link) => ({ link, verdict: assessLink(link) }));
  if (format === 'json') {
    io.out(`${JSON.stringify({ links: assessed.map(({ link, verdict }) => verdictToJson(link, verdict)) }, null, 2)}\n`);
  } else {
    io.out(`${assessed.map(({ link, verdict }) => verdictToText(link, verdict)).join('\n\n')}\n`);
  }
  return 0;
}
