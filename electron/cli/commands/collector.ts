import { parseArgs } from 'node:util';
import { writeCollectorScripts } from '../../features/collector/collectorScripts.ts';
import { usage, type CliIo } from '../args.ts';

export async function collectorCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  if (!values.out || positionals.length) throw usage('collector takes --out DIR: the folder to write the collector scripts into. See applink-advisor --help.');
  const written = await writeCollectorScripts(values.out);
  io.out(`${written.join('\n')}\nCarry them to a host that reaches the servers and run, for each server:\n  bash collect-applinks.sh https://jira.example.com ./applinks-export\n  .\\collect-applinks.ps1 -BaseUrl https://jira.example.com -OutDir .\\applinks-export\nthen bring applinks-export back and run: applink-advisor import applinks-export --dry-run (docs/collecting.md).\n`);
  return 0;
}
