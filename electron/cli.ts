import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assessLink } from '../shared/engine/assessLink.ts';
import { OperationError } from '../shared/contract/operationError.ts';
import { checklistsFor } from '../shared/engine/checklist.ts';
import { readInventoryFile } from '../shared/import/inventoryFile.ts';
import { checklistMarkdown } from '../shared/present/checklistDocument.ts';
import { ASSESSMENT_SCHEMA_VERSION } from '../shared/model/assessmentDocument.ts';
import { BUNDLE_FILE_NAME } from '../shared/model/bundle.ts';
import { BUNDLE_RESOLUTIONS, type BundleResolution } from '../shared/model/vocabulary.ts';
import { writeFileAtomic } from './services/atomicWrite.ts';
import { exportBundle, mergeBundle, openBundle, previewBundle } from './services/bundles.ts';
import { commitImport, previewImport } from './services/importService.ts';
import { readInputBytes, readInputText } from './services/inputFiles.ts';
import { writeCollectorScripts } from './services/collectorScripts.ts';
import { readImportInputs } from './services/importFolder.ts';
import { readChoiceFlags } from '../shared/import/choiceFlags.ts';
import { applyAnswers } from '../shared/import/importPlan.ts';
import { importPreviewText, unattributedMessage } from '../shared/present/importPreviewText.ts';
import { generateSigningKeys, keyFingerprint, produceReport, REPORT_FORMATS, signExistingReport, signingKey, verifyReport, type ReportFormat } from './services/reports.ts';
import { findChromium, printPdfWithChromium } from './services/pdf.ts';
import { reportExtras } from './services/reportExtras.ts';
import type { ReportExtras } from '../shared/present/report/reportModel.ts';
import { buildReport } from '../shared/present/report/reportModel.ts';
import type { AssessmentDocument } from '../shared/model/assessmentDocument.ts';
import type { Answers } from '../shared/model/link.ts';
import { defaultWorkspaceDir } from './services/defaultWorkspace.ts';
import { describeFileError, describePathError } from './services/fileErrors.ts';
import { oneLine, terminalSafe } from '../shared/present/terminalText.ts';
import { entryKind } from './services/confinement.ts';
import { acquireWorkspaceLock, LOCK_FILE, lockHolder } from './services/workspaceLock.ts';
import { QUARANTINE_DIR, WorkspaceStore } from './services/workspaceStore.ts';
import { verifyWorkspace } from './services/workspaceVerify.ts';
import { verdictToJson, verdictToText } from '../shared/present/verdictReport.ts';

/** Where the CLI writes; tests pass collectors. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** A file's text (or bytes), or an exit-2 error naming the file and why it cannot be read. */
async function readInput(file: string): Promise<string>;
async function readInput(file: string, bytes: true): Promise<Buffer>;
async function readInput(file: string, bytes?: true): Promise<string | Buffer> {
  return bytes ? readInputBytes(file) : readInputText(file);
}

/**
 * The workspace folder of a command: `--workspace`, else the app's. A file in its place is refused; a
 * folder given with --workspace must exist when the command only reads (an empty answer would hide a
 * typo), and is created when the command writes.
 */
function workspaceFolder(given: string | undefined, purpose: 'read' | 'write'): string {
  const dir = path.resolve(given ?? defaultWorkspaceDir());
  const kind = entryKind(dir);
  if (kind === 'file' || kind === 'other') throw new OperationError('invalid-argument', `${oneLine(dir)} is a file, not a workspace folder. Give the folder of a workspace with --workspace.`);
  if (kind === 'missing' && given !== undefined && purpose === 'read') throw new OperationError('not-found', `${oneLine(dir)} does not exist. Give the folder of a workspace with --workspace, or leave it out for the app's own.`);
  return dir;
}

/** The folder a new file will be written in must be there: says so in plain words instead of ENOENT. */
function outputFile(given: string, flag: string): string {
  const target = path.resolve(given);
  const folder = path.dirname(target);
  const kind = entryKind(folder);
  if (kind === 'missing') throw new OperationError('not-found', `The folder ${oneLine(folder)} for ${flag} does not exist: create it, or choose another place with ${flag}.`);
  if (kind !== 'folder' && kind !== 'symlink') throw new OperationError('invalid-argument', `${oneLine(folder)} is a file, not a folder: choose another place with ${flag}.`);
  return target;
}

