import { assessLink, type Verdict } from '../engine/assessLink.ts';
import type { ImportPreview } from '../model/importPreview.ts';
import type { AnswerKey } from '../model/vocabulary.ts';
import { ANSWER_QUESTIONS, RECOMMENDATION_LABELS } from './labels.ts';
import { oneLine } from './terminalText.ts';

/** The command-line flag that gives an answer: `sharedUserBase` → `shared-user-base`. */
export const answerFlag = (key: AnswerKey): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** For an UNDETERMINED verdict: the question still unanswered, and how to answer it (`--answer …`). */
export function missingAnswer(verdict: Verdict): { key: AnswerKey; question: string } | null {
  if (verdict.recommended !== 'UNDETERMINED' || !verdict.pendingQuestion) return null;
  const entry = (Object.entries(ANSWER_QUESTIONS) as Array<[AnswerKey, { question: string; node?: string }]>).find(([, q]) => q.node === verdict.pendingQuestion);
  return entry ? { key: entry[0], question: entry[1].question } : null;
}

/** How an unattributed file can be placed from the command line. */
export function unattributedMessage(u: ImportPreview['unattributed'][number]): string {
  const choices = u.candidates.map((c) => `${c.id}${c.name ? ` (${c.name})` : ''}`).join(', ');
  return `cannot tell which of ${u.group}'s links this ${u.endpoint} answer is about: ${u.reason}. `
    + `${choices ? `Attach it with --attach ${u.file}=LINK_ID (LINK_ID one of: ${choices}), or leave it out with --skip ${u.file}` : `Leave it out with --skip ${u.file}, or import it beside the server's list of links`}`
    + ` (or rename it ${u.suggestedName}).`;
}

/**
 * The import preview as text, as the app shows it: each file (what it was, secrets removed, the link a
 * per-link answer was placed on), files still to place, and per link the action, the recommendation
 * and the worst finding; an UNDETERMINED link says which answer it needs.
 */
export function importPreviewText(preview: ImportPreview): string {
  const lines: string[] = [];
  for (const f of preview.files) {
    // Names, paths and warnings come from other people's files: one line each, control characters escaped.
    lines.push(`${oneLine(f.file)}  [${oneLine(f.group)}]  ${oneLine(f.kind)}${f.links ? `, ${f.links} link${f.links === 1 ? '' : 's'}` : ''}`);
    if (f.attributedTo) lines.push(`  about link ${oneLine(f.attributedTo.name ?? f.attributedTo.id)} (${f.attributedTo.id}), by ${f.attributedTo.by}`);
    if (f.secretsRemoved.length) lines.push(`  ${f.secretsRemoved.length} secret${f.secretsRemoved.length === 1 ? '' : 's'} removed: ${f.secretsRemoved.map((s) => `${oneLine(s.path)} (${s.why})`).join(', ')}`);
  }
  for (const u of preview.unattributed) lines.push(`${oneLine(u.file)}  [${oneLine(u.group)}]  NOT PLACED: ${oneLine(unattributedMessage(u))}`);
  lines.push('');
  if (preview.rows.length) lines.push(`${'action'.padEnd(9)} ${'link'.padEnd(40)} ${'recommended'.padEnd(26)} ${'worst finding'.padEnd(32)} name`);
  for (const row of preview.rows) {
    const verdict = assessLink(row.link);
    const worst = verdict.findings[0];
    const worstText = worst && verdict.worstSeverity ? `${verdict.worstSeverity} ${worst.rule}${worst.code !== worst.rule ? ` ${worst.code}` : ''}` : '-';
    lines.push(`${row.action.padEnd(9)} ${row.link.id.padEnd(40)} ${RECOMMENDATION_LABELS[verdict.recommended].padEnd(26)} ${worstText.padEnd(32)} ${oneLine(row.link.name)}${row.bothEnds ? '  (both ends)' : ''}`);
    const missing = missingAnswer(verdict);
    if (missing) lines.push(`          ? UNDETERMINED: needs an answer to "${missing.question}" — give it with --answer ${answerFlag(missing.key)}=yes|no`);
    for (const w of row.warnings) lines.push(`          ! ${oneLine(w)}`);
  }
  const count = (a: string) => preview.rows.filter((r) => r.action === a).length;
  lines.push(`${preview.rows.length} links: ${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged.`);
  return `${lines.join('\n')}\n`;
}
