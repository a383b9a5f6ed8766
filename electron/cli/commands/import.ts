import { parseArgs } from 'node:util';
import { readChoiceFlags } from '../../../shared/import/choiceFlags.ts';
import { applyAnswers } from '../../../shared/import/importPlan.ts';
import type { Answers } from '../../../shared/model/link.ts';
import { importPreviewText, unattributedMessage } from '../../../shared/present/importPreviewText.ts';
import { oneLine } from '../../../shared/present/terminalText.ts';
import { readImportInputs } from '../../features/import/importFolder.ts';
import { commitImport, previewImport } from '../../features/import/importService.ts';
import { formatFlag, usage, withWorkspace, type CliIo } from '../args.ts';

const ANSWER_FLAGS: Record<string, keyof Answers> = {
  'mutual-trust': 'mutualTrust', 'shared-user-base': 'sharedUserBase', 'admin-on-remote': 'adminOnRemote', 'sysadmin-on-remote': 'sysadminOnRemote',
};

/** The --answer flags as answers; a wrong one is a wrong command line. */
function answersOf(given: readonly string[]): Partial<Answers> {
  const answers: Partial<Answers> = {};
  for (const answer of given) {
    const [flag, value] = answer.split('=');
    // Own keys only: "__proto__" or "constructor" must not find something on Object.prototype.
    const key = flag !== undefined && Object.hasOwn(ANSWER_FLAGS, flag) ? ANSWER_FLAGS[flag] : undefined;
    if (!key || (value !== 'yes' && value !== 'no')) {
      throw usage(`--answer takes QUESTION=yes|no with QUESTION one of ${Object.keys(ANSWER_FLAGS).join(', ')}, not "${oneLine(answer)}". See applink-advisor --help.`);
    }
    answers[key] = value === 'yes';
  }
  return answers;
}

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      workspace: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, answer: { type: 'string', multiple: true }, format: { type: 'string', default: 'table' },
      attach: { type: 'string', multiple: true }, skip: { type: 'string', multiple: true },
    },
  });
  if (positionals.length === 0) throw usage('import takes one or more export files or folders. See applink-advisor --help.');
  const format = formatFlag(values.format, ['json', 'table']);
  const answers = answersOf(values.answer ?? []);
  const { files, ignored } = await readImportInputs(positionals);
  if (ignored.length) io.err(`Not read (not .json or .csv): ${ignored.join(', ')}\n`);
  const flags = readChoiceFlags(values.attach ?? [], values.skip ?? [], files.map((f) => f.name));
  if (flags.problems.length) {
    for (const problem of flags.problems) io.err(`${problem}\n`);
    throw usage(`The files being imported: ${files.map((f) => f.name).join(', ')}`);
  }
  return withWorkspace(values.workspace, !values['dry-run'], io, async (store) => {
    const preview = await previewImport(store, files, flags.choices);
    if (format === 'json') io.out(`${JSON.stringify(preview, null, 2)}\n`);
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
