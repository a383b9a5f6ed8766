import { parseJsonText } from '../model/jsonText.ts';
import type { InputProblem } from '../model/validationMessages.ts';

/** What a pasted `GET /rest/applinks/3.0/status/{id}` answer says (domain §9.1). */
export interface StatusEvidence {
  working: boolean;
  errorType: string | null;
  errorCategory: string | null;
  linkName: string | null;
}

export type EvidenceResult = { ok: true; evidence: StatusEvidence; healthy: boolean; summary: string } | { ok: false; problems: InputProblem[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads pasted status JSON. Healthy means `"working": true` and no `error.type`. */
export function parseStatusEvidence(text: string): EvidenceResult {
  const json = parseJsonText(text.trim());
  if (!json.ok) return json;
  const value = json.value;
  if (!isObject(value)) return { ok: false, problems: [{ path: '(root)', message: 'expected the JSON object returned by /rest/applinks/3.0/status/{id}' }] };
  if (typeof value.working !== 'boolean') return { ok: false, problems: [{ path: 'working', message: 'expected true or false (is this the status of a link?)' }] };
  let errorType: string | null = null;
  let errorCategory: string | null = null;
  if (value.error !== undefined && value.error !== null) {
    if (!isObject(value.error)) return { ok: false, problems: [{ path: 'error', message: 'expected an object with category and type, or null' }] };
    errorType = typeof value.error.type === 'string' ? value.error.type : null;
    errorCategory = typeof value.error.category === 'string' ? value.error.category : null;
  }
  const linkName = isObject(value.link) && typeof value.link.name === 'string' ? value.link.name : null;
  const healthy = value.working && errorType === null;
  const summary = healthy
    ? `Working, no error${linkName ? ` (${linkName})` : ''}.`
    : `${value.working ? 'Working' : 'Not working'}${errorType ? `, error ${errorCategory ?? ''}/${errorType}` : ''}${linkName ? ` (${linkName})` : ''}.`;
  return { ok: true, evidence: { working: value.working, errorType, errorCategory, linkName }, healthy, summary };
}