/**
 * Runs `work` on a workspace. To write, it takes the workspace lock (exit 1 while the app holds it) and
 * opens the workspace as the app does (recovery, migration) first; a dry run reads it as it is.
 */
async function withWorkspace(dir: string | undefined, write: boolean, io: CliIo, work: (store: WorkspaceStore) => Promise<number>): Promise<number> {
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

export const HELP = `applink-advisor — assess Atlassian application-link authentication offline

Usage:
  applink-advisor assess <inventory.json> [--format json|table]
  applink-advisor checklist <inventory.json> --link ID [--format json|md]
  applink-advisor workspace info|verify|backups|backup [--workspace DIR]
  applink-advisor workspace restore <backup-id> [--workspace DIR]
  applink-advisor list [--workspace DIR] [--format json|table]
  applink-advisor import <files or folders…> [--workspace DIR] [--dry-run] [--answer QUESTION=yes|no]...
                  [--attach FILE=LINK_ID]... [--skip FILE]... [--format json|table]
  applink-advisor report (<inventory.json> | --workspace DIR) --format html|pdf|md|csv|json --out FILE
                  [--title TEXT] [--author NAME] [--classification TEXT] [--bom] [--paper A4|Letter] [--chromium PATH]
                  [--history] [--since-backup ID] [--sign-key PRIVATE.key]
  applink-advisor verify-report <file> [--key PUBLIC.pem]
  applink-advisor sign <report> --key PRIVATE.key --out FILE
  applink-advisor keygen --out DIR
  applink-advisor export-bundle [--workspace DIR] [--out FILE] [--link ID]...
  applink-advisor import-bundle <file> [--workspace DIR] [--dry-run] [--resolve keep-mine|take-theirs|keep-both] [--format json|table]
  applink-advisor collector --out DIR
  applink-advisor --help | --version

Commands:
  assess <inventory.json>   Assess every link of an inventory file (format "applink-advisor.inventory",
                            version 1; see docs/inventory-format.md) and print the verdicts.

  checklist <inventory.json> --link ID
                            Print the migration checklists that apply to one link: the update path and
                            every item with its id, section, end, sources and state (all "open", since an
                            inventory file carries no progress). Locked checklists say why.

  workspace info            Where the workspace is, how many links it holds, who holds its lock.
  workspace verify          Check every document; print each problem. Exit 0 only when all are healthy.
                            Read-only: nothing is moved or changed.
  workspace backups         The workspace's snapshots, newest first.
  workspace backup          Take a snapshot now (kept until removed; automatic ones rotate, 20 kept).
  workspace restore <id>    Make the links exactly those of a snapshot, all-or-nothing, after a safety
                            snapshot of the current state. Refused while the app has the workspace open.
  list                      The links of a workspace with their recommendation and worst finding.

  import <files or folders…>
                            Import Applinks REST exports (manifest, 1.0/listApplicationlinks, 3.0/applinks,
                            3.0/status/{id}, …/oauth, applicationlink/{id}/authentication), inventory files
                            and CSV (docs/import.md); a folder is read with its subfolders (the collector's
                            output as it is). Files are grouped per server by name prefix
                            (jira.manifest.json) or by the folder holding the manifest; both servers' views
                            of a link become one link with both ends. An answer that names no link is
                            placed by a link id in its file or folder name, its OAuth consumer, or its
                            file name (authentication-radiator.json ↔ "Build radiator"). Secrets are
                            removed as files are read. Prints the preview (recommendation and worst
                            finding per link); without --dry-run, commits it all-or-nothing after a
                            backup. Any problem in the files, or a file not placed: exit 2, nothing
                            imported.
  report                    Write a report of an inventory file or a workspace: summary, each distinct
                            flowchart path drawn once, and per link the ends, configuration, answers,
                            recommendation, findings and checklists. Every report carries the SHA-256 of
                            its content. Never overwrites an existing file. PDF is printed by a Chromium,
                            Chrome or Edge found on the machine (or --chromium PATH), offline. With
                            --workspace: --history lists each link's recent saved states, --since-backup
                            adds what changed since a backup to the summary.
  verify-report <file>      Recompute a report's SHA-256: exit 0 intact, 1 modified, 2 not a report.
                            A digest only shows the file is unchanged since it was sealed, not who made it
                            (anyone can recompute one). With --key, also check its Ed25519 signature and
                            name the key's fingerprint (1 when unsigned or signed by another key).
  sign <report>             Sign an intact, unsigned report with --key PRIVATE.key, written to --out FILE
                            (never overwritten; the original is left as it is).
  keygen --out DIR          Make an Ed25519 key pair for signing reports: DIR/applink-advisor-signing.key
                            (private, mode 600; keep it outside any workspace) and .pub (to share).
  export-bundle             Write the workspace (or the links given with --link) as one portable file,
                            ${BUNDLE_FILE_NAME} by default, with a SHA-256 over its content. Never
                            overwrites an existing file.
  import-bundle <file>      Compare a bundle with the workspace: each link is new, identical, an update
                            (a later version of yours), older (yours is newer) or a conflict (changed on
                            both sides). Without --dry-run, merge it all-or-nothing after a backup: new
                            links and updates are taken, older ones kept; conflicts need --resolve.
                            A bundle changed since it was made is refused (exit 2).
  collector --out DIR       Write collect-applinks.sh (bash + curl) and collect-applinks.ps1 (PowerShell)
                            into DIR, to run on a host that reaches the servers: read-only GET requests
                            save each server's application-link answers, secrets removed, in a folder to
                            carry to this machine and import (docs/collecting.md). Never overwrites.

Options:
  --workspace DIR           The workspace folder (default: the app's, under the user-data folder, or
                            $APPLINK_ADVISOR_WORKSPACE).
  --link ID                 The link of the checklist command; with export-bundle, a link to include
                            (repeatable).
  --dry-run                 import, import-bundle: print what would happen and change nothing.
  --answer QUESTION=yes|no  import: answer a question the exports cannot know, for every imported link
                            that has no answer yet. QUESTION: mutual-trust, shared-user-base,
                            admin-on-remote, sysadmin-on-remote. Repeatable.
  --attach FILE=LINK_ID     import: the link (its Applinks id, as the preview lists them) an answer that
                            could not be placed is about. Repeatable.
  --skip FILE               import: leave a file out (e.g. one that could not be placed). Repeatable.
  --resolve CHOICE          import-bundle: what to do with every conflicting link.
  --format json|table|md    assess: table (default) or json; checklist: md (default) or json. assess json prints
                            {"links":[{"id","recommended","path","findings":[{"rule","code","severity",…}],
                            "updatePath","oauth2":{"status","blockers"},"checklists",…}]}.
  -h, --help                Show this help.
  -v, --version             Show the version.

Exit status:
  0  success (for workspace verify: every document is healthy)
  1  workspace verify found problems; the workspace is held by the app; or the machine failed (the disk
     is full, read-only or refused permission: said in plain words, and nothing saved before is changed)
  2  bad input: a file or folder that does not exist or is of the wrong kind (a file where a folder should
     be), a file that is not a valid inventory or bundle (one message per problem, with its JSON path;
     nothing is used from a broken file); or a workspace operation was refused (unknown backup, a bundle
     changed since it was made, conflicts without --resolve)
  64 the command line is wrong

Text from files (names, authors, file names) is printed with control characters escaped (\u001b…).
Applink Advisor never uses the network.
`;

async function assessCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'table' } }, allowPositionals: true });
  if (positionals.length !== 1) {
    io.err('assess takes exactly one inventory file. See applink-advisor --help.\n');
    return 64;
  }
  if (values.format !== 'json' && values.format !== 'table') {
    io.err(`--format must be json or table, not "${values.format}".\n`);
    return 64;
  }
  const file = positionals[0] as string;
  const inventory = await readInventory(file, io);
  if (!inventory) return 2;
  const assessed = inventory.links.map((link) => ({ link, verdict: assessLink(link) }));
  if (values.format === 'json') {
    io.out(`${JSON.stringify({ links: assessed.map(({ link, verdict }) => verdictToJson(link, verdict)) }, null, 2)}\n`);
  } else {
    io.out(`${assessed.map(({ link, verdict }) => verdictToText(link, verdict)).join('\n\n')}\n`);
  }
  return 0;
}

