import { parseArgs } from 'node:util';
import { BUNDLE_FILE_NAME } from '../../../shared/model/bundle.ts';
import { writeFileAtomic } from '../../workspace/atomicWrite.ts';
import { exportBundle } from '../../features/bundles.ts';
import { WorkspaceStore } from '../../workspace/store.ts';
import { newOutputFile, usage, workspaceFolder, type CliIo } from '../args.ts';

export async function exportBundleCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { workspace: { type: 'string' }, out: { type: 'string', default: BUNDLE_FILE_NAME }, link: { type: 'string', multiple: true } }, allowPositionals: true });
  if (positionals.length) throw usage('export-bundle takes no file name; use --out FILE. See applink-advisor --help.');
  const target = newOutputFile(values.out);
  const store = new WorkspaceStore(workspaceFolder(values.workspace, 'read'));
  const { text, count } = await exportBundle(store, values.link ?? null, `applink-advisor CLI ${version}`);
  await writeFileAtomic(target, text);
  io.out(`Wrote ${count} link${count === 1 ? '' : 's'} to ${target}.\n`);
  return 0;
}
