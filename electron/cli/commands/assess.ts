import { parseArgs } from 'node:util';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { localDay } from '../../../shared/engine/triage.ts';
import { assessCsv, assessSummaryLine, FAIL_ON, failingLinks, type FailOn } from '../../../shared/present/assessSummary.ts';
import { verdictToJson, verdictToText } from '../../../shared/present/verdictReport.ts';
import { formatFlag, readInventory, usage, type CliIo } from '../args.ts';

/** Exit status of `assess --fail-on` when a finding at or above the threshold is open. */
export const FAIL_ON_EXIT = 3;

export async function assessCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'table' }, 'fail-on': { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) throw usage('assess takes exactly one inventory file. See applink-advisor --help.');
  const format = formatFlag(values.format, ['json', 'table', 'csv']);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !(FAIL_ON as readonly string[]).includes(failOn)) throw usage(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}".`);
  const inventory = await readInventory(positionals[0]!, io);
  const assessed = inventory.links.map((link) => ({ link, verdict: assessLink(link) }));
  const today = localDay(new Date());
  if (format === 'json') {
    io.out(`${JSON.stringify({ links: assessed.map(({ link, verdict }) => verdictToJson(link, verdict, today)) }, null, 2)}\n`);
  } else if (format === 'csv') {
    io.out(assessCsv(assessed, today));
  } else {
    io.out(`${assessed.map(({ link, verdict }) => verdictToText(link, verdict, today)).join('\n\n')}\n`);
  }
  // The summary goes to stderr: stdout stays the chosen format for a pipe.
  io.err(`${assessSummaryLine(assessed, today)}\n`);
  if (failOn) {
    const failing = failingLinks(assessed, failOn as FailOn, today);
    if (failing.length) {
      io.err(`${failing.length} link${failing.length === 1 ? ' has' : 's have'} an open finding of ${failOn} severity or worse (${failing.slice(0, 10).join(', ')}${failing.length > 10 ? ', …' : ''}): exit ${FAIL_ON_EXIT}.\n`);
      return FAIL_ON_EXIT;
    }
  }
  return 0;
}