/** An inventory file, read bounded and with secrets removed (said on stderr, never shown); null after printing its problems. */
async function readInventory(file: string, io: CliIo) {
  const inventory = readInventoryFile(await readInput(file));
  if (!inventory.ok) {
    for (const problem of inventory.problems) io.err(`${file}: ${problem.path}: ${problem.message}\n`);
    io.err(`${file}: ${inventory.problems.length} problem(s); nothing was used.\n`);
    return null;
  }
  const { removed } = inventory;
  if (removed.length) io.err(`${file}: ${removed.length} secret${removed.length === 1 ? '' : 's'} removed before use (${removed.slice(0, 5).map((r) => `${oneLine(r.path)}: ${r.why}`).join('; ')}${removed.length > 5 ? '; …' : ''}).\n`);
  return inventory.value;
}

async function checklistCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'md' }, link: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1 || !values.link) {
    io.err('checklist takes one inventory file and --link ID. See applink-advisor --help.\n');
    return 64;
  }
  if (values.format !== 'json' && values.format !== 'md') {
    io.err(`--format must be json or md for checklist, not "${values.format}".\n`);
    return 64;
  }
  const file = positionals[0] as string;
  const inventory = await readInventory(file, io);
  if (!inventory) return 2;
  const link = inventory.links.find((l) => l.id === values.link);
  if (!link) {
    io.err(`${file}: no link with id "${values.link}". Ids in this file: ${inventory.links.map((l) => l.id).join(', ')}.\n`);
    return 2;
  }
  const verdict = assessLink(link);
  const views = checklistsFor(link, verdict);
  if (values.format === 'json') {
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
    io.out(views.map((view) => checklistMarkdown(link, view, undefined, generated)).join('\n---\n\n'));
  }
  return 0;
}

