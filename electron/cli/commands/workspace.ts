import { parseArgs } from 'node:util';
import { ASSESSMENT_SCHEMA_VERSION } from '../../../shared/model/assessmentDocument.ts';
import { oneLine } from '../../../shared/present/terminalText.ts';
import { WorkspaceStore } from '../../workspace/store.ts';
import { verifyWorkspace } from '../../workspace/verify.ts';
import { usage, withWorkspace, workspaceFolder, type CliIo } from '../args.ts';

const ACTIONS = ['info', 'verify', 'backups', 'backup', 'restore'];

export async function workspaceCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { workspace: { type: 'string' } }, allowPositionals: true });
  const [action, argument] = positionals;
  if (!action || !ACTIONS.includes(action) || positionals.length !== (action === 'restore' ? 2 : 1)) {
    throw usage('workspace takes info, verify, backups, backup or restore <id>. See applink-advisor --help.');
  }
  const store = new WorkspaceStore(workspaceFolder(values.workspace, action === 'backup' || action === 'restore' ? 'write' : 'read'));
  if (action === 'backups') {
    const backups = await store.backups.list();
    io.out(backups.map((b) => `${b.id}  ${String(b.linkCount).padStart(6)} links  ${b.automatic ? 'automatic' : 'on demand'}  ${oneLine(b.reason)}`).join('\n') + (backups.length ? '\n' : 'No backups yet.\n'));
    return 0;
  }
  if (action === 'backup' || action === 'restore') {
    // Under the lock, after recovery: a snapshot never holds a torn state, and a restore is never
    // overwritten later by an interrupted operation replayed on the next open.
    return withWorkspace(store.root, true, io, async (opened) => {
      if (action === 'backup') {
        const backup = await opened.backups.create('on demand (command line)', false);
        io.out(`Backed up ${backup.linkCount} links as ${backup.id}.\n`);
      } else {
        const { restored, safety } = await opened.restoreBackup(argument!);
        io.out(`Restored ${restored.linkCount} links from ${restored.id}. The state before is kept as ${safety.id}.\n`);
      }
      return 0;
    });
  }
  if (action === 'verify') return verifyCommand(store, io);
  return infoCommand(store, io);
}

async function verifyCommand(store: WorkspaceStore, io: CliIo): Promise<number> {
  const report = await verifyWorkspace(store);
  for (const problem of report.problems) io.err(`${oneLine(problem.file)}: ${oneLine(problem.reason)}\n`);
  const count = (area: string) => report.problems.filter((p) => p.area === area).length;
  const history = count('history');
  const other = count('workspace') ? `; ${count('workspace')} other problem${count('workspace') === 1 ? '' : 's'} (crash journals, backups, symbolic links)` : '';
  const older = report.older ? ` ${report.older} of an older schema version (migrated, after a backup, when the workspace is next opened for writing).` : '';
  io.out(`${report.healthy} healthy, ${count('document')} with problems; ${history} history entr${history === 1 ? 'y' : 'ies'} with problems${other}.${older}\n`);
  return report.problems.length === 0 ? 0 : 1;
}

async function infoCommand(store: WorkspaceStore, io: CliIo): Promise<number> {
  const info = await store.describe();
  const { lock } = info;
  io.out([
    `Workspace:   ${info.root}`,
    `Links:       ${info.links}${info.demo ? ' (the demo estate)' : ''}`,
    `Schema:      assessment documents v${ASSESSMENT_SCHEMA_VERSION}${info.createdAt ? `; workspace created ${info.createdAt}` : '; not opened by the app yet'}`,
    `Unreadable:  ${info.unreadable}`,
    `Quarantined: ${info.quarantined}`,
    `Lock:        ${lock.state === 'free' ? 'free' : lock.state === 'foreign' ? `${lock.file} ${lock.problem}: not a lock this app wrote` : oneLine(`${lock.app}, process ${lock.pid} on ${lock.host}, since ${lock.since}`)}`,
  ].join('\n') + '\n');
  return 0;
}
