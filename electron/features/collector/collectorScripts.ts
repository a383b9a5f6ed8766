import { constants } from 'node:fs';
import { access, chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import powershellScript from '../../../assets/collector/collect-applinks.ps1?raw';
import shellScript from '../../../assets/collector/collect-applinks.sh?raw';
import { OperationError } from '../../../shared/contract/operationError.ts';

/** The collector scripts (assets/collector/), bundled into the CLI so it works from any install. */
export const COLLECTOR_SCRIPTS = [
  { name: 'collect-applinks.sh', text: shellScript, mode: 0o755 },
  { name: 'collect-applinks.ps1', text: powershellScript, mode: 0o644 },
] as const;

const exists = (file: string) => access(file, constants.F_OK).then(() => true, () => false);

/**
 * Writes the collector scripts into `dir` (made if missing). Never overwrites: if either script is
 * already there, nothing is written. Returns the paths written.
 */
export async function writeCollectorScripts(dir: string): Promise<string[]> {
  const targets = COLLECTOR_SCRIPTS.map((s) => ({ ...s, file: path.join(path.resolve(dir), s.name) }));
  for (const { file } of targets) {
    if (await exists(file)) throw new OperationError('conflict', `${file} already exists; the collector never replaces a file. Choose another folder with --out, or move the old scripts away.`);
  }
  await mkdir(path.resolve(dir), { recursive: true });
  for (const { file, text, mode } of targets) {
    await writeFile(file, text, { flag: 'wx', mode });
    await chmod(file, mode);
  }
  return targets.map((t) => t.file);
}