async function workspaceCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { workspace: { type: 'string' } }, allowPositionals: true });
  const [action, argument] = positionals;
  const actions = ['info', 'verify', 'backups', 'backup', 'restore'];
  if (!action || !actions.includes(action) || positionals.length !== (action === 'restore' ? 2 : 1)) {
    io.err('workspace takes info, verify, backups, backup or restore <id>. See applink-advisor --help.\n');
    return 64;
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
  if (action === 'verify') {
    const report = await verifyWorkspace(store);
    for (const problem of report.problems) io.err(`${oneLine(problem.file)}: ${oneLine(problem.reason)}\n`);
    const count = (area: string) => report.problems.filter((p) => p.area === area).length;
    const history = count('history');
    const other = count('workspace') ? `; ${count('workspace')} other problem${count('workspace') === 1 ? '' : 's'} (crash journals, backups, symbolic links)` : '';
    const older = report.older ? ` ${report.older} of an older schema version (migrated, after a backup, when the workspace is next opened for writing).` : '';
    io.out(`${report.healthy} healthy, ${count('document')} with problems; ${history} history entr${history === 1 ? 'y' : 'ies'} with problems${other}.${older}\n`);
    return report.problems.length === 0 ? 0 : 1;
  }
  const { documents, unreadable } = await store.list();
  {
    const meta = await store.readMeta().catch(() => null);
    const lock = await lockHolder(store.root);
    const quarantine = path.join(store.root, QUARANTINE_DIR);
    const quarantined = entryKind(quarantine) === 'folder' ? (await readdir(quarantine)).filter((f) => !f.endsWith('.note.json')) : [];
    io.out([
      `Workspace:   ${store.root}`,
      `Links:       ${documents.length}${meta?.demo ? ' (the demo estate)' : ''}`,
      `Schema:      assessment documents v${ASSESSMENT_SCHEMA_VERSION}${meta ? `; workspace created ${meta.createdAt}` : '; not opened by the app yet'}`,
      `Unreadable:  ${unreadable.length}`,
      `Quarantined: ${quarantined.length}`,
      `Lock:        ${!lock ? 'free' : 'foreign' in lock ? `${LOCK_FILE} ${lock.foreign}: not a lock this app wrote` : oneLine(`${lock.app}, process ${lock.pid} on ${lock.host}, since ${lock.since}`)}`,
    ].join('\n') + '\n');
    return 0;
  }
}

