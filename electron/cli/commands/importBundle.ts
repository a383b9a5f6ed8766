import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLE_RESOLUTIONS, type BundleResolution } from '../../../shared/model/vocabulary.ts';
import { oneLine } from '../../../shared/present/terminalText.ts';
import { mergeBundle, openBundle, previewBundle } from '../../features/bundles.ts';
import { formatFlag, readInput, usage, withWorkspace, type CliIo } from '../args.ts';

export async function importBundleCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { workspace: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, resolve: { type: 'string' }, format: { type: 'string', default: 'table' } },
  });
  const [file] = positionals;
  if (!file || positionals.length !== 1) throw usage('import-bundle takes one bundle file. See applink-advisor --help.');
  const format = formatFlag(values.format, ['json', 'table']);
  if (values.resolve !== undefined && !(BUNDLE_RESOLUTIONS as readonly string[]).includes(values.resolve)) {
    throw usage(`--resolve must be one of ${BUNDLE_RESOLUTIONS.join(', ')}, not "${values.resolve}".`);
  }
  const choice = values.resolve as BundleResolution | undefined;
  const opened = openBundle(await readInput(file), path.basename(file));
  return withWorkspace(values.workspace, !values['dry-run'], io, async (store) => {
    const preview = await previewBundle(store, opened);
    const conflicts = preview.rows.filter((r) => r.status === 'conflict');
    if (format === 'json') io.out(`${JSON.stringify(preview, null, 2)}\n`);
    else {
      io.out(preview.rows.map((r) => `${r.status.padEnd(10)} ${r.id.padEnd(24)} ${oneLine(r.name)}${r.fieldsChanged.length ? `  (${r.fieldsChanged.length} field${r.fieldsChanged.length === 1 ? '' : 's'} differ)` : ''}`).join('\n') + (preview.rows.length ? '\n' : ''));
      const tally = new Map<string, number>();
      for (const row of preview.rows) tally.set(row.status, (tally.get(row.status) ?? 0) + 1);
      const counts = [...tally].map(([status, n]) => `${n} ${status}`).join(', ');
      io.out(`${oneLine(opened.fileName)}: ${preview.rows.length} links (${counts || 'none'}), made ${oneLine(preview.createdAt)} by ${oneLine(preview.createdBy)}.\n`);
    }
    if (values['dry-run']) return 0;
    if (conflicts.length && !choice) {
      io.err(`${conflicts.length} conflicting link${conflicts.length === 1 ? '' : 's'} (${conflicts.map((c) => c.id).join(', ')}): choose with --resolve keep-mine|take-theirs|keep-both. Nothing was changed.\n`);
      return 2;
    }
    const resolutions = Object.fromEntries(conflicts.map((c) => [c.id, choice!]));
    const result = await mergeBundle(store, opened, resolutions);
    io.err(`Merged: ${result.added} added, ${result.updated} updated, ${result.keptBoth} kept both, ${result.keptMine} kept as they were.${result.backupId ? ` The workspace before is kept as backup ${result.backupId}.` : ''}\n`);
    return 0;
  });
}
