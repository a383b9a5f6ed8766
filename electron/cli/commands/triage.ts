import path from 'node:path';
import { parseArgs } from 'node:util';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { triageOf, localDay } from '../../../shared/engine/triage.ts';
import { triageDecision, triageableRules, withTriage } from '../../../shared/engine/triageDecision.ts';
import { onlyMarkers, scrubText } from '../../../shared/import/scrubText.ts';
import { oneLine } from '../../../shared/present/terminalText.ts';
import { triageLine } from '../../../shared/present/triageText.ts';
import { userDataDir } from '../../app/defaultWorkspace.ts';
import { PreferencesStore } from '../../app/preferences.ts';
import { CliExit, usage, withWorkspace, workspaceFolder, type CliIo } from '../args.ts';

/**
 * Free text typed on a command line (it lands in shell history and in the workspace): a token or
 * password pasted into it is replaced by a marker, as the app does with checklist notes and evidence.
 */
function withoutSecrets(text: string | undefined, flag: string, io: CliIo): string | undefined {
  if (text === undefined) return undefined;
  const scrubbed = scrubText(text);
  if (scrubbed.removed.length === 0) return text;
  io.err(`${flag}: ${scrubbed.removed.length} secret${scrubbed.removed.length === 1 ? '' : 's'} removed before saving (${[...new Set(scrubbed.removed)].join(', ')}).\n`);
  return onlyMarkers(scrubbed.text) ? '' : scrubbed.text;
}

/** `triage`: records a decision on one finding of one link (issue 17); `--status open` clears it. */
export async function triageCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      workspace: { type: 'string' }, link: { type: 'string' }, rule: { type: 'string' }, status: { type: 'string' },
      reason: { type: 'string' }, owner: { type: 'string' }, due: { type: 'string' },
    },
  });
  if (positionals.length) throw usage(`triage takes no file, only flags (not "${oneLine(positionals[0]!)}"). See applink-advisor --help.`);
  const missing = (['link', 'rule', 'status'] as const).filter((flag) => values[flag] === undefined);
  if (missing.length) throw usage(`triage needs ${missing.map((f) => `--${f}`).join(', ')}. See applink-advisor --help.`);
  const linkId = values.link!;
  const rule = values.rule!.trim().toUpperCase();
  const operator = (await new PreferencesStore(path.join(userDataDir(), 'preferences.json')).get()).operatorName;
  const checked = triageDecision(
    { status: values.status!, reason: withoutSecrets(values.reason, '--reason', io), owner: withoutSecrets(values.owner, '--owner', io), due: values.due },
    { at: new Date().toISOString(), by: operator },
  );
  if (!checked.ok) {
    for (const problem of checked.problems) io.err(`--${problem.field}: ${problem.message}\n`);
    throw new CliExit(2, 'Nothing was saved.');
  }
  // The workspace must exist: a typo in --workspace is an error, not a new empty workspace.
  const dir = workspaceFolder(values.workspace, 'read');
  return withWorkspace(dir, true, io, async (store) => {
    const document = await store.get(linkId);
    if (!document) throw new CliExit(2, `There is no link "${oneLine(linkId)}" in ${oneLine(store.root)} (applink-advisor list shows its links). Nothing was saved.`);
    const fires = triageableRules(assessLink(document.link).findings);
    const recorded = document.link.triage?.[rule];
    // A decision on a rule that stopped firing is kept (it may fire again); it can still be cleared.
    if (!fires.includes(rule) && !(checked.decision === null && recorded)) {
      const which = fires.length ? `the rules that do: ${fires.join(', ')}` : 'no rule with an id fires for it';
      throw new CliExit(2, `Rule "${oneLine(values.rule!)}" does not fire for link "${oneLine(linkId)}"; ${which}. Nothing was saved.`);
    }
    if (checked.decision === null && !recorded) {
      io.out(`No decision was recorded for ${rule} on ${oneLine(linkId)}: it is open. Nothing changed.\n`);
      return 0;
    }
    const event = checked.decision ? `triage ${rule}: ${checked.decision.status}` : `triage ${rule}: cleared`;
    const backup = await store.backups.createBeforeChange(`before ${event} on ${linkId}`);
    const saved = await store.update(linkId, (current) => ({ link: withTriage(current.link, rule, checked.decision), checklists: current.checklists }), { event });
    const line = triageLine(triageOf(saved.link, rule, localDay(new Date())));
    io.out(`${oneLine(linkId)} ${rule}: ${line ? oneLine(line) : 'open (decision cleared)'}. Saved as revision ${saved.revision}${backup ? `; the workspace before is kept as backup ${backup.id}` : ''}.\n`);
    return 0;
  });
}