async function listCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { workspace: { type: 'string' }, format: { type: 'string', default: 'table' } } });
  if (values.format !== 'json' && values.format !== 'table') {
    io.err(`--format must be json or table, not "${values.format}".\n`);
    return 64;
  }
  const store = new WorkspaceStore(workspaceFolder(values.workspace, 'read'));
  const { documents, unreadable } = await store.list();
  const rows = documents.map((d) => {
    const verdict = assessLink(d.link);
    return { id: d.link.id, name: d.link.name, recommended: verdict.recommended, worstSeverity: verdict.worstSeverity, updatedAt: d.updatedAt };
  });
  if (values.format === 'json') io.out(`${JSON.stringify({ workspace: store.root, links: rows, unreadable }, null, 2)}\n`);
  else if (rows.length === 0) io.out(`No links in ${oneLine(store.root)}${unreadable.length ? ` (${unreadable.length} file${unreadable.length === 1 ? '' : 's'} could not be read)` : ''}.\n`);
  else io.out(textTable(['ID', 'RECOMMENDED', 'WORST', 'NAME'], rows.map((r) => [r.id, r.recommended, r.worstSeverity ?? '-', oneLine(r.name)])));
  for (const problem of unreadable) io.err(`${oneLine(problem.file)}: ${oneLine(problem.reason)}\n`);
  return 0;
}

/** Columns aligned to their widest cell, a header row first; the last column is not padded. */
function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

const ANSWER_FLAGS: Record<string, keyof Answers> = {
  'mutual-trust': 'mutualTrust', 'shared-user-base': 'sharedUserBase', 'admin-on-remote': 'adminOnRemote', 'sysadmin-on-remote': 'sysadminOnRemote',
};

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      workspace: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, answer: { type: 'string', multiple: true }, format: { type: 'string', default: 'table' },
      attach: { type: 'string', multiple: true }, skip: { type: 'string', multiple: true },
    },
  });
  if (positionals.length === 0) {
    io.err('import takes one or more export files or folders. See applink-advisor --help.\n');
    return 64;
  }
  if (values.format !== 'json' && values.format !== 'table') {
    io.err(`--format must be json or table, not "${values.format}".\n`);
    return 64;
  }
  const answers: Partial<Answers> = {};
  for (const given of values.answer ?? []) {
    const [flag, value] = given.split('=');
    // Own keys only: "__proto__" or "constructor" must not find something on Object.prototype.
    const key = flag !== undefined && Object.hasOwn(ANSWER_FLAGS, flag) ? ANSWER_FLAGS[flag] : undefined;
    if (!key || (value !== 'yes' && value !== 'no')) {
      io.err(`--answer takes QUESTION=yes|no with QUESTION one of ${Object.keys(ANSWER_FLAGS).join(', ')}, not "${oneLine(given)}". See applink-advisor --help.\n`);
      return 64;
    }
    answers[key] = value === 'yes';
  }
  const { files, ignored } = await readImportInputs(positionals);
  if (ignored.length) io.err(`Not read (not .json or .csv): ${ignored.join(', ')}\n`);
  const flags = readChoiceFlags(values.attach ?? [], values.skip ?? [], files.map((f) => f.name));
  if (flags.problems.length) {
    for (const problem of flags.problems) io.err(`${problem}\n`);
    io.err(`The files being imported: ${files.map((f) => f.name).join(', ')}\n`);
    return 64;
  }
  return withWorkspace(values.workspace, !values['dry-run'], io, async (store) => {
    const preview = await previewImport(store, files, flags.choices);
    if (values.format === 'json') io.out(`${JSON.stringify(preview, null, 2)}\n`);
    // The table shows the links as they would be saved: with the answers given on the command line.
    else io.out(importPreviewText({ ...preview, rows: applyAnswers(preview.rows, answers) }));
    if (preview.problems.length || preview.unattributed.length) {
      for (const p of preview.problems) io.err(`${oneLine(p.file)}: ${oneLine(p.path)}: ${oneLine(p.message)}\n`);
      for (const u of preview.unattributed) io.err(`${oneLine(u.file)}: ${oneLine(unattributedMessage(u))}\n`);
      const count = preview.problems.length + preview.unattributed.length;
      io.err(`Nothing was imported: ${count} problem${count === 1 ? '' : 's'}.\n`);
      return 2;
    }
    if (values['dry-run']) return 0;
    const result = await commitImport(store, preview, answers, []);
    io.err(`Imported: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.${result.backupId ? ` The workspace before is kept as backup ${result.backupId}.` : ''}\n`);
    return 0;
  });
}

