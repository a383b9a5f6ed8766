import { existsSync } from 'node:fs';
import path from 'node:path';
import { OperationError } from '../../shared/contract/operationError.ts';
import { readInventoryFile } from '../../shared/import/inventoryFile.ts';
import { oneLine } from '../../shared/present/terminalText.ts';
import { entryKind } from '../workspace/confinement.ts';
import { defaultWorkspaceDir } from '../app/defaultWorkspace.ts';
import { readInputBytes, readInputText } from '../app/inputFiles.ts';
import { acquireWorkspaceLock } from '../workspace/lock.ts';
import { WorkspaceStore } from '../workspace/store.ts';

/** Where the CLI writes; tests pass collectors. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress of a long command, written over itself; only when stderr is a terminal (absent when piped). */
  progress?(text: string): void;
}

/** Ends a command with an exit status; runCli prints the message as it is (64: the command line is wrong). */
export class CliExit extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** A wrong command line: exit 64 with the message. */
export function usage(message: string): CliExit {
  return new CliExit(64, message);
}

/** `--format`, checked against the command's closed list; the one place a wrong format is refused. */
export function formatFlag<T extends string>(given: string | undefined, allowed: readonly T[], command?: string): T {
  if (given !== undefined && (allowed as readonly string[]).includes(given)) return given as T;
  const choices = allowed.length === 2 ? `${allowed[0]} or ${allowed[1]}` : `one of ${allowed.join(', ')}`;
  throw usage(`--format must be ${choices}${command ? ` for ${command}` : ''}, not "${given}".`);
}

/** A file's text (or bytes), or an exit-2 error naming the file and why it cannot be read. */
export async function readInput(file: string): Promise<string>;
export async function readInput(file: string, bytes: true): Promise<Buffer>;
export async function readInput(file: string, bytes?: true): Promise<string | Buffer> {
  return bytes ? readInputBytes(file) : readInputText(file);
}

/** An inventory file, read bounded and with secrets removed (said on stderr, never shown); exit 2 after printing its problems. */
export async function readInventory(file: string, io: CliIo) {
  const inventory = readInventoryFile(await readInput(file));
  if (!inventory.ok) {
    for (const problem of inventory.problems) io.err(`${file}: ${problem.path}: ${problem.message}\n`);
    throw new CliExit(2, `${file}: ${inventory.problems.length} problem(s); nothing was used.`);
  }
  const { removed } = inventory;
  if (removed.length) io.err(`${file}: ${removed.length} secret${removed.length === 1 ? '' : 's'} removed before use (${removed.slice(0, 5).map((r) => `${oneLine(r.path)}: ${r.why}`).join('; ')}${removed.length > 5 ? '; …' : ''}).\n`);
  return inventory.value;
}

/**
 * The workspace folder of a command: `--workspace`, else the app's. A file in its place is refused; a
 * folder given with --workspace must exist when the command only reads (an empty answer would hide a
 * typo), and is created when the command writes.
 */
export function workspaceFolder(given: string | undefined, purpose: 'read' | 'write'): string {
  const dir = path.resolve(given ?? defaultWorkspaceDir());
  const kind = entryKind(dir);
  if (kind === 'file' || kind === 'other') throw new OperationError('invalid-argument', `${oneLine(dir)} is a file, not a workspace folder. Give the folder of a workspace with --workspace.`);
  if (kind === 'missing' && given !== undefined && purpose === 'read') throw new OperationError('not-found', `${oneLine(dir)} does not exist. Give the folder of a workspace with --workspace, or leave it out for the app's own.`);
  return dir;
}

/** The folder a new file will be written in must be there: says so in plain words instead of ENOENT. */
export function outputFile(given: string, flag: string): string {
  const target = path.resolve(given);
  const folder = path.dirname(target);
  const kind = entryKind(folder);
  if (kind === 'missing') throw new OperationError('not-found', `The folder ${oneLine(folder)} for ${flag} does not exist: create it, or choose another place with ${flag}.`);
  if (kind !== 'folder' && kind !== 'symlink') throw new OperationError('invalid-argument', `${oneLine(folder)} is a file, not a folder: choose another place with ${flag}.`);
  return target;
}

/** A new file for `--out`: its folder must be there and the file must not (nothing is ever overwritten). */
export function newOutputFile(given: string): string {
  const target = outputFile(given, '--out');
  if (existsSync(target)) throw new CliExit(2, `${target} already exists; choose another name with --out.`);
  return target;
}

/**
 * Runs `work` on a workspace. To write, it takes the workspace lock (exit 1 while the app holds it) and
 * opens the workspace as the app does (recovery, migration) first; a dry run reads it as it is.
 */
export async function withWorkspace(dir: string | undefined, write: boolean, io: CliIo, work: (store: WorkspaceStore) => Promise<number>): Promise<number> {
  // A dry run of a command that writes may name a workspace that does not exist yet (all links new).
  const store = new WorkspaceStore(workspaceFolder(dir, 'write'));
  if (!write) return work(store);
  const lock = await acquireWorkspaceLock(store.root, 'applink-advisor CLI');
  if (!lock.held) {
    io.err(`${lock.message}\n`);
    return 1;
  }
  try {
    await store.open([], 'CLI');
    return await work(store);
  } finally {
    await lock.release();
  }
}

/** Columns aligned to their widest cell, a header row first; the last column is not padded. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
