import type { Verdict } from '../../engine/assessLink.ts';
import type { Link } from '../../model/link.ts';
import { ANSWER_KEYS, type AnswerKey } from '../../model/vocabulary.ts';
import { escapeHtml } from '../escape.ts';
import { directionText } from '../labels.ts';

/** The four answers as short names (the questions in full are in the app and docs/engine.md). */
export const ANSWER_NAMES: Record<AnswerKey, string> = {
  adminOnRemote: 'Admin on the remote', mutualTrust: 'Full mutual trust', sharedUserBase: 'Shared user base', sysadminOnRemote: 'Sysadmin on the remote',
};

const answerText = (v: boolean | null) => (v === null ? 'not answered' : v ? 'yes' : 'no');

/** A link's answers on one line of a report. */
export const answersHtml = (link: Link): string => ANSWER_KEYS.map((k) => `${ANSWER_NAMES[k]}: <strong>${answerText(link.answers[k])}</strong>`).join(' · ');

/**
 * The recommended settings as one row of a link's table (a table of their own doubled the markup of
 * every link: 10,000 links must stay a report one can open).
 */
export function settingsRowHtml(settings: Verdict['settings']): string {
  if (!settings) return '';
  const end = (name: string, d: { outgoing: Parameters<typeof directionText>[0]; incoming: Parameters<typeof directionText>[0] }) => `${name}: outgoing ${escapeHtml(directionText(d.outgoing))}, incoming ${escapeHtml(directionText(d.incoming))}`;
  return `<tr><th>Recommended settings</th><td>${end('local end', settings.local)}${settings.remote ? ` · ${end('remote end', settings.remote)}` : ''}</td></tr>`;
}