async function reportCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      workspace: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, title: { type: 'string' }, author: { type: 'string' },
      classification: { type: 'string' }, bom: { type: 'boolean', default: false }, paper: { type: 'string', default: 'A4' }, chromium: { type: 'string' },
      history: { type: 'boolean', default: false }, 'since-backup': { type: 'string' }, 'sign-key': { type: 'string' },
    },
  });
  const format = values.format as ReportFormat | undefined;
  if (!format || !(REPORT_FORMATS as readonly string[]).includes(format) || !values.out || positionals.length > 1 || (positionals.length === 1) === (values.workspace !== undefined)) {
    io.err(`report takes an inventory file or --workspace DIR, --format ${REPORT_FORMATS.join('|')} and --out FILE. See applink-advisor --help.\n`);
    return 64;
  }
  if (values.paper !== 'A4' && values.paper !== 'Letter') {
    io.err(`--paper must be A4 or Letter, not "${values.paper}".\n`);
    return 64;
  }
  const target = outputFile(values.out, '--out');
  if (existsSync(target)) {
    io.err(`${target} already exists; choose another name with --out.\n`);
    return 2;
  }
  const chromium = format === 'pdf' ? findChromium(values.chromium) : null;
  const signFile = values['sign-key'];
  const key = signFile ? signingKey(await readInput(signFile), signFile) : undefined;
  let documents: AssessmentDocument[];
  let extras: ReportExtras = {};
  let title = values.title;
  if (positionals[0]) {
    const file = positionals[0];
    const inventory = await readInventory(file, io);
    if (!inventory) return 2;
    const at = new Date().toISOString();
    documents = inventory.links.map((link) => ({ schemaVersion: ASSESSMENT_SCHEMA_VERSION, revision: 1, link, createdAt: at, updatedAt: at }));
    title ??= `Application links — ${path.basename(file)}`;
  } else {
    const store = new WorkspaceStore(workspaceFolder(values.workspace, 'read'));
    documents = (await store.list()).documents;
    title ??= `Application links — ${path.basename(path.resolve(values.workspace!))}`;
    extras = await reportExtras(store, documents, { history: values.history, since: values['since-backup'] ? { kind: 'backup', id: values['since-backup'] } : null, wholeWorkspace: true });
  }
  const report = buildReport(documents, {
    title, author: values.author ?? null, classification: values.classification ?? null, generatedAt: new Date().toISOString(), appVersion: version, includeChecklists: true,
  }, extras);
  await writeFileAtomic(target, await produceReport(report, format, { bom: values.bom, paper: values.paper, printPdf: chromium ? (html) => printPdfWithChromium(html, chromium) : undefined, key }));
  io.out(`Wrote a ${format.toUpperCase()} report of ${documents.length} link${documents.length === 1 ? '' : 's'} to ${target}.\n`);
  return 0;
}

