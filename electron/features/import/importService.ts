import path from 'node:path';
import { OperationError } from '../../../shared/contract/operationError.ts';
import { buildImport, type ImportChoices, type ImportFile } from '../../../shared/import/buildImport.ts';
import { groupOf } from '../../../shared/import/fileGroups.ts';
import { applyAnswers, planImport } from '../../../shared/import/importPlan.ts';
import type { ImportCommitResult, ImportPreview } from '../../../shared/model/importPreview.ts';
import type { Answers } from '../../../shared/model/link.ts';
import { stableStringify } from '../../../shared/model/stableJson.ts';
import { inputFileSize, readInputText } from '../../app/inputFiles.ts';
import type { WorkspaceStore } from '../../workspace/store.ts';

/** Export files larger than this are refused before they are read (an export of 5,000 links is about 3 MB). */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;
/** All the files of one import together. */
export const MAX_IMPORT_TOTAL_BYTES = 200 * 1024 * 1024;

/**
 * Reads the chosen files, grouping each by the server it came from (file-name prefix or folder). Every
 * size is checked before any file is read; text is decoded as every command does (inputFiles.ts).
 */
export async function readImportFiles(paths: readonly string[]): Promise<ImportFile[]> {
  let total = 0;
  for (const file of paths) total += await inputFileSize(file, MAX_IMPORT_FILE_BYTES);
  if (total > MAX_IMPORT_TOTAL_BYTES) {
    throw new OperationError('invalid-argument', `The ${paths.length} files hold ${Math.round(total / 1024 / 1024)} MB together, more than the ${MAX_IMPORT_TOTAL_BYTES / 1024 / 1024} MB limit for one import; import them in smaller sets.`);
  }
  const files: ImportFile[] = [];
  for (const file of paths) {
    files.push({ name: path.basename(file), group: groupOf(path.basename(file), path.basename(path.dirname(path.resolve(file)))), text: await readInputText(file, MAX_IMPORT_FILE_BYTES) });
  }
  return files;
}

/**
 * Reads, normalises, reconciles and compares with the workspace: the preview. Writes nothing.
 * `choices` attach files the import could not place to a link, or leave them out.
 */
export async function previewImport(store: WorkspaceStore, files: readonly ImportFile[], choices: ImportChoices = {}): Promise<ImportPreview> {
  const result = buildImport(files, choices);
  const { documents } = await store.list();
  return {
    files: result.files, problems: result.problems, unattributed: result.unattributed, rows: planImport(result.links, documents),
    choices: { attach: { ...choices.attach }, skip: [...(choices.skip ?? [])] },
  };
}

/**
 * Commits a preview in one all-or-nothing step after a backup: created and updated links (less those
 * the user left out), with the answers the user gave for links that had none. Refused while any file
 * has a problem, so nothing half-read is ever imported.
 */
export async function commitImport(store: WorkspaceStore, preview: ImportPreview, answers: Partial<Answers>, skip: readonly string[]): Promise<ImportCommitResult> {
  if (preview.problems.length) {
    const first = preview.problems[0]!;
    throw new OperationError('conflict', `Nothing was imported: ${preview.problems.length} problem${preview.problems.length === 1 ? '' : 's'} in the files (first: ${first.file}: ${first.path}: ${first.message}).`);
  }
  if (preview.unattributed.length) {
    throw new OperationError('conflict', `Nothing was imported: ${preview.unattributed.map((u) => u.file).join(', ')} ${preview.unattributed.length === 1 ? 'is' : 'are'} not yet placed on a link; attach each to a link or leave it out.`);
  }
  const left = new Set(skip);
  const before = new Map(preview.rows.map((r) => [r.link.id, r.link.answers]));
  const rows = applyAnswers(preview.rows.filter((r) => !left.has(r.link.id)), answers);
  // An unchanged link is written only when the user just answered one of its questions.
  const toWrite = rows.filter((r) => r.action !== 'unchanged' || stableStringify(r.link.answers) !== stableStringify(before.get(r.link.id)));
  const files = [...new Set(preview.files.map((f) => f.file))];
  const { backup } = toWrite.length
    ? await store.replaceMany(toWrite.map((r) => ({ link: r.link })), [], `before importing ${toWrite.length} link${toWrite.length === 1 ? '' : 's'}`, { event: `imported from ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}` })
    : { backup: null };
  const created = toWrite.filter((r) => r.action === 'create').length;
  return {
    created,
    updated: toWrite.length - created,
    unchanged: rows.length - toWrite.length,
    skipped: preview.rows.length - rows.length,
    backupId: backup?.id ?? null,
  };
}