async function keygenCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!values.out) {
    io.err('keygen takes --out DIR: where to keep the key pair (not in a workspace). See applink-advisor --help.\n');
    return 64;
  }
  const dir = path.resolve(values.out);
  if (entryKind(dir) === 'file' || entryKind(dir) === 'other') {
    io.err(`${oneLine(dir)} is a file, not a folder: keygen --out takes the folder to keep the key pair in.\n`);
    return 2;
  }
  const privateFile = path.join(dir, 'applink-advisor-signing.key');
  const publicFile = path.join(dir, 'applink-advisor-signing.pub');
  for (const file of [privateFile, publicFile]) {
    if (existsSync(file)) {
      io.err(`${file} already exists; keygen never replaces a key.\n`);
      return 2;
    }
  }
  const { privatePem, publicPem } = generateSigningKeys();
  await mkdir(dir, { recursive: true });
  await writeFile(privateFile, privatePem, { mode: 0o600, flag: 'wx' });
  await writeFile(publicFile, publicPem, { flag: 'wx' });
  io.out(`Private key (keep it safe; sign with report --sign-key or sign --key): ${privateFile}\nPublic key (give it to whoever checks reports: verify-report --key): ${publicFile}\nFingerprint of the key (tell it to them by another channel, to compare): ${keyFingerprint(publicPem)}\n`);
  return 0;
}

async function signCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { key: { type: 'string' }, out: { type: 'string' } } });
  if (positionals.length !== 1 || !values.key || !values.out) {
    io.err('sign takes one report file, --key PRIVATE.key and --out FILE. See applink-advisor --help.\n');
    return 64;
  }
  const file = positionals[0]!;
  const target = outputFile(values.out, '--out');
  if (existsSync(target)) {
    io.err(`${target} already exists; choose another name with --out.\n`);
    return 2;
  }
  const key = signingKey(await readInput(values.key), values.key);
  await writeFileAtomic(target, signExistingReport(await readInput(file, true), key, file));
  io.out(`Signed ${file} as ${target}: its digest changed with the signature slot; check it with verify-report --key PUBLIC.pem.\n`);
  return 0;
}

async function verifyReportCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { key: { type: 'string' } } });
  if (positionals.length !== 1) {
    io.err('verify-report takes one report file. See applink-advisor --help.\n');
    return 64;
  }
  const file = positionals[0]!;
  const content = await readInput(file, true);
  const publicPem = values.key ? await readInput(values.key) : undefined;
  const result = verifyReport(content, publicPem);
  if (result.status === 'unsealed') {
    io.err(`${file}: not an Applink Advisor report (no integrity marker).\n`);
    return 2;
  }
  if (result.status === 'modified') {
    io.err(`${file}: MODIFIED — its content does not match the SHA-256 it carries (recorded ${result.recorded}, content ${result.actual}).\n`);
    return 1;
  }
  const unchanged = `${file}: intact — unchanged since it was sealed (SHA-256 ${result.recorded})`;
  if (publicPem !== undefined && !result.signatureValid) {
    io.err(`${unchanged}, but ${result.signature ? `its signature does not match the key ${keyFingerprint(publicPem)} (${values.key}): it was not signed by that key` : 'it is not signed, so nothing proves who made it'}.\n`);
    return 1;
  }
  if (result.signatureValid) io.out(`${unchanged}; signed by the key ${keyFingerprint(publicPem!)} (${values.key}).\n`);
  else if (result.signature) io.out(`${unchanged}; signed — pass --key PUBLIC.pem to check who signed it.\n`);
  else io.out(`${unchanged}. A digest alone does not prove who made it (anyone can recompute one); sign reports (report --sign-key, or applink-advisor sign) to prove origin.\n`);
  return 0;
}

async function exportBundleCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { workspace: { type: 'string' }, out: { type: 'string', default: BUNDLE_FILE_NAME }, link: { type: 'string', multiple: true } }, allowPositionals: true });
  if (positionals.length) {
    io.err(`export-bundle takes no file name; use --out FILE. See applink-advisor --help.\n`);
    return 64;
  }
  const target = outputFile(values.out, '--out');
  if (existsSync(target)) {
    io.err(`${target} already exists; choose another name with --out.\n`);
    return 2;
  }
  const store = new WorkspaceStore(workspaceFolder(values.workspace, 'read'));
  const { text, count } = await exportBundle(store, values.link ?? null, `applink-advisor CLI ${version}`);
  await writeFileAtomic(target, text);
  io.out(`Wrote ${count} link${count === 1 ? '' : 's'} to ${target}.\n`);
  return 0;
}

async function collectorCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  if (!values.out || positionals.length) {
    io.err('collector takes --out DIR: the folder to write the collector scripts into. See applink-advisor --help.\n');
    return 64;
  }
  const written = await writeCollectorScripts(values.out);
  io.out(`${written.join('\n')}\nCarry them to a host that reaches the servers and run, for each server:\n  bash collect-applinks.sh https://jira.example.com ./applinks-export\n  .\\collect-applinks.ps1 -BaseUrl https://jira.example.com -OutDir .\\applinks-export\nthen bring applinks-export back and run: applink-advisor import applinks-export --dry-run (docs/collecting.md).\n`);
  return 0;
}

async function importBundleCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { workspace: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, resolve: { type: 'string' }, format: { type: 'string', default: 'table' } },
  });
  const [file] = positionals;
  if (!file || positionals.length !== 1) {
    io.err('import-bundle takes one bundle file. See applink-advisor --help.\n');
    return 64;
  }
  if (values.format !== 'json' && values.format !== 'table') {
    io.err(`--format must be json or table, not "${values.format}".\n`);
    return 64;
  }
  if (values.resolve !== undefined && !(BUNDLE_RESOLUTIONS as readonly string[]).includes(values.resolve)) {
    io.err(`--resolve must be one of ${BUNDLE_RESOLUTIONS.join(', ')}, not "${values.resolve}".\n`);
    return 64;
  }
  const text = await readInput(file);
  const opened = openBundle(text, path.basename(file));
  return withWorkspace(values.workspace, !values['dry-run'], io, async (store) => {
    const preview = await previewBundle(store, opened);
    const choice = values.resolve as BundleResolution | undefined;
    const conflicts = preview.rows.filter((r) => r.status === 'conflict');
    if (values.format === 'json') io.out(`${JSON.stringify(preview, null, 2)}\n`);
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

/** Runs the command line; returns the exit status. */
export async function runCli(argv: string[], output: CliIo = processIo, version = '0.0.0'): Promise<number> {
  const [command, ...rest] = argv;
  // Everything printed passes here: text from other people's files never drives the terminal.
  const io: CliIo = { out: (text) => output.out(terminalSafe(text)), err: (text) => output.err(terminalSafe(text)) };
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(HELP);
        return command === undefined ? 64 : 0;
      case '-v':
      case '--version':
        io.out(`${version}\n`);
        return 0;
      case 'assess':
        return await assessCommand(rest, io);
      case 'checklist':
        return await checklistCommand(rest, io);
      case 'workspace':
        return await workspaceCommand(rest, io);
      case 'list':
        return await listCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'report':
        return await reportCommand(rest, io, version);
      case 'keygen':
        return await keygenCommand(rest, io);
      case 'verify-report':
        return await verifyReportCommand(rest, io);
      case 'sign':
        return await signCommand(rest, io);
      case 'export-bundle':
        return await exportBundleCommand(rest, io, version);
      case 'import-bundle':
        return await importBundleCommand(rest, io);
      case 'collector':
        return await collectorCommand(rest, io);
      default:
        io.err(`Unknown command "${command}". See applink-advisor --help.\n`);
        return 64;
    }
  } catch (error) {
    // Messages can quote a file's content (a key zod did not expect, a JSON parser's snippet): one line each.
    if (error instanceof OperationError) {
      io.err(`${oneLine(error.message)}\n`);
      return 2;
    }
    const pathError = describePathError(error);
    if (pathError) {
      io.err(`${pathError}\n`);
      return 2;
    }
    const fileError = describeFileError(error);
    if (fileError) {
      io.err(`${fileError}\n`);
      return 1;
    }
    // parseArgs reports a wrong command line by throwing; say it in one line.
    if (String((error as { code?: unknown } | null)?.code ?? '').startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error instanceof Error ? error.message : String(error)}\nSee applink-advisor --help.\n`);
      return 64;
    }
    io.err(`The command failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
